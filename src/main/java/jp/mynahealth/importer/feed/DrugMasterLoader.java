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
 * The public 医薬品マスター (診療報酬情報提供サービス, y.csv): Shift_JIS, no header, one drug a
 * line. We read the code, name, unit, price, generic flag, change date and the 薬価基準収載医薬品コード
 * (the YJ code whose first seven characters the duplicate-prescription hint compares). A 廃止 or
 * 抹消 line keeps the drug known, because claims dispensed before keep naming it.
 */
@Component
class DrugMasterLoader implements FeedLoader {

    /** Positions (from 1) in the master's record, as its layout publishes them. */
    static final int CODE = 3;
    static final int NAME = 5;
    static final int UNIT = 10;
    static final int PRICE = 12;
    static final int GENERIC = 17;
    static final int CHANGED_ON = 30;
    static final int YJ_CODE = 32;
    static final int FIELDS = 32;

    private static final Pattern DRUG_CODE = Pattern.compile("[0-9]{9}");
    private static final Pattern YJ = Pattern.compile("[0-9A-Z]{12}");
    private static final Pattern GENERIC_FLAG = Pattern.compile("[0-9]");

    @Override
    public FeedKind kind() {
        return FeedKind.DRUG_MASTER;
    }

    @Override
    public long load(InputStream in, ImportSession session) throws IOException {
        session.execute("create temp table stage_drug_master (record_no bigint, drug_code text, name text, unit text, "
                + "generic boolean, yj_code text, price numeric, updated_on date) on commit drop");
        long count = 0;
        try (CsvFeedReader csv = CsvFeedReader.positional(in, Charset.forName("Shift_JIS"), FIELDS);
                CopyWriter copy = session.copy("stage_drug_master",
                        "record_no, drug_code, name, unit, generic, yj_code, price, updated_on")) {
            while (csv.next()) {
                count++;
                session.recordRead();
                if (!csv.at(2).equals("Y")) {
                    csv.problem("マスター種別", "医薬品マスター（Y）の行ではありません", "not a drug master (Y) record");
                    continue;
                }
                String generic = csv.matching("#" + GENERIC, GENERIC_FLAG, "0 or 1", true);
                copy.row(csv.recordNumber(), csv.matching("#" + CODE, DRUG_CODE, "9桁の数字", true),
                        csv.text("#" + NAME, 64, true), csv.text("#" + UNIT, 12, true), "1".equals(generic),
                        csv.matching("#" + YJ_CODE, YJ, "12文字の英数字", true), csv.decimal("#" + PRICE, false),
                        csv.compactDate("#" + CHANGED_ON));
            }
            csv.finish();
            copy.finish();
        }
        session.refuseWhereFound("""
                select max(record_no) from stage_drug_master group by drug_code having count(*) > 1 order by 1
                """, row -> MasterLoaders.problem(row, "医薬品コード", "同じ医薬品コードが2回あります", "the same drug code appears twice"));
        session.execute("""
                insert into records.drug_master (drug_code, name, unit, generic, yj_code, price, updated_on)
                select drug_code, name, unit, generic, yj_code, price, updated_on from stage_drug_master
                on conflict (drug_code) do update set name = excluded.name, unit = excluded.unit, generic = excluded.generic,
                    yj_code = excluded.yj_code, price = excluded.price, updated_on = excluded.updated_on
                """);
        return count;
    }
}
