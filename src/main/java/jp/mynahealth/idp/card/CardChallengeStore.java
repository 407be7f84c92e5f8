package jp.mynahealth.idp.card;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import jp.mynahealth.idp.IdpProperties;
import jp.mynahealth.records.PersonId;

/**
 * Login challenges: 32 random bytes, kept server-side (so any idp instance can check them), bound
 * to the browser session that asked, valid for a few minutes, and consumed by their first use
 * whatever its outcome.
 *
 * <p>The signer's form reaches the idp as a cross-site POST once the idp has a site of its own,
 * and a {@code SameSite=Lax} session cookie does not come with it: the POST cannot show whose
 * session it belongs to. So the challenge row carries that session: the POST consumes the
 * challenge and records the card check's outcome on it under a one-time handle, and only a request
 * from the session the challenge was issued to may use the handle (a top-level GET, which carries
 * the cookie).
 */
@Component
public class CardChallengeStore {

    /** How long a completion handle may be used: it only has to survive one redirect. */
    static final Duration HANDLE_TTL = Duration.ofMinutes(1);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final IdpProperties properties;
    private final SecureRandom random = new SecureRandom();

    CardChallengeStore(JdbcClient jdbc, Clock clock, IdpProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
    }

    /** A fresh challenge for the session identified by {@code binding}. */
    public String issue(String binding) {
        return issue(binding, null);
    }

    /** A fresh challenge; {@code pair} {@code "child"} asks for a second card (a child's) signing it too. */
    public String issue(String binding, String pair) {
        String challenge = randomBase64Url(32);
        Instant now = clock.instant();
        jdbc.sql("delete from idp.card_challenge where created_at < :cutoff")
                .param("cutoff", Timestamp.from(now.minus(properties.challengeTtl().multipliedBy(12))))
                .update();
        jdbc.sql("""
                insert into idp.card_challenge (challenge, session_binding, created_at, pair)
                values (:challenge, :binding, :now, :pair)
                """)
                .param("challenge", challenge).param("binding", binding).param("now", Timestamp.from(now))
                .param("pair", pair)
                .update();
        return challenge;
    }

    /**
     * Uses up the challenge; refuses one that is unknown, already used or too old. The update is
     * atomic, so two posts of one challenge cannot both pass. Whose session it belongs to is
     * checked when its outcome is collected ({@link #complete}), by a request that can show it.
     *
     * @return the pair the challenge asked for ({@code "child"}), or null for a login with one card
     */
    String consume(String challenge) {
        if (challenge == null || challenge.isBlank() || challenge.length() > 128) {
            throw rejected("challenge missing or malformed");
        }
        Instant now = clock.instant();
        record Consumed(Instant createdAt, String pair) {
        }
        Consumed consumed = jdbc.sql("""
                update idp.card_challenge set consumed_at = :now
                where challenge = :challenge and consumed_at is null
                returning created_at, pair
                """)
                .param("now", Timestamp.from(now)).param("challenge", challenge)
                .query((row, n) -> new Consumed(row.getTimestamp("created_at").toInstant(), row.getString("pair")))
                .optional()
                .orElseThrow(() -> rejected("challenge unknown or already used"));
        if (consumed.createdAt().plus(properties.challengeTtl()).isBefore(now)) {
            throw rejected("challenge expired");
        }
        return consumed.pair();
    }

    /**
     * Records the outcome of the card check on the (consumed) challenge; returns the handle that
     * collects it, 32 random bytes of which only the hash is kept.
     */
    String record(String challenge, CardCheck check) {
        String handle = randomBase64Url(32);
        int recorded = jdbc.sql("""
                update idp.card_challenge
                set handle_hash = :hash, checked_at = :at, person_id = :person, kiosk_terminal = :terminal,
                    failure = :failure, second_person_id = :second
                where challenge = :challenge and consumed_at is not null and handle_hash is null
                """)
                .param("hash", sha256(handle)).param("at", Timestamp.from(check.checkedAt()))
                .param("person", check.person() == null ? null : check.person().value())
                .param("terminal", check.kioskTerminal())
                .param("failure", check.failure() == null ? null : check.failure().name())
                .param("second", check.secondPerson() == null ? null : check.secondPerson().value())
                .param("challenge", challenge)
                .update();
        if (recorded != 1) {
            throw new IllegalStateException("a card check can only be recorded once, on a consumed challenge");
        }
        return handle;
    }

    /**
     * The outcome recorded under {@code handle}, for the session identified by {@code binding}.
     * Refuses a handle that is unknown, already used, of a challenge issued to another session, or
     * too old; the handle is used up whatever the outcome.
     */
    CardCheck complete(String handle, String binding) {
        if (handle == null || handle.isBlank() || handle.length() > 128) {
            throw rejected("completion handle missing or malformed");
        }
        Instant now = clock.instant();
        record Recorded(String binding, CardCheck check) {
        }
        Recorded found = jdbc.sql("""
                update idp.card_challenge set completed_at = :now
                where handle_hash = :hash and completed_at is null
                returning session_binding, checked_at, person_id, kiosk_terminal, failure, second_person_id
                """)
                .param("now", Timestamp.from(now)).param("hash", sha256(handle))
                .query((row, n) -> {
                    String failure = row.getString("failure");
                    UUID person = row.getObject("person_id", UUID.class);
                    UUID second = row.getObject("second_person_id", UUID.class);
                    return new Recorded(row.getString("session_binding"), new CardCheck(
                            person == null ? null : new PersonId(person), row.getString("kiosk_terminal"),
                            failure == null ? null : LoginFailure.valueOf(failure), row.getTimestamp("checked_at").toInstant(),
                            second == null ? null : new PersonId(second)));
                })
                .optional()
                .orElseThrow(() -> rejected("completion handle unknown or already used"));
        if (binding == null || !found.binding().equals(binding)) {
            throw rejected("completion handle of a challenge issued to another browser session");
        }
        if (found.check().checkedAt().plus(HANDLE_TTL).isBefore(now)) {
            throw rejected("completion handle expired");
        }
        return found.check();
    }

    /** A random value binding challenges to one browser session. */
    public String newBinding() {
        return randomBase64Url(32);
    }

    private String randomBase64Url(int bytes) {
        byte[] value = new byte[bytes];
        random.nextBytes(value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static CardLoginException rejected(String reason) {
        return new CardLoginException(LoginFailure.TRY_AGAIN, reason);
    }
}
