package jp.mynahealth.portal.proxies;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;

/**
 * The one-time code an invitation is shown as: 12 characters of Crockford's base32 (60 random bits),
 * grouped by four for reading aloud, e.g. {@code 7KQ4-M2XD-9HTB}. Typing is forgiving (any case,
 * spaces or hyphens, O for 0 and I or L for 1); only the SHA-256 of the code is ever stored.
 */
final class InvitationCode {

    static final int LENGTH = 12;
    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final SecureRandom RANDOM = new SecureRandom();

    private InvitationCode() {
    }

    static String generate() {
        StringBuilder code = new StringBuilder(LENGTH + 2);
        for (int i = 0; i < LENGTH; i++) {
            if (i > 0 && i % 4 == 0) {
                code.append('-');
            }
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /** The code as typed, in its canonical form (12 characters, no hyphens), or empty when it cannot be one. */
    static Optional<String> normalize(String typed) {
        if (typed == null || typed.length() > 40) {
            return Optional.empty();
        }
        StringBuilder code = new StringBuilder(LENGTH);
        String upper = java.text.Normalizer.normalize(typed, java.text.Normalizer.Form.NFKC).toUpperCase(Locale.ROOT);
        for (char c : upper.toCharArray()) {
            if (c == '-' || c == ' ' || c == '\u2010' || c == '\u2212') {
                continue;
            }
            char mapped = switch (c) {
                case 'O' -> '0';
                case 'I', 'L' -> '1';
                default -> c;
            };
            if (ALPHABET.indexOf(mapped) < 0) {
                return Optional.empty();
            }
            code.append(mapped);
        }
        return code.length() == LENGTH ? Optional.of(code.toString()) : Optional.empty();
    }

    static byte[] hash(String canonical) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
