package jp.mynahealth.idp.card;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jp.mynahealth.Application;
import jp.mynahealth.Role;
import jp.mynahealth.RunningRoles;
import jp.mynahealth.support.FreePort;
import jp.mynahealth.support.PortalRole;
import jp.mynahealth.support.ReadStoreTest;
import jp.mynahealth.support.StoreLogins;

/**
 * The card login when the signer's page is on another site than the idp: its form arrives without
 * the idp's {@code SameSite=Lax} cookie, so the POST only checks the card and the login completes
 * on the top-level GET it redirects to, for the browser session the challenge was issued to only.
 * Each browser here is an HTTP client with its own cookie jar; the signer's POST is sent without
 * cookies, as a browser sends it across sites.
 */
class CardLoginAcrossSitesTest {

    private static final String PORTAL = "http://localhost:8080";
    private static final String VERIFIER = "across-sites-verifier-across-sites-verifier-0123456789";
    private static RunningRoles roles;
    private static String idp;
    private static TestPki pki;
    private static TestPki.Card taro;

    @TempDir
    static Path folder;

    @BeforeAll
    static void start() throws Exception {
        pki = new TestPki("Across Sites");
        pki.writeTrust(folder.resolve("anchors.pem"), folder.resolve("intermediates.pem"));
        roles = Application.start("--roles=idp", "--myna.idp.port=" + FreePort.next(),
                "--myna.idp.trust-anchors=" + folder.resolve("anchors.pem"),
                "--myna.idp.intermediates=" + folder.resolve("intermediates.pem"),
                "--myna.idp.portal-url=" + PORTAL,
                // The test PKI's certificates are valid around this moment.
                "--myna.clock.fixed=" + ReadStoreTest.TODAY + "T10:00:00+09:00");
        idp = "http://127.0.0.1:" + roles.port(Role.IDP);
        taro = pki.card(TestPki.CardSpec.good(), "across-sites.crl");
        // Test data enters the read store with the importer's login, as all data does.
        StoreLogins.importer(roles.common()).sql("""
                insert into records.card_certificate (issuer, serial_number, person_id, not_before, not_after, status)
                values (:issuer, :serial, :person, :from, :to, 'active')
                """)
                .param("issuer", taro.certificate().getIssuerX500Principal().getName())
                .param("serial", new BigDecimal(taro.certificate().getSerialNumber()))
                .param("person", PortalRole.TARO)
                .param("from", Timestamp.from(taro.certificate().getNotBefore().toInstant()))
                .param("to", Timestamp.from(taro.certificate().getNotAfter().toInstant()))
                .update();
    }

    @AfterAll
    static void stop() {
        roles.close();
        pki.close();
    }

    /** A browser that has asked the idp to authorize the portal and was shown the login page: its challenge. */
    private record Browser(HttpClient http, String authorize, String challenge) {

        static Browser atTheLoginPage() throws Exception {
            HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NEVER).build();
            String challengeOfVerifier = Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(VERIFIER.getBytes(StandardCharsets.US_ASCII)));
            String authorize = idp + "/oauth2/authorize?response_type=code&client_id=myna-portal&scope=openid"
                    + "&redirect_uri=" + URLEncoder.encode(PORTAL + "/login/oauth2/code/myna", StandardCharsets.UTF_8)
                    + "&state=s1&nonce=n1&code_challenge=" + challengeOfVerifier + "&code_challenge_method=S256";
            assertThat(location(get(http, authorize))).isEqualTo(idp + "/login");
            Matcher link = Pattern.compile("challenge=([A-Za-z0-9_-]+)").matcher(get(http, idp + "/login").body());
            assertThat(link.find()).as("the login page links to the signer with a challenge").isTrue();
            return new Browser(http, authorize, link.group(1));
        }

        /** Where the idp now sends this browser's authorization request: a code for the portal, or the login page. */
        String authorizeAgain() throws Exception {
            return location(get(http, authorize));
        }
    }

    /** What the signer's page posts, as a top-level cross-site POST carries it: no cookies. */
    private static HttpResponse<String> postFromTheSigner(TestPki.Card card, String challenge) throws Exception {
        String form = "challenge=" + challenge + "&auth_token="
                + URLEncoder.encode(TestPki.token(card, idp, challenge), StandardCharsets.UTF_8);
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(idp + CardAuthenticationFilter.CALLBACK))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(HttpClient http, String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String location(HttpResponse<String> response) {
        return response.headers().firstValue("Location").orElseThrow(() -> new AssertionError(
                "expected a redirect from " + response.uri() + " but got HTTP " + response.statusCode()));
    }

    @Test
    void theBrowserThatAskedCompletesTheLoginOnTheGetItIsSentToOnce() throws Exception {
        Browser browser = Browser.atTheLoginPage();
        HttpResponse<String> callback = postFromTheSigner(taro, browser.challenge());
        assertThat(callback.statusCode()).isEqualTo(303);
        assertThat(callback.headers().allValues("Set-Cookie")).as("no session that could replace the browser's own").isEmpty();
        assertThat(callback.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v).contains("no-store"));
        String completion = location(callback);
        assertThat(completion).startsWith(idp + "/login/card/complete?handle=").doesNotContain(browser.challenge());

        HttpResponse<String> completed = get(browser.http(), completion);
        assertThat(location(completed)).as("back to the authorization request").startsWith(idp + "/oauth2/authorize?");
        assertThat(browser.authorizeAgain()).startsWith(PORTAL + "/login/oauth2/code/myna?code=").contains("state=s1");

        HttpResponse<String> again = get(browser.http(), completion);
        assertThat(again.statusCode()).as("a handle works once").isEqualTo(400);
    }

    @Test
    void aTokenPostedForAnotherBrowsersChallengeLogsInNeitherBrowser() throws Exception {
        Browser owner = Browser.atTheLoginPage();
        Browser other = Browser.atTheLoginPage();

        HttpResponse<String> callback = postFromTheSigner(taro, owner.challenge());
        HttpResponse<String> refused = get(other.http(), location(callback));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("ログインできませんでした").doesNotContain("Exception");
        assertThat(other.authorizeAgain()).as("the browser that posted").isEqualTo(idp + "/login");
        assertThat(owner.authorizeAgain()).as("the browser the challenge was issued to").isEqualTo(idp + "/login");

        // The challenge is used up: its own browser's post is refused too, and cannot complete.
        HttpResponse<String> late = postFromTheSigner(taro, owner.challenge());
        assertThat(late.statusCode()).isEqualTo(400);
        assertThat(late.headers().firstValue("Location")).isEmpty();
        assertThat(owner.authorizeAgain()).isEqualTo(idp + "/login");
    }

    @Test
    void aReplayedPostIsRefusedAndGivesNoHandle() throws Exception {
        Browser browser = Browser.atTheLoginPage();
        String completion = location(postFromTheSigner(taro, browser.challenge()));
        HttpResponse<String> replay = postFromTheSigner(taro, browser.challenge());
        assertThat(replay.statusCode()).isEqualTo(400);
        assertThat(replay.headers().firstValue("Location")).isEmpty();
        assertThat(replay.headers().allValues("Set-Cookie")).isEmpty();
        assertThat(replay.body()).contains("ログインできませんでした");
        // The first post's outcome is still its browser's to collect.
        get(browser.http(), completion);
        assertThat(browser.authorizeAgain()).startsWith(PORTAL + "/login/oauth2/code/myna?code=");
    }

    @Test
    void aGuessedHandleIsRefused() throws Exception {
        Browser browser = Browser.atTheLoginPage();
        HttpResponse<String> refused = get(browser.http(), idp + "/login/card/complete?handle="
                + "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(get(browser.http(), idp + "/login/card/complete").statusCode()).isEqualTo(400);
        assertThat(browser.authorizeAgain()).isEqualTo(idp + "/login");
    }
}
