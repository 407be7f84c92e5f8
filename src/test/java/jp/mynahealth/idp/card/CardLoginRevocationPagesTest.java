package jp.mynahealth.idp.card;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import jp.mynahealth.Application;
import jp.mynahealth.Role;
import jp.mynahealth.RunningRoles;
import jp.mynahealth.support.FreePort;
import jp.mynahealth.support.ReadStoreTest;

/**
 * Revocation as a citizen meets it at the idp's login endpoint, with the idp trusting a test PKI
 * whose OCSP and CRL servers the test controls: one CRL download for many logins while OCSP is
 * down, and a polite 503 page, in the citizen's language, when neither answers.
 */
@ExtendWith(OutputCaptureExtension.class)
class CardLoginRevocationPagesTest {

    private static RunningRoles roles;
    private static String idp;
    private static TestPki pki;

    @TempDir
    static Path folder;

    @BeforeAll
    static void start() throws Exception {
        pki = new TestPki("Login Revocation");
        pki.writeTrust(folder.resolve("anchors.pem"), folder.resolve("intermediates.pem"));
        roles = Application.start("--roles=idp", "--myna.idp.port=" + FreePort.next(),
                "--myna.idp.trust-anchors=" + folder.resolve("anchors.pem"),
                "--myna.idp.intermediates=" + folder.resolve("intermediates.pem"),
                // The test PKI's certificates are valid around this moment.
                "--myna.clock.fixed=" + ReadStoreTest.TODAY + "T10:00:00+09:00");
        idp = "http://127.0.0.1:" + roles.port(Role.IDP);
    }

    @AfterAll
    static void stop() {
        roles.close();
        pki.close();
    }

    @BeforeEach
    void resetServers() {
        pki.reset();
    }

    private static HttpClient browser() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    }

    /**
     * Opens the login page (in the language asked for), posts what the signer would for this card
     * (without the idp's cookie, as across sites) and follows the answer in the browser.
     */
    private static HttpResponse<String> logIn(TestPki.Card card, String lang) throws Exception {
        HttpClient browser = browser();
        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create(idp + "/login?lang=" + lang))
                .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
        Matcher link = Pattern.compile("challenge=([A-Za-z0-9_-]+)").matcher(page.body());
        assertThat(link.find()).as("the login page links to the signer with a challenge").isTrue();
        String challenge = link.group(1);
        String form = "challenge=" + challenge + "&auth_token="
                + URLEncoder.encode(TestPki.token(card, idp, challenge), StandardCharsets.UTF_8);
        HttpResponse<String> callback = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(idp + CardAuthenticationFilter.CALLBACK))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(callback.statusCode()).isEqualTo(303);
        return browser.send(HttpRequest.newBuilder(URI.create(callback.headers().firstValue("Location").orElseThrow()))
                .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void whenNeitherOcspNorTheCrlAnswersTheCitizenIsToldPolitelyWith503AndTheReasonIsLogged(CapturedOutput log)
            throws Exception {
        // Its own distribution point: no CRL another test left in the idp's cache can answer for it.
        TestPki.Card card = pki.card(TestPki.CardSpec.good(), "outage.crl");
        pki.ocspUp = false;
        pki.crlUp = false;

        HttpResponse<String> japanese = logIn(card, "ja");
        assertThat(japanese.statusCode()).isEqualTo(503);
        assertThat(japanese.body()).contains("ただいまカードを確認できません",
                "しばらくしてから、もう一度お試しください");
        assertThat(withoutHandle(japanese.body())).doesNotContain("OCSP", "CRL", "Exception");

        HttpResponse<String> english = logIn(card, "en");
        assertThat(english.statusCode()).isEqualTo(503);
        assertThat(english.body()).contains("Your card cannot be checked right now", "Please try again in a little while");
        assertThat(withoutHandle(english.body())).doesNotContain("OCSP", "CRL", "Exception");

        assertThat(log.getOut()).contains("Card login refused [UNAVAILABLE]", "neither OCSP nor the CRL could answer",
                "OCSP could not answer");
    }

    @Test
    void duringAnOcspOutageManyLoginsCostOneCrlDownload() throws Exception {
        pki.ocspUp = false;
        for (int login = 0; login < 3; login++) {
            // Not linked to anybody: revocation passed on the CRL, so the login got as far as the read store.
            HttpResponse<String> refused = logIn(pki.card(TestPki.CardSpec.good()), "ja");
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(refused.body()).contains("このカードはまだ登録されていません");
        }
        assertThat(pki.ocspHits).hasValue(3);
        assertThat(pki.crlHits).hasValue(1);
    }

    /** The page's language links carry the random completion handle, which may spell "CRL" by chance. */
    private static String withoutHandle(String body) {
        return body.replaceAll("handle=[A-Za-z0-9_-]+", "handle=…");
    }
}
