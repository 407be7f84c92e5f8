package jp.mynahealth.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import jp.mynahealth.common.cardlogin.SignedData;
import jp.mynahealth.common.kiosk.TerminalKeys;
import jp.mynahealth.common.kiosk.TerminalStatement;
import jp.mynahealth.e2e.support.KioskTerminal;
import jp.mynahealth.e2e.support.RunningSystem;

/**
 * The kiosk claim across the real idp and portal, without a browser: a statement signed with the
 * registered terminal's key gives a kiosk session whose idp session is already gone (the next card
 * must log in afresh); a forged statement gives an ordinary web session, whose idp session stays.
 */
class KioskLoginFlowE2ETest {

    private static final Pattern CHALLENGE = Pattern.compile("challenge=([A-Za-z0-9_-]+)");
    private static final Pattern ORIGIN = Pattern.compile("origin=(http[^&\"]+)");
    private static final Path DATA = Path.of(System.getProperty("myna.data-dir", ".data"));

    /** A login as 見本 太郎 with the given terminal statement key (null: none); returns the logged-in browser. */
    private static Login logIn(PrivateKey terminalKey) throws Exception {
        String portal = RunningSystem.portalUrl();
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String authorize = location(get(browser, portal + "/oauth2/authorization/myna"));
        String loginPage = location(get(browser, authorize));
        String page = get(browser, loginPage).body();
        Matcher challenge = CHALLENGE.matcher(page);
        Matcher origin = ORIGIN.matcher(page);
        assertThat(challenge.find() && origin.find()).as("the login page links to the signer").isTrue();
        String idp = origin.group(1);

        KeyStore card = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(DATA.resolve("cards/taro.p12"))) {
            card.load(in, "1234".toCharArray());
        }
        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign((PrivateKey) card.getKey("auth", "1234".toCharArray()));
        signer.update(SignedData.of(idp, challenge.group(1)));
        String terminal = "";
        if (terminalKey != null) {
            Signature statement = Signature.getInstance(TerminalStatement.ALGORITHM);
            statement.initSign(terminalKey);
            statement.update(TerminalStatement.of(KioskTerminal.TERMINAL_ID, idp, challenge.group(1)));
            terminal = ",\"terminal\":{\"id\":\"" + KioskTerminal.TERMINAL_ID + "\",\"signature\":\""
                    + Base64.getEncoder().encodeToString(statement.sign()) + "\"}";
        }
        String token = "{\"format\":\"myna-auth:1\",\"certificate\":\""
                + Base64.getEncoder().encodeToString(((X509Certificate) card.getCertificate("auth")).getEncoded())
                + "\",\"algorithm\":\"RS256\",\"signature\":\"" + Base64.getEncoder().encodeToString(signer.sign())
                + "\",\"signerVersion\":\"test\"" + terminal + "}";
        HttpResponse<String> callback = browser.send(HttpRequest.newBuilder(URI.create(idp + "/login/card/callback"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("challenge=" + challenge.group(1) + "&auth_token="
                        + URLEncoder.encode(token, StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
        // The callback checks the card and sends the browser on to complete the login with its session cookie.
        String authorization = location(get(browser, location(callback)));
        String code = location(get(browser, authorization));
        assertThat(code).contains("code=");
        get(browser, code);
        return new Login(browser, portal, authorize);
    }

    private record Login(HttpClient browser, String portal, String authorize) {
        String dashboard() throws Exception {
            HttpResponse<String> page = get(browser, portal + "/dashboard");
            assertThat(page.statusCode()).isEqualTo(200);
            return page.body();
        }

        /** What the idp answers to a new authorization request in the same browser. */
        String authorizeAgain() throws Exception {
            return location(get(browser, authorize));
        }
    }

    private static HttpResponse<String> get(HttpClient browser, String url) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String location(HttpResponse<String> response) {
        return response.headers().firstValue("Location").orElseThrow(() -> new AssertionError(
                "expected a redirect from " + response.uri() + " but got HTTP " + response.statusCode()));
    }

    @Test
    void theRegisteredTerminalsStatementMakesAKioskSessionAndEndsTheIdpSession() throws Exception {
        RunningSystem.get();
        Login kiosk = logIn(TerminalKeys.readPrivateKey(DATA.resolve("kiosk/" + KioskTerminal.TERMINAL_ID + ".key")));
        assertThat(kiosk.dashboard()).contains("終了する", "kiosk-idle").doesNotContain("ログアウト");
        // The next person at the terminal cannot ride on this login: the idp asks for a card again.
        assertThat(kiosk.authorizeAgain()).endsWith("/login");
    }

    @Test
    void aForgedStatementMakesAnOrdinaryWebSession() throws Exception {
        RunningSystem.get();
        Login forged = logIn(TerminalKeys.generate().getPrivate());
        assertThat(forged.dashboard()).contains("ログアウト").doesNotContain("終了する", "kiosk-idle");
        assertThat(forged.authorizeAgain()).contains("code=");

        Login plain = logIn(null);
        assertThat(plain.dashboard()).contains("ログアウト").doesNotContain("終了する");
    }
}
