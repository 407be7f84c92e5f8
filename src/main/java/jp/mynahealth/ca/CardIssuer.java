package jp.mynahealth.ca;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.springframework.stereotype.Component;

import jp.mynahealth.common.database.DataFolder;
import jp.mynahealth.common.OwnerOnlyFiles;

/**
 * Issues demo cards: an RSA-2048 key and user-authentication certificate written as a soft card
 * ({@code <data>/cards/<id>.p12}, the PIN as its password, and a state file the signer keeps the
 * PIN retry count in), registered for OCSP and the CRL, and linked to a person in the read store.
 */
@Component
class CardIssuer {

    static final Duration CARD_LIFETIME = Duration.ofDays(5 * 365);

    private final DataFolder data;
    private final CaProperties properties;
    private final CardLinkEvents links;
    private final Clock clock;
    private final CardRegistry registry;
    private volatile IssuerKeys keys;

    CardIssuer(DataFolder data, CaProperties properties, CardLinkEvents links, Clock clock) {
        this.data = data;
        this.properties = properties;
        this.links = links;
        this.clock = clock;
        this.registry = new CardRegistry(data);
    }

    CardRegistry registry() {
        return registry;
    }

    /** Loaded once: opening the PKCS#12 file costs more than signing an OCSP answer. */
    IssuerKeys keys() {
        IssuerKeys loaded = keys;
        if (loaded == null) {
            synchronized (this) {
                if (keys == null) {
                    keys = IssuerKeys.loadOrCreate(data, clock);
                }
                loaded = keys;
            }
        }
        return loaded;
    }

    /** A card valid from now on for five years. */
    X509Certificate issue(String cardId, UUID person, String pin, String label) {
        Instant now = clock.instant();
        return issue(cardId, person, pin, label, now.minus(Duration.ofMinutes(1)), now.plus(CARD_LIFETIME));
    }

    X509Certificate issue(String cardId, UUID person, String pin, String label, Instant from, Instant to) {
        if (!cardId.matches("[a-z0-9-]{1,40}")) {
            throw new IllegalArgumentException("A card id is 1 to 40 lowercase letters, digits or hyphens: " + cardId);
        }
        if (!pin.matches("\\d{4}")) {
            throw new IllegalArgumentException("A PIN is 4 digits");
        }
        Path cards = data.resolve("cards");
        Path store = cards.resolve(cardId + ".p12");
        if (Files.exists(store)) {
            throw new IllegalArgumentException("A card named " + cardId + " exists already");
        }
        if (person != null && !links.knows(person)) {
            throw new IllegalArgumentException("No person " + person + " in the read store");
        }
        IssuerKeys issuer = keys();
        KeyPair keys = Certificates.rsa(2048);
        BigInteger serial = Certificates.serial();
        X509Certificate certificate = Certificates.card(serial, keys, issuer.issuing, issuer.issuingKey, from, to,
                properties.cardPolicy(), properties.url());
        try {
            Files.createDirectories(cards);
            KeyStore p12 = KeyStore.getInstance("PKCS12");
            p12.load(null, null);
            p12.setKeyEntry("auth", keys.getPrivate(), pin.toCharArray(), new Certificate[] { certificate, issuer.issuing });
            Path temporary = Files.createTempFile(cards, cardId, ".tmp");
            try (OutputStream out = Files.newOutputStream(temporary)) {
                p12.store(out, pin.toCharArray());
            }
            OwnerOnlyFiles.restrict(temporary);
            IssuerKeys.write(cards.resolve(cardId + ".properties"),
                    "# Soft card state: the signer counts wrong PINs here, like the card's own counter.\n"
                            + "label=" + escape(label) + "\nfailures=0\nlocked=false\n");
            Files.move(temporary, store);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the soft card " + store, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot make the soft card " + cardId, e);
        }
        registry.issued(serial, cardId);
        if (person != null) {
            links.send("link", certificate, person);
        }
        return certificate;
    }

    /** Revokes a card: OCSP and the CRL report it from now on, and its link in the read store ends. */
    BigInteger revoke(String cardId) {
        BigInteger serial = registry.serialOf(cardId)
                .orElseThrow(() -> new IllegalArgumentException("No card named " + cardId + " was issued here"));
        registry.revoke(serial, clock.instant());
        links.revoke(keys().issuing.getSubjectX500Principal().getName(), serial);
        return serial;
    }

    /** Properties files are ISO 8859-1 with escapes; labels are Japanese. */
    private static String escape(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            out.append(c < 0x7f ? String.valueOf(c) : String.format("\\u%04x", (int) c));
        }
        return out.toString();
    }
}
