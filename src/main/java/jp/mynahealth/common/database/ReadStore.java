package jp.mynahealth.common.database;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.zaxxer.hikari.HikariDataSource;

/**
 * Where the record pages read: the replica while it answers and keeps up, else the primary. Every
 * write (registrations, the access log, sessions, challenges) uses the primary's client, never this.
 * The choice is looked at every {@link ReplicaProperties#checkEvery()}, not on every query, so a
 * page view costs no extra round trip; a replica that stops answering is left at the first failed
 * connection.
 */
public final class ReadStore implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ReadStore.class);

    private final DataSource primaryDataSource;
    private final JdbcClient primary;
    private final HikariDataSource replicaPool;
    private final JdbcClient replica;
    private final ReplicaProperties properties;
    private volatile long checkedAt = Long.MIN_VALUE / 2;
    private volatile boolean useReplica;

    private ReadStore(DataSource primaryDataSource, HikariDataSource replicaPool, ReplicaProperties properties) {
        this.primaryDataSource = primaryDataSource;
        this.primary = JdbcClient.create(primaryDataSource);
        this.replicaPool = replicaPool;
        this.replica = replicaPool == null ? null : JdbcClient.create(new FailoverDataSource());
        this.properties = properties;
    }

    /** Reads from the primary only. */
    public static ReadStore primaryOnly(DataSource primary) {
        return new ReadStore(primary, null, new ReplicaProperties(null, null, null, null, null));
    }

    static ReadStore withReplica(DataSource primary, HikariDataSource replicaPool, ReplicaProperties properties) {
        return new ReadStore(primary, replicaPool, properties);
    }

    /** The client for this read: the replica's if it is fit to read, else the primary's. */
    public JdbcClient jdbc() {
        return usingReplica() ? replica : primary;
    }

    /** Which one the next read goes to (the pages' as-of dates are read from the same one). */
    public boolean usingReplica() {
        if (replicaPool == null) {
            return false;
        }
        long now = System.nanoTime();
        if (now - checkedAt >= properties.checkEvery().toNanos()) {
            checkedAt = now;
            boolean usable = look().usable(properties.maxLag());
            if (usable != useReplica) {
                log.warn(usable ? "Record pages read from the replica again" : "Record pages read from the primary: the replica is down or behind");
            }
            useReplica = usable;
        }
        return useReplica;
    }

    ReplicaState look() {
        try (Connection connection = replicaPool.getConnection(); Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(2);
            try (ResultSet row = statement.executeQuery("""
                    select pg_is_in_recovery(),
                           coalesce(pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn(), false),
                           extract(epoch from now() - pg_last_xact_replay_timestamp())
                    """)) {
                row.next();
                double seconds = row.getDouble(3);
                Duration since = row.wasNull() ? null : Duration.ofMillis((long) (seconds * 1000));
                return new ReplicaState(true, row.getBoolean(1), row.getBoolean(2), since);
            }
        } catch (SQLException e) {
            log.debug("The replica did not answer: {}", e.getMessage());
            return ReplicaState.DOWN;
        }
    }

    @Override
    public void close() {
        if (replicaPool != null) {
            replicaPool.close();
        }
    }

    /**
     * The replica's pool, except that a connection it cannot give (the replica went away since the
     * last look) is taken from the primary, and the replica is left until the next look.
     */
    private final class FailoverDataSource extends org.springframework.jdbc.datasource.AbstractDataSource {

        @Override
        public Connection getConnection() throws SQLException {
            try {
                return replicaPool.getConnection();
            } catch (SQLException e) {
                useReplica = false;
                checkedAt = System.nanoTime();
                log.warn("Record pages read from the primary: the replica refused a connection ({})", e.getMessage());
                return primaryDataSource.getConnection();
            }
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return getConnection();
        }
    }
}
