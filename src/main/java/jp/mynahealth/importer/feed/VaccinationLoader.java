package jp.mynahealth.importer.feed;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import jp.mynahealth.importer.CopyWriter;
import jp.mynahealth.importer.CsvFeed;
import jp.mynahealth.importer.CsvFeedReader;
import jp.mynahealth.importer.FeedKind;
import jp.mynahealth.importer.FeedLoader;
import jp.mynahealth.importer.ImportSession;

/**
 * A municipality's records of routine vaccinations (定期接種), one line a dose. The person is found
 * as in the intermediary's other feeds, by person_ref, and only confirmed by the birth date: a line
 * for a person the store does not know, or whose birth date differs, is kept apart as unmatched
 * rather than refusing the municipality's whole file for one resident the store has not heard of.
 * A line whose municipality and record id were delivered before replaces that record.
 */
@Component
class VaccinationLoader implements FeedLoader {

    static final Pattern MUNICIPALITY = Pattern.compile("[0-9]{6}");
    static final Pattern RECORD_REF = Pattern.compile("[0-9A-Za-z-]{1,40}");
    static final Pattern VACCINE_CODE = Pattern.compile("[A-Z0-9][A-Z0-9-]{0,15}");

    private final Clock clock;

    VaccinationLoader(Clock clock) {
        this.clock = clock;
    }

    @Override
    public FeedKind kind() {
        return FeedKind.VACCINATIONS;
    }

    @Override
    public long load(InputStream in, ImportSession session) throws IOException {
        session.execute("""
                create temp table stage_vaccination (record_no bigint, recorded_on date, municipality_code char(6),
                    record_ref text, person_ref uuid, birth_date date, vaccine_code text, dose_number smallint, given_on date,
                    lot_number text, place text) on commit drop
                """);
        LocalDate today = LocalDate.now(clock);
        long count = 0;
        try (CsvFeedReader csv = CsvFeedReader.withHeader(in, CsvFeed.VACCINATIONS); CopyWriter copy = session.copy(
                "stage_vaccination", "record_no, " + String.join(", ", CsvFeed.VACCINATIONS.columns()))) {
            while (csv.next()) {
                count++;
                session.recordRead();
                LocalDate recordedOn = csv.date("recorded_on", true);
                LocalDate birthDate = csv.date("birth_date", true);
                LocalDate givenOn = csv.date("given_on", true);
                if (recordedOn != null && recordedOn.isAfter(today)) {
                    csv.problem("recorded_on", "未来の日付です", "a day in the future");
                }
                if (givenOn != null && (givenOn.isAfter(today) || recordedOn != null && givenOn.isAfter(recordedOn))) {
                    csv.problem("given_on", "未来の日付です（記録された日より後）", "a day in the future (after the day it was recorded)");
                } else if (givenOn != null && birthDate != null && givenOn.isBefore(birthDate)) {
                    csv.problem("given_on", "生年月日より前の日付です", "before the person's birth date");
                }
                copy.row(csv.recordNumber(), recordedOn,
                        csv.matching("municipality_code", MUNICIPALITY, "6桁の数字", true),
                        csv.matching("record_ref", RECORD_REF, "40文字までの英数字とハイフン", true),
                        csv.uuid("person_ref", true), birthDate,
                        csv.matching("vaccine_code", VACCINE_CODE, "予防接種のコード", true),
                        csv.integer("dose_number", 1, 9, true), givenOn,
                        csv.text("lot_number", 20, false), csv.text("place", 100, true));
            }
            csv.finish();
            copy.finish();
        }
        refuseWhatTheCodeListForbids(session);
        refuseDuplicates(session);
        match(session);
        apply(session);
        return count;
    }

    private static void refuseWhatTheCodeListForbids(ImportSession session) {
        session.refuseWhereFound("""
                select min(s.record_no), s.vaccine_code from stage_vaccination s
                where not exists (select 1 from records.vaccine v where v.vaccine_code = s.vaccine_code)
                group by s.vaccine_code order by 1
                """, row -> MasterLoaders.problem(row, "vaccine_code", "定期接種の予防接種のコードではありません",
                "not a vaccine of the routine programme's code list"));
        session.refuseWhereFound("""
                select s.record_no, v.max_dose from stage_vaccination s join records.vaccine v on v.vaccine_code = s.vaccine_code
                where s.dose_number > v.max_dose order by 1
                """, row -> MasterLoaders.problem(row, "dose_number", "この予防接種の回数の範囲外です",
                "more doses than the vaccine has"));
    }

    /** A line twice in one file is a fault of the file, not a correction: corrections come in a later file. */
    private static void refuseDuplicates(ImportSession session) {
        session.refuseWhereFound("""
                select max(record_no) from stage_vaccination group by municipality_code, record_ref having count(*) > 1 order by 1
                """, row -> MasterLoaders.problem(row, "record_ref", "同じ記録番号の行が2回あります",
                "the same record id appears twice"));
        session.refuseWhereFound("""
                select max(record_no) from stage_vaccination group by person_ref, vaccine_code, dose_number, given_on
                having count(*) > 1 order by 1
                """, row -> MasterLoaders.problem(row, "", "同じ人の同じ接種（予防接種・回・接種日）が2回あります",
                "the same dose of the same vaccine on the same day for the same person appears twice"));
    }

    private static void match(ImportSession session) {
        session.execute("""
                create temp table vaccination_match on commit drop as
                select s.*, case when p.person_id is null then 'unknown_person'
                                 when p.birth_date <> s.birth_date then 'birth_date_differs' end as reason
                from stage_vaccination s left join records.person p on p.person_id = s.person_ref
                """);
        long unmatched = session.jdbc().sql("""
                insert into records.unmatched (file_hash, record_number, kind, reason, birth_date, service_date, content)
                select :hash, record_no, 'vaccination', reason, birth_date, given_on,
                       jsonb_build_object('person_ref', person_ref, 'municipality_code', municipality_code,
                                          'record_ref', record_ref, 'vaccine_code', vaccine_code, 'dose_number', dose_number)
                from vaccination_match where reason is not null order by record_no
                """).param("hash", session.fileHash()).update();
        session.countUnmatched(unmatched);
    }

    private static void apply(ImportSession session) {
        // A record now linked to someone else leaves the person it was wrongly given to.
        session.execute("""
                delete from records.vaccination v using vaccination_match m
                where m.reason is null and v.municipality_code = m.municipality_code and v.record_ref = m.record_ref
                  and v.person_id <> m.person_ref
                """);
        session.execute("""
                insert into records.vaccination (person_id, vaccine_code, dose_number, given_on, lot_number, place,
                                                 municipality_code, record_ref, recorded_on)
                select person_ref, vaccine_code, dose_number, given_on, lot_number, place, municipality_code, record_ref,
                       recorded_on
                from vaccination_match where reason is null order by person_ref, record_no
                on conflict (person_id, municipality_code, record_ref) do update set vaccine_code = excluded.vaccine_code,
                    dose_number = excluded.dose_number, given_on = excluded.given_on, lot_number = excluded.lot_number,
                    place = excluded.place, recorded_on = excluded.recorded_on
                """);
        session.execute("""
                insert into records.data_as_of (data_kind, complete_through)
                select 'vaccination', max(recorded_on) from stage_vaccination having count(*) > 0
                on conflict (data_kind) do update set complete_through = greatest(records.data_as_of.complete_through, excluded.complete_through)
                """);
    }
}
