package jp.mynahealth.portal.apps;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import jp.mynahealth.common.apps.AppScope;
import jp.mynahealth.records.PersonId;

/**
 * The citizen's consents to apps (idp.app_consent, given at the idp and read here): listed, and ended
 * at once by a row of the portal's own (portal.app_disconnection), which the API checks at every
 * call and the idp before every token, so neither its access token nor its refresh token reads again.
 */
@Repository
class ConnectedAppRepository {

    /** {@code %1$s}: whose data, as the query knows it (the asking person, or each row's person for a proxy's list). */
    private static final String SELECT = """
            select c.consent_id, a.name as app_name, a.operator, c.scopes, c.once, c.granted_at, c.valid_until,
                   (select r.last_read_at from portal.app_read r
                    where r.consent_id = c.consent_id and r.person_id = %1$s) as last_read_at,
                   (select p.family_name || ' ' || p.given_name from records.person p where p.person_id = c.person_id) as person_name,
                   (select p.family_name || ' ' || p.given_name from records.person p where p.person_id = c.actor_id) as actor_name
            from idp.app_consent c join idp.app a on a.app_id = c.app_id
            """;
    private static final String IN_FORCE = """
             c.ended_at is null and c.valid_until > :now and a.retired_at is null
             and not exists (select 1 from portal.app_disconnection d
                             where d.consent_id = c.consent_id and d.person_id = %1$s)
            """;

    private final JdbcClient jdbc;
    private final Clock clock;

    ConnectedAppRepository(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The apps that may read the person's data (whoever consented), newest first. */
    List<ConnectedApp> readingMyData(PersonId person) {
        return jdbc.sql((SELECT + " where c.person_id = :person and" + IN_FORCE + " order by c.granted_at desc, c.consent_id desc")
                .formatted(":person"))
                .param("person", person.value()).param("now", Timestamp.from(clock.instant()))
                .query((row, n) -> app(row, false)).list();
    }

    /** The apps the person connected to someone else's data, as their proxy. */
    List<ConnectedApp> connectedAsProxy(PersonId actor) {
        return jdbc.sql((SELECT + " where c.actor_id = :actor and" + IN_FORCE + " order by c.granted_at desc, c.consent_id desc")
                .formatted("c.person_id"))
                .param("actor", actor.value()).param("now", Timestamp.from(clock.instant()))
                .query((row, n) -> app(row, true)).list();
    }

    /** Whose data a consent in force reads, if the person may end it (it reads theirs, or they gave it as a proxy). */
    Optional<PersonId> endable(long consentId, PersonId person) {
        return jdbc.sql("""
                select c.person_id from idp.app_consent c
                where c.consent_id = :consent and c.person_id = :person and c.ended_at is null
                  and not exists (select 1 from portal.app_disconnection d where d.consent_id = c.consent_id and d.person_id = :person)
                union all
                select c.person_id from idp.app_consent c
                where c.consent_id = :consent and c.actor_id = :person and c.ended_at is null
                  and not exists (select 1 from portal.app_disconnection d
                                  where d.consent_id = c.consent_id and d.person_id = c.person_id)
                """).param("consent", consentId).param("person", person.value())
                .query((row, n) -> new PersonId(row.getObject(1, java.util.UUID.class))).optional();
    }

    /**
     * Ends the consent (by the person whose data it reads, or the proxy who gave it): a row of the
     * portal's own. The API refuses its tokens from the next call, and the idp, which reads it before
     * any token, refreshes none.
     */
    void end(long consentId, PersonId whose, boolean byProxy) {
        jdbc.sql("""
                insert into portal.app_disconnection (consent_id, person_id, ended_at, ended_by)
                values (:consent, :whose, :now, :by)
                on conflict (consent_id) do nothing
                """).param("now", Timestamp.from(clock.instant())).param("by", byProxy ? "proxy" : "person")
                .param("consent", consentId).param("whose", whose.value()).update();
    }

    private static ConnectedApp app(ResultSet row, boolean asProxy) throws SQLException {
        List<AppScope> scopes = Arrays.stream((String[]) row.getArray("scopes").getArray()).map(AppScope::of)
                .flatMap(Optional::stream).sorted().toList();
        return new ConnectedApp(row.getLong("consent_id"), row.getString("app_name"), row.getString("operator"), scopes,
                row.getBoolean("once"), instant(row, "granted_at"), instant(row, "valid_until"), instant(row, "last_read_at"),
                asProxy ? row.getString("person_name") : null, asProxy ? null : row.getString("actor_name"));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp value = row.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
