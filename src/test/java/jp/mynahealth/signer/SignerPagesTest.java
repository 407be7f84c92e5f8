package jp.mynahealth.signer;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import jp.mynahealth.Application;
import jp.mynahealth.Role;
import jp.mynahealth.RunningRoles;
import jp.mynahealth.signer.card.TestCards;
import jp.mynahealth.support.FreePort;

/** The signer's page over HTTP, with soft cards made by the test. */
class SignerPagesTest {

    private static final String CHALLENGE = "q1w2e3r4t5y6u7i8o9p0a1s2d3f4g5h6j7k8l9z0x1c";
    private static final String ORIGIN = "http://127.0.0.1:9000";
    private static RunningRoles roles;
    private static String signer;

    @BeforeAll
    static void start() throws Exception {
        Path cards = Files.createTempDirectory(Path.of("target"), "signer-cards");
        TestCards.write(cards, "alpha", "1234", "auth", "Alpha Card");
        roles = Application.start("--roles=signer", "--myna.signer.port=" + FreePort.next(), "--myna.signer.cards=" + cards);
        signer = "http://127.0.0.1:" + roles.port(Role.SIGNER);
    }

    @AfterAll
    static void stop() {
        roles.close();
    }

    private static String query(String returnTo) {
        return "/v1/authenticate?challenge=" + CHALLENGE + "&origin=" + URLEncoder.encode(ORIGIN, StandardCharsets.UTF_8)
                + "&return_to=" + URLEncoder.encode(returnTo, StandardCharsets.UTF_8) + "&lang=ja";
    }

    private static HttpClient browser() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    }

    private static HttpResponse<String> get(HttpClient browser, String path) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create(signer + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(HttpClient browser, String form) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create(signer + "/v1/authenticate"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String csrf(String page) {
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(token.find()).isTrue();
        return token.group(1);
    }

    private static String form(String csrf, String pin, String action) {
        return "_csrf=" + csrf + "&challenge=" + CHALLENGE + "&origin=" + URLEncoder.encode(ORIGIN, StandardCharsets.UTF_8)
                + "&return_to=" + URLEncoder.encode(ORIGIN + "/login/card/callback", StandardCharsets.UTF_8)
                + "&lang=ja&card=alpha&pin=" + pin + "&action=" + action;
    }

    @Test
    void thePageShowsTheRequestingSiteAndTheCards() throws Exception {
        HttpResponse<String> page = get(browser(), query(ORIGIN + "/login/card/callback"));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("class=\"origin\">http://127.0.0.1:9000<", "Alpha Card", "暗証番号（数字4桁）",
                "inputmode=\"numeric\"");
        assertThat(page.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v).contains("no-store"));
    }

    @Test
    void aReturnAddressOnAnotherSiteIsRefused() throws Exception {
        HttpResponse<String> page = get(browser(), query("http://evil.example/steal"));
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("この依頼には応じられません").doesNotContain("Alpha Card");
    }

    @Test
    void anotherHostNameIsRefused() throws Exception {
        // A raw request: HTTP clients will not let the Host header be set by hand.
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", roles.port(Role.SIGNER))) {
            socket.getOutputStream().write(("GET " + query(ORIGIN + "/cb") + " HTTP/1.1\r\nHost: attacker.example\r\n"
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 400").doesNotContain("Alpha Card");
        }
    }

    @Test
    void aLoopbackNameWithAnotherPortIsRefused() throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", roles.port(Role.SIGNER))) {
            socket.getOutputStream().write(("GET " + query(ORIGIN + "/cb") + " HTTP/1.1\r\nHost: 127.0.0.1:1\r\n"
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            assertThat(new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).startsWith("HTTP/1.1 400");
        }
    }

    @Test
    void aRightPinAnswersWithAFormThatPostsTheTokenBack() throws Exception {
        HttpClient browser = browser();
        String csrf = csrf(get(browser, query(ORIGIN + "/login/card/callback")).body());
        HttpResponse<String> answer = post(browser, form(csrf, "1234", "sign"));
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("id=\"auth-response\"", "action=\"http://127.0.0.1:9000/login/card/callback\"",
                "name=\"auth_token\"", "myna-auth:1", "/js/autosubmit");
    }

    @Test
    void aWrongPinSaysHowManyTriesAreLeft() throws Exception {
        HttpClient browser = browser();
        String csrf = csrf(get(browser, query(ORIGIN + "/login/card/callback")).body());
        HttpResponse<String> answer = post(browser, form(csrf, "9999", "sign"));
        assertThat(answer.statusCode()).isEqualTo(422);
        assertThat(answer.body()).contains("暗証番号が違います。あと2回間違えるとロックされます。");
        post(browser, form(csrf, "1234", "sign"));
    }

    @Test
    void theCardsPinCounterShowsBesideItBeforeTheNextTry() throws Exception {
        HttpClient browser = browser();
        String csrf = csrf(get(browser, query(ORIGIN + "/login/card/callback")).body());
        try {
            assertThat(post(browser, form(csrf, "9998", "sign")).body()).contains("前回の本人確認の後に、暗証番号の誤りがありました");
            assertThat(post(browser, form(csrf, "9999", "sign")).body())
                    .contains("<span class=\"tag tag--locked\">あと1回間違えるとロックされます</span>");
        } finally {
            post(browser, form(csrf, "1234", "sign"));
        }
        assertThat(get(browser, query(ORIGIN + "/login/card/callback")).body()).doesNotContain("あと1回間違えると", "暗証番号の誤りがありました");
    }

    @Test
    void cancelGoesBackWithErrorCancelled() throws Exception {
        HttpClient browser = browser();
        String csrf = csrf(get(browser, query(ORIGIN + "/login/card/callback")).body());
        HttpResponse<String> answer = post(browser, form(csrf, "", "cancel"));
        assertThat(answer.statusCode()).isEqualTo(303);
        assertThat(answer.headers().firstValue("Location")).contains(ORIGIN + "/login/card/callback?error=cancelled");
    }

    /** The address a language link leads to, from the signer's page (entities decoded as a browser does). */
    private static String languageLink(String page, String text) {
        Matcher link = Pattern.compile("<a href=\"([^\"]*)\"[^>]*>" + text + "</a>").matcher(page);
        assertThat(link.find()).as("language link %s", text).isTrue();
        return "/v1/authenticate" + link.group(1).replace("&amp;", "&");
    }

    private static void assertTheLoginRequestInEnglish(HttpResponse<String> page) {
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<html lang=\"en\"", "Confirm it is you with your My Number card",
                "class=\"origin\">http://127.0.0.1:9000<", "Alpha Card", "value=\"" + CHALLENGE + "\"",
                "name=\"lang\" value=\"en\"").doesNotContain("This request cannot be handled", "この依頼には応じられません");
    }

    @Test
    void switchingTheLanguageKeepsTheLoginRequest() throws Exception {
        HttpClient browser = browser();
        String english = languageLink(get(browser, query(ORIGIN + "/login/card/callback")).body(), "English");
        assertThat(english).startsWith("/v1/authenticate?challenge=" + CHALLENGE + "&").endsWith("&lang=en")
                .contains("return_to=http%3A%2F%2F127.0.0.1%3A9000%2Flogin%2Fcard%2Fcallback").doesNotContain("lang=ja");
        assertTheLoginRequestInEnglish(get(browser, english));
    }

    /** The page after a wrong entry answers a POST: its links re-open the same request, without the PIN. */
    @Test
    void afterAWrongEntrySwitchingTheLanguageStillKeepsTheLoginRequest() throws Exception {
        HttpClient browser = browser();
        String csrf = csrf(get(browser, query(ORIGIN + "/login/card/callback")).body());
        HttpResponse<String> answer = post(browser, form(csrf, "12", "sign"));
        assertThat(answer.statusCode()).isEqualTo(422);
        String english = languageLink(answer.body(), "English");
        assertThat(english).doesNotContain("pin", "card=", "_csrf", "action");
        assertTheLoginRequestInEnglish(get(browser, english));
    }

    @Test
    void aPostWithoutTheCsrfTokenIsRefused() throws Exception {
        assertThat(post(browser(), form("nope", "1234", "sign")).statusCode()).isEqualTo(403);
    }
}
