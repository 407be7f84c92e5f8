package jp.mynahealth.idp.card;

import java.time.Instant;
import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import jp.mynahealth.records.PersonId;

/**
 * Before: the completion handle the browser brings and its session's binding. After: the person the
 * card belongs to and when the card was checked. Its name is the person id, which becomes the
 * ID token's {@code sub}.
 */
public final class CardAuthenticationToken extends AbstractAuthenticationToken {

    /**
     * Fixed: logins are kept serialized in the shared session store, and a rebuild must still read them.
     * The submission is transient: it is only needed before authentication.
     */
    private static final long serialVersionUID = 1L;

    private final transient Submission submission;
    private final PersonId person;
    private final Instant authenticatedAt;
    private final String kioskTerminal;
    /** A pair login's second card's person (a child a parent registers for); null for a one-card login. */
    private final PersonId secondPerson;

    /** What the browser brings to complete the login: the handle of the card check, and its session's binding. */
    public record Submission(String handle, String sessionBinding) {
    }

    private CardAuthenticationToken(Submission submission, PersonId person, Instant authenticatedAt, String kioskTerminal,
            PersonId secondPerson) {
        super(person == null ? List.of() : List.of(new SimpleGrantedAuthority("ROLE_CITIZEN")));
        this.submission = submission;
        this.person = person;
        this.authenticatedAt = authenticatedAt;
        this.kioskTerminal = kioskTerminal;
        this.secondPerson = secondPerson;
        setAuthenticated(person != null);
    }

    static CardAuthenticationToken unauthenticated(Submission submission) {
        return new CardAuthenticationToken(submission, null, null, null, null);
    }

    /** {@code kioskTerminal}: the verified terminal of a kiosk login, null for a login in the citizen's own browser. */
    static CardAuthenticationToken authenticated(PersonId person, Instant at, String kioskTerminal) {
        return authenticated(person, at, kioskTerminal, null);
    }

    /** {@code secondPerson}: the second card's person of a pair login, or null. */
    static CardAuthenticationToken authenticated(PersonId person, Instant at, String kioskTerminal, PersonId secondPerson) {
        return new CardAuthenticationToken(null, person, at, kioskTerminal, secondPerson);
    }

    Submission submission() {
        return submission;
    }

    public PersonId person() {
        return person;
    }

    public Instant authenticatedAt() {
        return authenticatedAt;
    }

    public java.util.Optional<String> kioskTerminal() {
        return java.util.Optional.ofNullable(kioskTerminal);
    }

    public java.util.Optional<PersonId> secondPerson() {
        return java.util.Optional.ofNullable(secondPerson);
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public Object getPrincipal() {
        return person == null ? "" : person.toString();
    }

    @Override
    public String getName() {
        return person == null ? "" : person.toString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CardAuthenticationToken token && super.equals(other)
                && java.util.Objects.equals(person, token.person)
                && java.util.Objects.equals(kioskTerminal, token.kioskTerminal)
                && java.util.Objects.equals(secondPerson, token.secondPerson);
    }

    @Override
    public int hashCode() {
        return super.hashCode() * 31 + java.util.Objects.hashCode(person);
    }
}
