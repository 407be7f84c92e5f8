package jp.mynahealth.e2e.support;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * TLS for browser tests that need real https sites: a certificate authority made for this test
 * run, one server certificate from it for the loopback names the tests use ({@code localhost},
 * {@code 127.0.0.1}, {@code 127.0.0.2}), and the places that trust it — an NSS database in a home
 * folder of its own for Chromium (made with {@code certutil} from libnss3-tools, which .ci/run
 * installs), and an {@link SSLContext} for the Java side. The project's own {@code ca} role issues
 * card certificates only; TLS is a reverse proxy's business in production.
 */
public final class TestTls {

    /** The Spring Boot SSL bundle name the servers use. */
    public static final String BUNDLE = "e2e-tls";
    private static final Path CERTUTIL = Path.of("/usr/bin/certutil");
    private static TestTls instance;

    private final X509Certificate authority;
    private final Path folder;
    private final Path chain;
    private final Path key;

    private TestTls(X509Certificate authority, Path folder, Path chain, Path key) {
        this.authority = authority;
        this.folder = folder;
        this.chain = chain;
        this.key = key;
    }

    /** Made once per test JVM, in a folder beside the e2e data folder. */
    public static synchronized TestTls get() {
        if (instance == null) {
            instance = create(Path.of(System.getProperty("myna.data-dir", ".data")).toAbsolutePath().resolveSibling("e2e-tls"));
        }
        return instance;
    }

    /** Whether Chromium can be made to trust the test authority here. */
    public static boolean browserTrustAvailable() {
        return Files.isExecutable(CERTUTIL);
    }

    /**
     * A home folder whose NSS database trusts the test authority (Chromium on Linux reads
     * {@code ~/.pki/nssdb}); empty when certutil is missing.
     */
    public Optional<Path> browserHome() {
        if (!browserTrustAvailable()) {
            return Optional.empty();
        }
        Path home = folder.resolve("browser-home");
        Path database = home.resolve(".pki/nssdb");
        try {
            if (!Files.exists(database.resolve("cert9.db"))) {
                Files.createDirectories(database);
                Path authorityPem = folder.resolve("authority.pem");
                Files.writeString(authorityPem, pem(authority));
                run(CERTUTIL.toString(), "-N", "-d", "sql:" + database, "--empty-password");
                run(CERTUTIL.toString(), "-A", "-d", "sql:" + database, "-n", "myna-e2e-tls", "-t", "C,,", "-i",
                        authorityPem.toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Optional.of(home);
    }

    /** Spring Boot properties that make a role serve https with the test certificate. */
    public List<String> serverArguments() {
        return List.of("--server.ssl.bundle=" + BUNDLE,
                "--spring.ssl.bundle.pem." + BUNDLE + ".keystore.certificate=file:" + chain,
                "--spring.ssl.bundle.pem." + BUNDLE + ".keystore.private-key=file:" + key);
    }

    /** A client context that trusts the test authority only. */
    public SSLContext clientContext() {
        try {
            KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
            trust.load(null, null);
            trust.setCertificateEntry("myna-e2e-tls", authority);
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), new SecureRandom());
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static TestTls create(Path folder) {
        try {
            Files.createDirectories(folder);
            Instant now = Instant.now();
            KeyPair authorityKeys = rsa();
            X500Name authorityName = new X500Name("CN=Myna e2e TLS Test CA, O=Test, C=JP");
            X509Certificate authority = sign(new JcaX509v3CertificateBuilder(authorityName, serial(), from(now),
                    until(now), authorityName, authorityKeys.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign)),
                    authorityKeys.getPrivate());
            KeyPair serverKeys = rsa();
            X509Certificate server = sign(new JcaX509v3CertificateBuilder(authority, serial(), from(now), until(now),
                    new X500Name("CN=localhost, O=Test, C=JP"), serverKeys.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment))
                    .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth))
                    .addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                        new GeneralName(GeneralName.dNSName, "localhost"),
                        new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
                        new GeneralName(GeneralName.iPAddress, "127.0.0.2") })),
                    authorityKeys.getPrivate());
            Path chain = folder.resolve("server-chain.pem");
            Path key = folder.resolve("server-key.pem");
            Files.writeString(chain, pem(server) + pem(authority));
            Files.writeString(key, pem(new JcaPKCS8Generator(serverKeys.getPrivate(), null)));
            // A fresh authority each run: a browser home made for an earlier one trusts the wrong one.
            deleteBrowserHome(folder.resolve("browser-home"));
            return new TestTls(authority, folder, chain, key);
        } catch (GeneralSecurityException | IOException | OperatorCreationException e) {
            throw new IllegalStateException("cannot make the test TLS certificates", e);
        }
    }

    private static KeyPair rsa() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    private static BigInteger serial() {
        return new BigInteger(127, new SecureRandom()).setBit(126);
    }

    private static Date from(Instant now) {
        return Date.from(now.minus(Duration.ofDays(1)));
    }

    private static Date until(Instant now) {
        return Date.from(now.plus(Duration.ofDays(7)));
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey signer)
            throws GeneralSecurityException, OperatorCreationException {
        return new JcaX509CertificateConverter().getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(signer)));
    }

    private static String pem(Object object) throws IOException {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(object);
        }
        return out.toString();
    }

    private static void deleteBrowserHome(Path home) throws IOException {
        if (!Files.exists(home)) {
            return;
        }
        try (Stream<Path> files = Files.walk(home)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    private static void run(String... command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException(String.join(" ", command) + " failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
