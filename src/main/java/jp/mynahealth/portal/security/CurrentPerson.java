package jp.mynahealth.portal.security;

import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

import jp.mynahealth.records.PersonId;

/** The logged-in citizen's person id, from the ID token's {@code sub} — the only source of a person id in the portal. */
public final class CurrentPerson {

    private CurrentPerson() {
    }

    public static Optional<PersonId> get() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof OidcUser user) {
            return Optional.of(PersonId.fromSubject(user.getSubject()));
        }
        return Optional.empty();
    }
}
