package jp.mynahealth.records;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import jp.mynahealth.common.database.ReadStore;
import org.springframework.stereotype.Repository;

/** A person's medical cost notices by service month; the years that have any. */
@Repository
public class CostNoticeRepository {

    private final ReadStore store;

    CostNoticeRepository(ReadStore store) {
        this.store = store;
    }

    /** The notices whose service month lies in the calendar year, oldest month first. */
    public List<CostNotice> ofYear(PersonId person, int year) {
        return store.jdbc().sql("""
                select n.notice_id, n.service_month, n.institution_code, i.name as institution_name, n.category, n.days,
                       n.total_cost, n.insurer_share, n.public_share, n.patient_share, s.name as insurer_name
                from records.cost_notice n
                join records.institution i on i.institution_code = n.institution_code
                join records.insurer s on s.insurer_number = n.insurer_number
                where n.person_id = :person and n.service_month >= :from and n.service_month < :to
                order by n.service_month, n.category, i.name, n.notice_id
                """)
                .param("person", person.value())
                .param("from", LocalDate.of(year, 1, 1)).param("to", LocalDate.of(year + 1, 1, 1))
                .query((row, n) -> new CostNotice(row.getLong("notice_id"),
                        YearMonth.from(row.getObject("service_month", LocalDate.class)), row.getString("institution_code"),
                        row.getString("institution_name"), row.getString("category"), row.getInt("days"),
                        row.getLong("total_cost"), row.getLong("insurer_share"), row.getLong("public_share"),
                        row.getLong("patient_share"), row.getString("insurer_name")))
                .list();
    }

    public List<Integer> years(PersonId person) {
        return store.jdbc().sql("""
                select distinct extract(year from service_month)::int as year
                from records.cost_notice where person_id = :person
                order by year desc
                """)
                .param("person", person.value())
                .query(Integer.class)
                .list();
    }
}
