package jp.mynahealth.importer.feed;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.springframework.stereotype.Component;

import jp.mynahealth.importer.CopyWriter;
import jp.mynahealth.importer.FeedKind;
import jp.mynahealth.importer.FeedLoader;
import jp.mynahealth.importer.ImportSession;
import jp.mynahealth.importer.checkups.CheckupArchiveReader;
import jp.mynahealth.importer.checkups.CheckupItem;

/**
 * A 特定健診 exchange archive into checkups and their results. Each document is matched like a
 * claim (insured key in force on the checkup day, name and birth date must agree). A document is
 * known across deliveries by its setId: a later version replaces the checkup, an older one is
 * ignored.
 */
@Component
class CheckupsLoader implements FeedLoader {

    private static final String COLUMNS = "record_no, rec, checkup_id, version, checked_on, program, institution_code, "
            + "insurer_number, symbol, number, branch, name, birth_date, metabolic, guidance, item_code, item_name, "
            + "value_numeric, value_text, unit, reference_low, reference_high, flag";

    private final PersonMatching matching;

    CheckupsLoader(PersonMatching matching) {
        this.matching = matching;
    }

    @Override
    public FeedKind kind() {
        return FeedKind.CHECKUPS;
    }

    /** The checkup's id in the store: the same for every version of the same document. */
    static UUID checkupId(String setId) {
        return UUID.nameUUIDFromBytes(("myna-checkup:" + setId).getBytes(StandardCharsets.UTF_8));
    }

    /** The checkup format pads a 6-digit 国保 number to 8 with zeros; no 8-digit number starts with 00. */
    static String insurerNumber(String written) {
        return written.length() == 8 && written.startsWith("00") ? written.substring(2) : written;
    }

    @Override
    public long load(InputStream in, ImportSession session) throws IOException {
        session.execute("""
                create temp table stage_checkup (record_no bigint, rec char(1), checkup_id uuid, version integer,
                    checked_on date, program text, institution_code char(10), insurer_number varchar(8), symbol text, number text,
                    branch char(2), name text, birth_date date, metabolic smallint, guidance smallint, item_code text,
                    item_name text, value_numeric numeric, value_text text, unit text, reference_low numeric,
                    reference_high numeric, flag text) on commit drop
                """);
        long[] documents = new long[1];
        try (CopyWriter copy = session.copy("stage_checkup", COLUMNS)) {
            CheckupArchiveReader.read(in, document -> {
                documents[0]++;
                session.recordRead();
                UUID id = checkupId(document.setId());
                copy.row(document.recordNumber(), "C", id, document.version(), document.checkedOn(), document.program(),
                        document.institutionCode(), insurerNumber(document.insurerNumber()),
                        document.symbol() == null ? "" : document.symbol(), document.number(), document.branch(),
                        document.name(), document.birthDate(), document.metabolicJudgement(), document.guidanceLevel(),
                        null, null, null, null, null, null, null, null);
                for (CheckupItem item : document.items()) {
                    copy.row(document.recordNumber(), "I", id, null, null, null, null, null, null, null, null, null, null,
                            null, null, item.code(), item.name(), item.valueNumeric(), item.valueText(), item.unit(),
                            item.referenceLow(), item.referenceHigh(), item.flag());
                }
            });
            copy.finish();
        }
        session.phase("read and stage");
        session.execute("analyze stage_checkup");
        check(session);
        session.phase("check");
        matching.match(session, "stage_checkup s", "s.rec = 'C'", "checkup_match", "s.checked_on", "s.checked_on",
                "s.checkup_id, s.version, s.checked_on, s.program, s.institution_code, s.metabolic, s.guidance",
                "case when reason is null then true end");
        session.phase("match");
        // From here on the earlier files of the run are committed: the versions they hold are seen.
        session.beginApply();
        // An older version than the one held changes nothing.
        session.execute("""
                update checkup_match m set accepted_id = null
                from records.checkup c
                where m.accepted_id and c.person_id = m.person_id and c.checkup_id = m.checkup_id
                  and c.document_version > m.version
                """);
        session.execute("""
                delete from records.checkup_result r using checkup_match m
                where m.accepted_id and r.person_id = m.person_id and r.checkup_id = m.checkup_id
                """);
        session.execute("""
                delete from records.checkup c using checkup_match m
                where m.accepted_id and c.person_id = m.person_id and c.checkup_id = m.checkup_id
                """);
        session.jdbc().sql("""
                insert into records.checkup (person_id, checkup_id, checked_on, program, institution_code,
                                             metabolic_judgement, guidance_level, document_version, file_hash)
                select person_id, checkup_id, checked_on, program, institution_code, metabolic, guidance, version, :hash
                from checkup_match where accepted_id
                """).param("hash", session.fileHash()).update();
        session.execute("""
                insert into records.checkup_result (person_id, checkup_id, item_code, item_name, value_numeric, value_text, unit,
                                                    reference_low, reference_high, flag)
                select m.person_id, i.checkup_id, i.item_code, i.item_name, i.value_numeric, i.value_text, i.unit,
                       i.reference_low, i.reference_high, i.flag
                from stage_checkup i join checkup_match m on m.checkup_id = i.checkup_id
                where i.rec = 'I' and m.accepted_id
                order by m.person_id, i.checkup_id, i.item_code
                """);
        session.phase("write");
        session.countUnmatched(matching.keepUnmatched(session, "checkup_match", "checkup", "true",
                "jsonb_build_object('checkup_id', checkup_id, 'version', version, 'program', program, "
                        + "'institution_code', institution_code)"));
        session.execute("""
                insert into records.data_as_of (data_kind, complete_through)
                select 'checkup', max(checked_on) from checkup_match where accepted_id having count(*) > 0
                on conflict (data_kind) do update set complete_through = greatest(records.data_as_of.complete_through, excluded.complete_through)
                """);
        return documents[0];
    }

    private static void check(ImportSession session) {
        session.refuseWhereFound("""
                select s.record_no from stage_checkup s
                where s.rec = 'C' and not exists (select 1 from records.institution i where i.institution_code = s.institution_code)
                order by 1
                """, row -> MasterLoaders.problem(row, "健診実施機関番号", "医療機関マスターにない健診実施機関です",
                "a checkup institution the institution master does not know"));
        session.refuseWhereFound("""
                select max(s.record_no) from stage_checkup s where s.rec = 'C' group by s.checkup_id having count(*) > 1
                order by 1
                """, row -> MasterLoaders.problem(row, "setId", "同じ文書（setId）が2回あります", "the same document (setId) appears twice"));
        // Each document's own checks (results present, no item twice, values that fit) are made as
        // it is read (ClinicalDocumentReader): here only what needs the masters or the whole file.
    }
}
