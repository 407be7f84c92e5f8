package jp.mynahealth.records;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads citizens from the read store. */
@Repository
public class PersonRepository {

    private final JdbcClient jdbc;

    PersonRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Person> find(PersonId id) {
        return jdbc.sql("""
                select person_id, family_name, given_name, family_name_kana, given_name_kana, birth_date, sex,
                       municipality_code
                from records.person
                where person_id = :person
                """)
                .param("person", id.value())
                .query((row, n) -> new Person(new PersonId(row.getObject("person_id", java.util.UUID.class)),
                        row.getString("family_name"), row.getString("given_name"), row.getString("family_name_kana"),
                        row.getString("given_name_kana"), row.getObject("birth_date", java.time.LocalDate.class),
                        row.getInt("sex"), row.getString("municipality_code")))
                .optional();
    }
}
