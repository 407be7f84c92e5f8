package jp.mynahealth.records;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import jp.mynahealth.common.database.ReadStore;
import org.springframework.stereotype.Repository;

/**
 * A person's care received (診療情報): the 診療行為 of their medical and dental claims, a page of
 * visit months at a time, filtered by period, institution and name. Diagnoses are not in the store.
 */
@Repository
public class CareActRepository {

    /** The filter, on {@code records.care_act a}; the person comes first, as in the index. */
    private static final String MATCHES = """
            a.person_id = :person
              and a.performed_on >= :from and a.performed_on <= :to and a.performed_on < :before
              and (cast(:institution as text) is null or a.institution_code = :institution)
              and (cast(:name as text) is null or %s)
            """.formatted(String.format(TextSearch.SQL_NAME_MATCHES, "a.procedure_name", ":name"));

    /**
     * One statement: the page's months (one more, to know whether another page follows), then every
     * matching act of those months. A person has a few hundred acts a year, so finding the months
     * reads at most the period's rows from the person's index.
     */
    private static final String FIND = """
            with months as (
                select distinct date_trunc('month', a.performed_on::timestamp)::date as month
                from records.care_act a
                where %1$s
                order by month desc
                limit :months + 1
            ),
            page as (
                select month from months order by month desc limit :months
            )
            select a.care_act_id, a.performed_on, a.institution_code, i.name as institution_name, i.kind as institution_kind,
                   a.category, a.care_class, a.procedure_code, a.procedure_name, a.times,
                   (select count(*) from months) > :months as more
            from records.care_act a
            left join records.institution i on i.institution_code = a.institution_code
            where %1$s
              and a.performed_on >= (select min(month) from page)
            order by a.performed_on desc, a.care_act_id
            """.formatted(MATCHES);

    private final ReadStore store;

    CareActRepository(ReadStore store) {
        this.store = store;
    }

    /**
     * The acts of the newest {@code months} visit months with matching care before {@code before}
     * (all months when null), newest first; the page's oldest month is where the next page starts.
     */
    public CarePage find(PersonId person, CareFilter filter, YearMonth before, int months) {
        record Row(CareAct act, boolean more) {
        }
        List<Row> rows = store.jdbc().sql(FIND)
                .param("person", person.value())
                .param("from", filter.from() == null ? LocalDate.of(1900, 1, 1) : filter.from())
                .param("to", filter.to() == null ? LocalDate.of(9999, 12, 31) : filter.to())
                .param("before", before == null ? LocalDate.of(9999, 12, 31) : before.atDay(1))
                .param("institution", filter.institutionCode())
                .param("name", filter.procedureName() == null ? null
                        : TextSearch.containsRegex(TextSearch.fold(filter.procedureName())))
                .param("months", months)
                .query((row, n) -> new Row(act(row), row.getBoolean("more")))
                .list();
        List<CareAct> acts = rows.stream().map(Row::act).toList();
        boolean more = !rows.isEmpty() && rows.get(0).more();
        return new CarePage(acts, more ? YearMonth.from(acts.get(acts.size() - 1).performedOn()) : null);
    }

    /** The institutions where the person received care since a day, for the filter's choice. */
    public List<Institution> institutions(PersonId person, LocalDate since) {
        return store.jdbc().sql("""
                select i.institution_code, i.name, i.kind
                from records.institution i
                where i.institution_code in (select a.institution_code from records.care_act a
                                             where a.person_id = :person and a.performed_on >= :since)
                order by i.name
                """)
                .param("person", person.value()).param("since", since)
                .query((row, n) -> new Institution(row.getString("institution_code"), row.getString("name"),
                        row.getString("kind")))
                .list();
    }

    private static CareAct act(ResultSet row) throws SQLException {
        return new CareAct(row.getLong("care_act_id"), row.getObject("performed_on", LocalDate.class),
                row.getString("institution_code"), row.getString("institution_name"), row.getString("institution_kind"),
                row.getString("category"), row.getInt("care_class"), row.getString("procedure_code"),
                row.getString("procedure_name"), row.getInt("times"));
    }
}
