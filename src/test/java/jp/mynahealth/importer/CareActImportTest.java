package jp.mynahealth.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import jp.mynahealth.common.database.ImporterDataSource;
import jp.mynahealth.importer.ImportReport.Outcome;
import jp.mynahealth.importer.claims.ClaimCareAct;
import jp.mynahealth.importer.claims.ClaimFileHeader;
import jp.mynahealth.importer.claims.ClaimForm;
import jp.mynahealth.importer.claims.ClaimReceipt;
import jp.mynahealth.importer.claims.ClaimsWriter;
import jp.mynahealth.support.InsuredKey;
import jp.mynahealth.support.ReadStoreTest;

/**
 * Care acts through the importer into the real store: 見本 太郎's 外来 receipts at a clinic he never
 * visited, in a month long complete, so the demo data other tests read stays as it was.
 */
@ReadStoreTest
class CareActImportTest {

    static final UUID TARO = UUID.fromString("70304382-bb87-4298-9e13-ffc86a5ff41c");
    static final YearMonth MONTH = YearMonth.of(2025, 1);
    static final String REVISIT = "112007410";
    static final String HBA1C = "160010010";
    static final String UNKNOWN = "199999999";

    /** Every test's files differ in their bytes (the receipt's points), or the store would know them already. */
    private static final java.util.concurrent.atomic.AtomicInteger VARIANT = new java.util.concurrent.atomic.AtomicInteger();

    @Autowired
    FeedImporter importer;

    JdbcClient jdbc;

    @TempDir
    Path folder;

    String clinic;
    InsuredKey key;
    int points;

    @Autowired
    void importerLogin(ImporterDataSource importer) {
        jdbc = JdbcClient.create(importer.dataSource());
    }

    @BeforeEach
    @AfterEach
    void noClaimsOfTheStrangeClinic() {
        clinic = jdbc.sql("select institution_code from records.institution where kind = '診療所' and prefecture = 27 order by 1 limit 1")
                .query(String.class).single();
        key = InsuredKey.inForce(jdbc, TARO, MONTH.atDay(15));
        points = 200 + VARIANT.getAndIncrement();
        for (String table : List.of("care_act", "cost_notice", "claim_receipt")) {
            jdbc.sql("delete from records." + table + " where institution_code = :c").param("c", clinic).update();
        }
        jdbc.sql("delete from records.procedure_master where procedure_code in ('199999998', '199999997')").update();
    }

    @Test
    void actsOfAReceiptBecomeTheCareOfItsPerson() throws IOException {
        ImportReport report = importer.importFile(claim("a.UKE", false,
                act(12, REVISIT, 6, 1), act(60, HBA1C, 6, 1), act(12, REVISIT, 20, 1)), false);

        assertThat(report.outcome()).isEqualTo(Outcome.IMPORTED);
        assertThat(acts()).containsExactly(
                "2025-01-06 12 再診料 外来 1 " + TARO,
                "2025-01-06 60 ＨｂＡ１ｃ 外来 1 " + TARO,
                "2025-01-20 12 再診料 外来 1 " + TARO);
        assertThat(jdbc.sql("select complete_through from records.data_as_of where data_kind = 'care'")
                .query(LocalDate.class).optional()).isPresent();
    }

    @Test
    void aNewVersionOfTheReceiptReplacesItsActsAndACancellationRemovesThem() throws IOException {
        importer.importFile(claim("first.UKE", false, act(12, REVISIT, 6, 1), act(60, HBA1C, 6, 1)), false);

        points++;
        assertThat(importer.importFile(claim("again.UKE", false, act(12, REVISIT, 7, 2)), false).outcome())
                .isEqualTo(Outcome.IMPORTED);
        assertThat(acts()).containsExactly("2025-01-07 12 再診料 外来 2 " + TARO);

        points++;
        assertThat(importer.importFile(claim("cancel.UKE", true, act(12, REVISIT, 7, 2)), false).outcome())
                .isEqualTo(Outcome.IMPORTED);
        assertThat(acts()).isEmpty();
    }

    @Test
    void anUnknownProcedureRefusesTheWholeFile() throws IOException {
        ImportReport report = importer.importFile(claim("unknown.UKE", false, act(12, REVISIT, 6, 1), act(60, UNKNOWN, 6, 1)),
                false);

        assertThat(report.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(report.problems()).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("診療行為コード");
            assertThat(p.reasonJa()).contains("診療行為マスター");
        });
        assertThat(acts()).isEmpty();
    }

    @Test
    void theProcedureMasterAddsAndRenamesProcedures() throws IOException {
        Path master = folder.resolve("s.csv");
        Files.write(master, List.of(masterLine("199999998", "見本の処置", "12"), masterLine("199999997", "見本の検査", "30")),
                Charset.forName("Shift_JIS"));
        assertThat(importer.importFile(master, false).outcome()).isEqualTo(Outcome.IMPORTED);

        Path renamed = folder.resolve("s2.csv");
        Files.write(renamed, List.of(masterLine("199999998", "見本の処置（改）", "14")), Charset.forName("Shift_JIS"));
        assertThat(importer.importFile(renamed, false).outcome()).isEqualTo(Outcome.IMPORTED);

        assertThat(jdbc.sql("select name || ' ' || points::integer from records.procedure_master "
                + "where procedure_code in ('199999998', '199999997') order by procedure_code desc").query(String.class).list())
                .containsExactly("見本の処置（改） 14", "見本の検査 30");
    }

    @Test
    void aProcedureMasterLineWithABadCodeRefusesTheFile() throws IOException {
        Path master = folder.resolve("bad-s.csv");
        Files.write(master, List.of(masterLine("199999998", "見本の処置", "12"), masterLine("19999999", "短い", "1")),
                Charset.forName("Shift_JIS"));

        ImportReport report = importer.importFile(master, false);

        assertThat(report.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(report.problems()).first().satisfies(p -> assertThat(p.recordNumber()).isEqualTo(2));
        assertThat(jdbc.sql("select count(*) from records.procedure_master where procedure_code = '199999998'")
                .query(Long.class).single()).isZero();
    }

    private static String masterLine(String code, String name, String points) {
        return "0,S," + code + "," + name.length() + ",\"" + name + "\",,,,,,3," + points + ",,,";
    }

    private static ClaimCareAct act(int careClass, String code, int day, int times) {
        return new ClaimCareAct(0, 1, careClass, code, MONTH.atDay(day), times);
    }

    private List<String> acts() {
        return jdbc.sql("""
                select performed_on || ' ' || care_class || ' ' || procedure_name || ' ' || category || ' ' || times || ' ' || person_id
                from records.care_act where institution_code = :c order by performed_on, care_class, procedure_code
                """).param("c", clinic).query(String.class).list();
    }

    private Path claim(String name, boolean cancelled, ClaimCareAct... acts) throws IOException {
        Path file = folder.resolve(name);
        LocalDate birth = jdbc.sql("select birth_date from records.person where person_id = :p").param("p", TARO)
                .query(LocalDate.class).single();
        try (OutputStream out = Files.newOutputStream(file);
                ClaimsWriter writer = new ClaimsWriter(out, new ClaimFileHeader(ClaimForm.MEDICAL, clinic, "なにわ診療所",
                        MONTH.plusMonths(1)))) {
            writer.receipt(new ClaimReceipt(0, 1, "外来", MONTH, key.insurer(), key.symbol().isEmpty() ? null : key.symbol(),
                    key.number(), key.branch(), "見本　太郎", birth, 1, 2, points, 0, points * 3, cancelled), List.of(),
                    List.of(acts));
        }
        return file;
    }
}
