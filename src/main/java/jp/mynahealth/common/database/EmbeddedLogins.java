package jp.mynahealth.common.database;

import static jp.mynahealth.common.database.EmbeddedPostgresServer.DATABASE;
import static jp.mynahealth.common.database.EmbeddedPostgresServer.IMPORTER;
import static jp.mynahealth.common.database.EmbeddedPostgresServer.OWNER;
import static jp.mynahealth.common.database.EmbeddedPostgresServer.RUNTIME;
import static jp.mynahealth.common.database.EmbeddedPostgresServer.SUPERUSER;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who may log in to the embedded server, and how: the host rules (passwords only, loopback only)
 * and the logins themselves, made or brought in line with the password file at every start.
 */
final class EmbeddedLogins {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedLogins.class);

    private final PasswordFile passwords;
    /** The JDBC URL of a database on the running server. */
    private final UnaryOperator<String> jdbcUrl;

    EmbeddedLogins(PasswordFile passwords, UnaryOperator<String> jdbcUrl) {
        this.passwords = passwords;
        this.jdbcUrl = jdbcUrl;
    }

    /**
     * Host-based authentication, rewritten before every start: a password (scram-sha-256) for every
     * login, from loopback only; nothing else is let in. Only a data folder made before passwords
     * were kept lets its superuser in without one, from loopback, until it has been given its
     * password a moment later ({@link #giveTheSuperuserItsPassword}).
     */
    static void writeHostRules(Path pgdata, boolean superuserWithoutPassword) {
        StringBuilder rules = new StringBuilder("""
                # Written by the app at every start (EmbeddedPostgresServer); edits here are lost.
                # TYPE  DATABASE  USER  ADDRESS  METHOD
                """);
        if (superuserWithoutPassword) {
            rules.append("host all ").append(SUPERUSER).append(" 127.0.0.1/32 trust\n");
        }
        rules.append("host all all 127.0.0.1/32 scram-sha-256\n");
        rules.append("host all all ::1/128 scram-sha-256\n");
        try {
            PasswordFile.writeOwnerOnly(pgdata.resolve("pg_hba.conf"), rules.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + pgdata.resolve("pg_hba.conf"), e);
        }
    }

    /** Whether the data folder's host rules let anyone in without a password (initdb's, or ours half-way). */
    static boolean hostRulesTrust(Path pgdata) throws IOException {
        Path rules = pgdata.resolve("pg_hba.conf");
        if (!Files.exists(rules)) {
            return false;
        }
        return Files.readAllLines(rules).stream().map(String::trim).filter(line -> !line.startsWith("#"))
                .anyMatch(line -> Arrays.asList(line.split("\\s+")).contains("trust"));
    }

    /** The one start of a data folder from before passwords: the superuser gets its password, then trust ends. */
    void giveTheSuperuserItsPassword(Path pgdata) {
        log.warn("The embedded PostgreSQL in {} had no passwords: giving every login one (kept in {})", pgdata,
                passwords.path());
        try (Connection connection = superuserConnection("postgres"); Statement statement = connection.createStatement()) {
            statement.execute("alter role " + SUPERUSER + " password " + literal(passwords.login(SUPERUSER).password()));
            writeHostRules(pgdata, false);
            statement.execute("select pg_reload_conf()");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not give the embedded PostgreSQL's superuser its password", e);
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (acceptsTheSuperuserWithoutItsPassword()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The embedded PostgreSQL still lets its superuser in without a password");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while the embedded PostgreSQL reloaded its rules", e);
            }
        }
    }

    private boolean acceptsTheSuperuserWithoutItsPassword() {
        String wrong = "not-" + passwords.login(SUPERUSER).password();
        try (Connection ignored = DriverManager.getConnection(jdbcUrl.apply("postgres"), SUPERUSER, wrong)) {
            return true;
        } catch (SQLException refused) {
            return false;
        }
    }

    /**
     * The logins and the database, made or brought in line at every start (the passwords are the
     * file's). Roles own nothing but the owner, who owns the database and so the public schema
     * where Flyway keeps its history; a store made before these logins is handed over to it.
     */
    void prepare() {
        try (Connection connection = superuserConnection("postgres"); Statement statement = connection.createStatement()) {
            for (String login : List.of(OWNER, RUNTIME, IMPORTER)) {
                try (ResultSet exists = statement.executeQuery("select 1 from pg_roles where rolname = '" + login + "'")) {
                    if (!exists.next()) {
                        statement.execute("create role " + login);
                    }
                }
                statement.execute("alter role " + login + " with login nosuperuser nocreatedb nocreaterole noreplication"
                        + " nobypassrls noinherit password " + literal(passwords.login(login).password()));
            }
            String owner = null;
            try (ResultSet database = statement.executeQuery(
                    "select pg_get_userbyid(datdba) from pg_database where datname = '" + DATABASE + "'")) {
                if (database.next()) {
                    owner = database.getString(1);
                }
            }
            if (owner == null) {
                statement.execute("create database " + DATABASE + " owner " + OWNER + " encoding 'UTF8' template template0");
            } else if (!owner.equals(OWNER)) {
                statement.execute("alter database " + DATABASE + " owner to " + OWNER);
                handOverToTheOwner();
            }
            statement.execute("revoke all on database " + DATABASE + " from public");
            statement.execute("grant connect on database " + DATABASE + " to " + RUNTIME + ", " + IMPORTER);
            // The importer stages every file in temporary tables.
            statement.execute("grant temporary on database " + DATABASE + " to " + IMPORTER);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not prepare the embedded PostgreSQL's logins", e);
        }
    }

    /** Schemas, tables, sequences and functions the superuser made before the owner login existed. */
    private void handOverToTheOwner() throws SQLException {
        log.warn("The embedded store was owned by the superuser: handing its schemas and tables over to {}", OWNER);
        try (Connection connection = superuserConnection(DATABASE); Statement statement = connection.createStatement()) {
            statement.execute("""
                    do $$
                    declare
                        o record;
                    begin
                        for o in select nspname from pg_namespace
                                 where nspname in ('records', 'portal', 'idp') and nspowner <> '%1$s'::regrole loop
                            execute format('alter schema %%I owner to %1$s', o.nspname);
                        end loop;
                        -- Tables take their indexes and identity sequences with them.
                        for o in select c.oid::regclass as name, c.relkind from pg_class c
                                 join pg_namespace n on n.oid = c.relnamespace
                                 where n.nspname in ('records', 'portal', 'idp', 'public') and c.relkind in ('r', 'p', 'v', 'm', 'S')
                                   and c.relowner <> '%1$s'::regrole
                                   and not exists (select 1 from pg_depend d where d.classid = 'pg_class'::regclass
                                                   and d.objid = c.oid and d.deptype in ('a', 'i')) loop
                            execute format('alter %%s %%s owner to %1$s',
                                           case o.relkind when 'S' then 'sequence' when 'v' then 'view'
                                                          when 'm' then 'materialized view' else 'table' end, o.name);
                        end loop;
                        for o in select p.oid::regprocedure as name from pg_proc p
                                 join pg_namespace n on n.oid = p.pronamespace
                                 where n.nspname in ('records', 'portal', 'idp') and p.proowner <> '%1$s'::regrole loop
                            execute format('alter routine %%s owner to %1$s', o.name);
                        end loop;
                    end $$
                    """.formatted(OWNER));
        }
    }

    private Connection superuserConnection(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl.apply(database), SUPERUSER, passwords.login(SUPERUSER).password());
    }

    /** A string literal (standard_conforming_strings is on: only the quote needs doubling). */
    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
