package jp.mynahealth.importer.feed;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import jp.mynahealth.importer.CopyWriter;
import jp.mynahealth.importer.CsvFeed;
import jp.mynahealth.importer.CsvFeedReader;
import jp.mynahealth.importer.FeedKind;
import jp.mynahealth.importer.FeedLoader;
import jp.mynahealth.importer.ImportSession;
import jp.mynahealth.importer.Problem;
import jp.mynahealth.importer.RefusedFileException;

/**
 * Qualification events from the intermediary (資格取得 acquire, 資格変更 change, 資格喪失 lose),
 * keyed by 保険者番号 + 記号・番号・枝番 and the day they take effect, with the person they belong to.
 * Within a file, acquisitions apply first, then changes in date order, then losses, so one file
 * may carry a whole history. Events are idempotent: a re-delivered acquisition corrects the row.
 */
@Component
class QualificationLoader implements FeedLoader {

    static final Pattern INSURER_NUMBER = Pattern.compile("[0-9]{6}|[0-9]{8}");
    static final Pattern BRANCH = Pattern.compile("[0-9]{2}");
    static final Pattern LIMIT = Pattern.compile("A0[1-6]|B(0[1-9]|10)");
    static final Pattern MUNICIPALITY = Pattern.compile("[0-9]{6}");
    static final Pattern NUMBER = Pattern.compile("[0-9A-Za-z\\-]{1,20}|[^,\\p{Cntrl}]{1,20}");

    @Override
    public FeedKind kind() {
        return FeedKind.QUALIFICATIONS;
    }

    @Override
    public long load(InputStream in, ImportSession session) throws IOException {
        session.execute("""
                create temp table stage_qualification (record_no bigint, processed_on date, event text, person_ref uuid,
                    insurer_number varchar(8), symbol text, number text, branch char(2), relationship text, copay_percent smallint,
                    limit_category text, effective_on date, family_name text, given_name text, family_name_kana text,
                    given_name_kana text, birth_date date, sex smallint, municipality_code text) on commit drop
                """);
        long count = 0;
        try (CsvFeedReader csv = CsvFeedReader.withHeader(in, CsvFeed.QUALIFICATIONS);
                CopyWriter copy = session.copy("stage_qualification", String.join(",", CsvFeed.QUALIFICATIONS.columns())
                        .replace(",", ", ").replaceFirst("^", "record_no, "))) {
            while (csv.next()) {
                count++;
                session.recordRead();
                String event = csv.oneOf("event", List.of("acquire", "change", "lose"), true);
                boolean acquire = "acquire".equals(event);
                boolean change = "change".equals(event);
                String relationship = csv.oneOf("relationship", List.of("1", "2"), acquire);
                copy.row(csv.recordNumber(), csv.date("processed_on", true), event, csv.uuid("person_ref", true),
                        csv.matching("insurer_number", INSURER_NUMBER, "6桁または8桁の数字", true),
                        orEmpty(csv.text("symbol", 20, false)), csv.text("number", 20, true),
                        csv.matching("branch", BRANCH, "2桁の数字", true),
                        relationship == null ? null : relationship.equals("1") ? "本人" : "家族",
                        csv.oneOf("copay_percent", List.of("10", "20", "30"), acquire),
                        csv.matching("limit_category", LIMIT, "A01〜A06、B01〜B10", false),
                        csv.date("effective_on", true),
                        csv.text("family_name", 50, acquire), csv.text("given_name", 50, acquire),
                        csv.text("family_name_kana", 50, acquire), csv.text("given_name_kana", 50, acquire),
                        csv.date("birth_date", acquire), csv.oneOf("sex", List.of("1", "2"), acquire),
                        csv.matching("municipality_code", MUNICIPALITY, "6桁の数字", acquire));
                if (change && csv.text("copay_percent", 2, false) == null && csv.text("limit_category", 3, false) == null
                        && csv.text("relationship", 1, false) == null) {
                    csv.problem("event", "変更する項目（負担割合・限度額適用区分・本人家族）がありません",
                            "a change names nothing to change (copay_percent, limit_category, relationship)");
                }
            }
            csv.finish();
            copy.finish();
        }
        session.execute("analyze stage_qualification");
        refuseUnknownInsurers(session);
        session.refuseWhereFound("""
                select s.record_no from stage_qualification s
                where s.family_name is null and not exists (select 1 from records.person p where p.person_id = s.person_ref)
                  and not exists (select 1 from stage_qualification a where a.person_ref = s.person_ref and a.family_name is not null)
                order by 1
                """, row -> MasterLoaders.problem(row, "person_ref", "この人の氏名などが届いていません（先に資格取得が必要です）",
                "the person is unknown: their acquisition, with name and birth date, must come first"));
        session.refuseWhereFound("""
                select s.record_no from stage_qualification s where s.birth_date > s.effective_on order by 1
                """, row -> MasterLoaders.problem(row, "effective_on", "生年月日より前の日付です", "before the person's birth date"));
        upsertPersons(session);
        acquire(session);
        applyChanges(session);
        lose(session);
        session.execute("""
                insert into records.data_as_of (data_kind, complete_through)
                select 'qualification', max(processed_on) from stage_qualification having count(*) > 0
                on conflict (data_kind) do update set complete_through = greatest(records.data_as_of.complete_through, excluded.complete_through)
                """);
        return count;
    }


    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    private static void refuseUnknownInsurers(ImportSession session) {
        session.refuseWhereFound("""
                select min(s.record_no), s.insurer_number from stage_qualification s
                where not exists (select 1 from records.insurer i where i.insurer_number = s.insurer_number)
                group by s.insurer_number order by 1
                """, row -> MasterLoaders.problem(row, "insurer_number", "保険者マスターにない保険者番号です",
                "an insurer number the insurer master does not know"));
    }

    /** The latest particulars of each person in the file win (a change of name or address). */
    private static void upsertPersons(ImportSession session) {
        session.execute("""
                insert into records.person (person_id, family_name, given_name, family_name_kana, given_name_kana, birth_date,
                                            sex, municipality_code)
                select distinct on (person_ref) person_ref, family_name, given_name, family_name_kana, given_name_kana,
                       birth_date, sex, municipality_code
                from stage_qualification where family_name is not null and birth_date is not null
                order by person_ref, record_no desc
                on conflict (person_id) do update set family_name = excluded.family_name, given_name = excluded.given_name,
                    family_name_kana = excluded.family_name_kana, given_name_kana = excluded.given_name_kana,
                    birth_date = excluded.birth_date, sex = excluded.sex, municipality_code = excluded.municipality_code
                """);
    }

    private static void acquire(ImportSession session) {
        session.refuseWhereFound("""
                select max(record_no) from stage_qualification where event = 'acquire'
                group by insurer_number, symbol, number, branch, effective_on having count(*) > 1 order by 1
                """, row -> MasterLoaders.problem(row, "effective_on", "同じ資格の取得が2回あります", "the same acquisition appears twice"));
        session.execute("""
                insert into records.qualification (person_id, insurer_number, symbol, number, branch, relationship,
                                                   copay_percent, valid_from, valid_to, limit_category)
                select person_ref, insurer_number, symbol, number, branch, relationship, copay_percent, effective_on, null,
                       limit_category
                from stage_qualification where event = 'acquire' order by record_no
                on conflict (insurer_number, symbol, number, branch, valid_from) do update set person_id = excluded.person_id,
                    relationship = excluded.relationship, copay_percent = excluded.copay_percent,
                    limit_category = excluded.limit_category
                """);
    }

    /** Changes are few (a birthday at 70, an income change): applied one by one in date order. */
    private static void applyChanges(ImportSession session) {
        record Change(long recordNo, String insurer, String symbol, String number, String branch, LocalDate on,
                String relationship, Integer copay, String limit) {
        }
        List<Change> changes = session.jdbc().sql("""
                select record_no, insurer_number, symbol, number, branch, effective_on, relationship, copay_percent,
                       limit_category
                from stage_qualification where event = 'change' order by effective_on, record_no
                """).query((row, n) -> new Change(row.getLong(1), row.getString(2), row.getString(3), row.getString(4),
                row.getString(5), row.getObject(6, LocalDate.class), row.getString(7),
                (Integer) row.getObject(8, Integer.class), row.getString(9))).list();
        for (Change c : changes) {
            Long open = session.jdbc().sql("""
                    select qualification_id from records.qualification
                    where insurer_number = :insurer and symbol = :symbol and number = :number and branch = :branch
                      and valid_from <= :on and (valid_to is null or valid_to >= :on)
                    """).param("insurer", c.insurer()).param("symbol", c.symbol()).param("number", c.number())
                    .param("branch", c.branch()).param("on", c.on()).query(Long.class).optional().orElse(null);
            if (open == null) {
                throw new RefusedFileException(new Problem(c.recordNo(), "effective_on",
                        "その日に有効な資格がないため変更できません", "no qualification in force on that day to change"));
            }
            session.jdbc().sql("""
                    with old as (
                        update records.qualification set valid_to = :on::date - 1
                        where qualification_id = :id and valid_from < :on
                        returning *)
                    insert into records.qualification (person_id, insurer_number, symbol, number, branch, relationship,
                                                       copay_percent, valid_from, valid_to, limit_category)
                    select person_id, insurer_number, symbol, number, branch, coalesce(:relationship, relationship),
                           coalesce(:copay, copay_percent), :on, (select valid_to from records.qualification q2
                               where q2.qualification_id = :id), coalesce(:limit, limit_category)
                    from old
                    """).param("on", c.on()).param("id", open).param("relationship", c.relationship())
                    .param("copay", c.copay()).param("limit", c.limit()).update();
            session.jdbc().sql("""
                    update records.qualification set relationship = coalesce(:relationship, relationship),
                        copay_percent = coalesce(:copay, copay_percent), limit_category = coalesce(:limit, limit_category)
                    where qualification_id = :id and valid_from = :on
                    """).param("on", c.on()).param("id", open).param("relationship", c.relationship())
                    .param("copay", c.copay()).param("limit", c.limit()).update();
        }
    }

    /** 資格喪失日 is the first day without the qualification: it was valid until the day before. */
    private static void lose(ImportSession session) {
        session.refuseWhereFound("""
                select s.record_no from stage_qualification s where s.event = 'lose' and not exists (
                    select 1 from records.qualification q
                    where q.insurer_number = s.insurer_number and q.symbol = s.symbol and q.number = s.number
                      and q.branch = s.branch and q.valid_from < s.effective_on
                      and (q.valid_to is null or q.valid_to >= s.effective_on - 1))
                order by 1
                """, row -> MasterLoaders.problem(row, "effective_on", "喪失日の前日に有効な資格がありません",
                "no qualification in force the day before the loss"));
        session.execute("""
                update records.qualification q set valid_to = s.effective_on - 1
                from stage_qualification s
                where s.event = 'lose' and q.insurer_number = s.insurer_number and q.symbol = s.symbol
                  and q.number = s.number and q.branch = s.branch and q.valid_from < s.effective_on
                  and (q.valid_to is null or q.valid_to >= s.effective_on - 1)
                """);
    }
}
