package jp.mynahealth.common.kiosk;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * What a kiosk terminal signs with its own key beside the card's signature, so the idp can tell a
 * login made at a registered terminal from one in a citizen's own browser:
 * {@code "myna-kiosk:1" || SHA-256(terminal id) || SHA-256(origin) || SHA-256(challenge)}. The
 * challenge binds the statement to one login: it cannot be replayed for another.
 */
public final class TerminalStatement {

    public static final String FORMAT = "myna-kiosk:1";
    /** ECDSA over P-256, as a terminal's TPM or HSM usually offers. */
    public static final String ALGORITHM = "SHA256withECDSA";

    private TerminalStatement() {
    }

    public static byte[] of(String terminalId, String origin, String challenge) {
        byte[] format = FORMAT.getBytes(StandardCharsets.US_ASCII);
        byte[] terminal = sha256(terminalId);
        byte[] site = sha256(origin);
        byte[] login = sha256(challenge);
        byte[] data = new byte[format.length + terminal.length + site.length + login.length];
        int at = 0;
        for (byte[] part : new byte[][] { format, terminal, site, login }) {
            System.arraycopy(part, 0, data, at, part.length);
            at += part.length;
        }
        return data;
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
