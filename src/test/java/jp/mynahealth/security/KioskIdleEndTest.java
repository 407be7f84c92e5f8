package jp.mynahealth.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import jp.mynahealth.Role;
import jp.mynahealth.support.CardLoginSystem;
import jp.mynahealth.support.FreePort;
import jp.mynahealth.support.TestBrowser;

/**
 * A kiosk session left idle is ended by the server itself, whatever the page's script does: past
 * the kiosk's limit (a few seconds here, see {@link CardLoginSystem#KIOSK_SERVER_TIMEOUT}) the next
 * request finds no session — the browser is back at the start screen and the session with the
 * citizen's login is gone from the server. A citizen's own session, idle as long, goes on.
 */
class KioskIdleEndTest {

    private static final String TERMINAL = "demo-kiosk-01";
    private static ConfigurableApplicationContext kioskSigner;

    /** The terminal's own signer in kiosk mode, with the demo terminal's key and the system's cards in its reader. */
    @BeforeAll
    static void start() {
        kioskSigner = CardLoginSystem.anotherRole(Role.SIGNER).run("--myna.signer.port=" + FreePort.next(),
                "--myna.signer.kiosk.terminal-id=" + TERMINAL,
                "--myna.portal.port=" + CardLoginSystem.roles().port(Role.PORTAL));
    }

    @AfterAll
    static void stop() {
        kioskSigner.close();
    }

    private static String kioskSignerUrl() {
        return "http://127.0.0.1:" + ((WebServerApplicationContext) kioskSigner).getWebServer().getPort();
    }

    /** Whether the server holds the portal session of this cookie (in the shared session store, portal.spring_session). */
    private static boolean onServer(String cookie) {
        String sessionId = new String(Base64.getDecoder().decode(cookie), StandardCharsets.US_ASCII);
        return CardLoginSystem.roles().common().getBean(JdbcClient.class)
                .sql("select count(*) from portal.spring_session where session_id = :id").param("id", sessionId)
                .query(Long.class).single() == 1;
    }

    @Test
    void anIdleKioskSessionIsEndedByTheServerAndAnIdleWebSessionIsNot() throws Exception {
        String portal = CardLoginSystem.portal();
        TestBrowser web = new TestBrowser();
        assertThat(web.logIn(portal, CardLoginSystem.signer(), CardLoginSystem.CARD, CardLoginSystem.PIN).page().body())
                .contains("ようこそ、" + CardLoginSystem.PERSON_NAME + " さん", "ログアウト");

        TestBrowser kiosk = new TestBrowser();
        assertThat(kiosk.get(portal + "/kiosk").body()).contains("カードを置いてください");
        assertThat(kiosk.logIn(portal, kioskSignerUrl(), CardLoginSystem.CARD, CardLoginSystem.PIN).page().body())
                .as("a kiosk session").contains("ようこそ、" + CardLoginSystem.PERSON_NAME + " さん", "終了する");
        String session = kiosk.cookie(portal, "MYNA_PORTAL_SESSION").orElseThrow();
        assertThat(kiosk.get(portal + "/kiosk/alive").statusCode()).isEqualTo(204);
        assertThat(onServer(session)).isTrue();

        // No request from either browser meanwhile: any request would count as activity.
        Thread.sleep(CardLoginSystem.KIOSK_SERVER_TIMEOUT.plusMillis(1500).toMillis());

        HttpResponse<String> after = kiosk.get(portal + "/dashboard");
        assertThat(after.statusCode()).isEqualTo(302);
        assertThat(TestBrowser.location(after)).isEqualTo(portal + "/kiosk");
        assertThat(onServer(session)).as("the session and the login it held").isFalse();
        assertThat(kiosk.follow(after).body()).contains("カードを置いてください").doesNotContain(CardLoginSystem.PERSON_NAME);
        assertThat(kiosk.get(portal + "/kiosk/alive").statusCode()).isEqualTo(302);

        assertThat(web.get(portal + "/dashboard").statusCode()).isEqualTo(200);
    }
}
