package jp.mynahealth.signer.authenticate;

import java.security.cert.CertificateEncodingException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import jp.mynahealth.common.cardlogin.SignedData;
import jp.mynahealth.signer.card.Card;
import jp.mynahealth.signer.kiosk.KioskTerminal;

/** What the card signs for a login, and the auth token the signer hands back to the site. */
final class AuthTokens {

    static final String SIGNER_VERSION = "0.1.0";
    private static final ObjectMapper JSON = new ObjectMapper();

    private AuthTokens() {
    }

    /** What the card signs for a login: see {@link SignedData}. */
    static byte[] dataToSign(String origin, String challenge) {
        return SignedData.of(origin, challenge);
    }

    /** The token; on a kiosk terminal with the terminal's statement ({@code terminal: {id, signature}}). */
    static String token(Card.Signed signed, Optional<KioskTerminal.Statement> terminal) {
        Map<String, Object> token = new LinkedHashMap<>();
        token.put("format", "myna-auth:1");
        try {
            token.put("certificate", Base64.getEncoder().encodeToString(signed.certificate().getEncoded()));
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("The card's certificate cannot be encoded", e);
        }
        token.put("algorithm", "RS256");
        token.put("signature", Base64.getEncoder().encodeToString(signed.signature()));
        token.put("signerVersion", SIGNER_VERSION);
        terminal.ifPresent(statement -> token.put("terminal", Map.of("id", statement.terminalId(),
                "signature", Base64.getEncoder().encodeToString(statement.signature()))));
        try {
            return JSON.writeValueAsString(token);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
