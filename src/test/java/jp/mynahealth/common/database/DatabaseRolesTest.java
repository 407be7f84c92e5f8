package jp.mynahealth.common.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import jp.mynahealth.common.CommonConfiguration;
import jp.mynahealth.support.ReadStoreTest;
import jp.mynahealth.support.StoreLogins;

/**
 * Who may do what is the database's to enforce, tried against the real embedded server: the
 * runtime login of the portal and the idp (the very pool they use) and the importer's login do
 * what their code needs and are refused the rest, whatever the SQL they are made to send.
 */
@ReadStoreTest
class DatabaseRolesTest {

    private static final UUID TARO = UUID.fromString("70304382-bb87-4298-9e13-ffc86a5ff41c");

    /** The portal's and the idp's pool, exactly as they get it. */
    @Autowired
    JdbcClient runtime;

    @Autowired
    ApplicationContext context;

    private EmbeddedPostgresServer server;
    private DataSource importerDataSource;
    private JdbcClient importer;
    private JdbcClient owner;
    private JdbcClient superuser;

    @BeforeEach
    void logins() {
        server = StoreLogins.server(context);
        importerDataSource = context.getBean(ImporterDataSource.class).dataSource();
        importer = JdbcClient.create(importerDataSource);
        owner = JdbcClient.create(StoreLogins.owner(context));
        superuser = JdbcClient.create(StoreLogins.superuser(context));
    }

    @Test
    void thePasswordsAreKeptOwnerOnly() throws Exception {
        Path file = server.passwordFile();
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.getPosixFilePermissions(file.getParent())).isEqualTo(PosixFilePermissions.fromString("rwx------"));
        assertThat(Files.readAllLines(file)).filteredOn(line -> !line.startsWith("#"))
                .extracting(line -> line.split(":")[3])
                .containsExactlyInAnyOrder("postgres", "myna_owner", "myna_app", "myna_importer");
        assertThat(List.of(server.superuser(), server.owner(), server.runtime(), server.importer()))
                .extracting(DatabaseLogin::password).doesNotHaveDuplicates().allMatch(password -> password.length() >= 43);
    }

    @Test
    void everyLoginNeedsItsPasswordOverLoopbackAndNothingElseGetsIn() {
        for (String login : List.of("postgres", "myna_owner", "myna_app", "myna_importer")) {
            assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl(), login, "not-the-password").close())
                    .as(login).hasMessageContaining("password authentication failed");
        }
        assertThat(superuser.sql("select type || ' ' || auth_method || ' ' || coalesce(address, '') from pg_hba_file_rules")
                .query(String.class).list())
                .containsExactly("host scram-sha-256 127.0.0.1", "host scram-sha-256 ::1");
        assertThat(superuser.sql("show unix_socket_directories").query(String.class).single()).isEmpty();
        assertThat(superuser.sql("show listen_addresses").query(String.class).single()).isEqualTo("127.0.0.1");
        assertThat(superuser.sql("""
                select count(*) from pg_authid
                where rolname in ('postgres', 'myna_owner', 'myna_app', 'myna_importer') and rolpassword like 'SCRAM-SHA-256$%'
                """).query(Integer.class).single()).isEqualTo(4);
    }

    @Test
    void noLoginButTheSuperuserHasPowersAndTheRuntimeLoginOwnsNothing() {
        assertThat(superuser.sql("""
                select rolname from pg_roles
                where rolname in ('myna_owner', 'myna_app', 'myna_importer')
                  and not (rolsuper or rolcreaterole or rolcreatedb or rolreplication or rolbypassrls)
                """).query(String.class).list()).containsExactlyInAnyOrder("myna_owner", "myna_app", "myna_importer");
        assertThat(superuser.sql("""
                select (select count(*) from pg_class where relowner = 'myna_app'::regrole)
                     + (select count(*) from pg_namespace where nspowner = 'myna_app'::regrole)
                     + (select count(*) from pg_proc where proowner = 'myna_app'::regrole)
                     + (select count(*) from pg_database where datdba = 'myna_app'::regrole)
                """).query(Long.class).single()).isZero();
    }

    @Test
    void theOwnerOwnsTheDatabaseAndEverythingInIt() {
        assertThat(owner.sql("""
                select distinct pg_get_userbyid(nspowner) from pg_namespace where nspname in ('records', 'portal', 'idp')
                union
                select distinct pg_get_userbyid(c.relowner) from pg_class c join pg_namespace n on n.oid = c.relnamespace
                where n.nspname in ('records', 'portal', 'idp') or (n.nspname = 'public' and c.relname = 'flyway_schema_history')
                union
                select distinct pg_get_userbyid(p.proowner) from pg_proc p join pg_namespace n on n.oid = p.pronamespace
                where n.nspname in ('records', 'portal', 'idp')
                union
                select pg_get_userbyid(datdba) from pg_database where datname = current_database()
                """).query(String.class).list()).containsExactly("myna_owner");
    }

    @Test
    void theRuntimeLoginAppendsToTheAccessLogAndCannotChangeEmptyOrSwitchOffItsProtection() {
        // The row is rolled back: a row outside the portal's keyed append would break its chain.
        long logId = new TransactionTemplate(new DataSourceTransactionManager(context.getBean(DataSource.class)))
                .execute(status -> {
                    long id = runtime.sql("""
                            insert into portal.access_log (person_id, occurred_at, action, channel, result, chain_id, chain_seq,
                                                           row_hash)
                            values (:p, now(), 'view_drugs', 'web', 'ok', 0, 999999999, '\\x00') returning log_id
                            """).param("p", TARO).query(Long.class).single();
                    assertThat(runtime.sql("select count(*) from portal.access_log where log_id = :id").param("id", id)
                            .query(Long.class).single()).isOne();
                    runtime.sql("select chain_seq from portal.access_log_chain where chain_id = 0 for update").query().listOfRows();
                    runtime.sql("update portal.access_log_chain set chain_seq = chain_seq where chain_id = 0").update();
                    status.setRollbackOnly();
                    return id;
                });

        refused(runtime, "update portal.access_log set result = 'refused' where log_id = " + logId, "permission denied for table access_log");
        refused(runtime, "delete from portal.access_log where log_id = " + logId, "permission denied for table access_log");
        refused(runtime, "truncate portal.access_log", "permission denied for table access_log");
        refused(runtime, "alter table portal.access_log disable trigger access_log_no_update", "must be owner of table access_log");
        refused(runtime, "alter table portal.access_log disable trigger all", "must be owner of table access_log");
        refused(runtime, "drop trigger access_log_no_truncate on portal.access_log", "must be owner of relation access_log");
        refused(runtime, "set session_replication_role = replica", "permission denied to set parameter");
        refused(runtime, "create or replace function portal.access_log_refuse_change() returns trigger language plpgsql"
                + " as $$ begin return new; end $$", "permission denied for schema portal");
        refused(runtime, "drop table portal.access_log", "must be owner of table access_log");
    }

    @Test
    void theRuntimeLoginCannotAlterOrCreateTables() {
        refused(runtime, "alter table portal.card_use_registration add column note text", "must be owner of table card_use_registration");
        refused(runtime, "alter table idp.card_challenge alter column challenge drop not null", "must be owner of table card_challenge");
        refused(runtime, "alter table records.person add column note text", "must be owner of table person");
        refused(runtime, "create table portal.shadow (id int)", "permission denied for schema portal");
        refused(runtime, "create table records.shadow (id int)", "permission denied for schema records");
        refused(runtime, "create table public.shadow (id int)", "permission denied for schema public");
        refused(runtime, "create schema shadow", "permission denied for database myna");
        refused(runtime, "create temporary table shadow (id int)", "permission denied to create temporary tables");
    }

    @Test
    void theRuntimeLoginReadsTheReadStoreAndCannotWriteIt() {
        assertThat(runtime.sql("select count(*) from records.person").query(Long.class).single()).isPositive();
        refused(runtime, "insert into records.person values ('" + UUID.randomUUID()
                + "', 'x', 'x', 'x', 'x', date '1970-01-01', 1, '131016')", "permission denied for table person");
        refused(runtime, "update records.person set given_name = 'x' where person_id = '" + TARO + "'", "permission denied for table person");
        refused(runtime, "delete from records.dispensing where person_id = '" + TARO + "'", "permission denied for table dispensing");
        refused(runtime, "truncate records.cost_notice", "permission denied for table cost_notice");
        refused(runtime, "delete from records.vaccination where person_id = '" + TARO + "'", "permission denied for table vaccination");
        refused(runtime, "insert into records.vaccine values ('X', 'x', 1, 'A')", "permission denied for table vaccine");
        refused(runtime, "delete from records.e_prescription where person_id = '" + TARO + "'", "permission denied for table e_prescription");
        refused(runtime, "update records.drug_master set price = 0", "permission denied for table drug_master");
        refused(runtime, "update records.card_certificate set status = 'active'", "permission denied for table card_certificate");
        refused(runtime, "insert into records.import_file (file_hash, file_name, kind, records) values (sha256('x'), 'x', 'claims', 0)",
                "permission denied for table import_file");
        // The notices read when files arrived, and nothing else of the importer's bookkeeping.
        refused(runtime, "select file_name from records.import_file", "permission denied for table import_file");
        refused(runtime, "select insurer_number, number from records.claim_receipt", "permission denied for table claim_receipt");
        // What matched nobody is shown to no one.
        refused(runtime, "select count(*) from records.unmatched", "permission denied for table unmatched");
    }

    @Test
    void theRuntimeLoginChangesOnlyWhatItsCodeChanges() {
        refused(runtime, "update portal.card_use_registration set consent_version = 'x' where false",
                "permission denied for table card_use_registration");
        refused(runtime, "delete from portal.card_use_registration where false", "permission denied for table card_use_registration");
        refused(runtime, "delete from portal.eligibility_certificate_request where false",
                "permission denied for table eligibility_certificate_request");
        refused(runtime, "update idp.kiosk_terminal set retired_at = now() where false", "permission denied for table kiosk_terminal");
        refused(runtime, "update idp.card_challenge set session_binding = 'x' where false", "permission denied for table card_challenge");
        refused(runtime, "update portal.notice_read set read_at = now() where false", "permission denied for table notice_read");
        refused(runtime, "delete from portal.notice_read where false", "permission denied for table notice_read");
        runtime.sql("update portal.card_use_registration set cancelled_at = null, cancel_channel = null where false").update();
        runtime.sql("update idp.card_challenge set consumed_at = null where false").update();
    }

    @Test
    void theImporterWritesTheReadStoreAndNothingElse() {
        new TransactionTemplate(new DataSourceTransactionManager(importerDataSource)).executeWithoutResult(status -> {
            assertThat(importer.sql("""
                    insert into records.insurer (insurer_number, name, kind, prefecture) values ('99999999', 'テスト健保', '健康保険組合', 13)
                    """).update()).isOne();
            assertThat(importer.sql("update records.person set given_name = given_name where person_id = :p").param("p", TARO)
                    .update()).isOne();
            assertThat(importer.sql("delete from records.insurer where insurer_number = '99999999'").update()).isOne();
            status.setRollbackOnly();
        });
        refused(importer, "insert into portal.access_log (person_id, occurred_at, action, channel, result)"
                + " values ('" + TARO + "', now(), 'view_drugs', 'web', 'ok')", "permission denied for schema portal");
        refused(importer, "select count(*) from portal.card_use_registration", "permission denied for schema portal");
        refused(importer, "select count(*) from idp.card_challenge", "permission denied for schema idp");
        refused(importer, "delete from idp.card_challenge", "permission denied for schema idp");
        refused(importer, "alter table records.person add column note text", "must be owner of table person");
        refused(importer, "alter table records.dispensing disable trigger all", "must be owner of table dispensing");
        refused(importer, "set session_replication_role = replica", "permission denied to set parameter");
        refused(importer, "create table records.shadow (id int)", "permission denied for schema records");
    }

    /**
     * The runtime login's privileges, all of them: a grant nobody meant shows here, and so does a
     * table a later migration forgot (neither granted nor named as none of the runtime's business).
     */
    @Test
    void theRuntimeLoginHoldsExactlyTheseGrants() {
        Map<String, String> tables = new TreeMap<>();
        owner.sql("""
                select n.nspname || '.' || c.relname,
                       coalesce((select string_agg(a.privilege_type, ',' order by a.privilege_type)
                                 from aclexplode(c.relacl) a where a.grantee = 'myna_app'::regrole), '')
                from pg_class c join pg_namespace n on n.oid = c.relnamespace
                where n.nspname in ('records', 'portal', 'idp') and c.relkind in ('r', 'p', 'v', 'm') and not c.relispartition
                """).query((row, n) -> tables.put(row.getString(1), row.getString(2))).list();
        Map<String, String> expected = new TreeMap<>();
        for (String table : List.of("person", "card_certificate", "insurer", "institution", "data_as_of", "qualification",
                "dispensing", "checkup", "checkup_result", "cost_notice", "data_provision", "vaccination", "vaccine", "e_prescription", "drug_master",
                "care_act", "procedure_master")) {
            expected.put("records." + table, "SELECT");
        }
        for (String table : List.of("claim_receipt", "import_file", "unmatched")) {
            expected.put("records." + table, "");
        }
        expected.put("portal.card_use_registration", "INSERT,SELECT");
        expected.put("portal.eligibility_certificate_request", "INSERT,SELECT");
        expected.put("portal.access_log", "INSERT,SELECT");
        expected.put("portal.access_log_chain", "SELECT,UPDATE");
        // Who may act for whom: written as grants and invitations are made, ended only through their columns below.
        expected.put("portal.proxy_grant", "INSERT,SELECT");
        expected.put("portal.proxy_invitation", "INSERT,SELECT");
        expected.put("portal.notice_read", "INSERT,SELECT");
        // Consents ended on 連携中のアプリ, and apps' last reads: the portal's own records of the idp's consents.
        expected.put("portal.app_disconnection", "INSERT,SELECT");
        expected.put("portal.app_read", "INSERT,SELECT");
        expected.put("idp.card_challenge", "DELETE,INSERT,SELECT");
        expected.put("idp.kiosk_terminal", "INSERT,SELECT");
        // Connected apps: registered and consented to; changed or ended only through their columns below.
        expected.put("idp.app", "INSERT,SELECT");
        expected.put("idp.app_consent", "INSERT,SELECT");
        // Sessions and authorizations live and die with every request and login.
        for (String table : List.of("portal.spring_session", "portal.spring_session_attributes", "idp.spring_session",
                "idp.spring_session_attributes", "idp.oauth2_authorization", "idp.oauth2_authorization_consent")) {
            expected.put(table, "DELETE,INSERT,SELECT,UPDATE");
        }
        assertThat(tables).isEqualTo(expected);

        List<String> columns = owner.sql("""
                select n.nspname || '.' || c.relname || '.' || a.attname || ' ' || x.privilege_type
                from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace,
                     aclexplode(a.attacl) x
                where x.grantee = 'myna_app'::regrole
                order by 1
                """).query(String.class).list();
        assertThat(columns).containsExactly("idp.app.name UPDATE", "idp.app.operator UPDATE", "idp.app.redirect_uris UPDATE",
                "idp.app.retired_at UPDATE", "idp.app.scopes UPDATE", "idp.app.secret_hash UPDATE",
                "idp.app_consent.ended_at UPDATE", "idp.app_consent.ended_by UPDATE",
                "idp.card_challenge.checked_at UPDATE", "idp.card_challenge.completed_at UPDATE",
                "idp.card_challenge.consumed_at UPDATE", "idp.card_challenge.failure UPDATE", "idp.card_challenge.handle_hash UPDATE",
                "idp.card_challenge.kiosk_terminal UPDATE", "idp.card_challenge.person_id UPDATE",
                "idp.card_challenge.second_person_id UPDATE",
                "portal.app_read.last_read_at UPDATE",
                "portal.card_use_registration.cancel_channel UPDATE", "portal.card_use_registration.cancelled_at UPDATE",
                "portal.proxy_grant.ended_at UPDATE", "portal.proxy_grant.ended_by UPDATE",
                "portal.proxy_invitation.accepted_at UPDATE", "portal.proxy_invitation.accepted_by UPDATE",
                "portal.proxy_invitation.withdrawn_at UPDATE",
                // When the files behind a person's claims arrived, for the notices' "new since your last visit".
                "records.claim_receipt.file_hash SELECT", "records.claim_receipt.person_id SELECT",
                "records.import_file.file_hash SELECT", "records.import_file.imported_at SELECT");
    }

    @Test
    void theImporterHoldsTheReadStoreWholeAndNoOtherSchema() {
        assertThat(owner.sql("""
                select n.nspname || '.' || c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                where n.nspname = 'records' and c.relkind = 'r'
                  and not (has_table_privilege('myna_importer', c.oid, 'select') and has_table_privilege('myna_importer', c.oid, 'insert')
                           and has_table_privilege('myna_importer', c.oid, 'update') and has_table_privilege('myna_importer', c.oid, 'delete'))
                """).query(String.class).list()).isEmpty();
        assertThat(owner.sql("""
                select nspname from pg_namespace
                where nspname in ('portal', 'idp', 'public') and has_schema_privilege('myna_importer', oid, 'usage')
                """).query(String.class).list()).containsExactly("public");
        assertThat(owner.sql("""
                select count(*) from pg_class c join pg_namespace n on n.oid = c.relnamespace
                where n.nspname = 'public' and c.relkind = 'r' and has_table_privilege('myna_importer', c.oid, 'select')
                """).query(Long.class).single()).isZero();
    }

    /** The embedded server's logins given as an operator gives an external server's: each pool logs in as its own. */
    @Test
    void anExternalServerIsUsedWithTheLoginsTheOperatorNames(@TempDir Path data) {
        List<String> args = List.of("--spring.datasource.url=" + server.jdbcUrl(),
                "--spring.datasource.username=myna_app", "--spring.datasource.password=" + server.runtime().password(),
                "--spring.flyway.user=myna_owner", "--spring.flyway.password=" + server.owner().password(),
                "--myna.data-dir=" + data, "--myna.demo.enabled=false", "--myna.import.inbox=");
        try (ConfigurableApplicationContext external = new SpringApplicationBuilder(CommonConfiguration.class)
                .web(WebApplicationType.NONE).bannerMode(Banner.Mode.OFF)
                .run(concat(args, "--myna.importer.datasource.username=myna_importer",
                        "--myna.importer.datasource.password=" + server.importer().password()))) {
            assertThat(external.getBean(JdbcClient.class).sql("select current_user").query(String.class).single())
                    .isEqualTo("myna_app");
            assertThat(StoreLogins.importer(external).sql("select current_user").query(String.class).single())
                    .isEqualTo("myna_importer");
            assertThat(data.resolve("postgres")).doesNotExist();
        }
        assertThatThrownBy(() -> new SpringApplicationBuilder(CommonConfiguration.class).web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF).run(args.toArray(String[]::new)).close())
                .hasStackTraceContaining("set myna.importer.datasource.username");
    }

    private static String[] concat(List<String> args, String... more) {
        return java.util.stream.Stream.concat(args.stream(), java.util.Arrays.stream(more)).toArray(String[]::new);
    }

    private static void refused(JdbcClient login, String sql, String message) {
        assertThatThrownBy(() -> login.sql(sql).update()).as(sql).hasStackTraceContaining(message);
    }
}
