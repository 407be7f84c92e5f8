package jp.mynahealth.portal.etax;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The data provider's document-signing key and certificate chain, issued by the (demo) card
 * issuer and read from a PKCS#12 file. Loaded on first use; a missing key makes downloads answer
 * 503 instead of producing unsigned files.
 */
@Component
class SigningKey {

    record Loaded(PrivateKey key, List<X509Certificate> chain) {
    }

    /** No signing key is available: the signed file cannot be made now. */
    static final class UnavailableException extends RuntimeException {
        UnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final Path store;
    private final Path passwordFile;
    private volatile Loaded loaded;

    SigningKey(@Value("${myna.etax.signing-store}") Path store, @Value("${myna.etax.signing-password-file}") Path passwordFile) {
        this.store = store;
        this.passwordFile = passwordFile;
    }

    Loaded get() {
        Loaded current = loaded;
        if (current == null) {
            synchronized (this) {
                if (loaded == null) {
                    loaded = load();
                }
                current = loaded;
            }
        }
        return current;
    }

    private Loaded load() {
        try (InputStream in = Files.newInputStream(store)) {
            char[] password = Files.readString(passwordFile).strip().toCharArray();
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(in, password);
            String alias = keys.aliases().nextElement();
            PrivateKey key = (PrivateKey) keys.getKey(alias, password);
            List<X509Certificate> chain = Arrays.stream(keys.getCertificateChain(alias)).map(X509Certificate.class::cast).toList();
            Arrays.fill(password, '\0');
            return new Loaded(key, chain);
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            throw new UnavailableException("The data provider's signing key in " + store + " is not available", e);
        }
    }
}
