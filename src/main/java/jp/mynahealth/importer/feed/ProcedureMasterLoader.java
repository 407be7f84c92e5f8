package jp.mynahealth.importer.feed;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import jp.mynahealth.importer.CopyWriter;
import jp.mynahealth.importer.CsvFeedReader;
import jp.mynahealth.importer.FeedKind;
import jp.mynahealth.importer.FeedLoader;
import jp.mynahealth.importer.ImportSession;

/**
 * The public 診療行為マスター (診療報酬情報提供サービス, s.csv; the 歯科 one has the same first
 * columns): Shift_JIS, no header, one procedure a line. We read the code, the 省略漢字名称 (the
 * plain name the care page shows) and the points. Like the drug master, a line never removes a
 * procedure: claims of earlier months keep naming it.
 */
@Component
class ProcedureMasterLoader implements FeedLoader {

    /** Positions (from 1) in the master's record, as its layout publishes them. */
    static final int KIND = 2;
    static final int CODE = 3;
    static final int NAME = 5;
    static final int POINTS = 12;
    /** The columns up to the points; the real file has many more, which we do not read. */
    static final int FIELDS = 12;

    private static final Pattern PROCEDURE_CODE = Pattern.compile("[0-9]{9}");

    @Override
    public FeedKind kind() {
        return FeedKind.PROCEDURE_MASTER;
    }

    @Override
    public long load(InputStream in, ImportSession session) throws IOException {
        session.execute("create temp table stage_procedure_master (record_no bigint, procedure_code text, name text, "
                + "points numeric) on commit drop");
        long count = 0;
        try (CsvFeedReader csv = CsvFeedReader.positional(in, Charset.forName("Shift_JIS"), FIELDS);
                CopyWriter copy = session.copy("stage_procedure_master", "record_no, procedure_code, name, points")) {
            while (csv.next()) {
                count++;
                session.recordRead();
                if (!csv.at(KIND).equals("S")) {
                    csv.problem("マスター種別", "診療行為マスター（S）の行ではありません", "not a procedure master (S) record");
                    continue;
                }
                copy.row(csv.recordNumber(), csv.matching("#" + CODE, PROCEDURE_CODE, "9桁の数字", true),
                        csv.text("#" + NAME, 64, true), csv.decimal("#" + POINTS, false));
            }
            csv.finish();
            copy.finish();
        }
        session.refuseWhereFound("""
                select max(record_no) from stage_procedure_master group by procedure_code having count(*) > 1 order by 1
                """, row -> MasterLoaders.problem(row, "診療行為コード", "同じ診療行為コードが2回あります",
                "the same procedure code appears twice"));
        session.execute("""
                insert into records.procedure_master (procedure_code, name, points, updated_on)
                select procedure_code, name, points, current_date from stage_procedure_master
                on conflict (procedure_code) do update set name = excluded.name, points = excluded.points,
                    updated_on = excluded.updated_on
                """);
        return count;
    }
}
