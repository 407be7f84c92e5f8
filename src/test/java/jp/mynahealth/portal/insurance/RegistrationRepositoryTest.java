package jp.mynahealth.portal.insurance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import jp.mynahealth.portal.access.Channel;
import jp.mynahealth.portal.access.Visit;
import jp.mynahealth.records.PersonId;
import jp.mynahealth.support.ReadStoreTest;

/** Registration and cancellation against the real PostgreSQL: once, idempotent, race-safe, history kept. */
@ReadStoreTest
class RegistrationRepositoryTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    Clock clock;

    private RegistrationRepository registrations;
    private Visit visit;

    @BeforeEach
    void setUp() {
        registrations = new RegistrationRepository(jdbc, transaction, clock);
        // A person of the demo set nobody else's tests register.
        UUID person = jdbc.sql("""
                select person_id from records.person
                where family_name <> '見本'
                  and person_id not in (select person_id from portal.card_use_registration)
                order by person_id limit 1
                """).query(UUID.class).single();
        visit = new Visit(new PersonId(person), Channel.WEB, null);
    }

    private long rows() {
        return jdbc.sql("select count(*) from portal.card_use_registration where person_id = :p")
                .param("p", visit.person().value()).query(Long.class).single();
    }

    @Test
    void aFirstRegistrationIsRecordedWithTimeAndChannel() {
        Registration registration = registrations.register(visit);
        assertThat(registration.active()).isTrue();
        assertThat(registration.channel()).isEqualTo("web");
        assertThat(registration.registeredAt()).isEqualTo(clock.instant());
        assertThat(registrations.active(visit.person())).contains(registration);
        assertThat(jdbc.sql("select consent_version from portal.card_use_registration where person_id = :p")
                .param("p", visit.person().value()).query(String.class).single()).isEqualTo(RegistrationRepository.CONSENT_VERSION);
    }

    @Test
    void registeringAgainReturnsTheSameRegistration() {
        Registration first = registrations.register(visit);
        Registration second = registrations.register(visit);
        assertThat(second).isEqualTo(first);
        assertThat(rows()).isEqualTo(1);
    }

    @Test
    void twoSimultaneousRegistrationsGiveOne() throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        Callable<Registration> attempt = () -> {
            start.await();
            return registrations.register(visit);
        };
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<Registration>> both = List.of(threads.submit(attempt), threads.submit(attempt));
            start.countDown();
            assertThat(both.get(0).get()).isEqualTo(both.get(1).get());
        } finally {
            threads.shutdownNow();
        }
        assertThat(rows()).isEqualTo(1);
    }

    @Test
    void cancellingEndsTheRegistrationKeepsItAndAsksTheInsurerForAnEligibilityCertificate() {
        Registration registered = registrations.register(visit);
        Registration cancelled = registrations.cancel(visit, "06139129");
        assertThat(cancelled.id()).isEqualTo(registered.id());
        assertThat(cancelled.cancelledAt()).isNotNull();
        assertThat(registrations.active(visit.person())).isEmpty();
        assertThat(registrations.history(visit.person())).hasSize(1);
        assertThat(jdbc.sql("select insurer_number from portal.eligibility_certificate_request where person_id = :p")
                .param("p", visit.person().value()).query(String.class).list()).containsExactly("06139129");
    }

    @Test
    void registeringAgainAfterACancellationWorksAndKeepsTheHistory() {
        registrations.register(visit);
        registrations.cancel(visit, null);
        Registration again = registrations.register(visit);
        assertThat(again.active()).isTrue();
        assertThat(registrations.history(visit.person())).hasSize(2);
    }

    @Test
    void theLatestCancellationSaysWhetherAnInsurerWasAsked() {
        assertThat(registrations.latestCancellation(visit.person())).isEmpty();
        registrations.register(visit);
        assertThat(registrations.latestCancellation(visit.person())).isEmpty();
        registrations.cancel(visit, "06139129");
        assertThat(registrations.latestCancellation(visit.person()))
                .hasValueSatisfying(cancellation -> {
                    assertThat(cancellation.certificateRequested()).isTrue();
                    assertThat(cancellation.insurerNumber()).isEqualTo("06139129");
                    assertThat(cancellation.cancelledAt()).isEqualTo(clock.instant());
                });

        registrations.register(visit);
        assertThat(registrations.latestCancellation(visit.person())).as("registered again since").isEmpty();
        registrations.cancel(visit, null);
        assertThat(registrations.latestCancellation(visit.person()))
                .hasValueSatisfying(cancellation -> assertThat(cancellation.certificateRequested()).isFalse());
    }

    @Test
    void cancellingWithoutARegistrationIsRefusedAndWritesNothing() {
        assertThatThrownBy(() -> registrations.cancel(visit, "06139129")).isInstanceOf(NotRegisteredException.class);
        assertThat(rows()).isZero();
        assertThat(jdbc.sql("select count(*) from portal.eligibility_certificate_request where person_id = :p")
                .param("p", visit.person().value()).query(Long.class).single()).isZero();
    }
}
