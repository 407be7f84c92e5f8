package jp.mynahealth.idp.card;

import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import jp.mynahealth.common.kiosk.TerminalStatement;
import jp.mynahealth.idp.IdpProperties;
import jp.mynahealth.idp.kiosk.KioskTerminalRegister;

/**
 * Decides whether a (valid) card login was made at a registered kiosk terminal: only when the
 * token carries a statement signed by the key of a terminal in service, over this site's origin and
 * this login's challenge. Anything less is an ordinary web login, never a kiosk one; the reason is
 * logged, because a claim that fails is either a broken terminal or someone pretending to be one.
 */
@Component
public class KioskClaimVerifier {

    private static final Logger log = LoggerFactory.getLogger(KioskClaimVerifier.class);

    private final KioskTerminalRegister terminals;
    private final IdpProperties properties;

    KioskClaimVerifier(KioskTerminalRegister terminals, IdpProperties properties) {
        this.terminals = terminals;
        this.properties = properties;
    }

    /** The terminal id when the claim holds; empty for no claim or a claim that does not. */
    public Optional<String> verifiedTerminal(String authToken, String challenge) {
        AuthToken.TerminalClaim claim = AuthToken.parse(authToken, properties.maxTokenBytes()).terminal();
        if (claim == null) {
            return Optional.empty();
        }
        String id = claim.terminalId();
        if (id == null || id.isBlank() || claim.signature() == null) {
            log.warn("Kiosk claim refused (the login goes on as a web login): the terminal statement is incomplete");
            return Optional.empty();
        }
        Optional<PublicKey> key = terminals.keyOf(id);
        if (key.isEmpty()) {
            log.warn("Kiosk claim refused (web login): terminal {} is not registered or is retired", printable(id));
            return Optional.empty();
        }
        try {
            Signature verifier = Signature.getInstance(TerminalStatement.ALGORITHM);
            verifier.initVerify(key.get());
            verifier.update(TerminalStatement.of(id, properties.url(), challenge));
            if (verifier.verify(claim.signature())) {
                return Optional.of(id);
            }
        } catch (GeneralSecurityException e) {
            // A signature that cannot even be parsed is as false as a wrong one.
        }
        log.warn("Kiosk claim refused (web login): the statement of terminal {} is not signed by its key for this login",
                printable(id));
        return Optional.empty();
    }

    /** Terminal ids come from the request: keep the log line one line of plain text. */
    private static String printable(String id) {
        String cut = id.length() > 64 ? id.substring(0, 64) : id;
        return cut.replaceAll("[^A-Za-z0-9._-]", "?");
    }
}
