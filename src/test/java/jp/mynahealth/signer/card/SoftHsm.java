package jp.mynahealth.signer.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.AuthProvider;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.Provider;
import java.security.Security;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.util.FileSystemUtils;

/**
 * SoftHSM2 tokens standing in for cards in readers, made once per test JVM. SoftHSM reads its token
 * folder when the library is first initialised in a process and never again, so every token any
 * test needs is made here, before that; a test that removes a token removes only its own.
 * SOFTHSM2_CONF is set for the test JVM by the build (pom.xml); .ci/run installs SoftHSM2.
 */
public final class SoftHsm {

    public static final Path LIBRARY = Path.of("/usr/lib/softhsm/libsofthsm2.so");
    public static final String PIN = "1234";
    /** Signing and PIN tests of the back-end. */
    public static final String CARD = "myna-card";
    /** The kiosk test's card, taken out of the reader (deleted) by that test. */
    public static final String KIOSK = "myna-kiosk";
    /** The PIN page's card, given a wrong PIN by that test. */
    public static final String PAGE = "myna-page";
    /** Taken out of the reader by the back-end's test. */
    public static final String REMOVED = "myna-removed";
    private static final List<String> LABELS = List.of(CARD, KIOSK, PAGE, REMOVED);
    private static final Pattern SLOT = Pattern.compile("reassigned to slot (\\d+)");

    /** A token with an RSA key and its certificate under the alias "auth", as on a card. */
    public record Token(String label, long slot, X509Certificate certificate) {

        /** The id the PKCS#11 back-end gives this card. */
        public String cardId() {
            try {
                return "p11-" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static Map<String, Token> tokens;

    private SoftHsm() {
    }

    /** Skips the calling test where SoftHSM2 is not installed; CI installs it, so there they run. */
    public static void assumeInstalled() {
        assumeTrue(Files.exists(LIBRARY),
                "SoftHSM2 is not installed (" + LIBRARY + "): the PKCS#11 tests need it; .ci/run installs it");
    }

    public static synchronized Token token(String label) throws Exception {
        assumeInstalled();
        if (tokens == null) {
            tokens = make();
        }
        return tokens.get(label);
    }

    /** Takes the card out of the reader: SoftHSM's nearest thing to removing a card. */
    public static void remove(String label) throws Exception {
        run("softhsm2-util", "--delete-token", "--token", label);
    }

    /** Logs in through a provider of its own, as another part of the process could, and stays logged in. */
    public static Provider loggedIn(Token token) throws Exception {
        Provider provider = provider(token);
        KeyStore.getInstance("PKCS11", provider).load(null, PIN.toCharArray());
        return provider;
    }

    public static void logout(Provider provider) throws Exception {
        ((AuthProvider) provider).logout();
    }

    private static Map<String, Token> make() throws Exception {
        Path conf = Path.of(System.getenv().getOrDefault("SOFTHSM2_CONF", "target/softhsm/softhsm2.conf"));
        Path folder = conf.toAbsolutePath().getParent().resolve("tokens");
        FileSystemUtils.deleteRecursively(folder);
        Files.createDirectories(folder);
        Files.writeString(conf, "directories.tokendir = " + folder + "\nobjectstore.backend = file\nlog.level = ERROR\n");
        Map<String, Long> slots = new LinkedHashMap<>();
        for (String label : LABELS) {
            Matcher slot = SLOT.matcher(run("softhsm2-util", "--init-token", "--free", "--label", label, "--pin", PIN,
                    "--so-pin", "567890"));
            assertThat(slot.find()).isTrue();
            slots.put(label, Long.parseLong(slot.group(1)));
        }
        Map<String, Token> made = new LinkedHashMap<>();
        for (Map.Entry<String, Long> slot : slots.entrySet()) {
            KeyPair keys = TestCards.keys("RSA", 2048);
            X509Certificate certificate = TestCards.certificate(keys, "SHA256withRSA");
            Token token = new Token(slot.getKey(), slot.getValue(), certificate);
            Provider setup = provider(token);
            KeyStore store = KeyStore.getInstance("PKCS11", setup);
            store.load(null, PIN.toCharArray());
            store.setKeyEntry("auth", keys.getPrivate(), null, new Certificate[] { certificate });
            logout(setup);
            made.put(token.label(), token);
        }
        return made;
    }

    private static Provider provider(Token token) throws IOException {
        Path config = Files.createTempFile("softhsm", ".cfg");
        Files.writeString(config, "name = SoftHsmTest\nlibrary = " + LIBRARY + "\nslot = " + token.slot() + "\n");
        try {
            return Security.getProvider("SunPKCS11").configure(config.toString());
        } finally {
            Files.deleteIfExists(config);
        }
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor()).as(output).isZero();
        return output;
    }
}
