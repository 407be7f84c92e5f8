package jp.mynahealth.records;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/**
 * The opaque portal id of a citizen (a random UUID; never the My Number, never a certificate
 * serial). Every query on citizen data takes one, and it only ever comes from the login.
 * Serializable: the idp's login (its session's security context) holds one, and sessions are kept in
 * the database.
 */
public record PersonId(UUID value) implements Serializable {

    private static final long serialVersionUID = 1L;

    public PersonId {
        Objects.requireNonNull(value, "person id");
    }

    /** Parses the {@code sub} of an ID token; anything else than a UUID is refused. */
    public static PersonId fromSubject(String subject) {
        return new PersonId(UUID.fromString(subject));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
