package jp.mynahealth.idp.card;

import java.time.Clock;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;

import jp.mynahealth.records.PersonId;

/** Consumes the challenge (whatever the outcome, so it can never be replayed) and validates the token. */
public class CardAuthenticationProvider implements AuthenticationProvider {

    private final CardChallengeStore challenges;
    private final CardTokenValidator validator;
    private final Clock clock;

    public CardAuthenticationProvider(CardChallengeStore challenges, CardTokenValidator validator, Clock clock) {
        this.challenges = challenges;
        this.validator = validator;
        this.clock = clock;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        CardAuthenticationToken.Submission submission = ((CardAuthenticationToken) authentication).submission();
        challenges.consume(submission.challenge(), submission.sessionBinding());
        PersonId person = validator.validate(submission.authToken(), submission.challenge());
        return CardAuthenticationToken.authenticated(person, clock.instant());
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return CardAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
