package jp.mynahealth.importer.feed;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The masters a claims file is checked against, read once for the file: drugs (with what a
 * dispensing line shows of them), institutions and insurers. A claims file is checked record by
 * record as it is read, so a refusal names the record and the field.
 */
record ClaimMasters(Map<String, Drug> drugs, Set<String> institutions, Set<String> insurers) {

    record Drug(String yjCode, String name, String unit, boolean generic) {
    }

    static ClaimMasters read(JdbcClient jdbc) {
        Map<String, Drug> drugs = new HashMap<>();
        jdbc.sql("select drug_code, yj_code, name, unit, generic from records.drug_master").query((row, n) -> drugs.put(
                row.getString(1), new Drug(row.getString(2), row.getString(3), row.getString(4), row.getBoolean(5)))).list();
        Set<String> institutions = new HashSet<>(jdbc.sql("select institution_code from records.institution").query(String.class).list());
        Set<String> insurers = new HashSet<>(jdbc.sql("select insurer_number from records.insurer").query(String.class).list());
        return new ClaimMasters(drugs, institutions, insurers);
    }
}
