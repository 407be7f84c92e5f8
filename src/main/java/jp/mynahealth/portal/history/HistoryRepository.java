package jp.mynahealth.portal.history;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import jp.mynahealth.records.PersonId;

/** The person's access log and the read store's records of data provided with consent, merged newest first. */
@Repository
class HistoryRepository {

    /** Keyset position: the last entry shown. */
    record Cursor(Instant at, String source, long id) {
    }

    private final JdbcClient jdbc;

    HistoryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<HistoryEntry> find(PersonId person, Instant from, Instant to, Cursor after, int limit) {
        // The keyset condition and the limit sit inside each branch, so each reads at most one page
        // from its (person, time) index, newest first, whatever the size of the person's log; the
        // outer query merges two pages. (Outside the union, every row of the period was sorted.)
        return jdbc.sql("""
                select source, id, at, what, channel,
                       -- An app is named as the citizen saw it on the consent page, not by its client id.
                       case when channel = 'api' then coalesce((select p.name from idp.app p where p.app_id = history.terminal_id),
                                                               terminal_id)
                            else terminal_id end as terminal_id,
                       result, institution_name,
                       (select a.family_name || ' ' || a.given_name from records.person a where a.person_id = history.actor_id) as actor_name
                from (
                    (select 'access' as source, l.log_id as id, l.occurred_at as at, l.action as what, l.channel,
                            l.terminal_id, l.result, null as institution_name, l.actor_id
                     from portal.access_log l
                     where l.person_id = :person and l.occurred_at >= :from and l.occurred_at < :to
                       and l.occurred_at <= :afterAt
                       and (l.occurred_at < :afterAt
                            or 'access' < :afterSource or ('access' = :afterSource and l.log_id < :afterId))
                     order by l.occurred_at desc, l.log_id desc
                     limit :limit)
                    union all
                    (select 'provision', d.provision_id, d.provided_at, d.data_kind, null, null, null, i.name, null::uuid
                     from records.data_provision d
                     join records.institution i on i.institution_code = d.institution_code
                     where d.person_id = :person and d.provided_at >= :from and d.provided_at < :to
                       and d.provided_at <= :afterAt
                       and (d.provided_at < :afterAt
                            or 'provision' < :afterSource or ('provision' = :afterSource and d.provision_id < :afterId))
                     order by d.provided_at desc, d.provision_id desc
                     limit :limit)
                ) history
                order by at desc, source desc, id desc
                limit :limit
                """)
                .param("person", person.value())
                .param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .param("afterAt", Timestamp.from(after == null ? Instant.parse("9999-12-31T00:00:00Z") : after.at()))
                .param("afterSource", after == null ? "zzzz" : after.source())
                .param("afterId", after == null ? Long.MAX_VALUE : after.id())
                .param("limit", limit)
                .query((row, n) -> new HistoryEntry(row.getString("source"), row.getLong("id"),
                        row.getTimestamp("at").toInstant(), row.getString("what"), row.getString("channel"),
                        row.getString("terminal_id"), row.getString("result"), row.getString("institution_name"),
                        row.getString("actor_name")))
                .list();
    }
}
