package jp.mynahealth.taxapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.CookieManager;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.web.ServerProperties;

import com.sun.net.httpserver.HttpServer;

import jp.mynahealth.Application;
import jp.mynahealth.Role;
import jp.mynahealth.RunningRoles;
import jp.mynahealth.support.FreePort;

/**
 * The taxapp role started alone on a free port, with a stand-in idp (token endpoint, metadata) and
 * a stand-in portal API on loopback: the start page, the authorization request it makes (PKCE
 * S256, client and scope), and the way back: a verified notice shown once, a declined consent, an
 * API refusal and a file whose signature fails. The real idp and portal are tested after the merge (e2e).
 */
class TaxAppRoleTest {

    private static final Instant NOW = Instant.parse("2026-02-10T01:00:00Z");
    private static final String TOKEN = "test-access-token";

    @TempDir
    static Path data;
    private static RunningRoles roles;
    private static HttpServer stubs;
    private static String base;
    private static String stubUrl;
    private static NoticeFixture.Hierarchy keys;
    private static volatile PortalAnswer portalAnswer;
    private static final List<String> tokenRequests = new CopyOnWriteArrayList<>();
    private static final List<String> apiAuthorizations = new CopyOnWriteArrayList<>();

    private HttpClient browser;

    record PortalAnswer(int status, String type, byte[] body) {
    }

    @BeforeAll
    static void start() throws Exception {
        keys = NoticeFixture.Hierarchy.make("Demo", NOW);
        Files.createDirectories(data.resolve("ca"));
        Files.writeString(data.resolve("ca/root-ca.pem"), "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(keys.root().getEncoded()) + "\n-----END CERTIFICATE-----\n");
        stubs = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), FreePort.next()), 0);
        stubs.createContext("/.well-known/oauth-authorization-server", exchange -> answer(exchange, 200, "application/json", "{}".getBytes()));
        stubs.createContext("/oauth2/token", exchange -> {
            tokenRequests.add(exchange.getRequestHeaders().getFirst("Authorization") + " "
                    + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            answer(exchange, 200, "application/json", ("{\"access_token\":\"" + TOKEN
                    + "\",\"token_type\":\"Bearer\",\"expires_in\":300,\"scope\":\"tax-notice\"}").getBytes());
        });
        stubs.createContext("/api/v1/tax-notices/", exchange -> {
            apiAuthorizations.add(exchange.getRequestURI().getPath() + " " + exchange.getRequestHeaders().getFirst("Authorization"));
            PortalAnswer answer = portalAnswer;
            answer(exchange, answer.status(), answer.type(), answer.body());
        });
        stubs.start();
        stubUrl = "http://127.0.0.1:" + stubs.getAddress().getPort();
        int port = FreePort.next();
        roles = Application.start("--roles=taxapp", "--myna.data-dir=" + data, "--myna.taxapp.port=" + port,
                "--myna.clock.fixed=2026-02-10T10:00:00+09:00", "--myna.idp.url=" + stubUrl, "--myna.portal.url=" + stubUrl);
        base = "http://localhost:" + port;
    }

    @AfterAll
    static void stop() {
        roles.close();
        stubs.stop(0);
    }

    @BeforeEach
    void newBrowser() throws IOException {
        browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
        portalAnswer = new PortalAnswer(200, "application/xml", NoticeFixture.signed(NoticeFixture.taroNotice(), keys));
        Files.createDirectories(data.resolve("taxapp"));
        Files.writeString(data.resolve("taxapp/client-secret"), "s3cret/with+chars\n");
    }

    @Test
    void theStartPageInJapaneseOnLoopbackWithItsOwnCookieAndStrictHeaders() throws Exception {
        HttpResponse<String> page = get(base + "/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<html lang=\"ja\"", "見本の確定申告ソフト", "国税庁の確定申告書等作成コーナーではありません",
                "医療費控除の入力", "マイナポータル連携で医療費通知情報を取得", "マイナポータル連携で取得", "id=\"main-content\"",
                "name=\"_csrf\"", "<option value=\"2025\" selected=\"selected\">2025年分</option>", "<option value=\"2021\">")
                .doesNotContain("<option value=\"2026\"", "<option value=\"2020\"", "??");
        assertThat(page.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie).startsWith("TAXAPP_SESSION="));
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
                assertThat(csp).contains("frame-ancestors 'none'").doesNotContain("unsafe"));
        assertThat(page.headers().firstValue("Cache-Control")).hasValueSatisfying(value -> assertThat(value).contains("no-store"));
        assertThat(roles.context(Role.TAXAPP).getBean(ServerProperties.class).getAddress())
                .isEqualTo(InetAddress.getLoopbackAddress());
        assertThat(get(base + "/?lang=en").body()).contains("Sample tax return software", "Fetch through Mynaportal");
    }

    @Test
    void pressingTheButtonSendsTheCitizenToTheIdpWithPkce() throws Exception {
        URI authorize = startFetch(2024);
        assertThat(authorize.getScheme() + "://" + authorize.getAuthority() + authorize.getPath()).isEqualTo(stubUrl + "/oauth2/authorize");
        Map<String, String> query = query(authorize);
        assertThat(query).containsEntry("response_type", "code").containsEntry("client_id", "taxapp-demo")
                .containsEntry("scope", "tax-notice").containsEntry("code_challenge_method", "S256")
                .containsEntry("redirect_uri", base + "/login/oauth2/code/myna")
                .containsKeys("state", "code_challenge").doesNotContainKey("nonce");
        assertThat(query.get("code_challenge")).matches("[A-Za-z0-9_-]{43}");
    }

    @Test
    void withoutTheFormsCsrfTokenNothingStarts() throws Exception {
        get(base + "/");
        HttpResponse<String> forged = post(base + "/fetch", "year=2025");
        assertThat(forged.statusCode()).isEqualTo(403);
    }

    @Test
    void backWithTheTokenTheVerifiedNoticeIsShownOnceAndTheTokenForgotten() throws Exception {
        URI authorize = startFetch(2025);
        HttpResponse<String> result = comeBack(authorize, "code=the-code");
        assertThat(result.statusCode()).isEqualTo(200);
        assertThat(result.body()).contains("医療費通知情報を取得しました（署名を確認しました）", "2025年分", "見本 太郎",
                "11,103", "37,010", "見本歯科医院", "3件", "保険などで補填される金額");
        assertThat(apiAuthorizations).contains("/api/v1/tax-notices/2025 Bearer " + TOKEN);
        String expectedBasic = Base64.getEncoder().encodeToString(("taxapp-demo:"
                + URLEncoder.encode("s3cret/with+chars", StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
        assertThat(tokenRequests).anySatisfy(request -> assertThat(request)
                .startsWith("Basic " + expectedBasic).contains("code=the-code", "code_verifier="));

        HttpResponse<String> again = get(base + "/notice");
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(again.body()).contains("取得の手続きが見つかりません").doesNotContain("見本 太郎");
    }

    @Test
    void aDeclinedConsentIsAPolitePageWithAWayToRetry() throws Exception {
        URI authorize = startFetch(2025);
        HttpResponse<String> declined = comeBack(authorize, "error=access_denied");
        assertThat(declined.statusCode()).isEqualTo(403);
        assertThat(declined.body()).contains("連携が許可されませんでした", "もう一度取得する");
    }

    @Test
    void anIdpThatFailsTheAuthorizationIsSaidPlainly() throws Exception {
        HttpResponse<String> failed = comeBack(startFetch(2025), "error=server_error");
        assertThat(failed.statusCode()).isEqualTo(503);
        assertThat(failed.body()).contains("マイナポータルにつながりませんでした");
    }

    @Test
    void anIdpThatDoesNotAnswerIsToldBeforeTheCitizenIsSentThere() {
        int closed = FreePort.next();
        TaxAppProperties properties = new TaxAppProperties(base, "http://127.0.0.1:" + closed, stubUrl, "", null, null,
                java.time.Duration.ofSeconds(2));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new IdpReachability(properties).check())
                .isInstanceOfSatisfying(FetchFailedException.class, e -> assertThat(e.failure()).isEqualTo(Failure.IDP_UNAVAILABLE));
    }

    @Test
    void aNoticeWhoseSignatureFailsIsNotShown() throws Exception {
        String tampered = new String(NoticeFixture.signed(NoticeFixture.taroNotice(), keys), StandardCharsets.UTF_8)
                .replace("見本歯科医院", "改ざん歯科医院");
        portalAnswer = new PortalAnswer(200, "application/xml", tampered.getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> refused = comeBack(startFetch(2025), "code=the-code");
        assertThat(refused.statusCode()).isEqualTo(502);
        assertThat(refused.body()).contains("署名を確認できませんでした。データを使用しません。")
                .doesNotContain("見本 太郎", "改ざん歯科医院", "11,103");
    }

    @Test
    void eachRefusalOfTheApiIsSaidPlainly() throws Exception {
        portalAnswer = new PortalAnswer(404, "application/json", "{}".getBytes());
        HttpResponse<String> missing = comeBack(startFetch(2023), "code=the-code");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("この年分の医療費通知情報はありません");

        portalAnswer = new PortalAnswer(429, "application/json", "{}".getBytes());
        HttpResponse<String> busy = comeBack(startFetch(2023), "code=the-code");
        assertThat(busy.statusCode()).isEqualTo(429);
        assertThat(busy.body()).contains("混み合っています");
    }

    @Test
    void withoutTheSecretTheIdpHasNotWrittenYetThePageSaysSo() throws Exception {
        Files.delete(data.resolve("taxapp/client-secret"));
        HttpResponse<String> page = get(base + "/");
        HttpResponse<String> notReady = post(base + "/fetch", "year=2025&_csrf=" + csrf(page.body()));
        assertThat(notReady.statusCode()).isEqualTo(503);
        assertThat(notReady.body()).contains("連携の準備ができていません");
    }

    /** The start page, then the button: returns where the browser is sent at the idp. */
    private URI startFetch(int year) throws Exception {
        HttpResponse<String> page = get(base + "/");
        HttpResponse<String> pressed = post(base + "/fetch", "year=" + year + "&_csrf=" + csrf(page.body()));
        assertThat(pressed.statusCode()).isEqualTo(302);
        assertThat(pressed.headers().firstValue("Location")).hasValueSatisfying(location ->
                assertThat(location).endsWith("/oauth2/authorization/myna"));
        HttpResponse<String> toIdp = get(base + "/oauth2/authorization/myna");
        assertThat(toIdp.statusCode()).isEqualTo(302);
        return URI.create(toIdp.headers().firstValue("Location").orElseThrow());
    }

    /** What the idp does after the citizen's answer: back to the redirect URI with the state; then follows redirects here. */
    private HttpResponse<String> comeBack(URI authorize, String answer) throws Exception {
        Map<String, String> query = query(authorize);
        String next = query.get("redirect_uri") + "?" + answer + "&state=" + URLEncoder.encode(query.get("state"), StandardCharsets.UTF_8);
        HttpResponse<String> response = get(next);
        for (int hops = 0; response.statusCode() == 302 && hops < 5; hops++) {
            next = URI.create(next).resolve(response.headers().firstValue("Location").orElseThrow()).toString();
            response = get(next);
        }
        return response;
    }

    private static String csrf(String page) {
        Matcher matcher = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(matcher.find()).as("a CSRF field").isTrue();
        return URLEncoder.encode(matcher.group(1), StandardCharsets.UTF_8);
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> parameters = new HashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            String[] parts = pair.split("=", 2);
            parameters.put(URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
                    parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "");
        }
        return parameters;
    }

    private HttpResponse<String> get(String url) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String url, String form) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void answer(com.sun.net.httpserver.HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
