package jp.mynahealth.signer.card;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.AuthProvider;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.ProviderException;
import java.security.Security;
import java.security.Signature;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import javax.security.auth.login.LoginException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cards behind PKCS#11: OpenSC's module for a My Number card in a PC/SC reader, or SoftHSM2 in
 * tests. A card is listed only while its token is in a slot, and its id is its certificate's
 * fingerprint, so "the card that logged in" is that certificate, not whatever the reader holds.
 * The JDK's SunPKCS11 provider logs in and signs; the token keeps its own PIN counter, and the PIN
 * is only ever given to the token.
 */
public final class Pkcs11Backend implements CardBackend {

    private static final Logger log = LoggerFactory.getLogger(Pkcs11Backend.class);
    /**
     * A PKCS#11 login holds for the whole process, not for one request, and SunPKCS11 takes a token
     * already logged in as a success: so one signature at a time per slot, whichever back-end asks.
     */
    private static final ConcurrentMap<String, Object> SLOT_LOCKS = new ConcurrentHashMap<>();
    /** One SunPKCS11 provider per slot and process, like the login it holds. */
    private static final ConcurrentMap<String, Provider> PROVIDERS = new ConcurrentHashMap<>();

    private final Path library;
    private final Integer slotListIndex;
    private final String label;
    private final Cryptoki cryptoki;

    /**
     * @param slotListIndex the one slot to watch, as an index into the module's list of all slots
     *                      (SunPKCS11's slotListIndex), or null for every slot with a token
     * @param label         how the card is named in the list; the token's own label when null
     */
    public Pkcs11Backend(Path library, Integer slotListIndex, String label) {
        this.library = library.toAbsolutePath().normalize();
        this.slotListIndex = slotListIndex;
        this.label = label;
        this.cryptoki = Cryptoki.of(this.library);
    }

    @Override
    public List<Card> cards() {
        record Found(Cryptoki.Token token, X509Certificate certificate) {
        }
        List<Found> found = new ArrayList<>();
        for (long slot : slots()) {
            Optional<Cryptoki.Token> token;
            synchronized (lock(slot)) {
                token = cryptoki.token(slot);
            }
            token.ifPresent(present -> present.certificates().stream().filter(Pkcs11Backend::authentication)
                    .forEach(certificate -> found.add(new Found(present, certificate))));
        }
        // Two cards under one name could not be told apart: then each also says its token's label.
        boolean several = found.size() > 1;
        return found.stream().map(card -> (Card) new Pkcs11Card(card.token(), card.certificate(), name(card.token(), several)))
                .toList();
    }

    private String name(Cryptoki.Token token, boolean several) {
        if (label == null || label.isBlank()) {
            return token.label();
        }
        return several ? label + " (" + token.label() + ")" : label;
    }

    private long[] slots() {
        if (slotListIndex == null) {
            return cryptoki.slots(true);
        }
        long[] all = cryptoki.slots(false);
        return slotListIndex >= 0 && slotListIndex < all.length ? new long[] { all[slotListIndex] } : new long[0];
    }

    /** A user's own RSA certificate, not a CA's that the token may carry beside it. */
    private static boolean authentication(X509Certificate certificate) {
        return certificate.getBasicConstraints() < 0 && certificate.getPublicKey() instanceof RSAPublicKey;
    }

    private Object lock(long slot) {
        return SLOT_LOCKS.computeIfAbsent(library + "#" + slot, key -> new Object());
    }

    private Provider provider(long slot) {
        return PROVIDERS.computeIfAbsent(library + "#" + slot, key -> {
            try {
                Path config = Files.createTempFile("myna-pkcs11", ".cfg");
                try {
                    Files.writeString(config, "name = MynaCard" + slot + "\nlibrary = " + library + "\nslot = " + slot + "\n");
                    return Security.getProvider("SunPKCS11").configure(config.toString());
                } finally {
                    Files.deleteIfExists(config);
                }
            } catch (IOException e) {
                throw new IllegalStateException("Cannot configure PKCS#11 over " + library, e);
            }
        });
    }

    /** What a wrong PIN means, from the token's PIN flags right after it. */
    static CardException wrongPin(PinState after) {
        return switch (after) {
            case LOCKED -> new CardException.Locked();
            case FINAL_TRY -> new CardException.WrongPin(1);
            default -> new CardException.WrongPin(-1);
        };
    }

    private static String fingerprint(X509Certificate certificate) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException("Cannot take the fingerprint of a certificate", e);
        }
    }

    private final class Pkcs11Card implements Card {

        private final Cryptoki.Token token;
        private final X509Certificate certificate;
        private final String id;
        private final String name;

        Pkcs11Card(Cryptoki.Token token, X509Certificate certificate, String name) {
            this.token = token;
            this.certificate = certificate;
            this.id = "p11-" + fingerprint(certificate);
            this.name = name;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public String label() {
            return name;
        }

        @Override
        public PinState pinState() {
            return token.pinState();
        }

        @Override
        public Signed sign(char[] pin, byte[] data) {
            long slot = token.slot();
            synchronized (lock(slot)) {
                Cryptoki.Token now = cryptoki.token(slot).filter(present -> present.certificates().contains(certificate))
                        .orElseThrow(CardException.NotFound::new);
                if (now.pinState() == PinState.LOCKED) {
                    throw new CardException.Locked();
                }
                Provider provider;
                try {
                    provider = provider(slot);
                } catch (ProviderException | IllegalArgumentException | IllegalStateException e) {
                    throw new CardException.Unsupported("the token cannot be opened: " + e.getMessage());
                }
                // A login left open, by whoever, must not stand in for this citizen's PIN.
                try {
                    ((AuthProvider) provider).logout();
                } catch (LoginException e) {
                    throw new CardException.Unsupported("the token cannot be logged out before a login: " + e.getMessage());
                }
                try {
                    return signWith(provider, slot, pin, data);
                } finally {
                    try {
                        ((AuthProvider) provider).logout();
                    } catch (LoginException e) {
                        log.warn("The token in slot {} did not log out after signing: {}", slot, e.getMessage());
                    }
                }
            }
        }

        /** Logs in with the PIN (SunPKCS11 does so when the key store is loaded) and signs with this certificate's key. */
        private Signed signWith(Provider provider, long slot, char[] pin, byte[] data) {
            KeyStore keys;
            try {
                keys = KeyStore.getInstance("PKCS11", provider);
                keys.load(null, pin);
            } catch (IOException e) {
                String reason = causes(e);
                if (reason.contains("CKR_PIN_LOCKED")) {
                    throw new CardException.Locked();
                }
                if (reason.contains("CKR_PIN_INCORRECT") || reason.contains("CKR_PIN_LEN_RANGE")
                        || reason.contains("FailedLoginException")) {
                    throw wrongPin(cryptoki.token(slot).map(Cryptoki.Token::pinState).orElse(PinState.OK));
                }
                throw new CardException.Unsupported("the token cannot be opened: " + e.getMessage());
            } catch (GeneralSecurityException | ProviderException e) {
                throw new CardException.Unsupported("the token cannot be opened: " + e.getMessage());
            }
            try {
                for (String alias : Collections.list(keys.aliases())) {
                    if (keys.isKeyEntry(alias) && certificate.equals(keys.getCertificate(alias))
                            && keys.getKey(alias, null) instanceof PrivateKey key) {
                        Signature signer = Signature.getInstance("SHA256withRSA", provider);
                        signer.initSign(key);
                        signer.update(data);
                        return new Signed(signer.sign(), certificate);
                    }
                }
            } catch (GeneralSecurityException | ProviderException e) {
                throw new CardException.Unsupported("the token's key cannot sign: " + e.getMessage());
            }
            throw new CardException.Unsupported("the token holds no key for its certificate");
        }

        /** The PKCS#11 return code sits a few causes down; collect them all to read it. */
        private static String causes(Throwable error) {
            StringBuilder all = new StringBuilder();
            for (Throwable cause = error; cause != null; cause = cause.getCause()) {
                all.append(cause.getClass().getSimpleName()).append(' ').append(cause.getMessage()).append('\n');
            }
            return all.toString();
        }
    }
}
