package jp.mynahealth.portal.api;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import jp.mynahealth.common.ClockConfiguration;
import jp.mynahealth.common.apps.AppScope;
import jp.mynahealth.records.PersonId;

/**
 * The consent behind each API call, read at every call (one indexed row): ended (replaced at the idp,
 * or disconnected here), past its day, its app retired, or the proxy grant it rode on ended, and the
 * call is refused whatever the token says. The consent and the app are the idp's (read here); the
 * disconnection and the last read are the portal's own rows.
 */
@Repository
class ApiConsents {

    private final JdbcClient jdbc;
    private final Clock clock;

    ApiConsents(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The caller, if consent {@code consentId} is of {@code person} and in force now. */
    Optional<ApiCaller> inForce(long consentId, PersonId person) {
        return jdbc.sql("""
                select c.consent_id, c.person_id, c.actor_id, c.app_id, a.name, c.scopes
                from idp.app_consent c join idp.app a on a.app_id = c.app_id
                where c.consent_id = :consent and c.person_id = :person
                  and c.ended_at is null and c.valid_until > :now and a.retired_at is null
                  and not exists (select 1 from portal.app_disconnection d where d.consent_id = c.consent_id and d.person_id = :person)
                  and (c.grant_id is null or exists (
                      select 1 from portal.proxy_grant g
                      where g.grant_id = c.grant_id and g.proxy_id = c.actor_id and g.principal_id = c.person_id
                        and g.ended_at is null and g.valid_from <= :today and g.valid_until >= :today))
                """).param("consent", consentId).param("person", person.value())
                .param("now", Timestamp.from(clock.instant()))
                .param("today", LocalDate.now(clock.withZone(ClockConfiguration.JAPAN)))
                .query((row, n) -> {
                    UUID actor = row.getObject("actor_id", UUID.class);
                    java.util.Set<AppScope> scopes = java.util.EnumSet.noneOf(AppScope.class);
                    for (String code : (String[]) row.getArray("scopes").getArray()) {
                        AppScope.of(code).ifPresent(scopes::add);
                    }
                    return new ApiCaller(person, actor == null ? person : new PersonId(actor), row.getString("app_id"),
                            row.getString("name"), scopes, row.getLong("consent_id"));
                }).optional();
    }

    /** For the citizen's list of connected apps: when the app last read (the portal's record, not the idp's consent). */
    void markRead(ApiCaller caller) {
        jdbc.sql("""
                insert into portal.app_read (consent_id, person_id, last_read_at) values (:consent, :person, :now)
                on conflict (consent_id) do update set last_read_at = excluded.last_read_at
                """).param("now", Timestamp.from(clock.instant())).param("consent", caller.consentId())
                .param("person", caller.person().value()).update();
    }
}
