package jp.mynahealth.signer.kiosk;

import java.util.Map;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import jp.mynahealth.signer.card.Cards;

/**
 * Tells the kiosk page whether the card that logged in is still in the reader: when it is taken
 * out, the page ends the session. Only the portal's origin may read the answer (CORS), and only
 * in kiosk mode; it says nothing about whose card it is.
 */
@RestController
class CardPresenceController {

    private final KioskTerminal terminal;
    private final Cards cards;

    CardPresenceController(KioskTerminal terminal, Cards cards) {
        this.terminal = terminal;
        this.cards = cards;
    }

    @GetMapping("/v1/kiosk/card")
    ResponseEntity<Map<String, Boolean>> card() {
        if (!terminal.enabled()) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).cacheControl(CacheControl.noStore()).build();
        }
        boolean present = terminal.cardInUse().flatMap(cards::find).isPresent();
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .header("Access-Control-Allow-Origin", terminal.portalOrigin())
                .header("Vary", "Origin")
                .body(Map.of("present", present));
    }
}
