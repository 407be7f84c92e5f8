package jp.mynahealth.common.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jp.mynahealth.support.ReadStoreTest;

/**
 * Record reads go to the replica while it answers and leave it when it stops, without a failed
 * page: a second PostgreSQL server stands in for the replica (streaming replication itself is in
 * the drills), and which server answered is told by its port.
 */
@ReadStoreTest
class ReplicaReadsTest {

    @Autowired
    DataSource primary;

    @Autowired
    JdbcClient jdbc;

    private static int portOf(ReadStore store) {
        return store.jdbc().sql("select inet_server_port()").query(Integer.class).single();
    }

    @Test
    void readsGoToTheReplicaAndToThePrimaryTheMomentItIsGone() throws Exception {
        int primaryPort = jdbc.sql("select inet_server_port()").query(Integer.class).single();
        EmbeddedPostgres replica = EmbeddedPostgres.builder().start();
        ReadStore store = new ReadStoreConfiguration().readStore(primary, new ReplicaProperties(
                replica.getJdbcUrl("postgres", "postgres"), "postgres", "", Duration.ofSeconds(10), Duration.ofMillis(100)));
        try {
            assertThat(store.usingReplica()).isTrue();
            assertThat(portOf(store)).isEqualTo(replica.getPort());

            replica.close();

            // Within the same look's time the next read already comes from the primary.
            assertThat(portOf(store)).isEqualTo(primaryPort);
            Thread.sleep(150);
            assertThat(store.usingReplica()).isFalse();
            assertThat(portOf(store)).isEqualTo(primaryPort);
        } finally {
            store.close();
            replica.close();
        }
    }

    @Test
    void aReplicaThatNeverAnsweredLeavesEveryReadToThePrimary() {
        int primaryPort = jdbc.sql("select inet_server_port()").query(Integer.class).single();
        ReadStore store = new ReadStoreConfiguration().readStore(primary, new ReplicaProperties(
                "jdbc:postgresql://127.0.0.1:1/myna", "nobody", "", Duration.ofSeconds(10), Duration.ofMillis(100)));
        try {
            assertThat(store.usingReplica()).isFalse();
            assertThat(portOf(store)).isEqualTo(primaryPort);
            assertThat(store.jdbc().sql("select count(*) > 0 from records.person").query(Boolean.class).single()).isTrue();
        } finally {
            store.close();
        }
    }

    @Test
    void withoutAReplicaEveryReadGoesToThePrimary() {
        ReadStore store = ReadStore.primaryOnly(primary);
        assertThat(store.usingReplica()).isFalse();
        assertThat(portOf(store)).isEqualTo(jdbc.sql("select inet_server_port()").query(Integer.class).single());
    }
}
