package jp.mynahealth.importer.feed;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import jp.mynahealth.importer.CopyWriter;
import jp.mynahealth.importer.CsvFeed;
import jp.mynahealth.importer.CsvFeedReader;
import jp.mynahealth.importer.FeedKind;
import jp.mynahealth.importer.FeedLoader;
import jp.mynahealth.importer.ImportSession;

/**
 * Records of a person's data given to a medical institution with their consent at its reception
 * terminal (the online qualification system's log): shown on the citizen's access history.
 */
@Component
class ProvisionLoader implements FeedLoader {

    private static final Pattern INSTITUTION_CODE = Pattern.compile("[0-9]{10}");

    @Override
    public FeedKind kind() {
        return FeedKind.PROVISIONS;
    }

    @Override
    public long load(InputStream in, ImportSession session) throws IOException {
        session.execute("""
                create temp table stage_provision (record_no bigint, provided_at timestamptz, person_ref uuid,
                    institution_code text, data_kind text) on commit drop
                """);
        long count = 0;
        try (CsvFeedReader csv = CsvFeedReader.withHeader(in, CsvFeed.PROVISIONS); CopyWriter copy = session.copy(
                "stage_provision", "record_no, provided_at, person_ref, institution_code, data_kind")) {
            while (csv.next()) {
                count++;
                session.recordRead();
                copy.row(csv.recordNumber(), csv.timestamp("provided_at", true), csv.uuid("person_ref", true),
                        csv.matching("institution_code", INSTITUTION_CODE, "10桁の数字", true),
                        csv.oneOf("data_kind", List.of("薬剤情報", "特定健診等情報", "診療情報"), true));
            }
            csv.finish();
            copy.finish();
        }
        session.refuseWhereFound("""
                select s.record_no from stage_provision s
                where not exists (select 1 from records.person p where p.person_id = s.person_ref) order by 1
                """, row -> MasterLoaders.problem(row, "person_ref", "読み込み済みの資格情報にない人です",
                "a person the read store does not know"));
        session.refuseWhereFound("""
                select s.record_no from stage_provision s
                where not exists (select 1 from records.institution i where i.institution_code = s.institution_code) order by 1
                """, row -> MasterLoaders.problem(row, "institution_code", "医療機関マスターにないコードです",
                "an institution the institution master does not know"));
        session.execute("""
                insert into records.data_provision (person_id, provided_at, institution_code, data_kind)
                select person_ref, provided_at, institution_code, data_kind from stage_provision order by record_no
                """);
        return count;
    }
}
