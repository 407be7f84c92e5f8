package jp.mynahealth.portal.download;

import static jp.mynahealth.support.PortalRole.ICHIRO;
import static jp.mynahealth.support.PortalRole.TARO;
import static jp.mynahealth.support.PortalRole.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import jp.mynahealth.Role;
import jp.mynahealth.portal.api.fhir.FhirJson;
import jp.mynahealth.support.PortalRole;

/** データのダウンロード through the portal's real chain: the page, both files, a kiosk's refusal, a proxy's 404. */
class DownloadPagesTest {

    private static MockMvc mvc;
    private static JdbcClient jdbc;

    @BeforeAll
    static void start() {
        mvc = PortalRole.mvc();
        jdbc = PortalRole.roles().context(Role.PORTAL).getBean(JdbcClient.class);
    }

    private static RequestPostProcessor atKiosk(UUID person) {
        return oidcLogin().idToken(token -> token.subject(person.toString()).claim("acr", "urn:myna-health:acr:card")
                .claim("channel", "kiosk").claim("terminal_id", "demo-kiosk-01"));
    }

    private static long logged(UUID person, String action, String channel, String result) {
        return jdbc.sql("""
                select count(*) from portal.access_log where person_id = :p and action = :a and channel = :c and result = :r
                """).param("p", person).param("a", action).param("c", channel).param("r", result).query(Long.class).single();
    }

    @Test
    void thePageExplainsBothFilesAndIsInTheMenu() throws Exception {
        long before = logged(TARO, "view_downloads", "web", "ok");
        MockHttpServletResponse response = mvc.perform(get("/download").with(as(TARO))).andExpect(status().isOk())
                .andReturn().getResponse();
        assertThat(response.getHeader("Cache-Control")).contains("no-store");
        assertThat(response.getContentAsString()).contains("<h1>データのダウンロード</h1>", "/download/fhir-bundle.json",
                "/download/patient-summary.json", "記号・番号は含まれません", "href=\"/download\"");
        assertThat(logged(TARO, "view_downloads", "web", "ok")).isEqualTo(before + 1);
        String english = mvc.perform(get("/download").param("lang", "en").with(as(TARO))).andReturn().getResponse().getContentAsString();
        assertThat(english).contains("Download your data", "Patient summary (IPS)");
    }

    @Test
    void theWholeRecordDownloadsAsAFhirBundleNamedWithTheDayAndIsLogged() throws Exception {
        long before = logged(TARO, "download_fhir_bundle", "web", "ok");
        MockHttpServletResponse response = mvc.perform(get("/download/fhir-bundle.json").with(as(TARO)))
                .andExpect(status().isOk()).andReturn().getResponse();
        assertThat(response.getContentType()).startsWith("application/fhir+json");
        assertThat(response.getHeader("Cache-Control")).isEqualTo("no-store");
        assertThat(response.getHeader("Content-Disposition")).startsWith("attachment; filename=\"myna-health-record-2026-11-24.json\"");
        Bundle bundle = FhirJson.context().newJsonParser().parseResource(Bundle.class,
                response.getContentAsString(StandardCharsets.UTF_8));
        assertThat(bundle.getType()).isEqualTo(Bundle.BundleType.COLLECTION);
        assertThat(bundle.getEntryFirstRep().getResource().getIdPart()).isEqualTo(TARO.toString());
        assertThat(bundle.getEntry()).extracting(e -> e.getResource().fhirType())
                .contains("Coverage", "MedicationDispense", "Observation", "ExplanationOfBenefit");
        assertThat(logged(TARO, "download_fhir_bundle", "web", "ok")).isEqualTo(before + 1);
    }

    @Test
    void theSummaryDownloadsAsAnIpsDocument() throws Exception {
        long before = logged(ICHIRO, "download_patient_summary", "web", "ok");
        MockHttpServletResponse response = mvc.perform(get("/download/patient-summary.json").with(as(ICHIRO)))
                .andExpect(status().isOk()).andReturn().getResponse();
        assertThat(response.getContentType()).startsWith("application/fhir+json");
        assertThat(response.getHeader("Cache-Control")).isEqualTo("no-store");
        assertThat(response.getHeader("Content-Disposition")).startsWith("attachment; filename=\"myna-patient-summary-2026-11-24.json\"");
        Bundle bundle = FhirJson.context().newJsonParser().parseResource(Bundle.class,
                response.getContentAsString(StandardCharsets.UTF_8));
        assertThat(bundle.getType()).isEqualTo(Bundle.BundleType.DOCUMENT);
        assertThat(bundle.getEntryFirstRep().getResource().fhirType()).isEqualTo("Composition");
        assertThat(logged(ICHIRO, "download_patient_summary", "web", "ok")).isEqualTo(before + 1);
    }

    @Test
    void aKioskSaysPolitelyThatItOffersNoDownloadsAndRefusesTheFiles() throws Exception {
        String page = mvc.perform(get("/download").with(atKiosk(TARO))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("この端末ではダウンロードできません").doesNotContain("fhir-bundle.json", "patient-summary.json");
        long before = logged(TARO, "download_fhir_bundle", "kiosk", "refused");
        for (String file : new String[] {"/download/fhir-bundle.json", "/download/patient-summary.json"}) {
            MockHttpServletResponse refused = mvc.perform(get(file).with(atKiosk(TARO))).andExpect(status().isForbidden())
                    .andReturn().getResponse();
            assertThat(refused.getHeader("Cache-Control")).isEqualTo("no-store");
            assertThat(refused.getContentType()).startsWith("text/html");
            assertThat(refused.getContentAsString()).contains("この端末ではダウンロードできません").doesNotContain("resourceType");
        }
        assertThat(logged(TARO, "download_fhir_bundle", "kiosk", "refused")).isEqualTo(before + 1);
    }

    @Test
    void aProxyCannotReachThePageNorTheFiles() throws Exception {
        long grant = jdbc.sql("""
                select grant_id from portal.proxy_grant where proxy_id = :proxy and principal_id = :principal and ended_at is null
                order by grant_id desc limit 1""").param("proxy", TARO).param("principal", ICHIRO).query(Long.class).single();
        MockHttpSession session = new MockHttpSession();
        mvc.perform(post("/proxies/act").param("grant", String.valueOf(grant)).with(csrf()).session(session).with(as(TARO)));
        for (String address : new String[] {"/download", "/download/fhir-bundle.json", "/download/patient-summary.json"}) {
            mvc.perform(get(address).session(session).with(as(TARO))).andExpect(status().isNotFound());
        }
        String dashboard = mvc.perform(get("/dashboard").session(session).with(as(TARO))).andReturn().getResponse().getContentAsString();
        assertThat(dashboard).contains("代理で表示中").doesNotContain("href=\"/download\"");
    }
}
