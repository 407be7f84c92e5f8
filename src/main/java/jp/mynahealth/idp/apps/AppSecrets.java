package jp.mynahealth.idp.apps;

import java.security.SecureRandom;
import java.util.Base64;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Client secrets of confidential apps: 256 random bits, shown once to whoever registers the app;
 * only a bcrypt hash is kept, in the form the idp's password encoder reads ({@code {bcrypt}…}).
 */
public final class AppSecrets {

    private static final SecureRandom RANDOM = new SecureRandom();
    /** A low cost is enough for a long random machine secret (see AuthorizationServerConfiguration). */
    private static final BCryptPasswordEncoder BCRYPT = new BCryptPasswordEncoder(4);

    private AppSecrets() {
    }

    public static String newSecret() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    public static String hash(String secret) {
        return "{bcrypt}" + BCRYPT.encode(secret);
    }
}
