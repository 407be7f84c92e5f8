package jp.mynahealth.common.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import jp.mynahealth.support.ReadStoreTest;
import jp.mynahealth.support.StoreLogins;

@ReadStoreTest
class MigrationTest {

    private static final List<String> CITIZEN_TABLES = List.of("qualification", "dispensing", "e_prescription", "checkup",
            "checkup_result", "cost_notice", "data_provision", "vaccination");

    /** The catalogue as the owner sees it: the runtime login sees only what it was granted. */
    JdbcClient jdbc;

    JdbcClient importer;

    @Autowired
    void logins(ApplicationContext context) {
        jdbc = JdbcClient.create(StoreLogins.owner(context));
        importer = StoreLogins.importer(context);
    }

    @Test
    void migrationsCreateTheThreeSchemas() {
        List<String> schemas = jdbc.sql("select schema_name from information_schema.schemata order by 1")
                .query(String.class).list();
        assertThat(schemas).contains("records", "portal", "idp");
        assertThat(jdbc.sql("select count(*) from flyway_schema_history where success").query(Integer.class).single())
                .isPositive();
    }

    @Test
    void theReadStoreHoldsEveryTableTheDesignNames() {
        List<String> tables = jdbc.sql("select table_name from information_schema.tables where table_schema = 'records'")
                .query(String.class).list();
        assertThat(tables).containsExactlyInAnyOrder("person", "card_certificate", "insurer", "institution",
                "qualification", "dispensing", "checkup", "checkup_result", "cost_notice", "data_as_of", "data_provision",
                "claim_receipt", "drug_master", "import_file", "unmatched", "vaccination", "vaccine", "e_prescription",
                "care_act", "procedure_master");
    }

    @Test
    void everyCitizenTableIsKeyedAndIndexedPersonIdFirst() {
        for (String table : CITIZEN_TABLES) {
            List<String> leading = jdbc.sql("""
                    select a.attname
                    from pg_index i
                    join pg_class c on c.oid = i.indrelid
                    join pg_namespace n on n.oid = c.relnamespace
                    join pg_attribute a on a.attrelid = c.oid and a.attnum = i.indkey[0]
                    where n.nspname = 'records' and c.relname = :table
                    """).param("table", table).query(String.class).list();
            leading = new java.util.ArrayList<>(leading);
            // One exception: the importer finds whose a claim is by the insured key, so qualifications are
            // also indexed by it (distributed, that index becomes a co-located lookup table of its own).
            if (table.equals("qualification")) {
                leading.remove("insurer_number");
            }
            // And every import removes the e-prescriptions past their 100 days, whoever they belong to
            // (distributed, each shard prunes its own rows by its own such index).
            if (table.equals("e_prescription")) {
                leading.remove("happened_on");
            }
            assertThat(leading).as("leading column of each index on %s", table).isNotEmpty().containsOnly("person_id");
            Boolean primaryKeyLeads = jdbc.sql("""
                    select a.attname = 'person_id'
                    from pg_index i
                    join pg_class c on c.oid = i.indrelid
                    join pg_namespace n on n.oid = c.relnamespace
                    join pg_attribute a on a.attrelid = c.oid and a.attnum = i.indkey[0]
                    where n.nspname = 'records' and c.relname = :table and i.indisprimary
                    """).param("table", table).query(Boolean.class).single();
            assertThat(primaryKeyLeads).as("primary key of %s starts with person_id", table).isTrue();
        }
    }

    @Test
    void personAccessToLongListsHasADateOrderedIndex() {
        List<String> definitions = jdbc.sql("select indexdef from pg_indexes where schemaname = 'records'")
                .query(String.class).list();
        assertThat(definitions).anyMatch(d -> d.contains("dispensing USING btree (person_id, dispensed_on DESC, dispensing_id DESC)"));
        assertThat(definitions).anyMatch(d -> d.contains(
                "e_prescription USING btree (person_id, happened_on DESC, line_id DESC) WHERE (kind = 'dispensed'::text)"));
        assertThat(definitions).anyMatch(d -> d.contains("cost_notice USING btree (person_id, service_month DESC, notice_id)"));
        assertThat(definitions).anyMatch(d -> d.contains("checkup USING btree (person_id, checked_on DESC)"));
        assertThat(definitions).anyMatch(d -> d.contains("card_certificate USING btree (person_id)"));
    }

    @Test
    void theStoreRefusesRowsThatBreakItsRules() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> importer.sql("""
                insert into records.insurer (insurer_number, name, kind, prefecture) values ('1234', 'x', '協会けんぽ', 13)
                """).update()).hasMessageContaining("insurer_insurer_number_check");
    }
}
