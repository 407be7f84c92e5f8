package jp.mynahealth.idp.card;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import jp.mynahealth.idp.IdpProperties;

/**
 * Login challenges: 32 random bytes, kept server-side (so any idp instance can check them), bound
 * to the browser session that asked, valid for a few minutes, and consumed by their first use
 * whatever its outcome.
 */
@Component
public class CardChallengeStore {

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
        String challenge = randomBase64Url(32);
        Instant now = clock.instant();
        jdbc.sql("delete from idp.card_challenge where created_at < :cutoff")
                .param("cutoff", Timestamp.from(now.minus(properties.challengeTtl().multipliedBy(12))))
                .update();
        jdbc.sql("""
                insert into idp.card_challenge (challenge, session_binding, created_at)
                values (:challenge, :binding, :now)
                """)
                .param("challenge", challenge).param("binding", binding).param("now", Timestamp.from(now))
                .update();
        return challenge;
    }

    /**
     * Uses up the challenge; refuses one that is unknown, already used, from another session or too
     * old. The update is atomic, so two posts of one challenge cannot both pass.
     */
    public void consume(String challenge, String binding) {
        if (challenge == null || challenge.isBlank() || challenge.length() > 128) {
            throw rejected("challenge missing or malformed");
        }
        Instant now = clock.instant();
        record Issued(String binding, Instant createdAt) {
        }
        Optional<Issued> issued = jdbc.sql("""
                update idp.card_challenge set consumed_at = :now
                where challenge = :challenge and consumed_at is null
                returning session_binding, created_at
                """)
                .param("now", Timestamp.from(now)).param("challenge", challenge)
                .query((row, n) -> new Issued(row.getString("session_binding"), row.getTimestamp("created_at").toInstant()))
                .optional();
        Issued found = issued.orElseThrow(() -> rejected("challenge unknown or already used"));
        if (binding == null || !found.binding().equals(binding)) {
            throw rejected("challenge belongs to another session");
        }
        if (found.createdAt().plus(properties.challengeTtl()).isBefore(now)) {
            throw rejected("challenge expired");
        }
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

    private static CardLoginException rejected(String reason) {
        return new CardLoginException(LoginFailure.TRY_AGAIN, reason);
    }
}
