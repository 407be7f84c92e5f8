package jp.mynahealth.records;

import java.util.Objects;
import java.util.UUID;

/**
 * The opaque portal id of a citizen (a random UUID; never the My Number, never a certificate
 * serial). Every query on citizen data takes one, and it only ever comes from the login.
 */
public record PersonId(UUID value) {

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
