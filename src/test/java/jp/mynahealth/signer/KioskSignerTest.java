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
import java.security.KeyPair;
import java.security.Signature;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jp.mynahealth.Application;
import jp.mynahealth.Role;
import jp.mynahealth.RunningRoles;
import jp.mynahealth.common.kiosk.TerminalKeys;
import jp.mynahealth.common.kiosk.TerminalStatement;
import jp.mynahealth.signer.card.TestCards;
import jp.mynahealth.support.FreePort;

/** The signer in kiosk mode: the terminal's statement in the token, and whether the login's card is still in the reader. */
class KioskSignerTest {

    private static final String CHALLENGE = "k1i2o3s4k5-s6i7g8n9e0r1-t2e3s4t5-c6h7a8l9";
    private static final String ORIGIN = "http://127.0.0.1:9000";
    private static final String PORTAL = "http://localhost:8443";
    private static final KeyPair TERMINAL = TerminalKeys.generate();
    private static Path reader;
    private static RunningRoles kiosk;
    private static RunningRoles ordinary;

    @BeforeAll
    static void start() throws Exception {
        reader = Files.createTempDirectory(Path.of("target"), "kiosk-reader");
        Path keys = Files.createTempDirectory(Path.of("target"), "kiosk-keys");
        TerminalKeys.writePrivateKey(keys.resolve("test-kiosk.key"), TERMINAL.getPrivate());
        TestCards.write(reader, "alpha", "1234", "auth", "Alpha Card");
        kiosk = Application.start("--roles=signer", "--myna.signer.port=" + FreePort.next(), "--myna.signer.cards=" + reader,
                "--myna.signer.kiosk.terminal-id=test-kiosk", "--myna.signer.kiosk.key-folder=" + keys,
                "--myna.signer.kiosk.portal-origin=" + PORTAL);
        ordinary = Application.start("--roles=signer", "--myna.signer.port=" + FreePort.next(), "--myna.signer.cards=" + reader);
    }

    @AfterAll
    static void stop() {
        kiosk.close();
        ordinary.close();
    }

    private static String url(RunningRoles roles, String path) {
        return "http://127.0.0.1:" + roles.port(Role.SIGNER) + path;
    }

    /** Opens the PIN page and signs with the card; returns the token the page hands back. */
    private static JsonNode signIn(RunningRoles roles) throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String returnTo = URLEncoder.encode(ORIGIN + "/login/card/callback", StandardCharsets.UTF_8);
        String origin = URLEncoder.encode(ORIGIN, StandardCharsets.UTF_8);
        String page = browser.send(HttpRequest.newBuilder(URI.create(url(roles, "/v1/authenticate?challenge=" + CHALLENGE
                + "&origin=" + origin + "&return_to=" + returnTo))).build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(csrf.find()).isTrue();
        String answer = browser.send(HttpRequest.newBuilder(URI.create(url(roles, "/v1/authenticate")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + csrf.group(1) + "&challenge=" + CHALLENGE + "&origin=" + origin
                        + "&return_to=" + returnTo + "&card=alpha&pin=1234&action=sign")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher token = Pattern.compile("name=\"auth_token\" value=\"([^\"]+)\"").matcher(answer);
        assertThat(token.find()).as(answer).isTrue();
        return new ObjectMapper().readTree(token.group(1).replace("&quot;", "\""));
    }

    private static HttpResponse<String> card(RunningRoles roles) throws Exception {
        return card(roles, "GET", "Origin", PORTAL);
    }

    private static HttpResponse<String> card(RunningRoles roles, String method, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(roles, "/v1/kiosk/card")))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (headers.length > 0) {
            request.headers(headers);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aKioskTokenCarriesTheTerminalsStatementForThisLoginAndTheCardIsWatched() throws Exception {
        JsonNode token = signIn(kiosk);
        assertThat(token.path("terminal").path("id").asText()).isEqualTo("test-kiosk");
        Signature verifier = Signature.getInstance(TerminalStatement.ALGORITHM);
        verifier.initVerify(TERMINAL.getPublic());
        verifier.update(TerminalStatement.of("test-kiosk", ORIGIN, CHALLENGE));
        assertThat(verifier.verify(Base64.getDecoder().decode(token.path("terminal").path("signature").asText()))).isTrue();

        HttpResponse<String> present = card(kiosk);
        assertThat(present.statusCode()).isEqualTo(200);
        assertThat(present.body()).isEqualTo("{\"present\":true}");
        assertThat(present.headers().firstValue("Access-Control-Allow-Origin")).contains(PORTAL);
        assertThat(present.headers().firstValue("Cache-Control")).contains("no-store");

        Path card = reader.resolve("alpha.p12");
        Path moved = reader.resolveSibling(reader.getFileName() + "-out.p12");
        Files.move(card, moved);
        try {
            assertThat(card(kiosk).body()).isEqualTo("{\"present\":false}");
        } finally {
            Files.move(moved, card);
        }
        assertThat(card(kiosk).body()).as("the card came back, but its login ended when it left").isEqualTo("{\"present\":false}");
    }

    /**
     * CORS: another site's page may not read the answer, by a simple request or after a preflight
     * (a near miss of the portal's origin is another origin). The kiosk page's own request is a
     * simple GET, which needs no preflight.
     */
    @Test
    void onlyThePortalsOriginMayReadWhetherACardIsThere() throws Exception {
        for (String other : List.of("https://evil.example", "null", "http://localhost:84430",
                "http://localhost:8443.evil.example", PORTAL.replace("http:", "https:"))) {
            HttpResponse<String> preflight = card(kiosk, "OPTIONS", "Origin", other, "Access-Control-Request-Method", "GET");
            assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).as("preflight from " + other).isEmpty();
            HttpResponse<String> simple = card(kiosk, "GET", "Origin", other);
            assertThat(simple.headers().firstValue("Access-Control-Allow-Origin")).as(other).isEmpty();
        }
        assertThat(card(kiosk, "GET").headers().firstValue("Access-Control-Allow-Origin")).as("no Origin").isEmpty();
        HttpResponse<String> portal = card(kiosk, "GET", "Origin", PORTAL);
        assertThat(portal.headers().firstValue("Access-Control-Allow-Origin")).contains(PORTAL);
        assertThat(portal.headers().allValues("Vary")).anySatisfy(vary -> assertThat(vary).contains("Origin"));
    }

    @Test
    void anOrdinarySignerMakesNoTerminalStatementAndDoesNotAnswerAboutCards() throws Exception {
        assertThat(signIn(ordinary).has("terminal")).isFalse();
        HttpResponse<String> answer = card(ordinary);
        assertThat(answer.statusCode()).isEqualTo(404);
        assertThat(answer.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }
}
