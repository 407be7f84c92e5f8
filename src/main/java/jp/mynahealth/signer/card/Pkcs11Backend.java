package jp.mynahealth.signer.card;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Security;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.List;

/**
 * A card behind PKCS#11 through the JDK's SunPKCS11 provider: OpenSC's module for a My Number
 * card in a PC/SC reader, or SoftHSM2 in tests. The token keeps its own PIN counter; the PIN is
 * only ever given to the token.
 */
public final class Pkcs11Backend implements CardBackend {

    private final Provider provider;
    private final String label;

    public Pkcs11Backend(Path library, int slotListIndex, String label) {
        this.label = label;
        try {
            Path config = Files.createTempFile("myna-pkcs11", ".cfg");
            Files.writeString(config, "name = MynaCard\nlibrary = " + library.toAbsolutePath() + "\nslotListIndex = "
                    + slotListIndex + "\n");
            this.provider = Security.getProvider("SunPKCS11").configure(config.toString());
            Files.deleteIfExists(config);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot configure PKCS#11 over " + library, e);
        }
    }

    @Override
    public List<Card> cards() {
        return List.of(new Pkcs11Card());
    }

    private final class Pkcs11Card implements Card {

        @Override
        public String id() {
            return "pkcs11";
        }

        @Override
        public String label() {
            return label;
        }

        @Override
        public boolean locked() {
            return false;
        }

        @Override
        public synchronized Signed sign(char[] pin, byte[] data) {
            KeyStore token;
            try {
                token = KeyStore.getInstance("PKCS11", provider);
                token.load(null, pin);
            } catch (IOException e) {
                String reason = causes(e);
                if (reason.contains("CKR_PIN_LOCKED")) {
                    throw new CardException.Locked();
                }
                if (reason.contains("CKR_PIN_INCORRECT") || reason.contains("CKR_PIN_LEN_RANGE")
                        || reason.contains("FailedLoginException")) {
                    throw new CardException.WrongPin(-1);
                }
                throw new CardException.Unsupported("the token cannot be opened: " + e.getMessage());
            } catch (GeneralSecurityException e) {
                throw new CardException.Unsupported("the token cannot be opened: " + e.getMessage());
            }
            try {
                for (String alias : Collections.list(token.aliases())) {
                    Key key = token.getKey(alias, null);
                    if (key instanceof PrivateKey privateKey && "RSA".equals(key.getAlgorithm())
                            && token.getCertificate(alias) instanceof X509Certificate certificate) {
                        Signature signer = Signature.getInstance("SHA256withRSA", provider);
                        signer.initSign(privateKey);
                        signer.update(data);
                        return new Signed(signer.sign(), certificate);
                    }
                }
            } catch (GeneralSecurityException e) {
                throw new CardException.Unsupported("the token's key cannot sign: " + e.getMessage());
            } finally {
                logout();
            }
            throw new CardException.Unsupported("the token holds no RSA key with a certificate");
        }

        /** The PKCS#11 return code sits a few causes down; collect them all to read it. */
        private static String causes(Throwable error) {
            StringBuilder all = new StringBuilder();
            for (Throwable cause = error; cause != null; cause = cause.getCause()) {
                all.append(cause.getClass().getSimpleName()).append(' ').append(cause.getMessage()).append('\n');
            }
            return all.toString();
        }

        /** Every signature needs the PIN again, as with the card itself: the token session ends here. */
        private void logout() {
            try {
                ((java.security.AuthProvider) provider).logout();
            } catch (javax.security.auth.login.LoginException e) {
                // Already logged out: nothing to end.
            }
        }
    }
}
