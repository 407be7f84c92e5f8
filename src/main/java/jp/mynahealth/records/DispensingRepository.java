package jp.mynahealth.records;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;

import jp.mynahealth.common.database.ReadStore;
import org.springframework.stereotype.Repository;

/** A person's dispensed drugs (薬剤情報): filtered, keyset-paged lists and possible duplicate prescriptions. */
@Repository
public class DispensingRepository {

    private static final String NAME_MATCHES = String.format(TextSearch.SQL_NAME_MATCHES, "d.drug_name", ":name");

    private final ReadStore store;

    DispensingRepository(ReadStore store) {
        this.store = store;
    }

    /** Newest first; {@code after} continues after the last line of the previous page. */
    public DispensingPage find(PersonId person, DispensingFilter filter, DispensingPage.Cursor after, int size) {
        List<Dispensing> rows = store.jdbc().sql("""
                select d.dispensing_id, d.dispensed_on, d.dispenser_code, dispenser.name as dispenser_name,
                       prescriber.name as prescriber_name, d.drug_code, d.drug_name, d.generic, d.quantity, d.unit,
                       d.usage, d.days, d.category
                from records.dispensing d
                join records.institution dispenser on dispenser.institution_code = d.dispenser_code
                left join records.institution prescriber on prescriber.institution_code = d.prescriber_code
                where d.person_id = :person
                  and d.dispensed_on >= :from and d.dispensed_on <= :to
                  and (cast(:institution as text) is null or d.dispenser_code = :institution)
                  and (cast(:name as text) is null or %s)
                  and (d.dispensed_on, d.dispensing_id) < (:afterDate, :afterId)
                order by d.dispensed_on desc, d.dispensing_id desc
                limit :limit
                """.formatted(NAME_MATCHES))
                .param("person", person.value())
                .param("from", filter.from() == null ? LocalDate.of(1900, 1, 1) : filter.from())
                .param("to", filter.to() == null ? LocalDate.of(9999, 12, 31) : filter.to())
                .param("institution", filter.institutionCode())
                .param("name", filter.drugName() == null ? null : TextSearch.containsRegex(TextSearch.fold(filter.drugName())))
                .param("afterDate", after == null ? LocalDate.of(9999, 12, 31) : after.dispensedOn())
                .param("afterId", after == null ? Long.MAX_VALUE : after.id())
                .param("limit", size + 1)
                .query(DispensingRepository::line)
                .list();
        if (rows.size() <= size) {
            return new DispensingPage(rows, null);
        }
        List<Dispensing> page = rows.subList(0, size);
        Dispensing last = page.get(size - 1);
        return new DispensingPage(List.copyOf(page), new DispensingPage.Cursor(last.dispensedOn(), last.id()));
    }

    /** The institutions that dispensed to the person, for the filter's choice. */
    public List<Institution> dispensers(PersonId person, LocalDate since) {
        return store.jdbc().sql("""
                select i.institution_code, i.name, i.kind
                from records.institution i
                where i.institution_code in (select d.dispenser_code from records.dispensing d
                                             where d.person_id = :person and d.dispensed_on >= :since)
                order by i.name
                """)
                .param("person", person.value()).param("since", since)
                .query((row, n) -> new Institution(row.getString("institution_code"), row.getString("name"),
                        row.getString("kind")))
                .list();
    }

    /**
     * Pairs of lines with the same ingredient (the YJ code's first 7 characters) prescribed by two
     * different institutions whose supplies overlap in time, within the period.
     * <p>
     * Only ingredients that more than one institution prescribed are paired: most people have
     * none, and the pairing compares every line with every other line of its ingredient. Joining
     * all the person's lines instead cost milliseconds per page once PostgreSQL switched the
     * prepared statement to its generic plan, which expects one line and loops over all pairs.
     */
    public List<DuplicateDispensing> duplicates(PersonId person, LocalDate from, LocalDate to) {
        return store.jdbc().sql("""
                with lines as (
                    select dispensing_id, dispensed_on, supplied_to, prescriber_code, drug_name, ingredient
                    from (select d.dispensing_id, d.dispensed_on, d.dispensed_on + d.days - 1 as supplied_to,
                                 d.prescriber_code, d.drug_name, substr(d.drug_code, 1, 7) as ingredient,
                                 min(d.prescriber_code) over same_ingredient
                                     <> max(d.prescriber_code) over same_ingredient as several_prescribers
                          from records.dispensing d
                          where d.person_id = :person
                            and d.category in ('内服', '注射') and d.prescriber_code is not null
                            and d.dispensed_on >= :from - 365 and d.dispensed_on <= :to
                          window same_ingredient as (partition by substr(d.drug_code, 1, 7))) line
                    where several_prescribers
                )
                select a.ingredient,
                       a.drug_name as first_drug, pa.name as first_prescriber, a.dispensed_on as first_from,
                       a.supplied_to as first_to,
                       b.drug_name as second_drug, pb.name as second_prescriber, b.dispensed_on as second_from,
                       b.supplied_to as second_to
                from lines a
                join lines b
                  on b.ingredient = a.ingredient
                 and b.prescriber_code <> a.prescriber_code
                 and (b.dispensed_on, b.dispensing_id) > (a.dispensed_on, a.dispensing_id)
                 and b.dispensed_on <= a.supplied_to
                join records.institution pa on pa.institution_code = a.prescriber_code
                join records.institution pb on pb.institution_code = b.prescriber_code
                where b.dispensed_on >= :from
                order by b.dispensed_on desc, a.dispensed_on desc
                """)
                .param("person", person.value()).param("from", from).param("to", to)
                .query((row, n) -> new DuplicateDispensing(row.getString("ingredient"), row.getString("first_drug"),
                        row.getString("first_prescriber"), row.getObject("first_from", LocalDate.class),
                        row.getObject("first_to", LocalDate.class), row.getString("second_drug"),
                        row.getString("second_prescriber"), row.getObject("second_from", LocalDate.class),
                        row.getObject("second_to", LocalDate.class)))
                .list();
    }

    private static Dispensing line(ResultSet row, int n) throws SQLException {
        return new Dispensing(row.getLong("dispensing_id"), row.getObject("dispensed_on", LocalDate.class),
                row.getString("dispenser_code"), row.getString("dispenser_name"), row.getString("prescriber_name"),
                row.getString("drug_code"), row.getString("drug_name"), row.getBoolean("generic"),
                row.getBigDecimal("quantity"), row.getString("unit"), row.getString("usage"), row.getInt("days"),
                row.getString("category"));
    }
}
