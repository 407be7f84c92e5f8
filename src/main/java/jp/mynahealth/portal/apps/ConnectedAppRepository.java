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
 * The citizen's consents to apps (idp.app_consent, given at the idp): listed, and ended at once. Ending
 * one also removes the Authorization Server's record of it, so its refresh token is gone too; the
 * API refuses its access tokens from the next call (it checks the consent each time).
 */
@Repository
class ConnectedAppRepository {

    private static final String SELECT = """
            select c.consent_id, a.name as app_name, a.operator, c.scopes, c.once, c.granted_at, c.valid_until,
                   c.last_read_at,
                   (select p.family_name || ' ' || p.given_name from records.person p where p.person_id = c.person_id) as person_name,
                   (select p.family_name || ' ' || p.given_name from records.person p where p.person_id = c.actor_id) as actor_name
            from idp.app_consent c join idp.app a on a.app_id = c.app_id
            """;
    private static final String IN_FORCE = " c.ended_at is null and c.valid_until > :now and a.retired_at is null ";

    private final JdbcClient jdbc;
    private final Clock clock;

    ConnectedAppRepository(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The apps that may read the person's data (whoever consented), newest first. */
    List<ConnectedApp> readingMyData(PersonId person) {
        return jdbc.sql(SELECT + " where c.person_id = :person and" + IN_FORCE + " order by c.granted_at desc, c.consent_id desc")
                .param("person", person.value()).param("now", Timestamp.from(clock.instant()))
                .query((row, n) -> app(row, false)).list();
    }

    /** The apps the person connected to someone else's data, as their proxy. */
    List<ConnectedApp> connectedAsProxy(PersonId actor) {
        return jdbc.sql(SELECT + " where c.actor_id = :actor and" + IN_FORCE + " order by c.granted_at desc, c.consent_id desc")
                .param("actor", actor.value()).param("now", Timestamp.from(clock.instant()))
                .query((row, n) -> app(row, true)).list();
    }

    /** Whose data a consent in force reads, if the person may end it (it reads theirs, or they gave it as a proxy). */
    Optional<PersonId> endable(long consentId, PersonId person) {
        return jdbc.sql("""
                select c.person_id from idp.app_consent c
                where c.consent_id = :consent and c.person_id = :person and c.ended_at is null
                union all
                select c.person_id from idp.app_consent c
                where c.consent_id = :consent and c.actor_id = :person and c.ended_at is null
                """).param("consent", consentId).param("person", person.value())
                .query((row, n) -> new PersonId(row.getObject(1, java.util.UUID.class))).optional();
    }

    /** Ends the consent (by the person whose data it reads, or the proxy who gave it) and its authorization. */
    void end(long consentId, PersonId whose, boolean byProxy) {
        String authorization = jdbc.sql("""
                update idp.app_consent set ended_at = :now, ended_by = :by
                where consent_id = :consent and person_id = :whose and ended_at is null
                returning authorization_id
                """).param("now", Timestamp.from(clock.instant())).param("by", byProxy ? "proxy" : "person")
                .param("consent", consentId).param("whose", whose.value()).query(String.class).optional().orElse(null);
        if (authorization != null) {
            jdbc.sql("delete from idp.oauth2_authorization where id = :id").param("id", authorization).update();
        }
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
