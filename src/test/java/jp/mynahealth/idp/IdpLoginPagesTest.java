package jp.mynahealth.idp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import jp.mynahealth.Application;
import jp.mynahealth.Role;
import jp.mynahealth.RunningRoles;
import jp.mynahealth.idp.card.TestPki;
import jp.mynahealth.support.FreePort;

/** The idp's login pages over HTTP: the signer link, and the polite page and status of each kind of refusal. */
class IdpLoginPagesTest {

    private static RunningRoles roles;
    private static String idp;

    @BeforeAll
    static void start() {
        roles = Application.start("--roles=idp", "--myna.idp.port=" + FreePort.next(),
                "--myna.idp.trust-anchors=target/no-such-trust-anchor.pem");
        idp = "http://127.0.0.1:" + roles.port(Role.IDP);
    }

    @AfterAll
    static void stop() {
        roles.close();
    }

    private static HttpClient browser() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    }

    private static HttpResponse<String> get(HttpClient browser, String url) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(HttpClient browser, String url, String form) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String challengeOf(String page) {
        Matcher link = Pattern.compile("challenge=([A-Za-z0-9_-]+)").matcher(page);
        assertThat(link.find()).as("the login page links to the signer with a challenge").isTrue();
        return link.group(1);
    }

    @Test
    void theLoginPageLinksToTheLocalSignerWithAFreshChallengeOriginAndReturnAddress() throws Exception {
        HttpClient browser = browser();
        HttpResponse<String> page = get(browser, idp + "/login");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v).contains("no-store"));
        assertThat(page.body()).contains("http://127.0.0.1:18765/v1/authenticate?challenge=",
                "origin=" + idp, "return_to=" + idp + "/login/card/callback", "lang=ja", "署名アプリ");
        String first = challengeOf(page.body());
        assertThat(challengeOf(get(browser, idp + "/login").body())).isNotEqualTo(first);
        assertThat(get(browser, idp + "/login?lang=en").body()).contains("lang=en", "Open the signer");
    }

    /**
     * Posts the form as the signer's page does across sites, without the idp's cookie, and returns
     * the answer: a 303 to the completion address, or a refusal when there is no challenge to record on.
     */
    private static HttpResponse<String> postFromTheSigner(String form) throws Exception {
        return post(HttpClient.newHttpClient(), idp + "/login/card/callback", form);
    }

    private static String completion(HttpResponse<String> callback) {
        assertThat(callback.statusCode()).as("the callback answers with a redirect to the completion").isEqualTo(303);
        assertThat(callback.headers().allValues("Set-Cookie")).as("the callback sets no cookie").isEmpty();
        String location = callback.headers().firstValue("Location").orElseThrow();
        assertThat(location).matches(Pattern.quote(idp) + "/login/card/complete\\?handle=[A-Za-z0-9_-]{43}");
        return location;
    }

    @Test
    void aMalformedTokenGetsTheTryAgainPageWith400AndItsPostCannotBeReplayed() throws Exception {
        HttpClient browser = browser();
        String challenge = challengeOf(get(browser, idp + "/login").body());
        String form = "challenge=" + challenge + "&auth_token=" + URLEncoder.encode("{broken", StandardCharsets.UTF_8);
        HttpResponse<String> refused = get(browser, completion(postFromTheSigner(form)));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("ログインできませんでした").doesNotContain("Exception", "malformed");
        HttpResponse<String> replay = postFromTheSigner(form);
        assertThat(replay.statusCode()).isEqualTo(400);
        assertThat(replay.headers().firstValue("Location")).isEmpty();
        assertThat(replay.headers().allValues("Set-Cookie")).isEmpty();
        assertThat(replay.body()).contains("ログインできませんでした");
    }

    @Test
    void theOutcomeOfAChallengeFromAnotherBrowserIsRefusedToThisOne() throws Exception {
        String challenge = challengeOf(get(browser(), idp + "/login").body());
        HttpClient other = browser();
        get(other, idp + "/login");
        HttpResponse<String> refused = get(other, completion(post(other, idp + "/login/card/callback",
                "challenge=" + challenge + "&auth_token=x")));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("ログインできませんでした");
    }

    @Test
    void withoutTrustAnchorsTheLoginFailsClosedWith503AndAPolitePage() throws Exception {
        HttpClient browser = browser();
        String challenge = challengeOf(get(browser, idp + "/login").body());
        String token;
        try (TestPki pki = new TestPki("Pages")) {
            token = TestPki.token(pki.card(TestPki.CardSpec.good()), idp, challenge);
        }
        HttpResponse<String> refused = get(browser, completion(postFromTheSigner(
                "challenge=" + challenge + "&auth_token=" + URLEncoder.encode(token, StandardCharsets.UTF_8))));
        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.body()).contains("ただいまカードを確認できません").doesNotContain("trust anchor", "Exception");
    }

    @Test
    void cancellingInTheSignerShowsAFriendlyPageInTheChosenLanguage() throws Exception {
        HttpClient browser = browser();
        get(browser, idp + "/login?lang=en");
        HttpResponse<String> cancelled = get(browser, idp + "/login/card/callback?error=cancelled");
        assertThat(cancelled.statusCode()).isEqualTo(200);
        assertThat(cancelled.body()).contains("You cancelled the login", "log in again");
        assertThat(get(browser(), idp + "/login/card/callback?error=cancelled").body()).contains("ログインを中止しました");
    }

    @Test
    void theOpenIdConfigurationNamesThisIssuer() throws Exception {
        HttpResponse<String> configuration = browser().send(HttpRequest.newBuilder(
                URI.create(idp + "/.well-known/openid-configuration")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(configuration.statusCode()).isEqualTo(200);
        assertThat(configuration.body()).contains("\"issuer\":\"" + idp + "\"", "end_session_endpoint", "S256");
    }
}
