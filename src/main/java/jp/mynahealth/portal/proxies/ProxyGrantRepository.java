package jp.mynahealth.portal.proxies;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import jp.mynahealth.common.ClockConfiguration;
import jp.mynahealth.records.PersonId;

/**
 * The grants between people, as the portal keeps them. A grant is live from its first day to its
 * last, unless ended: every read takes today's date (in Japan) so expiry needs no job.
 */
@Repository
public class ProxyGrantRepository {

    private static final String SELECT = """
            select g.grant_id, g.principal_id, pr.family_name || ' ' || pr.given_name as principal_name, g.proxy_id,
                   px.family_name || ' ' || px.given_name as proxy_name, g.kind, g.scopes, g.valid_from, g.valid_until
            from portal.proxy_grant g
            join records.person pr on pr.person_id = g.principal_id
            join records.person px on px.person_id = g.proxy_id
            """;
    private static final String LIVE = " g.ended_at is null and g.valid_from <= :today and g.valid_until >= :today ";

    private final JdbcClient jdbc;
    private final Clock clock;

    ProxyGrantRepository(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The people {@code proxy} may act for today, by name. */
    public List<ProxyGrant> principalsOf(PersonId proxy) {
        return jdbc.sql(SELECT + " where g.proxy_id = :proxy and" + LIVE + " order by pr.birth_date, g.grant_id")
                .param("proxy", proxy.value()).param("today", today()).query(ProxyGrantRepository::grant).list();
    }

    /** The people who may act for {@code principal} today. */
    public List<ProxyGrant> proxiesOf(PersonId principal) {
        return jdbc.sql(SELECT + " where g.principal_id = :principal and" + LIVE + " order by g.created_at, g.grant_id")
                .param("principal", principal.value()).param("today", today()).query(ProxyGrantRepository::grant).list();
    }

    /** The grant, if it is {@code proxy}'s and live today: looked up on every request a proxy makes while acting. */
    public Optional<ProxyGrant> live(long grantId, PersonId proxy) {
        return jdbc.sql(SELECT + " where g.grant_id = :id and g.proxy_id = :proxy and" + LIVE)
                .param("id", grantId).param("proxy", proxy.value()).param("today", today())
                .query(ProxyGrantRepository::grant).optional();
    }

    /** Creates a grant; a live one between the same two people is replaced (ended by the principal's new choice). */
    public long create(PersonId principal, PersonId proxy, String kind, Set<ProxyScope> scopes, LocalDate from,
            LocalDate until, Long invitationId) {
        jdbc.sql("""
                update portal.proxy_grant set ended_at = :now, ended_by = 'principal'
                where principal_id = :principal and proxy_id = :proxy and ended_at is null
                """).param("now", Timestamp.from(clock.instant())).param("principal", principal.value())
                .param("proxy", proxy.value()).update();
        return jdbc.sql("""
                insert into portal.proxy_grant (principal_id, proxy_id, kind, scopes, valid_from, valid_until, created_at,
                                                invitation_id)
                values (:principal, :proxy, :kind, :scopes::text[], :from, :until, :now, :invitation)
                returning grant_id
                """).param("principal", principal.value()).param("proxy", proxy.value()).param("kind", kind)
                .param("scopes", scopes.stream().map(ProxyScope::code).toArray(String[]::new))
                .param("from", from).param("until", until).param("now", Timestamp.from(clock.instant()))
                .param("invitation", invitationId).query(Long.class).single();
    }

    /**
     * Ends one of {@code principal}'s grants now. A legal link (a parent's) can be ended by the child
     * only from 15; {@code mayEndLegal} says whether this principal is old enough.
     *
     * @return whether a live grant was ended
     */
    public boolean endByPrincipal(long grantId, PersonId principal, boolean mayEndLegal) {
        return jdbc.sql("""
                update portal.proxy_grant set ended_at = :now, ended_by = 'principal'
                where grant_id = :id and principal_id = :principal and ended_at is null
                  and (kind = 'chosen' or :legal)
                """).param("now", Timestamp.from(clock.instant())).param("id", grantId)
                .param("principal", principal.value()).param("legal", mayEndLegal).update() == 1;
    }

    /** Ends a proxy's own grant (they no longer wish to act for the principal). */
    public boolean endByProxy(long grantId, PersonId proxy) {
        return jdbc.sql("""
                update portal.proxy_grant set ended_at = :now, ended_by = 'proxy'
                where grant_id = :id and proxy_id = :proxy and ended_at is null and kind = 'chosen'
                """).param("now", Timestamp.from(clock.instant())).param("id", grantId).param("proxy", proxy.value())
                .update() == 1;
    }

    /** Ends every grant for {@code principal} at once: the municipal operator's command. */
    public int endAllFor(UUID principal) {
        return jdbc.sql("""
                update portal.proxy_grant set ended_at = :now, ended_by = 'operator'
                where principal_id = :principal and ended_at is null
                """).param("now", Timestamp.from(clock.instant())).param("principal", principal).update();
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ClockConfiguration.JAPAN));
    }

    private static ProxyGrant grant(ResultSet row, int n) throws SQLException {
        return new ProxyGrant(row.getLong("grant_id"), new PersonId(row.getObject("principal_id", UUID.class)),
                row.getString("principal_name"), new PersonId(row.getObject("proxy_id", UUID.class)),
                row.getString("proxy_name"), row.getString("kind"), scopes(row.getArray("scopes")),
                row.getObject("valid_from", LocalDate.class), row.getObject("valid_until", LocalDate.class));
    }

    static Set<ProxyScope> scopes(Array array) throws SQLException {
        Set<ProxyScope> scopes = EnumSet.noneOf(ProxyScope.class);
        for (Object code : (Object[]) array.getArray()) {
            ProxyScope.of((String) code).ifPresent(scopes::add);
        }
        return scopes;
    }
}
