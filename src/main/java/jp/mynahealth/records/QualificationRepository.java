package jp.mynahealth.records;

import java.time.LocalDate;
import java.util.List;

import jp.mynahealth.common.database.ReadStore;
import org.springframework.stereotype.Repository;

/** A person's insurance qualifications, newest first. */
@Repository
public class QualificationRepository {

    private final ReadStore store;

    QualificationRepository(ReadStore store) {
        this.store = store;
    }

    public List<Qualification> findAll(PersonId person) {
        return store.jdbc().sql("""
                select q.insurer_number, i.name as insurer_name, i.kind as insurer_kind, nullif(q.symbol, '') as symbol, q.number, q.branch,
                       q.relationship, q.copay_percent, q.valid_from, q.valid_to, q.limit_category
                from records.qualification q
                join records.insurer i on i.insurer_number = q.insurer_number
                where q.person_id = :person
                order by q.valid_from desc, q.qualification_id desc
                """)
                .param("person", person.value())
                .query((row, n) -> new Qualification(row.getString("insurer_number"), row.getString("insurer_name"),
                        row.getString("insurer_kind"), row.getString("symbol"), row.getString("number"),
                        row.getString("branch"), row.getString("relationship"), row.getInt("copay_percent"),
                        row.getObject("valid_from", LocalDate.class), row.getObject("valid_to", LocalDate.class),
                        row.getString("limit_category")))
                .list();
    }
}
