package jp.mynahealth.common.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server started from the binaries on the class path, its data kept in a folder
 * so a restart keeps data. One server per folder per JVM: several contexts (the roles, or test
 * contexts) that name the same folder share it; it stops when the JVM does.
 */
public final class EmbeddedPostgresServer {

    static final String DATABASE = "myna";
    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final ConcurrentMap<Path, EmbeddedPostgresServer> RUNNING = new ConcurrentHashMap<>();

    private final EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /**
     * The server for this folder, started (and its database created) on first use. With
     * {@code fresh}, the first start in this JVM wipes the folder: tests begin from an empty store.
     */
    public static EmbeddedPostgresServer in(Path folder, boolean fresh) {
        return RUNNING.computeIfAbsent(folder.toAbsolutePath().normalize(), path -> start(path, fresh));
    }

    private static EmbeddedPostgresServer start(Path folder, boolean fresh) {
        try {
            Files.createDirectories(folder);
            if (!fresh) {
                stopOrphanedServer(folder.resolve("pgdata"));
            }
            long began = System.nanoTime();
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(folder.resolve("pgdata"))
                    .setOverrideWorkingDirectory(folder.resolve("binaries").toFile())
                    .setCleanDataDirectory(fresh)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("max_connections", "100")
                    .setServerConfig("timezone", "Asia/Tokyo")
                    .setLocaleConfig("encoding", "UTF8")
                    .setLocaleConfig("locale", "C")
                    .start();
            createDatabaseIfMissing(postgres);
            log.info("Embedded PostgreSQL ready on 127.0.0.1:{} with data in {} ({} ms)", postgres.getPort(),
                    folder, Duration.ofNanos(System.nanoTime() - began).toMillis());
            return new EmbeddedPostgresServer(postgres);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + folder, e);
        }
    }

    /**
     * A process killed with {@code kill -9} leaves its PostgreSQL running, holding the data folder,
     * and the next start would wait for it in vain. The embedded server's owner holds the lock file
     * {@code epg-lock} while it lives: if that lock is free, any server still running on the folder is
     * an orphan and is shut down (smart shutdown: it has no clients left) before ours starts.
     */
    private static void stopOrphanedServer(Path pgdata) throws IOException {
        Path pidFile = pgdata.resolve("postmaster.pid");
        Path lockFile = pgdata.resolve("epg-lock");
        if (!Files.exists(pidFile) || !Files.exists(lockFile)) {
            return;
        }
        try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(lockFile,
                java.nio.file.StandardOpenOption.WRITE);
                java.nio.channels.FileLock lock = channel.tryLock()) {
            if (lock == null) {
                return;
            }
            String first = Files.readAllLines(pidFile).stream().findFirst().orElse("").trim();
            if (!first.matches("[0-9]+")) {
                return;
            }
            java.util.Optional<ProcessHandle> orphan = ProcessHandle.of(Long.parseLong(first))
                    .filter(ProcessHandle::isAlive)
                    .filter(handle -> handle.info().command().map(command -> command.endsWith("postgres")).orElse(false));
            if (orphan.isPresent()) {
                log.warn("A PostgreSQL left running by a killed process (pid {}) holds {}: shutting it down", first, pgdata);
                orphan.get().destroy();
                try {
                    orphan.get().onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
                } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
                    orphan.get().destroyForcibly();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        } catch (java.nio.channels.OverlappingFileLockException e) {
            // This JVM holds the folder already: nothing is orphaned.
        }
    }

    private static void createDatabaseIfMissing(EmbeddedPostgres postgres) {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                PreparedStatement exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, DATABASE);
            try (ResultSet rows = exists.executeQuery()) {
                if (!rows.next()) {
                    try (Statement create = connection.createStatement()) {
                        create.execute("create database " + DATABASE + " encoding 'UTF8' template template0");
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the database " + DATABASE, e);
        }
    }

    public String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", DATABASE);
    }

    public String username() {
        return "postgres";
    }

    public int port() {
        return postgres.getPort();
    }
}
