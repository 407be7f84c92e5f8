package jp.mynahealth.apps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.util.FhirTerser;
import jp.mynahealth.Role;
import jp.mynahealth.common.apps.AppScope;
import jp.mynahealth.common.database.DataFolder;
import jp.mynahealth.idp.apps.App;
import jp.mynahealth.idp.apps.AppRegistry;
import jp.mynahealth.idp.apps.AppSecrets;
import jp.mynahealth.portal.etax.MedicalExpenseXml;
import jp.mynahealth.support.AppClientFlow;
import jp.mynahealth.support.AppClientFlow.Token;
import jp.mynahealth.support.CardLoginSystem;
import jp.mynahealth.support.FhirBaseValidation;
import jp.mynahealth.support.PortalRole;
import jp.mynahealth.support.TestBrowser;

/**
 * What an app reads through the API, on the real system with 見本 太郎's consent: every endpoint
 * answers FHIR that parses with HAPI and validates against the base R4 profiles; every reference
 * and every page is 太郎's and no one else's, whatever the parameters say; the kinds not given are
 * forbidden and logged as refused; the tax notice is the signed file xmlsec1 verifies.
 */
class ApiReadsTest {

    private static final String SECRET = "api-reads-test-secret-0123456789";
    private static final String REDIRECT = "http://127.0.0.1:9/callback";
    private static final List<String> SEARCHES = List.of("/Coverage", "/MedicationDispense", "/Observation",
            "/ExplanationOfBenefit");
    private static String everything;
    private static String drugsOnly;
    private static JdbcClient jdbc;

    @TempDir
    static Path folder;

    @BeforeAll
    static void connect() {
        AppRegistry apps = CardLoginSystem.roles().context(Role.IDP).getBean(AppRegistry.class);
        // Two apps: a person has one consent in force per app, so a second consent to one app would end the first.
        for (String id : List.of("api-reads-test", "api-reads-drugs")) {
            apps.register(new App(id, "APIテストアプリ", "テスト株式会社", List.of(REDIRECT), EnumSet.allOf(AppScope.class),
                    Optional.of(AppSecrets.hash(SECRET))));
        }
        jdbc = CardLoginSystem.roles().common().getBean(JdbcClient.class);
        everything = token("api-reads-test", "insurance drugs checkups costs tax-notice");
        drugsOnly = token("api-reads-drugs", "drugs");
    }

    /** 太郎 gives the app the kinds asked, for his own data. */
    private static String token(String client, String scopes) {
        AppClientFlow app = new AppClientFlow(CardLoginSystem.idp(), client, SECRET, REDIRECT);
        TestBrowser browser = new TestBrowser();
        HttpResponse<String> page = app.logInAndOpenConsent(browser, CardLoginSystem.signer(), CardLoginSystem.CARD,
                CardLoginSystem.PIN, scopes);
        page = app.consentPageFor(browser, page, scopes, PortalRole.TARO);
        Token token = app.exchange(AppClientFlow.code(app.consent(browser, page, List.of(scopes.split(" ")), "30", null)));
        assertThat(token.status()).isEqualTo(200);
        return token.accessToken();
    }

    private static String fhir(String path) {
        return CardLoginSystem.portal() + "/api/v1/fhir" + path;
    }

    private static String body(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    /** Every Reference in the resource, as "Type/id" or the URL it names. */
    private static List<String> references(org.hl7.fhir.instance.model.api.IBaseResource resource) {
        FhirTerser terser = FhirContext.forR4Cached().newTerser();
        return terser.getAllPopulatedChildElementsOfType(resource, Reference.class).stream()
                .map(Reference::getReference).filter(reference -> reference != null).toList();
    }

    @Test
    void everyEndpointAnswersValidFhirOfThePersonOnly() {
        HttpResponse<byte[]> patientAnswer = AppClientFlow.call(fhir("/Patient"), everything);
        assertThat(patientAnswer.statusCode()).isEqualTo(200);
        assertThat(patientAnswer.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/fhir+json"));
        Patient patient = FhirContext.forR4Cached().newJsonParser().parseResource(Patient.class, body(patientAnswer));
        assertThat(FhirBaseValidation.errors(body(patientAnswer))).isEmpty();
        String me = "Patient/" + patient.getIdElement().getIdPart();
        List<String> others = jdbc.sql("select person_id::text from records.person where family_name = '見本' and person_id <> :p")
                .param("p", PortalRole.TARO).query(String.class).list();

        for (String search : SEARCHES) {
            String url = fhir(search) + "?_count=5";
            int pages = 0;
            while (url != null && pages < 50) {
                HttpResponse<byte[]> answer = AppClientFlow.call(url, everything);
                assertThat(answer.statusCode()).as(url).isEqualTo(200);
                String json = body(answer);
                String asked = url;
                assertThat(FhirBaseValidation.errors(json)).as(asked).isEmpty();
                others.forEach(other -> assertThat(json).as(asked).doesNotContain(other));
                Bundle bundle = FhirContext.forR4Cached().newJsonParser().parseResource(Bundle.class, json);
                assertThat(bundle.getType()).isEqualTo(Bundle.BundleType.SEARCHSET);
                for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
                    List<String> patients = references(entry.getResource()).stream()
                            .filter(reference -> reference.contains("Patient/")).toList();
                    assertThat(patients).as(search + " entry " + entry.getFullUrl()).isNotEmpty()
                            .allSatisfy(reference -> assertThat(reference).endsWith(me));
                }
                url = bundle.getLink("next") == null ? null : bundle.getLink("next").getUrl();
                pages++;
            }
            assertThat(pages).as(search + " pages").isPositive();
        }
    }

    @Test
    void noParameterNamesAnotherPerson() {
        for (String search : SEARCHES) {
            HttpResponse<byte[]> answer = AppClientFlow.call(fhir(search) + "?patient=" + PortalRole.ICHIRO, everything);
            assertThat(answer.statusCode()).as(search).isEqualTo(400);
            assertThat(body(answer)).contains("OperationOutcome").doesNotContain(PortalRole.ICHIRO.toString());
        }
        HttpResponse<byte[]> forged = AppClientFlow.call(fhir("/MedicationDispense") + "?_cursor=AAAA", everything);
        assertThat(forged.statusCode()).isEqualTo(400);
    }

    @Test
    void kindsNotGivenAreForbiddenAndTheHistorySaysSo() {
        assertThat(AppClientFlow.call(fhir("/MedicationDispense"), drugsOnly).statusCode()).isEqualTo(200);
        assertThat(AppClientFlow.call(fhir("/Patient"), drugsOnly).statusCode()).isEqualTo(200);
        for (String refused : List.of("/Coverage", "/Observation", "/ExplanationOfBenefit")) {
            HttpResponse<byte[]> answer = AppClientFlow.call(fhir(refused), drugsOnly);
            assertThat(answer.statusCode()).as(refused).isEqualTo(403);
            assertThat(body(answer)).contains("OperationOutcome");
        }
        assertThat(AppClientFlow.call(CardLoginSystem.portal() + "/api/v1/tax-notices/2025", drugsOnly).statusCode()).isEqualTo(403);
        assertThat(jdbc.sql("""
                select count(*) from portal.access_log
                where person_id = :p and channel = 'api' and terminal_id = 'api-reads-drugs' and result = 'refused'
                """).param("p", PortalRole.TARO).query(Long.class).single()).isGreaterThanOrEqualTo(4);
    }

    @Test
    void theTaxNoticeIsTheSignedFileXmlsec1Verifies() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/xmlsec1")), "xmlsec1 is not installed (.ci/run installs it)");
        HttpResponse<byte[]> answer = AppClientFlow.call(CardLoginSystem.portal() + "/api/v1/tax-notices/2025", everything);
        assertThat(answer.statusCode()).isEqualTo(200);
        Path file = folder.resolve("notice.xml");
        Files.write(file, answer.body());
        Path root = CardLoginSystem.roles().common().getBean(DataFolder.class).resolve("ca/root-ca.pem");
        assertThat(xmlsec1(file, root)).isZero();
        Path tampered = folder.resolve("tampered.xml");
        Files.writeString(tampered, Files.readString(file).replaceFirst("<Nissu>(\\d+)</Nissu>", "<Nissu>99</Nissu>"));
        assertThat(xmlsec1(tampered, root)).isNotZero();
    }

    @Test
    void aYearWithoutNoticesIsNotFound() {
        HttpResponse<byte[]> answer = AppClientFlow.call(CardLoginSystem.portal() + "/api/v1/tax-notices/1999", everything);
        assertThat(answer.statusCode()).isEqualTo(404);
        assertThat(body(answer)).contains("OperationOutcome", "not-found");
    }

    private static int xmlsec1(Path file, Path trusted) throws Exception {
        List<String> command = new ArrayList<>(List.of("xmlsec1", "--verify", "--trusted-pem", trusted.toString(),
                "--id-attr:id", MedicalExpenseXml.NAMESPACE + ":IryohiTsuchi", file.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getInputStream().readAllBytes();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return process.exitValue();
    }
}
