package jp.mynahealth.portal.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import jp.mynahealth.records.PersonId;
import jp.mynahealth.support.ReadStoreTest;
import jp.mynahealth.support.StoreLogins;

/**
 * The access log is append-only and its hash chain shows tampering. The log is written with the
 * portal's own login; the tampering is done the way an attacker with the database's superuser
 * would (triggers switched off for the session), inside a transaction this test rolls back. That
 * the portal's login cannot do any of it is {@code DatabaseRolesTest}'s.
 */
@ReadStoreTest
class AccessLogChainTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Autowired
    ApplicationContext context;

    private AccessLog log;
    private AccessLogVerifier verifier;
    private final Visit visit = new Visit(new PersonId(UUID.fromString("70304382-bb87-4298-9e13-ffc86a5ff41c")), Channel.WEB,
            null);

    @BeforeEach
    void setUp() {
        log = new AccessLog(jdbc, clock);
        verifier = new AccessLogVerifier(jdbc);
        for (int i = 0; i < 5; i++) {
            log.record(visit, AccessLog.Action.VIEW_DRUGS, AccessLog.Result.OK);
        }
    }

    private long lastLogId(int back) {
        return jdbc.sql("select log_id from portal.access_log order by chain_seq desc offset :back limit 1")
                .param("back", back).query(Long.class).single();
    }

    @Test
    void anIntactLogVerifies() {
        AccessLogVerifier.Result result = verifier.verify();
        assertThat(result.firstBreak()).isEmpty();
        assertThat(result.rowsChecked()).isGreaterThanOrEqualTo(5);
    }

    @Test
    void theCommandReportsAnIntactLogWithExitCodeZero() {
        assertThat(AccessLogVerifier.isRequested("--verify-access-log")).isTrue();
        assertThat(AccessLogVerifier.run("--verify-access-log")).isZero();
    }

    /** Even the owner, who holds every privilege on the table, is refused by the triggers. */
    @Test
    void theLogRefusesUpdatesDeletesAndTruncationEvenToItsOwner() {
        JdbcClient owner = JdbcClient.create(StoreLogins.owner(context));
        assertThatThrownBy(() -> owner.sql("update portal.access_log set result = 'ok' where log_id = :id")
                .param("id", lastLogId(0)).update()).hasStackTraceContaining("append-only");
        assertThatThrownBy(() -> owner.sql("delete from portal.access_log where log_id = :id")
                .param("id", lastLogId(0)).update()).hasStackTraceContaining("append-only");
        assertThatThrownBy(() -> owner.sql("truncate portal.access_log").update()).hasStackTraceContaining("append-only");
    }

    @Test
    void theVerifierNamesAnEditedRow() {
        long edited = lastLogId(2);
        DataSource superuser = StoreLogins.superuser(context);
        JdbcClient attacker = JdbcClient.create(superuser);
        new TransactionTemplate(new DataSourceTransactionManager(superuser)).executeWithoutResult(status -> {
            attacker.sql("set local session_replication_role = replica").update();
            attacker.sql("update portal.access_log set action = 'view_costs' where log_id = :id").param("id", edited).update();
            AccessLogVerifier.Result result = new AccessLogVerifier(attacker).verify();
            assertThat(result.firstBreak()).hasValueSatisfying(broken -> {
                assertThat(broken.logId()).isEqualTo(edited);
                assertThat(broken.reason()).contains("content was changed");
            });
            status.setRollbackOnly();
        });
        assertThat(verifier.verify().firstBreak()).isEmpty();
    }

    @Test
    void theVerifierNamesTheRowAfterADeletedOne() {
        long deleted = lastLogId(2);
        long following = lastLogId(1);
        DataSource superuser = StoreLogins.superuser(context);
        JdbcClient attacker = JdbcClient.create(superuser);
        new TransactionTemplate(new DataSourceTransactionManager(superuser)).executeWithoutResult(status -> {
            attacker.sql("set local session_replication_role = replica").update();
            attacker.sql("delete from portal.access_log where log_id = :id").param("id", deleted).update();
            assertThat(new AccessLogVerifier(attacker).verify().firstBreak()).hasValueSatisfying(broken -> {
                assertThat(broken.logId()).isEqualTo(following);
                assertThat(broken.reason()).contains("missing");
            });
            status.setRollbackOnly();
        });
    }

    @Test
    void theChainHasNoForksUnderConcurrentAppends() throws Exception {
        Thread[] writers = new Thread[4];
        for (int t = 0; t < writers.length; t++) {
            writers[t] = new Thread(() -> {
                for (int i = 0; i < 25; i++) {
                    log.record(visit, AccessLog.Action.VIEW_COSTS, AccessLog.Result.OK);
                }
            });
            writers[t].start();
        }
        for (Thread writer : writers) {
            writer.join();
        }
        assertThat(verifier.verify().firstBreak()).isEmpty();
    }
}
