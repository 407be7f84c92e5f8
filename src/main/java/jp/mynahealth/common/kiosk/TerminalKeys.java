package jp.mynahealth.common.kiosk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

import jp.mynahealth.common.OwnerOnlyFiles;

/**
 * A kiosk terminal's key pair: made once when the terminal is registered; the private key is kept
 * on the terminal as a PKCS#8 PEM file readable by its owner only, the public key goes to the
 * terminal register.
 */
public final class TerminalKeys {

    private static final String BEGIN = "-----BEGIN PRIVATE KEY-----";
    private static final String END = "-----END PRIVATE KEY-----";

    private TerminalKeys() {
    }

    public static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("EC P-256 is part of every Java runtime", e);
        }
    }

    /** Writes the private key; refuses to overwrite, so a registered terminal never loses its key by accident. */
    public static void writePrivateKey(Path file, PrivateKey key) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            String pem = BEGIN + "\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(key.getEncoded()) + "\n" + END + "\n";
            if (!OwnerOnlyFiles.createSecret(file, pem.getBytes(StandardCharsets.US_ASCII))) {
                throw new java.nio.file.FileAlreadyExistsException(file.toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the terminal key " + file, e);
        }
    }

    public static PrivateKey readPrivateKey(Path file) {
        try {
            String pem = Files.readString(file, StandardCharsets.US_ASCII);
            String body = pem.replace(BEGIN, "").replace(END, "").replaceAll("\\s", "");
            return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the terminal key " + file, e);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("The terminal key " + file + " is not an EC private key in PKCS#8 PEM", e);
        }
    }

    public static PublicKey publicKey(byte[] subjectPublicKeyInfo) throws GeneralSecurityException {
        return KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(subjectPublicKeyInfo));
    }
}
