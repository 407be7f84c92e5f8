package jp.mynahealth.importer.feed;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.regex.Pattern;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import jp.mynahealth.importer.CopyWriter;
import jp.mynahealth.importer.CsvFeed;
import jp.mynahealth.importer.CsvFeedReader;
import jp.mynahealth.importer.FeedKind;
import jp.mynahealth.importer.FeedLoader;
import jp.mynahealth.importer.ImportSession;
import jp.mynahealth.importer.Problem;

/**
 * The insurer and institution masters (our CSVs, src/docs/importer/feeds.md): a row adds the
 * insurer or institution or corrects its name, kind or prefecture. Nothing is ever deleted: old
 * claims keep referring to institutions that have closed.
 */
@Configuration(proxyBeanMethods = false)
class MasterLoaders {

    static final List<String> INSURER_KINDS = List.of("協会けんぽ", "健康保険組合", "共済組合", "国民健康保険", "後期高齢者医療");
    static final List<String> INSTITUTION_KINDS = List.of("病院", "診療所", "歯科診療所", "薬局", "訪問看護ステーション");
    private static final Pattern INSURER_NUMBER = Pattern.compile("[0-9]{6}|[0-9]{8}");
    private static final Pattern INSTITUTION_CODE = Pattern.compile("[0-9]{10}");

    @Bean
    FeedLoader insurerLoader() {
        return new MasterLoader(FeedKind.INSURERS, CsvFeed.INSURERS, "insurer_number", INSURER_NUMBER,
                "6桁または8桁の数字", INSURER_KINDS, "records.insurer");
    }

    @Bean
    FeedLoader institutionLoader() {
        return new MasterLoader(FeedKind.INSTITUTIONS, CsvFeed.INSTITUTIONS, "institution_code", INSTITUTION_CODE,
                "10桁の数字", INSTITUTION_KINDS, "records.institution");
    }

    private record MasterLoader(FeedKind kind, CsvFeed feed, String keyColumn, Pattern keyPattern, String keyForm,
            List<String> kinds, String table) implements FeedLoader {

        @Override
        public long load(InputStream in, ImportSession session) throws IOException {
            session.execute("create temp table stage_master (record_no bigint, key text, name text, kind text, "
                    + "prefecture smallint) on commit drop");
            long count = 0;
            try (CsvFeedReader csv = CsvFeedReader.withHeader(in, feed); CopyWriter copy = session.copy("stage_master",
                    "record_no, key, name, kind, prefecture")) {
                while (csv.next()) {
                    count++;
                    session.recordRead();
                    copy.row(csv.recordNumber(), csv.matching(keyColumn, keyPattern, keyForm, true),
                            csv.text("name", 100, true), csv.oneOf("kind", kinds, true),
                            csv.integer("prefecture", 1, 47, true));
                }
                csv.finish();
                copy.finish();
            }
            session.refuseWhereFound("""
                    select max(record_no), key from stage_master group by key having count(*) > 1 order by 1
                    """, row -> problem(row, keyColumn, "同じコードが2回あります", "the same code appears twice"));
            session.execute("insert into " + table + " (" + keyColumn + ", name, kind, prefecture) "
                    + "select key, name, kind, prefecture from stage_master order by record_no "
                    + "on conflict (" + keyColumn + ") do update set name = excluded.name, kind = excluded.kind, "
                    + "prefecture = excluded.prefecture");
            return count;
        }
    }

    static Problem problem(java.sql.ResultSet row, String field, String ja, String en) {
        try {
            return new Problem(row.getLong(1), field, ja, en);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
