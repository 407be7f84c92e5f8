package jp.mynahealth.signer.authenticate;

import java.util.Arrays;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import org.springframework.web.servlet.view.RedirectView;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jp.mynahealth.common.web.LanguageSwitch;
import jp.mynahealth.signer.card.Card;
import jp.mynahealth.signer.card.CardException;
import jp.mynahealth.signer.card.Cards;
import jp.mynahealth.signer.kiosk.KioskTerminal;

/**
 * The signer's one screen: which site asks, which card, the PIN. On a right PIN the card signs
 * the challenge for that site and the browser carries the token back to it; Cancel goes back with
 * {@code error=cancelled}. The PIN is never logged or kept.
 */
@Controller
class AuthenticateController {

    private static final Logger log = LoggerFactory.getLogger(AuthenticateController.class);

    private final Cards cards;
    private final KioskTerminal terminal;

    AuthenticateController(Cards cards, KioskTerminal terminal) {
        this.cards = cards;
        this.terminal = terminal;
    }

    @GetMapping("/v1/authenticate")
    String ask(@RequestParam(required = false) String challenge, @RequestParam(required = false) String origin,
            @RequestParam(name = "return_to", required = false) String returnTo,
            @RequestParam(required = false) String lang, Model model, HttpServletResponse response) {
        AuthRequest request = AuthRequest.of(challenge, origin, returnTo, lang);
        return form(request, model, null, null, response);
    }

    @PostMapping("/v1/authenticate")
    Object sign(@RequestParam(required = false) String challenge, @RequestParam(required = false) String origin,
            @RequestParam(name = "return_to", required = false) String returnTo,
            @RequestParam(required = false) String lang, @RequestParam(required = false) String card,
            @RequestParam(required = false) String pin, @RequestParam(required = false) String action, Model model,
            HttpServletRequest http, HttpServletResponse response) {
        AuthRequest request = AuthRequest.of(challenge, origin, returnTo, lang);
        // The page answering the POST has no query: its language links re-open the screen by its GET address.
        http.setAttribute(LanguageSwitch.SCREEN_QUERY, request.screenQuery());
        if ("cancel".equals(action)) {
            log.info("The citizen cancelled a login for {}", request.origin());
            // 303: the browser goes back to the site with a GET, whatever the form's method was.
            RedirectView back = new RedirectView(request.cancelUrl());
            back.setStatusCode(HttpStatus.SEE_OTHER);
            model.asMap().clear();
            return back;
        }
        List<Card> present = cards.all();
        if (present.isEmpty()) {
            return form(request, model, "signer.error.nocard", null, response);
        }
        Card chosen = card == null && present.size() == 1 ? present.get(0)
                : cards.find(card == null ? "" : card).orElse(null);
        if (chosen == null) {
            return form(request, model, "signer.error.choose", null, response);
        }
        if (pin == null || !pin.matches("\\d{4}")) {
            return form(request, model, "signer.error.pinformat", chosen.id(), response);
        }
        char[] secret = pin.toCharArray();
        try {
            Card.Signed signed = chosen.sign(secret, AuthTokens.dataToSign(request.origin(), request.challenge()));
            model.addAttribute("request", request);
            model.addAttribute("token", AuthTokens.token(signed, terminal.statement(request.origin(), request.challenge())));
            terminal.cardUsed(chosen.id());
            log.info("Signed a login challenge for {} with card {}", request.origin(), chosen.id());
            response.setHeader("Cache-Control", "no-store");
            return "signer/authenticate/submit";
        } catch (CardException.WrongPin wrong) {
            log.info("Wrong PIN for card {} ({} tries left)", chosen.id(), wrong.triesLeft());
            model.addAttribute("triesLeft", wrong.triesLeft());
            return form(request, model, wrong.triesLeft() < 0 ? "signer.error.pin" : "signer.error.pin.left", chosen.id(), response);
        } catch (CardException.Locked locked) {
            log.warn("Card {} is locked", chosen.id());
            return form(request, model, "signer.error.locked", chosen.id(), response);
        } catch (CardException.NotFound gone) {
            log.info("Card {} left the reader before it signed", chosen.id());
            return form(request, model, "signer.error.nocard", null, response);
        } catch (CardException.Unsupported unsupported) {
            log.warn("Card {}: {}", chosen.id(), unsupported.getMessage());
            return form(request, model, "signer.error.unsupported", chosen.id(), response);
        } finally {
            Arrays.fill(secret, '\0');
        }
    }

    private String form(AuthRequest request, Model model, String error, String chosen, HttpServletResponse response) {
        List<Card> present = cards.all();
        model.addAttribute("request", request);
        model.addAttribute("cards", present);
        model.addAttribute("chosen", chosen != null ? chosen
                : present.stream().filter(c -> !c.locked()).map(Card::id).findFirst().orElse(null));
        model.addAttribute("error", error);
        model.addAttribute("noCard", present.isEmpty());
        response.setHeader("Cache-Control", "no-store");
        if (error != null) {
            response.setStatus(error.equals("signer.error.locked") ? HttpStatus.FORBIDDEN.value()
                    : HttpStatus.UNPROCESSABLE_ENTITY.value());
        }
        return "signer/authenticate/authenticate";
    }

    @ExceptionHandler(AuthRequest.Invalid.class)
    String invalid(AuthRequest.Invalid invalid, HttpServletResponse response) {
        log.warn("Refused a signing request: {}", invalid.getMessage());
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        response.setHeader("Cache-Control", "no-store");
        return "signer/authenticate/refused";
    }
}
