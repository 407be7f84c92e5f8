package jp.mynahealth.idp.card;

import java.time.Clock;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;

import jp.mynahealth.records.PersonId;

/**
 * Consumes the challenge (whatever the outcome, so it can never be replayed), validates the token,
 * and notes the kiosk terminal when the token carries a valid terminal statement.
 */
public class CardAuthenticationProvider implements AuthenticationProvider {

    private final CardChallengeStore challenges;
    private final CardTokenValidator validator;
    private final KioskClaimVerifier kioskClaims;
    private final Clock clock;

    public CardAuthenticationProvider(CardChallengeStore challenges, CardTokenValidator validator,
            KioskClaimVerifier kioskClaims, Clock clock) {
        this.challenges = challenges;
        this.validator = validator;
        this.kioskClaims = kioskClaims;
        this.clock = clock;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        CardAuthenticationToken.Submission submission = ((CardAuthenticationToken) authentication).submission();
        challenges.consume(submission.challenge(), submission.sessionBinding());
        PersonId person = validator.validate(submission.authToken(), submission.challenge());
        // Only a valid card login is looked at for a kiosk claim; a failed claim makes it a web login.
        String terminal = kioskClaims.verifiedTerminal(submission.authToken(), submission.challenge()).orElse(null);
        return CardAuthenticationToken.authenticated(person, clock.instant(), terminal);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return CardAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
