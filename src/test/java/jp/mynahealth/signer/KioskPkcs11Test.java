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
import java.util.Base64;
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
import jp.mynahealth.signer.card.SoftHsm;
import jp.mynahealth.support.FreePort;

/**
 * A kiosk signer over a PKCS#11 reader (SoftHSM2 tokens as cards): it watches the card that logged
 * in, by its certificate, and shows what the token says of its PIN.
 */
class KioskPkcs11Test {

    private static final String CHALLENGE = "p1k2c3s4-1k5i6o7s8k-9t0e1s2t-3c4h5a6l7l8";
    private static final String ORIGIN = "http://127.0.0.1:9000";
    private static final String PORTAL = "http://localhost:8443";
    private static final String RETURN_TO = URLEncoder.encode(ORIGIN + "/login/card/callback", StandardCharsets.UTF_8);
    private static final String COUNT_LOW = "前回の本人確認の後に、暗証番号の誤りがありました";
    private static RunningRoles kiosk;

    @BeforeAll
    static void start() throws Exception {
        SoftHsm.token(SoftHsm.KIOSK);
        Path noSoftCards = Files.createTempDirectory(Path.of("target"), "kiosk-p11-cards");
        Path keys = Files.createTempDirectory(Path.of("target"), "kiosk-p11-keys");
        TerminalKeys.writePrivateKey(keys.resolve("test-kiosk.key"), TerminalKeys.generate().getPrivate());
        kiosk = Application.start("--roles=signer", "--myna.signer.port=" + FreePort.next(), "--myna.signer.cards=" + noSoftCards,
                "--myna.signer.pkcs11-library=" + SoftHsm.LIBRARY, "--myna.signer.pkcs11-slot=",
                "--myna.signer.pkcs11-label=Test reader", "--myna.signer.kiosk.terminal-id=test-kiosk",
                "--myna.signer.kiosk.key-folder=" + keys, "--myna.signer.kiosk.portal-origin=" + PORTAL);
    }

    @AfterAll
    static void stop() {
        if (kiosk != null) {
            kiosk.close();
        }
    }

    private static String url(String path) {
        return "http://127.0.0.1:" + kiosk.port(Role.SIGNER) + path;
    }

    private static String page(HttpClient browser) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create(url("/v1/authenticate?challenge=" + CHALLENGE + "&origin="
                + URLEncoder.encode(ORIGIN, StandardCharsets.UTF_8) + "&return_to=" + RETURN_TO))).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private static HttpResponse<String> sign(HttpClient browser, String page, String card, String pin) throws Exception {
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(csrf.find()).as(page).isTrue();
        return browser.send(HttpRequest.newBuilder(URI.create(url("/v1/authenticate")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + csrf.group(1) + "&challenge=" + CHALLENGE + "&origin="
                        + URLEncoder.encode(ORIGIN, StandardCharsets.UTF_8) + "&return_to=" + RETURN_TO + "&card=" + card
                        + "&pin=" + pin + "&action=sign")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode token(HttpResponse<String> answer) throws Exception {
        Matcher token = Pattern.compile("name=\"auth_token\" value=\"([^\"]+)\"").matcher(answer.body());
        assertThat(token.find()).as(answer.body()).isTrue();
        return new ObjectMapper().readTree(token.group(1).replace("&quot;", "\""));
    }

    private static String present() throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url("/v1/kiosk/card")))
                .header("Origin", PORTAL).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    @Test
    void theCardThatLoggedInIsWatchedUntilItLeavesTheReaderWhileOtherCardsStay() throws Exception {
        SoftHsm.Token card = SoftHsm.token(SoftHsm.KIOSK);
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        JsonNode token = token(sign(browser, page(browser), card.cardId(), SoftHsm.PIN));
        assertThat(Base64.getDecoder().decode(token.path("certificate").asText())).isEqualTo(card.certificate().getEncoded());
        assertThat(present()).isEqualTo("{\"present\":true}");

        SoftHsm.remove(SoftHsm.KIOSK);
        assertThat(page(browser)).as("other test cards are still in their slots").contains("Test reader (" + SoftHsm.CARD + ")")
                .doesNotContain(SoftHsm.KIOSK);
        assertThat(present()).isEqualTo("{\"present\":false}");
    }

    @Test
    void aWrongPinShowsBesideTheCardUntilTheRightOne() throws Exception {
        SoftHsm.Token card = SoftHsm.token(SoftHsm.PAGE);
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String page = page(browser);
        assertThat(page).contains("Test reader (" + SoftHsm.PAGE + ")", "value=\"" + card.cardId() + "\"").doesNotContain(COUNT_LOW);

        HttpResponse<String> wrong = sign(browser, page, card.cardId(), "9999");
        assertThat(wrong.statusCode()).isEqualTo(422);
        assertThat(wrong.body()).contains("暗証番号が違います。3回続けて間違えるとロックされます", COUNT_LOW);

        assertThat(token(sign(browser, page(browser), card.cardId(), SoftHsm.PIN)).path("format").asText()).isEqualTo("myna-auth:1");
        assertThat(page(browser)).doesNotContain(COUNT_LOW);
    }
}
