package jp.mynahealth.idp.card;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The signer's answer, {@code {"format":"myna-auth:1","certificate":…,"algorithm":"RS256","signature":…}}, parsed. */
record AuthToken(X509Certificate certificate, byte[] signature, String signerVersion, TerminalClaim terminal) {

    /**
     * A kiosk terminal's statement, as claimed: nothing is trusted until {@link KioskClaimVerifier}
     * has checked it, and a claim that cannot even be decoded is kept with a null signature, so it
     * simply fails that check.
     */
    record TerminalClaim(String terminalId, byte[] signature) {
    }

    static final String FORMAT = "myna-auth:1";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Parses a token no longer than {@code maxBytes}; anything else is refused as malformed. */
    static AuthToken parse(String text, int maxBytes) {
        if (text == null || text.isBlank()) {
            throw malformed("the auth token is missing");
        }
        if (text.getBytes(StandardCharsets.UTF_8).length > maxBytes) {
            throw malformed("the auth token is larger than " + maxBytes + " bytes");
        }
        JsonNode json;
        try {
            json = JSON.readTree(text);
        } catch (Exception e) {
            throw malformed("the auth token is not JSON");
        }
        if (json == null || !json.isObject()) {
            throw malformed("the auth token is not a JSON object");
        }
        if (!FORMAT.equals(text(json, "format"))) {
            throw malformed("unknown auth token format " + text(json, "format"));
        }
        if (!"RS256".equals(text(json, "algorithm"))) {
            throw malformed("unsupported signature algorithm " + text(json, "algorithm"));
        }
        X509Certificate certificate;
        byte[] signature;
        try {
            byte[] der = Base64.getDecoder().decode(required(json, "certificate"));
            certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
            signature = Base64.getDecoder().decode(required(json, "signature"));
        } catch (IllegalArgumentException | CertificateException | ClassCastException e) {
            throw malformed("the certificate or signature cannot be decoded: " + e.getMessage());
        }
        return new AuthToken(certificate, signature, text(json, "signerVersion"), terminalClaim(json.get("terminal")));
    }

    private static TerminalClaim terminalClaim(JsonNode terminal) {
        if (terminal == null || !terminal.isObject()) {
            return null;
        }
        String signature = text(terminal, "signature");
        byte[] decoded = null;
        try {
            decoded = signature == null ? null : Base64.getDecoder().decode(signature);
        } catch (IllegalArgumentException e) {
            // Left null: the claim is refused by the verifier, the login itself goes on as a web login.
        }
        return new TerminalClaim(text(terminal, "id"), decoded);
    }

    private static String required(JsonNode json, String field) {
        String value = text(json, field);
        if (value == null || value.isEmpty()) {
            throw malformed("the auth token has no " + field);
        }
        return value;
    }

    private static String text(JsonNode json, String field) {
        JsonNode node = json.get(field);
        return node != null && node.isTextual() ? node.asText() : null;
    }

    private static CardLoginException malformed(String reason) {
        return new CardLoginException(LoginFailure.TRY_AGAIN, "malformed token: " + reason);
    }
}
