package jp.mynahealth.importer;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * One file's transaction as a loader sees it: plain SQL and COPY on the one connection whose
 * commit or rollback decides whether anything of the file is kept.
 */
public final class ImportSession {

    /** The advisory lock key of applying a file ("mynaimpt"; no other part of the system uses it). */
    private static final long APPLY_LOCK = 0x6d796e61_696d7074L;

    private final Connection connection;
    private final JdbcClient jdbc;
    private final byte[] fileHash;
    private final Path file;
    private final ImportProgress progress;
    private long unmatched;
    private long recordsRead;
    private final StringBuilder phases = new StringBuilder();
    private final Runnable turn;
    private boolean applying;
    private long phaseStarted = System.nanoTime();

    ImportSession(Connection connection, byte[] fileHash, Path file, ImportProgress progress, Runnable turn) {
        this.connection = connection;
        this.turn = turn;
        this.jdbc = JdbcClient.create(new SingleConnectionDataSource(connection, true));
        this.fileHash = fileHash.clone();
        this.file = file;
        this.progress = progress;
    }

    /**
     * Called by a loader before it reads what an earlier file may change or writes to the store:
     * waits until the earlier file of the run has committed (files are applied in their order,
     * so a correction lands after what it corrects), then holds the store's import lock until
     * this transaction ends, so importers in other processes apply one file at a time too.
     */
    public void beginApply() {
        if (applying) {
            return;
        }
        applying = true;
        turn.run();
        jdbc.sql("select pg_advisory_xact_lock(:key)").param("key", APPLY_LOCK).query().singleRow();
        phase("wait for the earlier file");
    }

    public JdbcClient jdbc() {
        return jdbc;
    }

    public byte[] fileHash() {
        return fileHash.clone();
    }

    public Path file() {
        return file;
    }

    public ImportProgress progress() {
        return progress;
    }

    public CopyWriter copy(String table, String columns) {
        try {
            return new CopyWriter(connection, table, columns);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot start COPY into " + table + ": " + e.getMessage(), e);
        }
    }

    /** Runs a statement (DDL or DML without parameters). */
    public void execute(String sql) {
        jdbc.sql(sql).update();
    }

    /** Marks the end of a step of the load; the steps' times are logged (debug) to see where time goes. */
    public void phase(String name) {
        long now = System.nanoTime();
        phases.append(phases.length() == 0 ? "" : ", ").append(name).append(' ')
                .append((now - phaseStarted) / 1_000_000).append(" ms");
        phaseStarted = now;
    }

    String phases() {
        return phases.toString();
    }

    /** Loaders count what they read, for the progress bar. */
    public void recordRead() {
        recordsRead++;
    }

    long recordsRead() {
        return recordsRead;
    }

    public void countUnmatched(long count) {
        unmatched += count;
    }

    long unmatched() {
        return unmatched;
    }

    /**
     * Refuses the file when a check query finds rows: each row (at most 100) becomes a problem.
     * The query must give the record number first.
     */
    public void refuseWhereFound(String sql, Function<java.sql.ResultSet, Problem> problem) {
        List<Problem> problems = new ArrayList<>();
        jdbc.sql(sql + " limit 100").query((java.sql.ResultSet rows) -> {
            while (rows.next()) {
                problems.add(problem.apply(rows));
            }
            return problems;
        });
        if (!problems.isEmpty()) {
            throw new RefusedFileException(problems);
        }
    }
}
