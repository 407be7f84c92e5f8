package jp.mynahealth.signer.kiosk;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Optional;

import org.springframework.stereotype.Component;

import jp.mynahealth.common.kiosk.TerminalKeys;
import jp.mynahealth.common.kiosk.TerminalStatement;
import jp.mynahealth.signer.SignerProperties;

/**
 * The terminal this signer runs on, in kiosk mode: it signs a terminal statement for every login
 * and remembers which card logged in, so the kiosk page can end the session when that card leaves
 * the reader. On a citizen's own computer it does nothing.
 */
@Component
public class KioskTerminal {

    /** The terminal's signature over {@link TerminalStatement} for one login. */
    public record Statement(String terminalId, byte[] signature) {
    }

    private final SignerProperties.Kiosk settings;
    private volatile PrivateKey key;
    private String cardInUse;

    KioskTerminal(SignerProperties properties) {
        this.settings = properties.kiosk() == null ? new SignerProperties.Kiosk(null, null, null) : properties.kiosk();
    }

    public boolean enabled() {
        return settings.enabled();
    }

    public String portalOrigin() {
        return settings.portalOrigin();
    }

    /** Empty outside kiosk mode. The key is read on first use: the terminal may be registered after the signer starts. */
    public Optional<Statement> statement(String origin, String challenge) {
        if (!enabled()) {
            return Optional.empty();
        }
        try {
            Signature signer = Signature.getInstance(TerminalStatement.ALGORITHM);
            signer.initSign(key());
            signer.update(TerminalStatement.of(settings.terminalId(), origin, challenge));
            return Optional.of(new Statement(settings.terminalId(), signer.sign()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The terminal key cannot sign: " + e.getMessage(), e);
        }
    }

    public synchronized void cardUsed(String cardId) {
        cardInUse = cardId;
    }

    /** The card of the last login at this terminal, while it has not left the reader since. */
    public synchronized Optional<String> cardInUse() {
        return Optional.ofNullable(cardInUse);
    }

    /** The card left the reader: its login is over, and putting the card back does not revive it. */
    public synchronized void cardLeft(String cardId) {
        if (cardId.equals(cardInUse)) {
            cardInUse = null;
        }
    }

    private PrivateKey key() {
        PrivateKey loaded = key;
        if (loaded == null) {
            loaded = TerminalKeys.readPrivateKey(settings.keyFolder().resolve(settings.terminalId() + ".key"));
            key = loaded;
        }
        return loaded;
    }
}
