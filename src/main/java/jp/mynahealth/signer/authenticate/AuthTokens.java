package jp.mynahealth.signer.authenticate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import jp.mynahealth.signer.card.Card;

/** What the card signs for a login, and the auth token the signer hands back to the site. */
final class AuthTokens {

    static final String SIGNER_VERSION = "0.1.0";
    private static final ObjectMapper JSON = new ObjectMapper();

    private AuthTokens() {
    }

    /** {@code SHA-256(origin) || SHA-256(challenge)}: the signature is good for this site and this login only. */
    static byte[] dataToSign(String origin, String challenge) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            byte[] originHash = sha256.digest(origin.getBytes(StandardCharsets.UTF_8));
            byte[] challengeHash = sha256.digest(challenge.getBytes(StandardCharsets.UTF_8));
            byte[] data = new byte[64];
            System.arraycopy(originHash, 0, data, 0, 32);
            System.arraycopy(challengeHash, 0, data, 32, 32);
            return data;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    static String token(Card.Signed signed) {
        Map<String, String> token = new LinkedHashMap<>();
        token.put("format", "myna-auth:1");
        try {
            token.put("certificate", Base64.getEncoder().encodeToString(signed.certificate().getEncoded()));
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("The card's certificate cannot be encoded", e);
        }
        token.put("algorithm", "RS256");
        token.put("signature", Base64.getEncoder().encodeToString(signed.signature()));
        token.put("signerVersion", SIGNER_VERSION);
        try {
            return JSON.writeValueAsString(token);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
