package jp.mynahealth.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import jp.mynahealth.importer.ImportReport.Outcome;
import jp.mynahealth.support.ReadStoreTest;

/** Our CSV feeds into the real store: qualification events, card links, and what they refuse. */
@ReadStoreTest
class FeedCsvImportTest {

    @Autowired
    FeedImporter importer;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ImportInbox inbox;

    @TempDir
    Path folder;

    UUID person;
    String insurer;
    String number;

    @BeforeEach
    void aNewPersonAndKey() {
        person = UUID.randomUUID();
        insurer = jdbc.sql("select insurer_number from records.insurer where kind = '健康保険組合' order by 1 limit 1")
                .query(String.class).single();
        number = String.valueOf(900_000_000L + (long) (Math.random() * 99_999_999));
    }

    @Test
    void acquisitionChangeAndLossMakeTheQualificationHistory() throws IOException {
        Path file = csv("q.csv", CsvFeed.QUALIFICATIONS.header(),
                "2026-11-20,acquire," + person + "," + insurer + ",7001," + number + ",00,1,30,,2020-04-01,テスト,一郎,テスト,イチロウ,1956-06-15,1,131016",
                "2026-11-20,change," + person + "," + insurer + ",7001," + number + ",00,,20,,2026-07-01,,,,,,,",
                "2026-11-20,lose," + person + "," + insurer + ",7001," + number + ",00,,,,2026-11-01,,,,,,,");

        ImportReport report = importer.importFile(file, false);

        assertThat(report.outcome()).isEqualTo(Outcome.IMPORTED);
        assertThat(jdbc.sql("""
                select copay_percent || ' ' || valid_from || ' ' || coalesce(valid_to::text, '-')
                from records.qualification where person_id = :p order by valid_from
                """).param("p", person).query(String.class).list())
                .containsExactly("30 2020-04-01 2026-06-30", "20 2026-07-01 2026-10-31");
        assertThat(jdbc.sql("select family_name || given_name from records.person where person_id = :p").param("p", person)
                .query(String.class).single()).isEqualTo("テスト一郎");
    }

    @Test
    void anUnknownInsurerRefusesTheWholeFileAndWritesNobody() throws IOException {
        Path file = csv("unknown.csv", CsvFeed.QUALIFICATIONS.header(),
                "2026-11-20,acquire," + person + ",99999999,7001," + number + ",00,1,30,,2020-04-01,テスト,二郎,テスト,ジロウ,1960-01-01,1,131016");

        ImportReport report = importer.importFile(file, false);

        assertThat(report.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(report.problems()).extracting(Problem::recordNumber, Problem::field)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2L, "insurer_number"));
        assertThat(jdbc.sql("select count(*) from records.person where person_id = :p").param("p", person)
                .query(Long.class).single()).isZero();
    }

    @Test
    void badFieldsAreNamedByLineAndField() throws IOException {
        Path file = csv("bad.csv", CsvFeed.QUALIFICATIONS.header(),
                "2026-11-20,acquire," + person + "," + insurer + ",7001," + number + ",0,1,40,,2020-13-01,テスト,三郎,テスト,サブロウ,1960-01-01,3,131016",
                "2026-11-20,acquire," + person + "," + insurer);

        ImportReport report = importer.importFile(file, false);

        assertThat(report.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(report.problems()).extracting(Problem::recordNumber, Problem::field).contains(
                org.assertj.core.groups.Tuple.tuple(2L, "branch"), org.assertj.core.groups.Tuple.tuple(2L, "copay_percent"),
                org.assertj.core.groups.Tuple.tuple(2L, "effective_on"), org.assertj.core.groups.Tuple.tuple(2L, "sex"),
                org.assertj.core.groups.Tuple.tuple(3L, ""));
    }

    @Test
    void aFileInTheWrongEncodingIsRefused() throws IOException {
        Path file = folder.resolve("sjis.csv");
        Files.write(file, (CsvFeed.QUALIFICATIONS.header() + "\r\n2026-11-20,acquire," + person + "," + insurer + ",7001,"
                + number + ",00,1,30,,2020-04-01,見本,四郎,ミホン,シロウ,1960-01-01,1,131016\r\n")
                .getBytes(Charset.forName("Shift_JIS")));

        ImportReport report = importer.importFile(file, false);

        assertThat(report.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(report.problems().get(0).reasonEn()).contains("encoding");
    }

    @Test
    void aFileOfNoKnownKindIsRefusedPolitely() throws IOException {
        Path file = csv("other.csv", "name,age", "a,1");

        ImportReport report = importer.importFile(file, false);

        assertThat(report.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(report.problems().get(0).reasonJa()).contains("取り込める形式");
    }

    @Test
    void theInboxMovesAFileToDoneOrRejectedWithAReport() throws IOException {
        Path box = Files.createDirectories(folder.resolve("inbox"));
        for (String sub : List.of("processing", "done", "rejected")) {
            Files.createDirectories(box.resolve(sub));
        }
        csv("inbox/good.csv", CsvFeed.QUALIFICATIONS.header(),
                "2026-11-20,acquire," + person + "," + insurer + ",7001," + number + ",00,1,30,,2020-04-01,テスト,五郎,テスト,ゴロウ,1960-01-01,1,131016");
        csv("inbox/bad.csv", "name,age", "a,1");
        csv("inbox/half.csv.part", "name,age", "a,1");

        inbox.scan(box);
        assertThat(box.resolve("good.csv")).exists();
        inbox.scan(box);

        assertThat(box.resolve("done/good.csv")).exists();
        assertThat(Files.readString(box.resolve("done/good.csv.report.txt"))).contains("取り込みました / imported");
        assertThat(box.resolve("rejected/bad.csv")).exists();
        assertThat(Files.readString(box.resolve("rejected/bad.csv.report.txt"))).contains("refused");
        assertThat(box.resolve("half.csv.part")).exists();
    }

    @Test
    void aFileLeftInProcessingByAKilledRunIsTakenAgain() throws IOException {
        Path box = Files.createDirectories(folder.resolve("inbox"));
        Files.createDirectories(box.resolve("processing"));
        csv("inbox/processing/left.csv", CsvFeed.QUALIFICATIONS.header(),
                "2026-11-20,acquire," + person + "," + insurer + ",7001," + number + ",00,1,30,,2020-04-01,テスト,六郎,テスト,ロクロウ,1960-01-01,1,131016");

        ImportInbox.requeueUnfinished(box);

        assertThat(box.resolve("left.csv")).exists();
        assertThat(box.resolve("processing/left.csv")).doesNotExist();
    }

    private Path csv(String name, String... lines) throws IOException {
        Path file = folder.resolve(name);
        Files.writeString(file, String.join("\r\n", lines) + "\r\n", StandardCharsets.UTF_8);
        return file;
    }
}
