package jp.mynahealth.signer.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.Provider;
import java.security.Security;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

/**
 * Signing through PKCS#11 with a SoftHSM2 token, as the signer signs with a real card through
 * OpenSC. SOFTHSM2_CONF is set for the test JVM by the build (pom.xml); .ci/run installs SoftHSM2.
 */
class Pkcs11BackendTest {

    private static final Path LIBRARY = Path.of("/usr/lib/softhsm/libsofthsm2.so");
    private static final byte[] DATA = "SHA-256(origin) || SHA-256(challenge)".getBytes();
    private static X509Certificate certificate;

    @BeforeAll
    static void initialiseToken() throws Exception {
        assumeTrue(Files.exists(LIBRARY), "SoftHSM2 is not installed");
        Path conf = Path.of(System.getenv().getOrDefault("SOFTHSM2_CONF", "target/softhsm/softhsm2.conf"));
        Path tokens = conf.getParent().resolve("tokens");
        FileSystemUtils.deleteRecursively(tokens);
        Files.createDirectories(tokens);
        Files.writeString(conf, "directories.tokendir = " + tokens.toAbsolutePath() + "\nobjectstore.backend = file\n");
        run("softhsm2-util", "--init-token", "--free", "--label", "myna-test", "--pin", "1234", "--so-pin", "567890");

        Path config = Files.createTempFile("softhsm", ".cfg");
        Files.writeString(config, "name = SoftHsmSetup\nlibrary = " + LIBRARY + "\nslotListIndex = 0\n");
        Provider setup = Security.getProvider("SunPKCS11").configure(config.toString());
        KeyStore token = KeyStore.getInstance("PKCS11", setup);
        token.load(null, "1234".toCharArray());
        KeyPair keys = TestCards.keys("RSA", 2048);
        certificate = TestCards.certificate(keys, "SHA256withRSA");
        token.setKeyEntry("auth", keys.getPrivate(), null, new Certificate[] { certificate });
        ((java.security.AuthProvider) setup).logout();
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor()).as(output).isZero();
    }

    @Test
    void theTokenSignsWithTheRightPin() throws Exception {
        Card card = new Pkcs11Backend(LIBRARY, 0, "SoftHSM card").cards().get(0);
        assertThat(card.label()).isEqualTo("SoftHSM card");
        Card.Signed signed = card.sign("1234".toCharArray(), DATA);
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(certificate.getPublicKey());
        verifier.update(DATA);
        assertThat(verifier.verify(signed.signature())).isTrue();
        assertThat(signed.certificate().getPublicKey()).isEqualTo(certificate.getPublicKey());
    }

    @Test
    void aWrongPinIsReportedAsSuch() {
        Card card = new Pkcs11Backend(LIBRARY, 0, "SoftHSM card").cards().get(0);
        assertThatThrownBy(() -> card.sign("9999".toCharArray(), DATA)).isInstanceOf(CardException.WrongPin.class);
    }
}
