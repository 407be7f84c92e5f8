package jp.mynahealth.portal.notices;

import java.io.Serializable;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import jakarta.servlet.http.HttpSession;
import jp.mynahealth.records.PersonId;

/**
 * When the person was last here before this visit, from the access log: its latest row from before
 * this session first asked (their own rows: a proxy's views for them or an operator's action are not
 * their visits). Kept in the session, so that the pages of this visit, which log rows of
 * their own, do not move it: "new since your last visit" stays new until the next visit.
 */
@Component
class PreviousVisits {

    private static final String SESSION_ATTRIBUTE = PreviousVisits.class.getName() + ".";

    /** What the session remembers; {@code at} is null when the person had never been here. */
    record Remembered(Instant at) implements Serializable {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    PreviousVisits(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Optional<Instant> of(PersonId person, HttpSession session) {
        String key = SESSION_ATTRIBUTE + person.value();
        if (session != null && session.getAttribute(key) instanceof Remembered remembered) {
            return Optional.ofNullable(remembered.at());
        }
        Instant at = jdbc.sql("""
                select max(occurred_at) from portal.access_log
                where person_id = :person and occurred_at < :now and actor_id is null and channel <> 'operator'
                """)
                .param("person", person.value()).param("now", Timestamp.from(clock.instant()))
                .query((row, n) -> row.getTimestamp(1) == null ? null : row.getTimestamp(1).toInstant())
                .list().stream().filter(java.util.Objects::nonNull).findFirst().orElse(null);
        if (session != null) {
            session.setAttribute(key, new Remembered(at));
        }
        return Optional.ofNullable(at);
    }
}
