package jp.mynahealth.ca;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import org.bouncycastle.asn1.x500.X500Name;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jp.mynahealth.common.database.DataFolder;
import jp.mynahealth.common.OwnerOnlyFiles;

/**
 * The demo issuer's hierarchy: a root CA, the user-authentication issuing CA, its delegated OCSP
 * responder and a document-signing certificate for the data provider. Made on first start into
 * {@code <data>/ca/} (keys in a PKCS#12 file with a random password), loaded afterwards.
 */
final class IssuerKeys {

    static final String ROOT_PEM = "root-ca.pem";
    static final String ISSUING_PEM = "user-auth-ca.pem";
    static final String RESPONDER_PEM = "ocsp-responder.pem";
    static final String PROVIDER_STORE = "data-provider.p12";
    static final String PROVIDER_PASSWORD = "data-provider.password";
    private static final String KEYSTORE = "ca-keys.p12";
    private static final String PASSWORD = "keystore.password";
    private static final Logger log = LoggerFactory.getLogger(IssuerKeys.class);

    final X509Certificate root;
    final X509Certificate issuing;
    final PrivateKey issuingKey;
    final X509Certificate responder;
    final PrivateKey responderKey;

    private IssuerKeys(X509Certificate root, X509Certificate issuing, PrivateKey issuingKey, X509Certificate responder,
            PrivateKey responderKey) {
        this.root = root;
        this.issuing = issuing;
        this.issuingKey = issuingKey;
        this.responder = responder;
        this.responderKey = responderKey;
    }

    static boolean exist(DataFolder data) {
        return Files.exists(data.resolve("ca").resolve(KEYSTORE));
    }

    static synchronized IssuerKeys loadOrCreate(DataFolder data, Clock clock) {
        Path folder = data.resolve("ca");
        try {
            Files.createDirectories(folder);
            if (!Files.exists(folder.resolve(KEYSTORE))) {
                create(folder, clock.instant());
            }
            char[] password = Files.readString(folder.resolve(PASSWORD)).strip().toCharArray();
            KeyStore store = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(folder.resolve(KEYSTORE))) {
                store.load(in, password);
            }
            return new IssuerKeys((X509Certificate) store.getCertificate("root"),
                    (X509Certificate) store.getCertificate("issuing"), (PrivateKey) store.getKey("issuing", password),
                    (X509Certificate) store.getCertificate("responder"), (PrivateKey) store.getKey("responder", password));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or write the demo issuer in " + folder, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The demo issuer's keys in " + folder + " are unusable", e);
        }
    }

    private static void create(Path folder, Instant now) throws IOException, GeneralSecurityException {
        Instant from = now.minus(Duration.ofDays(1));
        KeyPair rootKeys = Certificates.rsa(3072);
        X509Certificate root = Certificates.root(new X500Name(
                "C=JP, O=Myna Health Demo, OU=JPKI demo, CN=Myna Health Demo Root CA"), rootKeys, from, now.plus(Duration.ofDays(20 * 365)));
        KeyPair issuingKeys = Certificates.rsa(3072);
        X509Certificate issuing = Certificates.issuingCa(new X500Name(
                "C=JP, O=Myna Health Demo, OU=JPKI for user authentication, CN=Myna Health Demo User Authentication CA"),
                issuingKeys, root, rootKeys.getPrivate(), from, now.plus(Duration.ofDays(10 * 365)));
        KeyPair responderKeys = Certificates.rsa(2048);
        X509Certificate responder = Certificates.ocspResponder(new X500Name(
                "C=JP, O=Myna Health Demo, OU=JPKI for user authentication, CN=Myna Health Demo OCSP Responder"),
                responderKeys, issuing, issuingKeys.getPrivate(), from, now.plus(Duration.ofDays(2 * 365)));
        KeyPair providerKeys = Certificates.rsa(2048);
        X509Certificate provider = Certificates.documentSigner(new X500Name(
                "C=JP, O=Myna Health Demo, OU=Medical cost notice provider, CN=Myna Health Demo Data Provider"),
                providerKeys, issuing, issuingKeys.getPrivate(), from, now.plus(Duration.ofDays(5 * 365)));

        String password = randomPassword();
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("root", rootKeys.getPrivate(), password.toCharArray(), new Certificate[] { root });
        store.setKeyEntry("issuing", issuingKeys.getPrivate(), password.toCharArray(), new Certificate[] { issuing, root });
        store.setKeyEntry("responder", responderKeys.getPrivate(), password.toCharArray(),
                new Certificate[] { responder, issuing, root });
        writeSecret(folder.resolve(PASSWORD), password);
        writeStore(folder.resolve(KEYSTORE), store, password);

        // The data provider's signing key goes to a file of its own: the portal reads it, never the CA keys.
        String providerPassword = randomPassword();
        KeyStore providerStore = KeyStore.getInstance("PKCS12");
        providerStore.load(null, null);
        providerStore.setKeyEntry("signing", providerKeys.getPrivate(), providerPassword.toCharArray(),
                new Certificate[] { provider, issuing, root });
        writeSecret(folder.resolve(PROVIDER_PASSWORD), providerPassword);
        writeStore(folder.resolve(PROVIDER_STORE), providerStore, providerPassword);

        write(folder.resolve(RESPONDER_PEM), Certificates.pem(responder));
        write(folder.resolve(ISSUING_PEM), Certificates.pem(issuing));
        // The trust anchor last: its presence tells the other roles the hierarchy is complete.
        write(folder.resolve(ROOT_PEM), Certificates.pem(root));
        log.info("Created the demo card issuer in {}", folder);
    }

    private static String randomPassword() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static void writeSecret(Path file, String secret) throws IOException {
        write(file, secret);
        OwnerOnlyFiles.restrict(file);
    }

    private static void writeStore(Path file, KeyStore store, String password) throws IOException, GeneralSecurityException {
        Path temporary = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
        try (OutputStream out = Files.newOutputStream(temporary)) {
            store.store(out, password.toCharArray());
        }
        OwnerOnlyFiles.restrict(temporary);
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    static void write(Path file, String text) throws IOException {
        Path temporary = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
        Files.writeString(temporary, text, StandardCharsets.UTF_8);
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
