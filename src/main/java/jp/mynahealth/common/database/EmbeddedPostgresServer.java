package jp.mynahealth.common.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server started from the binaries on the class path, its data kept in a folder
 * so a restart keeps data. One server per folder per JVM: several contexts (the roles, or test
 * contexts) that name the same folder share it; it stops when the JVM does.
 *
 * <p>It listens on 127.0.0.1 only, with no Unix socket, and every connection needs a password
 * (scram-sha-256): the superuser's and the three logins' passwords are random, made on the first
 * start and kept in {@code <folder>/pgpass}, readable by its owner only. At every start the
 * superuser makes sure the logins exist with those passwords: {@value #OWNER} owns the database
 * and runs the migrations, {@value #RUNTIME} is what the running portal and idp use, and
 * {@value #IMPORTER} is the importer's; what each may do is granted by the migrations.
 */
public final class EmbeddedPostgresServer {

    static final String DATABASE = "myna";
    public static final String SUPERUSER = "postgres";
    public static final String OWNER = "myna_owner";
    public static final String RUNTIME = "myna_app";
    public static final String IMPORTER = "myna_importer";
    private static final String PASSWORD_FILE = "pgpass";
    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final ConcurrentMap<Path, EmbeddedPostgresServer> RUNNING = new ConcurrentHashMap<>();

    private final EmbeddedPostgres postgres;
    private final PasswordFile passwords;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, PasswordFile passwords) {
        this.postgres = postgres;
        this.passwords = passwords;
    }

    /**
     * The server for this folder, started (and its database and logins made) on first use. With
     * {@code fresh}, the first start in this JVM wipes the folder: tests begin from an empty store.
     */
    public static EmbeddedPostgresServer in(Path folder, boolean fresh) {
        return RUNNING.computeIfAbsent(folder.toAbsolutePath().normalize(), path -> start(path, fresh));
    }

    /** The server this JVM runs for that folder, if it runs one. */
    public static Optional<EmbeddedPostgresServer> running(Path folder) {
        return Optional.ofNullable(RUNNING.get(folder.toAbsolutePath().normalize()));
    }

    private static EmbeddedPostgresServer start(Path folder, boolean fresh) {
        try {
            Files.createDirectories(folder);
            PasswordFile.keepOwnerOnly(folder, PasswordFile.OWNER_ONLY_FOLDER);
            Path pgdata = folder.resolve("pgdata");
            if (!fresh) {
                stopOrphanedServer(pgdata);
            }
            long began = System.nanoTime();
            boolean initialising = fresh || !Files.exists(pgdata.resolve("postgresql.conf"));
            // A data folder from before passwords were kept (or whose first start with them was cut
            // short): its host rules still trust, and its superuser may have no password yet.
            boolean passwordless = !initialising && EmbeddedLogins.hostRulesTrust(pgdata);
            Path passwordFile = folder.resolve(PASSWORD_FILE);
            if (!initialising && !passwordless && !Files.exists(passwordFile)) {
                throw new IllegalStateException("The embedded PostgreSQL in " + folder + " has passwords, but their file "
                        + passwordFile + " is gone: restore it, or delete " + folder + " to start with an empty store");
            }
            PasswordFile passwords = PasswordFile.loadOrCreate(passwordFile, List.of(SUPERUSER, OWNER, RUNTIME, IMPORTER));
            DatabaseLogin superuser = passwords.login(SUPERUSER);
            Path initdbPassword = folder.resolve(".initdb-password");
            Files.deleteIfExists(initdbPassword);
            EmbeddedPostgres postgres;
            try {
                EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                        .setDataDirectory(pgdata)
                        .setOverrideWorkingDirectory(folder.resolve("binaries").toFile())
                        .setCleanDataDirectory(fresh)
                        .setPGStartupWait(Duration.ofSeconds(60))
                        .setServerConfig("listen_addresses", "127.0.0.1")
                        .setServerConfig("unix_socket_directories", "")
                        .setServerConfig("password_encryption", "scram-sha-256")
                        // Every role of the machine and its commands share this one server: the pools of
                        // the portal, idp, importer and a second instance or test context beside them.
                        .setServerConfig("max_connections", "200")
                        .setServerConfig("timezone", "Asia/Tokyo")
                        .setLocaleConfig("encoding", "UTF8")
                        .setLocaleConfig("locale", "C")
                        .setConnectConfig("password", superuser.password())
                        .setDataDirectoryCustomizer(dir -> EmbeddedLogins.writeHostRules(dir.toPath(), passwordless));
                if (initialising) {
                    // initdb's own -A trust is overridden: the superuser has its password from the first moment.
                    PasswordFile.writeOwnerOnly(initdbPassword, superuser.password() + "\n");
                    builder.setLocaleConfig("pwfile", initdbPassword.toString())
                            .setLocaleConfig("auth-host", "scram-sha-256")
                            .setLocaleConfig("auth-local", "scram-sha-256");
                }
                postgres = builder.start();
            } finally {
                Files.deleteIfExists(initdbPassword);
            }
            EmbeddedPostgresServer server = new EmbeddedPostgresServer(postgres, passwords);
            EmbeddedLogins logins = new EmbeddedLogins(passwords, server::jdbcUrl);
            if (passwordless) {
                logins.giveTheSuperuserItsPassword(pgdata);
            }
            logins.prepare();
            log.info("Embedded PostgreSQL ready on 127.0.0.1:{} with data in {} ({} ms)", postgres.getPort(),
                    folder, Duration.ofNanos(System.nanoTime() - began).toMillis());
            return server;
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

    /** The application database on this server; the login is given separately, never in the URL. */
    public String jdbcUrl() {
        return jdbcUrl(DATABASE);
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + database;
    }

    public DatabaseLogin superuser() {
        return passwords.login(SUPERUSER);
    }

    /** Owns the database, its schemas and tables; Flyway migrates as this login. */
    public DatabaseLogin owner() {
        return passwords.login(OWNER);
    }

    /** The running portal's and idp's login: it owns nothing and may do what the migrations grant it. */
    public DatabaseLogin runtime() {
        return passwords.login(RUNTIME);
    }

    /** The importer's login, the one that may write the read store. */
    public DatabaseLogin importer() {
        return passwords.login(IMPORTER);
    }

    /** The owner-only file that keeps the passwords. */
    public Path passwordFile() {
        return passwords.path();
    }

    public int port() {
        return postgres.getPort();
    }
}
