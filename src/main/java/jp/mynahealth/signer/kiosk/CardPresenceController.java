package jp.mynahealth.signer.kiosk;

import java.util.Map;
import java.util.Optional;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import jp.mynahealth.signer.card.Cards;

/**
 * Tells the kiosk page whether the card that logged in is still in the reader: when it is taken
 * out, the page ends the session. "That card" is its id, which for a PKCS#11 card is its
 * certificate's fingerprint: another citizen's card in the reader is not it. Once the card has been
 * seen gone, the answer stays "absent" for that login. Only the portal's origin may read the answer
 * (CORS), and only in kiosk mode; it says nothing about whose card it is.
 */
@RestController
class CardPresenceController {

    private final KioskTerminal terminal;
    private final Cards cards;

    CardPresenceController(KioskTerminal terminal, Cards cards) {
        this.terminal = terminal;
        this.cards = cards;
    }

    /** The page's request is a simple GET, so no preflight is answered; other origins get no CORS header at all. */
    @GetMapping("/v1/kiosk/card")
    ResponseEntity<Map<String, Boolean>> card(@RequestHeader(name = HttpHeaders.ORIGIN, required = false) String origin) {
        if (!terminal.enabled()) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).cacheControl(CacheControl.noStore()).build();
        }
        Optional<String> card = terminal.cardInUse();
        boolean present = card.flatMap(cards::find).isPresent();
        if (!present) {
            card.ifPresent(terminal::cardLeft);
        }
        ResponseEntity.BodyBuilder answer = ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .header(HttpHeaders.VARY, HttpHeaders.ORIGIN);
        if (terminal.portalOrigin().equals(origin)) {
            answer.header(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, origin);
        }
        return answer.body(Map.of("present", present));
    }
}
