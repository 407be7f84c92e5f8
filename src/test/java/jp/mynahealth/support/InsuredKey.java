package jp.mynahealth.support;

import java.time.LocalDate;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/** A person's 保険者番号 + 記号・番号・枝番 in force on a day, for tests that write claims for them. */
public record InsuredKey(String insurer, String symbol, String number, String branch) {

    public static InsuredKey inForce(JdbcClient jdbc, UUID person, LocalDate day) {
        return jdbc.sql("""
                select insurer_number, symbol, number, branch from records.qualification
                where person_id = :p and valid_from <= :day and (valid_to is null or valid_to >= :day)
                """).param("p", person).param("day", day)
                .query((row, n) -> new InsuredKey(row.getString(1), row.getString(2), row.getString(3), row.getString(4)))
                .single();
    }
}
