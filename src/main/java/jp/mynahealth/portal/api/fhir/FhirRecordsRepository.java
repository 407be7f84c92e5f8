package jp.mynahealth.portal.api.fhir;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Repository;

import jp.mynahealth.common.database.ReadStore;
import jp.mynahealth.portal.api.fhir.RecordRows.CoverageRow;
import jp.mynahealth.portal.api.fhir.RecordRows.DispenseRow;
import jp.mynahealth.portal.api.fhir.RecordRows.NoticeRow;
import jp.mynahealth.portal.api.fhir.RecordRows.Page;
import jp.mynahealth.portal.api.fhir.RecordRows.ResultRow;
import jp.mynahealth.portal.api.fhir.RecordRows.VaccinationRow;
import jp.mynahealth.records.Person;
import jp.mynahealth.records.PersonId;

/**
 * The rows the FHIR resources are made from. Every statement reads one person's rows
 * ({@code person_id = :person}, from the login or the token, never from a parameter) and pages by
 * keyset: newest first, date then id descending, each page continuing strictly after the
 * {@link Position} where the previous one ended. Open date bounds are passed as far days so that
 * each statement keeps one plan.
 */
@Repository
class FhirRecordsRepository {

    private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    private static final LocalDate LATEST = LocalDate.of(9999, 12, 31);
    private static final String AFTER_ANY_CHECKUP = "ffffffff-ffff-ffff-ffff-ffffffffffff";
    private static final String AFTER_ANY_ITEM = "ZZZZZZZZZZZZZZZZZZ";

    private final ReadStore store;

    FhirRecordsRepository(ReadStore store) {
        this.store = store;
    }

    Optional<Person> person(PersonId person) {
        return store.jdbc().sql("""
                select family_name, given_name, family_name_kana, given_name_kana, birth_date, sex, municipality_code
                from records.person
                where person_id = :person
                """)
                .param("person", person.value())
                .query((row, n) -> new Person(person, row.getString("family_name"), row.getString("given_name"),
                        row.getString("family_name_kana"), row.getString("given_name_kana"),
                        row.getObject("birth_date", LocalDate.class), row.getInt("sex"), row.getString("municipality_code")))
                .optional();
    }

    /**
     * The keyset parameters of a page: after the given position (its date and numeric id; from the
     * latest when none), one row more than the page so that the caller knows whether another follows.
     */
    private static Map<String, Object> keyset(Position after, int size) {
        return Map.of("afterDate", after == null ? LATEST : after.date(),
                "afterId", after == null ? Long.MAX_VALUE : Long.parseLong(after.id()), "limit", size + 1);
    }

    /** Qualifications, the latest first; 記号・番号・枝番 are not even read. */
    Page<CoverageRow> coverages(PersonId person, Position after, int size) {
        List<CoverageRow> rows = store.jdbc().sql("""
                select q.qualification_id, q.insurer_number, i.name as insurer_name, i.kind as insurer_kind, q.relationship,
                       q.copay_percent, q.valid_from, q.valid_to
                from records.qualification q
                join records.insurer i on i.insurer_number = q.insurer_number
                where q.person_id = :person
                  and (q.valid_from, q.qualification_id) < (:afterDate, :afterId)
                order by q.valid_from desc, q.qualification_id desc
                limit :limit
                """)
                .param("person", person.value())
                .params(keyset(after, size))
                .query((row, n) -> new CoverageRow(row.getLong("qualification_id"), row.getString("insurer_number"),
                        row.getString("insurer_name"), row.getString("insurer_kind"), row.getString("relationship"),
                        row.getInt("copay_percent"), row.getObject("valid_from", LocalDate.class),
                        row.getObject("valid_to", LocalDate.class)))
                .list();
        return page(rows, size);
    }

    /** Dispensed drug lines from the claims (薬剤情報), in the day range. */
    Page<DispenseRow> dispenses(PersonId person, LocalDate from, LocalDate to, Position after, int size) {
        List<DispenseRow> rows = store.jdbc().sql("""
                select d.dispensing_id, d.dispensed_on, d.dispenser_code, pharmacy.name as pharmacy_name,
                       prescriber.name as prescriber_name, d.drug_code, d.drug_name, d.generic, d.quantity, d.unit,
                       d.usage, d.days, d.category
                from records.dispensing d
                join records.institution pharmacy on pharmacy.institution_code = d.dispenser_code
                left join records.institution prescriber on prescriber.institution_code = d.prescriber_code
                where d.person_id = :person
                  and d.dispensed_on >= :from and d.dispensed_on <= :to
                  and (d.dispensed_on, d.dispensing_id) < (:afterDate, :afterId)
                order by d.dispensed_on desc, d.dispensing_id desc
                limit :limit
                """)
                .param("person", person.value())
                .param("from", from == null ? EARLIEST : from)
                .param("to", to == null ? LATEST : to)
                .params(keyset(after, size))
                .query((row, n) -> new DispenseRow(row.getLong("dispensing_id"), row.getObject("dispensed_on", LocalDate.class),
                        row.getString("dispenser_code"), row.getString("pharmacy_name"), row.getString("prescriber_name"),
                        row.getString("drug_code"), row.getString("drug_name"), row.getBoolean("generic"),
                        row.getBigDecimal("quantity"), row.getString("unit"), row.getString("usage"), row.getInt("days"),
                        row.getString("category")))
                .list();
        return page(rows, size);
    }

    /** Checkup results, one row per item, in the day range of the checkups. */
    Page<ResultRow> results(PersonId person, LocalDate from, LocalDate to, Position after, int size) {
        List<ResultRow> rows = store.jdbc().sql("""
                select c.checkup_id, c.checked_on, c.program, c.institution_code, i.name as institution_name,
                       r.item_code, r.item_name, r.value_numeric, r.value_text, r.unit, r.reference_low, r.reference_high,
                       r.flag
                from records.checkup c
                join records.checkup_result r on r.person_id = c.person_id and r.checkup_id = c.checkup_id
                join records.institution i on i.institution_code = c.institution_code
                where c.person_id = :person
                  and c.checked_on >= :from and c.checked_on <= :to
                  and (c.checked_on, c.checkup_id, r.item_code) < (:afterDate, :afterCheckup, :afterItem)
                order by c.checked_on desc, c.checkup_id desc, r.item_code desc
                limit :limit
                """)
                .param("person", person.value())
                .param("from", from == null ? EARLIEST : from)
                .param("to", to == null ? LATEST : to)
                .param("afterDate", after == null ? LATEST : after.date())
                .param("afterCheckup", UUID.fromString(after == null ? AFTER_ANY_CHECKUP : after.id()))
                .param("afterItem", after == null ? AFTER_ANY_ITEM : after.item())
                .param("limit", size + 1)
                .query((row, n) -> new ResultRow(row.getObject("checkup_id", UUID.class),
                        row.getObject("checked_on", LocalDate.class), row.getString("program"),
                        row.getString("institution_code"), row.getString("institution_name"), row.getString("item_code").strip(),
                        row.getString("item_name"), row.getBigDecimal("value_numeric"), row.getString("value_text"),
                        row.getString("unit"), row.getBigDecimal("reference_low"), row.getBigDecimal("reference_high"),
                        row.getString("flag")))
                .list();
        return page(rows, size);
    }

    /** The day of the person's latest checkup, if any. */
    Optional<LocalDate> latestCheckup(PersonId person) {
        return store.jdbc().sql("""
                select checked_on from records.checkup where person_id = :person order by checked_on desc limit 1
                """)
                .param("person", person.value())
                .query(LocalDate.class).optional();
    }

    /** Cost notice lines whose service month overlaps the day range. */
    Page<NoticeRow> notices(PersonId person, LocalDate from, LocalDate to, Position after, int size) {
        List<NoticeRow> rows = store.jdbc().sql("""
                select n.notice_id, n.service_month, n.institution_code, i.name as institution_name, n.insurer_number,
                       insurer.name as insurer_name, n.category, n.days, n.total_cost, n.insurer_share, n.public_share,
                       n.patient_share
                from records.cost_notice n
                join records.institution i on i.institution_code = n.institution_code
                join records.insurer insurer on insurer.insurer_number = n.insurer_number
                where n.person_id = :person
                  and n.service_month >= :fromMonth and n.service_month <= :to
                  and (n.service_month, n.notice_id) < (:afterDate, :afterId)
                order by n.service_month desc, n.notice_id desc
                limit :limit
                """)
                .param("person", person.value())
                .param("fromMonth", from == null ? EARLIEST : from.withDayOfMonth(1))
                .param("to", to == null ? LATEST : to)
                .params(keyset(after, size))
                .query((row, n) -> new NoticeRow(row.getLong("notice_id"), row.getObject("service_month", LocalDate.class),
                        row.getString("institution_code"), row.getString("institution_name"), row.getString("insurer_number"),
                        row.getString("insurer_name"), row.getString("category"), row.getInt("days"), row.getLong("total_cost"),
                        row.getLong("insurer_share"), row.getLong("public_share"), row.getLong("patient_share")))
                .list();
        return page(rows, size);
    }

    /** Routine vaccinations (予防接種), one row a dose, with the code list's name of the vaccine. */
    Page<VaccinationRow> vaccinations(PersonId person, Position after, int size) {
        List<VaccinationRow> rows = store.jdbc().sql("""
                select v.vaccination_id, v.given_on, v.vaccine_code, c.name as vaccine_name, v.dose_number, v.lot_number,
                       v.place, v.recorded_on
                from records.vaccination v
                join records.vaccine c on c.vaccine_code = v.vaccine_code
                where v.person_id = :person
                  and (v.given_on, v.vaccination_id) < (:afterDate, :afterId)
                order by v.given_on desc, v.vaccination_id desc
                limit :limit
                """)
                .param("person", person.value())
                .params(keyset(after, size))
                .query((row, n) -> new VaccinationRow(row.getLong("vaccination_id"), row.getObject("given_on", LocalDate.class),
                        row.getString("vaccine_code"), row.getString("vaccine_name"), row.getInt("dose_number"),
                        row.getString("lot_number"), row.getString("place"), row.getObject("recorded_on", LocalDate.class)))
                .list();
        return page(rows, size);
    }

    private static <T> Page<T> page(List<T> rows, int size) {
        return rows.size() > size ? new Page<>(List.copyOf(rows.subList(0, size)), true) : new Page<>(rows, false);
    }
}
