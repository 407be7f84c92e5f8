package jp.mynahealth.portal.security;

import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

import jp.mynahealth.portal.access.Channel;
import jp.mynahealth.portal.access.Visit;
import jp.mynahealth.records.PersonId;

/**
 * The logged-in citizen, from the ID token: {@code sub} is the person id (the only source of one in
 * the portal); {@code channel} and {@code terminal_id} say whether it is a kiosk session.
 */
public final class CurrentPerson {

    private CurrentPerson() {
    }

    public static Optional<PersonId> get() {
        return visit().map(Visit::person);
    }

    public static Optional<Visit> visit() {
        return of(SecurityContextHolder.getContext().getAuthentication());
    }

    /** The visit an authentication stands for (at logout the security context is already cleared). */
    public static Optional<Visit> of(Authentication authentication) {
        if (authentication != null && authentication.getPrincipal() instanceof OidcUser user) {
            boolean kiosk = "kiosk".equals(user.getClaimAsString("channel"));
            return Optional.of(new Visit(PersonId.fromSubject(user.getSubject()), kiosk ? Channel.KIOSK : Channel.WEB,
                    kiosk ? user.getClaimAsString("terminal_id") : null));
        }
        return Optional.empty();
    }

    /**
     * The person of the second card a pair login read (a child whose parent registers as their legal
     * representative), with the ID token's issue time; empty for an ordinary login.
     */
    public static Optional<SecondCard> secondCard(Authentication authentication) {
        if (authentication != null && authentication.getPrincipal() instanceof OidcUser user
                && user.getClaimAsString(SECOND_CARD_CLAIM) != null) {
            return Optional.of(new SecondCard(PersonId.fromSubject(user.getClaimAsString(SECOND_CARD_CLAIM)),
                    user.getIdToken().getIssuedAt()));
        }
        return Optional.empty();
    }

    /** The ID token claim the idp puts a pair login's second card's person in. */
    public static final String SECOND_CARD_CLAIM = "second_card_sub";

    public record SecondCard(PersonId person, java.time.Instant issuedAt) {
    }

    public static boolean isKiosk(Authentication authentication) {
        return of(authentication).map(visit -> visit.channel() == Channel.KIOSK).orElse(false);
    }
}
