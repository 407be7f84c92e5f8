package jp.mynahealth.signer.card;

import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Soft cards made by the tests themselves: a key and a self-issued certificate in a PKCS#12 file. */
public final class TestCards {

    private TestCards() {
    }

    public static KeyPair keys(String algorithm, int bits) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
        generator.initialize(bits);
        return generator.generateKeyPair();
    }

    public static X509Certificate certificate(KeyPair keys, String algorithm) throws Exception {
        Instant now = Instant.now();
        return new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(
                new X500Name("C=JP, CN=test-card"), BigInteger.valueOf(now.toEpochMilli()),
                Date.from(now.minus(1, ChronoUnit.DAYS)), Date.from(now.plus(365, ChronoUnit.DAYS)),
                new X500Name("C=JP, CN=test-card"), keys.getPublic())
                .build(new JcaContentSignerBuilder(algorithm).build(keys.getPrivate())));
    }

    /** Writes {@code <id>.p12} (alias as given) and its state file into the folder. */
    public static X509Certificate write(Path folder, String id, String pin, String alias, String label) throws Exception {
        Files.createDirectories(folder);
        KeyPair keys = keys("RSA", 2048);
        X509Certificate certificate = certificate(keys, "SHA256withRSA");
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry(alias, keys.getPrivate(), pin.toCharArray(), new Certificate[] { certificate });
        try (OutputStream out = Files.newOutputStream(folder.resolve(id + ".p12"))) {
            store.store(out, pin.toCharArray());
        }
        Files.writeString(folder.resolve(id + ".properties"), "label=" + label + "\nfailures=0\nlocked=false\n");
        return certificate;
    }
}
