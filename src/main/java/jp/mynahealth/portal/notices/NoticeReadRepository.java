package jp.mynahealth.portal.notices;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.HashSet;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import jp.mynahealth.records.PersonId;

/** Which notices a person has read: the one thing about notices that is stored (portal.notice_read). */
@Repository
class NoticeReadRepository {

    private final JdbcClient jdbc;
    private final Clock clock;

    NoticeReadRepository(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Set<String> readKeys(PersonId person) {
        return new HashSet<>(jdbc.sql("select notice_key from portal.notice_read where person_id = :person")
                .param("person", person.value()).query(String.class).list());
    }

    /** Marks a notice read; reading it again (a second tab, a double click) keeps the first time. */
    void markRead(PersonId person, String key) {
        jdbc.sql("""
                insert into portal.notice_read (person_id, notice_key, read_at) values (:person, :key, :now)
                on conflict (person_id, notice_key) do nothing
                """)
                .param("person", person.value()).param("key", key).param("now", Timestamp.from(clock.instant()))
                .update();
    }
}
