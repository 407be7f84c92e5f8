package jp.mynahealth.idp.card;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.Signature;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import jp.mynahealth.common.kiosk.TerminalKeys;
import jp.mynahealth.common.kiosk.TerminalStatement;
import jp.mynahealth.idp.IdpProperties;
import jp.mynahealth.idp.kiosk.KioskTerminalRegister;
import jp.mynahealth.support.ReadStoreTest;

/**
 * Only a statement signed by a registered terminal in service, for this site and this login, makes
 * a kiosk login; every forgery leaves an ordinary web login (never a refusal, never kiosk).
 */
@ReadStoreTest
class KioskClaimVerifierTest {

    private static final String ORIGIN = "http://127.0.0.1:9000";
    private static final String CHALLENGE = "k1o2s3k4-c5h6a7l8l9e0n1g2e3-f4o5r6-t7e8s9t0s";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final KeyPair TERMINAL = TerminalKeys.generate();
    private static final KeyPair OTHER = TerminalKeys.generate();

    private static TestPki pki;
    private static String cardToken;

    @Autowired
    JdbcClient jdbc;

    private KioskClaimVerifier verifier;

    @BeforeAll
    static void buildCard() throws Exception {
        pki = new TestPki("Kiosk Claim Test");
        cardToken = TestPki.token(pki.card(TestPki.CardSpec.good()), ORIGIN, CHALLENGE);
    }

    @AfterAll
    static void stop() {
        pki.close();
    }

    @BeforeEach
    void registerTerminals() {
        register("test-kiosk-in-service", TERMINAL, null);
        register("test-kiosk-retired", TERMINAL, Instant.parse("2026-01-01T00:00:00Z"));
        IdpProperties properties = new IdpProperties(ORIGIN, "http://localhost:8080", "secret", "http://127.0.0.1:18765",
                Path.of("unused.pem"), Path.of("unused.pem"), TestPki.POLICY, Duration.ofMinutes(5), 16384,
                Duration.ofSeconds(2), Duration.ofHours(1), Duration.ofHours(24));
        verifier = new KioskClaimVerifier(new KioskTerminalRegister(jdbc), properties);
    }

    private void register(String id, KeyPair keys, Instant retiredAt) {
        jdbc.sql("""
                insert into idp.kiosk_terminal (terminal_id, municipality, place, public_key, registered_at, retired_at)
                values (:id, '試験市', '試験用の端末', :key, now(), :retired)
                on conflict (terminal_id) do nothing
                """)
                .param("id", id).param("key", keys.getPublic().getEncoded())
                .param("retired", retiredAt == null ? null : Timestamp.from(retiredAt))
                .update();
    }

    private static String withTerminal(String terminalId, String signature) throws Exception {
        ObjectNode token = (ObjectNode) JSON.readTree(cardToken);
        ObjectNode terminal = token.putObject("terminal");
        terminal.put("id", terminalId);
        if (signature != null) {
            terminal.put("signature", signature);
        }
        return JSON.writeValueAsString(token);
    }

    private static String sign(PrivateKey key, String terminalId, String origin, String challenge) throws Exception {
        Signature signer = Signature.getInstance(TerminalStatement.ALGORITHM);
        signer.initSign(key);
        signer.update(TerminalStatement.of(terminalId, origin, challenge));
        return Base64.getEncoder().encodeToString(signer.sign());
    }

    @Test
    void aStatementOfARegisteredTerminalForThisLoginMakesAKioskLogin() throws Exception {
        String token = withTerminal("test-kiosk-in-service", sign(TERMINAL.getPrivate(), "test-kiosk-in-service", ORIGIN, CHALLENGE));
        assertThat(verifier.verifiedTerminal(token, CHALLENGE)).contains("test-kiosk-in-service");
    }

    @Test
    void noStatementIsAWebLogin() {
        assertThat(verifier.verifiedTerminal(cardToken, CHALLENGE)).isEmpty();
    }

    @Test
    void aStatementSignedWithAnotherKeyIsAWebLogin() throws Exception {
        String token = withTerminal("test-kiosk-in-service", sign(OTHER.getPrivate(), "test-kiosk-in-service", ORIGIN, CHALLENGE));
        assertThat(verifier.verifiedTerminal(token, CHALLENGE)).isEmpty();
    }

    @Test
    void aStatementFromAnotherLoginOrSiteIsAWebLogin() throws Exception {
        String replayed = withTerminal("test-kiosk-in-service",
                sign(TERMINAL.getPrivate(), "test-kiosk-in-service", ORIGIN, "an-earlier-challenge-of-that-terminal"));
        String otherSite = withTerminal("test-kiosk-in-service",
                sign(TERMINAL.getPrivate(), "test-kiosk-in-service", "http://evil.example", CHALLENGE));
        assertThat(verifier.verifiedTerminal(replayed, CHALLENGE)).isEmpty();
        assertThat(verifier.verifiedTerminal(otherSite, CHALLENGE)).isEmpty();
    }

    @Test
    void aStatementNamingAnotherTerminalIsAWebLogin() throws Exception {
        // Signed by the right key, but for a different id than the one claimed.
        String token = withTerminal("test-kiosk-in-service", sign(TERMINAL.getPrivate(), "test-kiosk-retired", ORIGIN, CHALLENGE));
        assertThat(verifier.verifiedTerminal(token, CHALLENGE)).isEmpty();
    }

    @Test
    void anUnknownOrRetiredTerminalIsAWebLogin() throws Exception {
        String unknown = withTerminal("no-such-kiosk", sign(TERMINAL.getPrivate(), "no-such-kiosk", ORIGIN, CHALLENGE));
        String retired = withTerminal("test-kiosk-retired", sign(TERMINAL.getPrivate(), "test-kiosk-retired", ORIGIN, CHALLENGE));
        assertThat(verifier.verifiedTerminal(unknown, CHALLENGE)).isEmpty();
        assertThat(verifier.verifiedTerminal(retired, CHALLENGE)).isEmpty();
    }

    @Test
    void aMissingOrGarbledSignatureIsAWebLogin() throws Exception {
        assertThat(verifier.verifiedTerminal(withTerminal("test-kiosk-in-service", null), CHALLENGE)).isEmpty();
        assertThat(verifier.verifiedTerminal(withTerminal("test-kiosk-in-service", "not base64 at all!"), CHALLENGE)).isEmpty();
        assertThat(verifier.verifiedTerminal(withTerminal("test-kiosk-in-service",
                Base64.getEncoder().encodeToString(new byte[] { 1, 2, 3 })), CHALLENGE)).isEmpty();
        assertThat(verifier.verifiedTerminal(withTerminal("<script>\n", "AAAA"), CHALLENGE)).isEmpty();
    }
}
