package jp.mynahealth.idp.card;

import java.io.IOException;
import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import jp.mynahealth.idp.IdpProperties;
import jp.mynahealth.records.PersonId;

/**
 * Receives the signer's auto-submitted form at {@code POST /login/card/callback} and checks the
 * card, but logs nobody in: across real sites this POST is cross-site, so the idp's
 * {@code SameSite=Lax} session cookie does not come with it, and the request cannot show which
 * browser session it is for. It consumes the challenge (so the POST cannot be replayed), checks the
 * token, records the outcome on the challenge under a one-time handle, and answers 303 to
 * {@link CardAuthenticationFilter#COMPLETE}: a top-level GET, which carries the cookie, and where
 * the session must be the one the challenge was issued to.
 *
 * <p>The challenge is this form's CSRF defence (the signer cannot know the idp's CSRF token). The
 * answer creates no session: a cookie set here could replace the browser's own idp session.
 */
@Controller
class CardCallbackController {

    private static final Logger log = LoggerFactory.getLogger(CardCallbackController.class);

    private final CardChallengeStore challenges;
    private final CardTokenValidator validator;
    private final KioskClaimVerifier kioskClaims;
    private final Clock clock;
    private final IdpProperties properties;
    private final CardLoginFailureHandler failures = new CardLoginFailureHandler();

    CardCallbackController(CardChallengeStore challenges, CardTokenValidator validator, KioskClaimVerifier kioskClaims,
            Clock clock, IdpProperties properties) {
        this.challenges = challenges;
        this.validator = validator;
        this.kioskClaims = kioskClaims;
        this.clock = clock;
        this.properties = properties;
    }

    @PostMapping(CardAuthenticationFilter.CALLBACK)
    void check(@RequestParam(required = false) String challenge, @RequestParam(name = "auth_token", required = false) String authToken,
            @RequestParam(name = "second_auth_token", required = false) String secondToken,
            HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        String pair;
        try {
            pair = challenges.consume(challenge);
        } catch (CardLoginException refused) {
            // No challenge to record an outcome on: this answer is the only place to say so.
            failures.onAuthenticationFailure(request, response, refused);
            return;
        }
        CardCheck check = checkCard(authToken, challenge);
        if (pair != null && check.failure() == null) {
            check = checkSecondCard(check, secondToken, challenge);
        } else if (pair == null && secondToken != null) {
            log.warn("A second card's token came with a one-card login: ignored");
        }
        String handle = challenges.record(challenge, check);
        response.setStatus(HttpStatus.SEE_OTHER.value());
        response.setHeader(HttpHeaders.LOCATION, properties.url() + CardAuthenticationFilter.COMPLETE + "?"
                + CardAuthenticationFilter.HANDLE_PARAMETER + "=" + handle);
    }

    /**
     * A pair login's second card (a child's), over the same challenge: checked like the first, and
     * it must be another person's card. Either card refused refuses the login.
     */
    private CardCheck checkSecondCard(CardCheck first, String secondToken, String challenge) {
        try {
            if (secondToken == null || secondToken.isBlank()) {
                throw new CardLoginException(LoginFailure.TRY_AGAIN, "a pair login without its second card");
            }
            PersonId second = validator.validate(secondToken, challenge);
            if (second.equals(first.person())) {
                throw new CardLoginException(LoginFailure.TRY_AGAIN, "the same person's card twice in a pair login");
            }
            return CardCheck.passedPair(first.person(), second, first.kioskTerminal(), first.checkedAt());
        } catch (CardLoginException refused) {
            log.warn("Pair login refused at the second card [{}]: {}", refused.failure(), refused.getMessage());
            return CardCheck.refused(refused.failure(), clock.instant());
        }
    }

    /** The card's check in the protocol's order; a refusal is logged with its reason here, where it is known. */
    private CardCheck checkCard(String authToken, String challenge) {
        try {
            PersonId person = validator.validate(authToken, challenge);
            // Only a valid card login is looked at for a kiosk claim; a failed claim makes it a web login.
            String terminal = kioskClaims.verifiedTerminal(authToken, challenge).orElse(null);
            return CardCheck.passed(person, terminal, clock.instant());
        } catch (CardLoginException refused) {
            log.warn("Card login refused [{}]: {}", refused.failure(), refused.getMessage());
            return CardCheck.refused(refused.failure(), clock.instant());
        }
    }
}
