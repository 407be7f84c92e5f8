package jp.mynahealth.portal.access;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;

import jp.mynahealth.common.OwnerOnlyFiles;

/**
 * The Ed25519 key pair that signs checkpoints: the private key stays with the portal (owner-only),
 * the public key is all a verifier needs, so checkpoints can be checked by people who cannot make them.
 */
final class CheckpointKeys {

    private CheckpointKeys() {
    }

    static PrivateKey loadOrCreatePrivate(Path privateFile, Path publicFile) {
        try {
            if (!Files.exists(privateFile)) {
                KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
                if (OwnerOnlyFiles.createSecret(privateFile, pem(pair.getPrivate()))) {
                    Files.write(publicFile, pem(pair.getPublic()));
                }
            }
            try (Reader in = Files.newBufferedReader(privateFile, StandardCharsets.US_ASCII); PEMParser pem = new PEMParser(in)) {
                if (pem.readObject() instanceof PrivateKeyInfo info) {
                    return new JcaPEMKeyConverter().getPrivateKey(info);
                }
                throw new IllegalStateException(privateFile + " holds no private key (PKCS#8 PEM)");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the checkpoint signing key " + privateFile, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is part of every Java 17 runtime", e);
        }
    }

    static PublicKey loadPublic(Path publicFile) {
        try (Reader in = Files.newBufferedReader(publicFile, StandardCharsets.US_ASCII); PEMParser pem = new PEMParser(in)) {
            if (pem.readObject() instanceof SubjectPublicKeyInfo info) {
                return new JcaPEMKeyConverter().getPublicKey(info);
            }
            throw new IllegalStateException(publicFile + " holds no public key (PEM)");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the checkpoint public key " + publicFile, e);
        }
    }

    private static byte[] pem(Object key) throws IOException {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(key);
        }
        return text.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
