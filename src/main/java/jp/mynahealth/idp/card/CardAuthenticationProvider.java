package jp.mynahealth.idp.card;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;

/**
 * Collects the outcome of the card check that {@link CardCallbackController} recorded, for the
 * browser session its challenge was issued to (the handle is used up whatever the outcome): the
 * person, and the kiosk terminal when the token carried a valid terminal statement; or the refusal.
 */
public class CardAuthenticationProvider implements AuthenticationProvider {

    private final CardChallengeStore challenges;

    public CardAuthenticationProvider(CardChallengeStore challenges) {
        this.challenges = challenges;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        CardAuthenticationToken.Submission submission = ((CardAuthenticationToken) authentication).submission();
        CardCheck check = challenges.complete(submission.handle(), submission.sessionBinding());
        if (check.failure() != null) {
            throw new CardLoginException.Shown(check.failure());
        }
        return CardAuthenticationToken.authenticated(check.person(), check.checkedAt(), check.kioskTerminal(),
                check.secondPerson());
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return CardAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
