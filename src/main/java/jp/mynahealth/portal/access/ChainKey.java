package jp.mynahealth.portal.access;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jp.mynahealth.common.OwnerOnlyFiles;

/**
 * The access log chain's HMAC key. The database never holds it, so whoever controls the database
 * can delete or rewrite rows but cannot make a rewritten chain verify.
 */
final class ChainKey {

    private final SecretKeySpec key;

    private ChainKey(byte[] key) {
        this.key = new SecretKeySpec(key, "HmacSHA256");
    }

    /** Reads the key, making one first if there is none (a single instance, the demo). */
    static ChainKey loadOrCreate(Path file) {
        try {
            if (!Files.exists(file)) {
                byte[] fresh = new byte[32];
                new SecureRandom().nextBytes(fresh);
                OwnerOnlyFiles.createSecret(file, Base64.getEncoder().encode(fresh));
            }
            return load(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the access log key " + file, e);
        }
    }

    static ChainKey load(Path file) {
        try {
            byte[] key = Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
            if (key.length < 32) {
                throw new IllegalStateException("The access log key " + file + " is shorter than 32 bytes");
            }
            return new ChainKey(key);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the access log key " + file, e);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("The access log key " + file + " is not Base64", e);
        }
    }

    /** HMAC-SHA256 over the previous row's hash (none for a chain's first row) and this row's content. */
    byte[] rowHash(byte[] previous, String content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            if (previous != null) {
                mac.update(previous);
            }
            return mac.doFinal(content.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
