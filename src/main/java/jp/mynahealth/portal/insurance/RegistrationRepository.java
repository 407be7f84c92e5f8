package jp.mynahealth.portal.insurance;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

import jp.mynahealth.portal.access.Visit;
import jp.mynahealth.records.PersonId;

/**
 * Card-use registrations and their cancellations. A person has at most one active registration (a
 * partial unique index); registering again while registered returns the existing one, so repeated
 * or simultaneous submissions give exactly one.
 */
@Repository
class RegistrationRepository {

    /** The consent text the citizen agreed to; a new wording gets a new version. */
    static final String CONSENT_VERSION = "2026-11";

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;

    RegistrationRepository(JdbcClient jdbc, TransactionTemplate transaction, Clock clock) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.clock = clock;
    }

    Optional<Registration> active(PersonId person) {
        return jdbc.sql("""
                select registration_id, registered_at, channel, cancelled_at
                from portal.card_use_registration
                where person_id = :person and cancelled_at is null
                """)
                .param("person", person.value())
                .query((row, n) -> new Registration(row.getLong("registration_id"), row.getTimestamp("registered_at").toInstant(),
                        row.getString("channel"), null))
                .optional();
    }

    List<Registration> history(PersonId person) {
        return jdbc.sql("""
                select registration_id, registered_at, channel, cancelled_at
                from portal.card_use_registration
                where person_id = :person
                order by registered_at desc, registration_id desc
                """)
                .param("person", person.value())
                .query((row, n) -> new Registration(row.getLong("registration_id"), row.getTimestamp("registered_at").toInstant(),
                        row.getString("channel"),
                        row.getTimestamp("cancelled_at") == null ? null : row.getTimestamp("cancelled_at").toInstant()))
                .list();
    }

    /**
     * The person's latest registration if it is cancelled, with the insurer its 資格確認書 request went
     * to; empty when they never cancelled or have registered again since.
     */
    Optional<Cancellation> latestCancellation(PersonId person) {
        return jdbc.sql("""
                select cancelled_at, insurer_number
                from (select r.cancelled_at, q.insurer_number
                      from portal.card_use_registration r
                      left join portal.eligibility_certificate_request q
                        on q.person_id = r.person_id and q.registration_id = r.registration_id
                      where r.person_id = :person
                      order by r.registered_at desc, r.registration_id desc, q.request_id desc
                      limit 1) latest
                where cancelled_at is not null
                """)
                .param("person", person.value())
                .query((row, n) -> new Cancellation(row.getTimestamp("cancelled_at").toInstant(),
                        row.getString("insurer_number")))
                .optional();
    }

    /** Registers, or returns the registration already active. */
    Registration register(Visit visit) {
        Instant now = clock.instant();
        int inserted = jdbc.sql("""
                insert into portal.card_use_registration (person_id, registered_at, channel, terminal_id, consent_version)
                values (:person, :now, :channel, :terminal, :consent)
                on conflict (person_id) where cancelled_at is null do nothing
                """)
                .param("person", visit.person().value()).param("now", Timestamp.from(now))
                .param("channel", visit.channel().code()).param("terminal", visit.terminalId())
                .param("consent", CONSENT_VERSION)
                .update();
        return active(visit.person()).orElseThrow(() -> new IllegalStateException(
                "registration vanished right after " + (inserted == 1 ? "insert" : "conflict")));
    }

    /**
     * Ends the active registration and records the 資格確認書 request for the person's current insurer,
     * both or neither.
     */
    Registration cancel(Visit visit, String currentInsurerNumber) {
        return transaction.execute(status -> cancelInTransaction(visit, currentInsurerNumber));
    }

    private Registration cancelInTransaction(Visit visit, String currentInsurerNumber) {
        Instant now = clock.instant();
        Long cancelled = jdbc.sql("""
                update portal.card_use_registration
                set cancelled_at = :now, cancel_channel = :channel
                where person_id = :person and cancelled_at is null
                returning registration_id
                """)
                .param("now", Timestamp.from(now)).param("channel", visit.channel().code())
                .param("person", visit.person().value())
                .query(Long.class)
                .optional()
                .orElseThrow(NotRegisteredException::new);
        jdbc.sql("""
                insert into portal.eligibility_certificate_request (person_id, registration_id, insurer_number, requested_at)
                values (:person, :registration, :insurer, :now)
                """)
                .param("person", visit.person().value()).param("registration", cancelled)
                .param("insurer", currentInsurerNumber).param("now", Timestamp.from(now))
                .update();
        return history(visit.person()).stream().filter(r -> r.id() == cancelled).findFirst().orElseThrow();
    }
}
