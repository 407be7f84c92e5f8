package jp.mynahealth.idp.apps;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

import jp.mynahealth.common.ClockConfiguration;
import jp.mynahealth.common.apps.AppScope;
import jp.mynahealth.records.PersonId;

/** Consents as the idp gives and checks them (idp.app_consent). The portal lists and ends them. */
@Repository
public class Consents {

    /** What a consent to read one thing once lasts: the code's minute and the access token's five, with room. */
    static final java.time.Duration ONCE = java.time.Duration.ofMinutes(10);

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;

    public Consents(JdbcClient jdbc, TransactionTemplate transaction, Clock clock) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** A consent about to be given: for {@code person}, by {@code actor} on proxy grant {@code grantId} when not themself. */
    public record Given(PersonId person, Optional<PersonId> actor, Optional<Long> grantId, String appId,
            String authorizationId, Set<AppScope> scopes, Optional<Integer> days) {
    }

    /**
     * Records the consent, ending the person's earlier consent to the same app (one consent in force
     * per person and app). {@code days} empty is a consent for one fetch.
     */
    public long give(Given given) {
        Instant now = clock.instant();
        Instant until = given.days().map(days -> now.plus(java.time.Duration.ofDays(days))).orElse(now.plus(ONCE));
        return transaction.execute(status -> {
            jdbc.sql("""
                    update idp.app_consent set ended_at = :now, ended_by = 'replaced'
                    where person_id = :person and app_id = :app and ended_at is null
                    """).param("now", Timestamp.from(now)).param("person", given.person().value())
                    .param("app", given.appId()).update();
            return jdbc.sql("""
                    insert into idp.app_consent (person_id, actor_id, grant_id, app_id, authorization_id, scopes, once,
                                                 granted_at, valid_until)
                    values (:person, :actor, :grant, :app, :authorization, :scopes, :once, :now, :until)
                    returning consent_id
                    """).param("person", given.person().value())
                    .param("actor", given.actor().map(PersonId::value).orElse(null))
                    .param("grant", given.grantId().orElse(null)).param("app", given.appId())
                    .param("authorization", given.authorizationId())
                    .param("scopes", given.scopes().stream().map(AppScope::code).sorted().toArray(String[]::new))
                    .param("once", given.days().isEmpty()).param("now", Timestamp.from(now))
                    .param("until", Timestamp.from(until)).query(Long.class).single();
        });
    }

    /** The consent given in an authorization (its code, its tokens, its refreshes), in force or not. */
    public Optional<Consent> ofAuthorization(String authorizationId) {
        return jdbc.sql("""
                select c.consent_id, c.person_id, c.actor_id, c.app_id, c.scopes, c.once, c.valid_until,
                       c.ended_at is null and c.valid_until > :now and a.retired_at is null
                       -- Ended by the citizen on the portal's 連携中のアプリ (the portal's record, read here).
                       and not exists (select 1 from portal.app_disconnection d where d.consent_id = c.consent_id)
                       and (c.grant_id is null or exists (
                           select 1 from portal.proxy_grant g
                           where g.grant_id = c.grant_id and g.proxy_id = c.actor_id and g.principal_id = c.person_id
                             and g.ended_at is null and g.valid_from <= :today and g.valid_until >= :today)) as in_force
                from idp.app_consent c join idp.app a on a.app_id = c.app_id
                where c.authorization_id = :authorization
                """).param("authorization", authorizationId).param("now", Timestamp.from(clock.instant()))
                .param("today", LocalDate.now(clock.withZone(ClockConfiguration.JAPAN)))
                .query(Consents::consent).optional();
    }

    private static Consent consent(ResultSet row, int n) throws SQLException {
        UUID actor = row.getObject("actor_id", UUID.class);
        return new Consent(row.getLong("consent_id"), new PersonId(row.getObject("person_id", UUID.class)),
                Optional.ofNullable(actor).map(PersonId::new), row.getString("app_id"), AppRegistry.scopes(row.getArray("scopes")),
                row.getBoolean("once"), row.getTimestamp("valid_until").toInstant(), row.getBoolean("in_force"));
    }
}
