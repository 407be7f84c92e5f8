package jp.mynahealth.portal.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import jp.mynahealth.records.PersonId;
import jp.mynahealth.support.ReadStoreTest;
import jp.mynahealth.support.StoreLogins;

/**
 * The access log is append-only, its chains are keyed with a key the database does not hold, and
 * signed checkpoints outside the database show a removed tail. The log is written with the portal's
 * own login; tampering is done the way an attacker with the database's superuser would (triggers
 * switched off for the session), inside a transaction each test rolls back, and a verifier on the
 * superuser's connection reads in that transaction. That the portal's login cannot do any of it is
 * {@code DatabaseRolesTest}'s.
 */
@ReadStoreTest
class AccessLogChainTest {

    private static final UUID TARO = UUID.fromString("70304382-bb87-4298-9e13-ffc86a5ff41c");

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    Clock clock;

    @Autowired
    Environment environment;

    @Autowired
    ApplicationContext context;

    @TempDir
    Path folder;

    private AccessLog log;
    private AccessLogVerifier verifier;
    private AccessLogVerifier attackersVerifier;
    private JdbcClient attacker;
    private TransactionTemplate attackersTransaction;
    private AccessLogMaintenance maintenance;
    private ChainKey key;
    private final Visit visit = new Visit(new PersonId(TARO), Channel.WEB, null);
    private final int chain = AccessLogChains.chainOf(TARO);

    @BeforeEach
    void setUp() {
        AccessLogProperties configured = AccessLogProperties.from(environment);
        // The chain key is the one every portal of this test run uses (their rows share the chains);
        // the checkpoints and their signing key are this test's own.
        AccessLogProperties properties = new AccessLogProperties(configured.keyFile(), folder.resolve("signing.pem"),
                folder.resolve("checkpoints"), Duration.ofMinutes(5));
        key = ChainKey.loadOrCreate(properties.keyFile());
        log = new AccessLog(jdbc, clock, transaction, key);
        maintenance = new AccessLogMaintenance(jdbc, clock, properties);
        verifier = AccessLogVerifier.of(dataSource, properties);
        DataSource superuser = StoreLogins.superuser(context);
        attacker = JdbcClient.create(superuser);
        attackersTransaction = new TransactionTemplate(new DataSourceTransactionManager(superuser));
        attackersVerifier = AccessLogVerifier.of(superuser, properties);
        for (int i = 0; i < 5; i++) {
            log.record(visit, AccessLog.Action.VIEW_DRUGS, AccessLog.Result.OK);
        }
    }

    private long lastLogId(int back) {
        return jdbc.sql("select log_id from portal.access_log where chain_id = :c order by chain_seq desc offset :back limit 1")
                .param("c", chain).param("back", back).query(Long.class).single();
    }

    private void asAnAttacker(Runnable tampering, Runnable check) {
        attackersTransaction.executeWithoutResult(status -> {
            attacker.sql("set local session_replication_role = replica").update();
            tampering.run();
            check.run();
            status.setRollbackOnly();
        });
    }

    @Test
    void anIntactLogVerifiesAgainstACheckpoint() {
        maintenance.writeCheckpoint();

        AccessLogVerifier.Result result = verifier.verify();

        assertThat(result.firstBreak()).isEmpty();
        assertThat(result.rowsChecked()).isGreaterThanOrEqualTo(5);
        assertThat(result.checkpointsChecked()).isEqualTo(1);
    }

    @Test
    void theCommandReportsAnIntactLogWithExitCodeZero() {
        assertThat(AccessLogVerifier.isRequested("--verify-access-log")).isTrue();
        assertThat(AccessLogVerifier.run("--verify-access-log")).isZero();
    }

    @Test
    void theKeysAreReadableByTheirOwnerOnly() throws Exception {
        maintenance.writeCheckpoint();
        for (Path secret : new Path[] { AccessLogProperties.from(environment).keyFile(), folder.resolve("signing.pem") }) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secret))).as(secret.toString())
                    .isEqualTo("rw-------");
        }
        assertThat(Files.readString(folder.resolve("signing.pem.pub"))).contains("PUBLIC KEY");
    }

    @Test
    void rowsGoToTheirMonthsPartition() {
        String partition = jdbc.sql("select tableoid::regclass::text from portal.access_log where log_id = :id")
                .param("id", lastLogId(0)).query(String.class).single();
        assertThat(partition).isEqualTo("portal.access_log_" + java.time.YearMonth.now(clock.withZone(java.time.ZoneId.of("Asia/Tokyo")))
                .format(java.time.format.DateTimeFormatter.ofPattern("uuuuMM")));
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
        String partition = jdbc.sql("select tableoid::regclass::text from portal.access_log where log_id = :id")
                .param("id", lastLogId(0)).query(String.class).single();
        assertThatThrownBy(() -> owner.sql("truncate " + partition).update()).hasStackTraceContaining("append-only");
    }

    @Test
    void theVerifierNamesAnEditedRow() {
        long edited = lastLogId(2);
        asAnAttacker(() -> attacker.sql("update portal.access_log set action = 'view_costs' where log_id = :id").param("id", edited)
                .update(), () -> assertThat(attackersVerifier.verify().firstBreak()).hasValueSatisfying(broken -> {
                    assertThat(broken.logId()).isEqualTo(edited);
                    assertThat(broken.reason()).contains("content was changed");
                }));
        assertThat(verifier.verify().firstBreak()).isEmpty();
    }

    @Test
    void aRewriteWithRecomputedPlainHashesIsSeen() {
        // What the database alone can compute: SHA-256 over the link and the content, all the way to the head.
        long edited = lastLogId(2);
        asAnAttacker(() -> {
            attacker.sql("update portal.access_log set action = 'view_costs' where log_id = :id").param("id", edited).update();
            byte[] previous = null;
            for (var row : attacker.sql("""
                    select log_id, chain_seq, person_id, occurred_at, action, channel, terminal_id, result, actor_id
                    from portal.access_log where chain_id = :c order by chain_seq
                    """).param("c", chain).query().listOfRows()) {
                String content = AccessLogChains.content(chain, (Long) row.get("chain_seq"), (Long) row.get("log_id"),
                        (UUID) row.get("person_id"), ((java.sql.Timestamp) row.get("occurred_at")).toInstant(),
                        (String) row.get("action"), (String) row.get("channel"), (String) row.get("terminal_id"),
                        (String) row.get("result"), (UUID) row.get("actor_id"));
                byte[] hash = sha256(previous, content);
                attacker.sql("update portal.access_log set prev_hash = :p, row_hash = :h where chain_id = :c and chain_seq = :s")
                        .param("p", previous).param("h", hash).param("c", chain).param("s", row.get("chain_seq")).update();
                previous = hash;
            }
        }, () -> assertThat(attackersVerifier.verify().firstBreak()).hasValueSatisfying(broken -> {
            assertThat(broken.chainId()).isEqualTo(chain);
            assertThat(broken.reason()).contains("content was changed");
        }));
    }

    @Test
    void theVerifierNamesTheRowAfterADeletedOne() {
        long deleted = lastLogId(2);
        long following = lastLogId(1);
        asAnAttacker(() -> attacker.sql("delete from portal.access_log where log_id = :id").param("id", deleted).update(),
                () -> assertThat(attackersVerifier.verify().firstBreak()).hasValueSatisfying(broken -> {
                    assertThat(broken.logId()).isEqualTo(following);
                    assertThat(broken.reason()).contains("missing");
                }));
    }

    @Test
    void aRemovedTailIsSeenThroughTheCheckpoint() {
        maintenance.writeCheckpoint();
        long seq = jdbc.sql("select chain_seq from portal.access_log_chain where chain_id = :c").param("c", chain)
                .query(Long.class).single();
        asAnAttacker(() -> {
            // The last two rows go, and the head is set back to the row before them: the chain itself is whole.
            attacker.sql("delete from portal.access_log where chain_id = :c and chain_seq > :s").param("c", chain).param("s", seq - 2)
                    .update();
            attacker.sql("""
                    update portal.access_log_chain h set chain_seq = l.chain_seq, row_hash = l.row_hash
                    from portal.access_log l where h.chain_id = :c and l.chain_id = :c and l.chain_seq = :s
                    """).param("c", chain).param("s", seq - 2).update();
        }, () -> assertThat(attackersVerifier.verify().firstBreak()).hasValueSatisfying(broken -> {
            assertThat(broken.chainId()).isEqualTo(chain);
            assertThat(broken.reason()).contains("had reached row " + seq).contains("rows were removed");
        }));
    }

    @Test
    void aForgedCheckpointIsNotBelieved() throws Exception {
        Path genuine = maintenance.writeCheckpoint();
        String text = Files.readString(genuine, StandardCharsets.UTF_8);
        String forged = text.replaceFirst("chain " + chain + " (\\d+) ", "chain " + chain + " 1 ");
        Files.writeString(genuine.resolveSibling("checkpoint-99999999T000000.000000Z-forged.txt"), forged);

        assertThat(verifier.verify().firstBreak()).hasValueSatisfying(broken -> assertThat(broken.reason())
                .contains("forged.txt").contains("not genuine"));
    }

    @Test
    void appendsForPeopleOnOtherChainsDoNotWaitForAnOpenAppend() throws Exception {
        UUID other = UUID.randomUUID();
        while (AccessLogChains.chainOf(other) == chain) {
            other = UUID.randomUUID();
        }
        Visit elsewhere = new Visit(new PersonId(other), Channel.WEB, null);
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<?> slow = threads.submit(() -> transaction.executeWithoutResult(status -> {
                log.record(visit, AccessLog.Action.VIEW_COSTS, AccessLog.Result.OK);
                holding.countDown();
                await(release);
            }));
            assertThat(holding.await(30, TimeUnit.SECONDS)).isTrue();
            Future<?> other1 = threads.submit(() -> log.record(elsewhere, AccessLog.Action.VIEW_COSTS, AccessLog.Result.OK));
            // Finishes while 太郎's chain is still locked: no lock every request waits on.
            other1.get(30, TimeUnit.SECONDS);
            release.countDown();
            slow.get(30, TimeUnit.SECONDS);
        } finally {
            release.countDown();
            threads.shutdownNow();
        }
        assertThat(verifier.verify().firstBreak()).isEmpty();
    }

    @Test
    void theChainsHaveNoForksUnderConcurrentAppends() throws Exception {
        Thread[] writers = new Thread[4];
        for (int t = 0; t < writers.length; t++) {
            Visit someone = t % 2 == 0 ? visit : new Visit(new PersonId(UUID.randomUUID()), Channel.WEB, null);
            writers[t] = new Thread(() -> {
                for (int i = 0; i < 25; i++) {
                    log.record(someone, AccessLog.Action.VIEW_COSTS, AccessLog.Result.OK);
                }
            });
            writers[t].start();
        }
        for (Thread writer : writers) {
            writer.join();
        }
        assertThat(verifier.verify().firstBreak()).isEmpty();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static byte[] sha256(byte[] previous, String content) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            if (previous != null) {
                digest.update(previous);
            }
            return digest.digest(content.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
