package jp.mynahealth.records;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jp.mynahealth.common.database.ReadStore;
import org.springframework.stereotype.Repository;

/** A person's checkups (特定健診等情報): the list, one checkup's results, and one item over the years. */
@Repository
public class CheckupRepository {

    private final ReadStore store;

    CheckupRepository(ReadStore store) {
        this.store = store;
    }

    public List<Checkup> findSince(PersonId person, LocalDate since) {
        return store.jdbc().sql("""
                select c.checkup_id, c.checked_on, c.program, i.name, c.metabolic_judgement, c.guidance_level
                from records.checkup c
                join records.institution i on i.institution_code = c.institution_code
                where c.person_id = :person and c.checked_on >= :since
                order by c.checked_on desc
                """)
                .param("person", person.value()).param("since", since)
                .query((row, n) -> new Checkup(row.getObject("checkup_id", UUID.class), row.getObject("checked_on", LocalDate.class),
                        row.getString("program"), row.getString("name"), (Integer) row.getObject("metabolic_judgement"),
                        (Integer) row.getObject("guidance_level")))
                .list();
    }

    /** Empty for an id that is not one of this person's checkups, whoever else it may belong to. */
    public Optional<Checkup> find(PersonId person, UUID checkupId) {
        return store.jdbc().sql("""
                select c.checkup_id, c.checked_on, c.program, i.name, c.metabolic_judgement, c.guidance_level
                from records.checkup c
                join records.institution i on i.institution_code = c.institution_code
                where c.person_id = :person and c.checkup_id = :checkup
                """)
                .param("person", person.value()).param("checkup", checkupId)
                .query((row, n) -> new Checkup(row.getObject("checkup_id", UUID.class), row.getObject("checked_on", LocalDate.class),
                        row.getString("program"), row.getString("name"), (Integer) row.getObject("metabolic_judgement"),
                        (Integer) row.getObject("guidance_level")))
                .optional();
    }

    public List<CheckupResult> results(PersonId person, UUID checkupId) {
        return store.jdbc().sql("""
                select item_code, item_name, value_numeric, value_text, unit, reference_low, reference_high, flag
                from records.checkup_result
                where person_id = :person and checkup_id = :checkup
                order by item_code
                """)
                .param("person", person.value()).param("checkup", checkupId)
                .query((row, n) -> new CheckupResult(row.getString("item_code"), row.getString("item_name"),
                        row.getBigDecimal("value_numeric"), row.getString("value_text"), row.getString("unit"),
                        row.getBigDecimal("reference_low"), row.getBigDecimal("reference_high"), row.getString("flag")))
                .list();
    }

    /** One numeric item across the person's checkups since a day, oldest first. */
    public List<TrendPoint> trend(PersonId person, String itemCode, LocalDate since) {
        return store.jdbc().sql("""
                select c.checked_on, r.value_numeric, r.unit, r.reference_low, r.reference_high, r.flag, r.item_name
                from records.checkup c
                join records.checkup_result r on r.person_id = c.person_id and r.checkup_id = c.checkup_id
                where c.person_id = :person and r.item_code = :item and r.value_numeric is not null
                  and c.checked_on >= :since
                order by c.checked_on
                """)
                .param("person", person.value()).param("item", itemCode).param("since", since)
                .query((row, n) -> new TrendPoint(row.getObject("checked_on", LocalDate.class), row.getBigDecimal("value_numeric"),
                        row.getString("unit"), row.getBigDecimal("reference_low"), row.getBigDecimal("reference_high"),
                        row.getString("flag"), row.getString("item_name")))
                .list();
    }
}
