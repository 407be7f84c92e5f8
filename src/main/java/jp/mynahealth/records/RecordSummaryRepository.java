package jp.mynahealth.records;

import java.time.LocalDate;
import java.util.Optional;

import jp.mynahealth.common.database.ReadStore;
import org.springframework.stereotype.Repository;

/** The few figures the dashboard tiles show: the latest dispensing, visit and checkup, and the year's costs so far. */
@Repository
public class RecordSummaryRepository {

    public record LatestDispensing(LocalDate dispensedOn, String institutionName, int lines) {
    }

    /** @param institutionName null when the institution list does not know the claim's code */
    public record LatestCare(LocalDate performedOn, String institutionName) {
    }

    public record LatestCheckup(LocalDate checkedOn, String program) {
    }

    public record YearCosts(int year, long totalCost, long patientShare, int notices) {
    }

    private final ReadStore store;

    RecordSummaryRepository(ReadStore store) {
        this.store = store;
    }

    public Optional<LatestDispensing> latestDispensing(PersonId person) {
        return store.jdbc().sql("""
                select d.dispensed_on, i.name, count(*) as lines
                from records.dispensing d
                join records.institution i on i.institution_code = d.dispenser_code
                where d.person_id = :person
                  and d.dispensed_on = (select max(dispensed_on) from records.dispensing where person_id = :person)
                group by d.dispensed_on, i.name
                order by lines desc, i.name
                limit 1
                """)
                .param("person", person.value())
                .query((row, n) -> new LatestDispensing(row.getObject("dispensed_on", LocalDate.class), row.getString("name"),
                        row.getInt("lines")))
                .optional();
    }

    /** The newest day of care received (診療情報) and where; a day with several institutions names one. */
    public Optional<LatestCare> latestCare(PersonId person) {
        return store.jdbc().sql("""
                select a.performed_on, i.name
                from records.care_act a
                left join records.institution i on i.institution_code = a.institution_code
                where a.person_id = :person
                order by a.performed_on desc, a.care_act_id
                limit 1
                """)
                .param("person", person.value())
                .query((row, n) -> new LatestCare(row.getObject("performed_on", LocalDate.class), row.getString("name")))
                .optional();
    }

    public Optional<LatestCheckup> latestCheckup(PersonId person) {
        return store.jdbc().sql("""
                select checked_on, program from records.checkup
                where person_id = :person
                order by checked_on desc
                limit 1
                """)
                .param("person", person.value())
                .query((row, n) -> new LatestCheckup(row.getObject("checked_on", LocalDate.class), row.getString("program")))
                .optional();
    }

    public YearCosts costsOfYear(PersonId person, int year) {
        return store.jdbc().sql("""
                select coalesce(sum(total_cost), 0) as total, coalesce(sum(patient_share), 0) as patient, count(*) as notices
                from records.cost_notice
                where person_id = :person and service_month >= :from and service_month < :to
                """)
                .param("person", person.value())
                .param("from", LocalDate.of(year, 1, 1))
                .param("to", LocalDate.of(year + 1, 1, 1))
                .query((row, n) -> new YearCosts(year, row.getLong("total"), row.getLong("patient"), row.getInt("notices")))
                .single();
    }
}
