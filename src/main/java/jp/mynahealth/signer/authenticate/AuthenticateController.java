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

    /** A card's token is a few kilobytes; anything much longer carried back in the form is not one. */
    private static final int MAX_TOKEN = 32_768;

    private final Cards cards;
    private final KioskTerminal terminal;

    AuthenticateController(Cards cards, KioskTerminal terminal) {
        this.cards = cards;
        this.terminal = terminal;
    }

    @GetMapping("/v1/authenticate")
    String ask(@RequestParam(required = false) String challenge, @RequestParam(required = false) String origin,
            @RequestParam(name = "return_to", required = false) String returnTo,
            @RequestParam(required = false) String lang, @RequestParam(required = false) String pair, Model model,
            HttpServletResponse response) {
        AuthRequest request = AuthRequest.of(challenge, origin, returnTo, lang, pair);
        return form(request, model, null, null, response);
    }

    /**
     * Signs with the chosen card. For a pair ({@code pair=child}: a parent registering for a child)
     * the first card's token waits in the form while the second card (another one) signs the same
     * challenge; both go back to the site together.
     */
    @PostMapping("/v1/authenticate")
    Object sign(@RequestParam(required = false) String challenge, @RequestParam(required = false) String origin,
            @RequestParam(name = "return_to", required = false) String returnTo,
            @RequestParam(required = false) String lang, @RequestParam(required = false) String pair,
            @RequestParam(name = "first_token", required = false) String firstToken,
            @RequestParam(name = "first_card", required = false) String firstCard,
            @RequestParam(required = false) String card,
            @RequestParam(required = false) String pin, @RequestParam(required = false) String action, Model model,
            HttpServletRequest http, HttpServletResponse response) {
        AuthRequest request = AuthRequest.of(challenge, origin, returnTo, lang, pair);
        if (firstToken != null && (request.pair() == null || firstToken.length() > MAX_TOKEN || firstCard == null
                || !firstToken.startsWith("{"))) {
            throw new AuthRequest.Invalid("a first card's token without a pair, or malformed");
        }
        if (firstToken != null) {
            model.addAttribute("firstToken", firstToken);
            model.addAttribute("firstCard", firstCard);
        }
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
        if (firstToken != null && chosen.id().equals(firstCard)) {
            return form(request, model, "signer.error.samecard", null, response);
        }
        if (pin == null || !pin.matches("\\d{4}")) {
            return form(request, model, "signer.error.pinformat", chosen.id(), response);
        }
        char[] secret = pin.toCharArray();
        try {
            Card.Signed signed = chosen.sign(secret, AuthTokens.dataToSign(request.origin(), request.challenge()));
            String token = AuthTokens.token(signed, terminal.statement(request.origin(), request.challenge()));
            terminal.cardUsed(chosen.id());
            log.info("Signed a login challenge for {} with card {}", request.origin(), chosen.id());
            if (request.pair() != null && firstToken == null) {
                // The first of the pair: now the child's card, over the same challenge.
                model.addAttribute("firstToken", token);
                model.addAttribute("firstCard", chosen.id());
                return form(request, model, null, null, response);
            }
            model.addAttribute("request", request);
            model.addAttribute("token", firstToken != null ? firstToken : token);
            model.addAttribute("secondToken", firstToken != null ? token : null);
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
        Object firstCard = model.getAttribute("firstCard");
        model.addAttribute("chosen", chosen != null ? chosen
                : present.stream().filter(c -> !c.locked() && !c.id().equals(firstCard)).map(Card::id).findFirst().orElse(null));
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
