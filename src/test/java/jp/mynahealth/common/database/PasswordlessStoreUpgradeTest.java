package jp.mynahealth.common.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.FileSystemUtils;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jp.mynahealth.support.StoreLogins;

/**
 * A data folder from before passwords (initdb's trust for everyone, the superuser owning the store)
 * is taken over on its next start: every login gets its password, trust ends, and the owner login
 * owns what the superuser made, so the migrations and grants can go on from there.
 */
class PasswordlessStoreUpgradeTest {

    @Test
    void aStoreFromBeforePasswordsGetsThemAndIsHandedToTheOwner() throws Exception {
        // Not a @TempDir: the server this test starts runs until the JVM ends.
        Path folder = Path.of(System.getProperty("myna.data-dir", "target/test-data/unit")).resolveSibling("passwordless-store")
                .toAbsolutePath();
        FileSystemUtils.deleteRecursively(folder);
        try (EmbeddedPostgres old = EmbeddedPostgres.builder()
                .setDataDirectory(folder.resolve("pgdata"))
                .setOverrideWorkingDirectory(folder.resolve("binaries").toFile())
                .setCleanDataDirectory(false)
                .setServerConfig("listen_addresses", "127.0.0.1")
                .start()) {
            try (Connection connection = old.getPostgresDatabase().getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("create database myna encoding 'UTF8' template template0");
            }
            try (Connection connection = old.getDatabase("postgres", "myna").getConnection();
                    Statement statement = connection.createStatement()) {
                statement.execute("create schema portal");
                statement.execute("create table portal.access_log (log_id bigint generated always as identity primary key)");
                statement.execute("create function portal.hash(t text) returns text language sql as $$ select md5(t) $$");
                statement.execute("create table public.flyway_schema_history (installed_rank int primary key)");
            }
        }
        assertThat(folder.resolve("pgpass")).doesNotExist();

        EmbeddedPostgresServer server = EmbeddedPostgresServer.in(folder, false);

        assertThat(Files.getPosixFilePermissions(server.passwordFile())).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        for (String login : List.of("postgres", "myna_owner", "myna_app", "myna_importer")) {
            assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl(), login, "not-the-password").close())
                    .as(login).hasMessageContaining("password authentication failed");
        }
        JdbcClient superuser = JdbcClient.create(StoreLogins.login(server, server.superuser()));
        assertThat(superuser.sql("select distinct auth_method from pg_hba_file_rules").query(String.class).list())
                .containsExactly("scram-sha-256");
        JdbcClient owner = JdbcClient.create(StoreLogins.login(server, server.owner()));
        assertThat(owner.sql("""
                select pg_get_userbyid(nspowner) from pg_namespace where nspname = 'portal'
                union select pg_get_userbyid(relowner) from pg_class where oid in ('portal.access_log'::regclass,
                       'portal.access_log_log_id_seq'::regclass, 'public.flyway_schema_history'::regclass)
                union select pg_get_userbyid(proowner) from pg_proc where oid = 'portal.hash(text)'::regprocedure
                union select pg_get_userbyid(datdba) from pg_database where datname = current_database()
                """).query(String.class).list()).containsExactly("myna_owner");
    }

    /** New passwords would not open a store that has passwords already: say so rather than wait for the server in vain. */
    @Test
    void aStoreWithPasswordsWhoseFileIsGoneIsNotStartedWithNewOnes() throws Exception {
        Path folder = Path.of(System.getProperty("myna.data-dir", "target/test-data/unit")).resolveSibling("lost-passwords")
                .toAbsolutePath();
        FileSystemUtils.deleteRecursively(folder);
        Path pgdata = Files.createDirectories(folder.resolve("pgdata"));
        Files.writeString(pgdata.resolve("postgresql.conf"), "");
        Files.writeString(pgdata.resolve("pg_hba.conf"), "host all all 127.0.0.1/32 scram-sha-256\n");

        assertThatThrownBy(() -> EmbeddedPostgresServer.in(folder, false))
                .hasMessageContaining("has passwords, but their file").hasMessageContaining("pgpass");
        assertThat(folder.resolve("pgpass")).doesNotExist();
        assertThat(EmbeddedPostgresServer.running(folder)).isEmpty();
    }
}
