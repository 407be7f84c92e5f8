package jp.mynahealth.portal.proxies;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import jp.mynahealth.records.PersonId;

/** Invitations to act for someone: made by the principal, taken once by the proxy within 7 days. */
@Repository
public class InvitationRepository {

    static final Duration VALID_FOR = Duration.ofDays(7);

    private static final String SELECT = """
            select i.invitation_id, i.principal_id, p.family_name || ' ' || p.given_name as principal_name, i.scopes,
                   i.grant_until, i.expires_at
            from portal.proxy_invitation i join records.person p on p.person_id = i.principal_id
            """;

    private final JdbcClient jdbc;
    private final Clock clock;

    InvitationRepository(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Makes an invitation and returns its code, which is shown once and kept nowhere. */
    String create(PersonId principal, Set<ProxyScope> scopes, LocalDate grantUntil) {
        String code = InvitationCode.generate();
        jdbc.sql("""
                insert into portal.proxy_invitation (principal_id, code_hash, scopes, grant_until, created_at, expires_at)
                values (:principal, :hash, :scopes::text[], :until, :now, :expires)
                """).param("principal", principal.value())
                .param("hash", InvitationCode.hash(InvitationCode.normalize(code).orElseThrow()))
                .param("scopes", scopes.stream().map(ProxyScope::code).toArray(String[]::new)).param("until", grantUntil)
                .param("now", Timestamp.from(clock.instant())).param("expires", Timestamp.from(clock.instant().plus(VALID_FOR)))
                .update();
        return code;
    }

    /** The open invitation a typed code stands for: not taken, not withdrawn, not expired. */
    Optional<Invitation> open(String canonicalCode) {
        return jdbc.sql(SELECT + """
                where i.code_hash = :hash and i.accepted_at is null and i.withdrawn_at is null and i.expires_at > :now
                """).param("hash", InvitationCode.hash(canonicalCode)).param("now", Timestamp.from(clock.instant()))
                .query(InvitationRepository::invitation).optional();
    }

    /** An open invitation by id (the one a proxy was shown before confirming). */
    Optional<Invitation> pendingById(long invitationId) {
        return jdbc.sql(SELECT + """
                where i.invitation_id = :id and i.accepted_at is null and i.withdrawn_at is null and i.expires_at > :now
                """).param("id", invitationId).param("now", Timestamp.from(clock.instant()))
                .query(InvitationRepository::invitation).optional();
    }

    /** The principal's invitations still waiting for someone. */
    public List<Invitation> pendingOf(PersonId principal) {
        return jdbc.sql(SELECT + """
                where i.principal_id = :principal and i.accepted_at is null and i.withdrawn_at is null and i.expires_at > :now
                order by i.created_at
                """).param("principal", principal.value()).param("now", Timestamp.from(clock.instant()))
                .query(InvitationRepository::invitation).list();
    }

    /** Takes the invitation for {@code proxy}, once: false when someone took it first or it closed meanwhile. */
    boolean accept(long invitationId, PersonId proxy) {
        return jdbc.sql("""
                update portal.proxy_invitation set accepted_at = :now, accepted_by = :proxy
                where invitation_id = :id and accepted_at is null and withdrawn_at is null and expires_at > :now
                  and principal_id <> :proxy
                """).param("now", Timestamp.from(clock.instant())).param("proxy", proxy.value()).param("id", invitationId)
                .update() == 1;
    }

    boolean withdraw(long invitationId, PersonId principal) {
        return jdbc.sql("""
                update portal.proxy_invitation set withdrawn_at = :now
                where invitation_id = :id and principal_id = :principal and accepted_at is null and withdrawn_at is null
                """).param("now", Timestamp.from(clock.instant())).param("id", invitationId)
                .param("principal", principal.value()).update() == 1;
    }

    private static Invitation invitation(ResultSet row, int n) throws SQLException {
        return new Invitation(row.getLong("invitation_id"), new PersonId(row.getObject("principal_id", UUID.class)),
                row.getString("principal_name"), ProxyGrantRepository.scopes(row.getArray("scopes")),
                row.getObject("grant_until", LocalDate.class), row.getTimestamp("expires_at").toInstant());
    }
}
