package jp.mynahealth.common.cardlogin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * What the card signs in the card-login protocol: {@code SHA-256(origin) || SHA-256(challenge)}, so a
 * signature is bound to one site and one login. The signer makes it, the idp checks it.
 */
public final class SignedData {

    private SignedData() {
    }

    public static byte[] of(String origin, String challenge) {
        try {
            byte[] originHash = MessageDigest.getInstance("SHA-256").digest(origin.getBytes(StandardCharsets.UTF_8));
            byte[] challengeHash = MessageDigest.getInstance("SHA-256").digest(challenge.getBytes(StandardCharsets.UTF_8));
            byte[] data = new byte[originHash.length + challengeHash.length];
            System.arraycopy(originHash, 0, data, 0, originHash.length);
            System.arraycopy(challengeHash, 0, data, originHash.length, challengeHash.length);
            return data;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
