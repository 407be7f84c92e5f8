package jp.mynahealth.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import jp.mynahealth.common.database.ImporterDataSource;
import jp.mynahealth.importer.ImportReport.Outcome;
import jp.mynahealth.importer.claims.ClaimDrug;
import jp.mynahealth.importer.claims.ClaimFileHeader;
import jp.mynahealth.importer.claims.ClaimForm;
import jp.mynahealth.importer.claims.ClaimReceipt;
import jp.mynahealth.importer.claims.ClaimsWriter;
import jp.mynahealth.support.InsuredKey;
import jp.mynahealth.support.ReadStoreTest;

/**
 * Claims through the importer into the real store: a receipt for 見本 太郎 at a pharmacy he never
 * used, in a month long complete, so the demo data other tests read stays as it was.
 */
@ReadStoreTest
class ClaimImportTest {

    static final UUID TARO = UUID.fromString("70304382-bb87-4298-9e13-ffc86a5ff41c");
    static final YearMonth MONTH = YearMonth.of(2025, 1);

    @Autowired
    FeedImporter importer;

    /** The test looks and tidies up with the importer's login: the drug master and the receipts are its alone. */
    JdbcClient jdbc;

    @Autowired
    void importerLogin(ImporterDataSource importer) {
        jdbc = JdbcClient.create(importer.dataSource());
    }

    /** Every test's files differ in their bytes (the cost line's days), or the store would know them already. */
    private static final java.util.concurrent.atomic.AtomicInteger VARIANT = new java.util.concurrent.atomic.AtomicInteger();

    @TempDir
    Path folder;

    int visitDays;

    String pharmacy;
    String prescriber;
    String drugCode;
    String insurer;
    String symbol;
    String number;
    String branch;

    /** Other tests read 太郎's drug page: nothing of these claims may stay behind. */
    @org.junit.jupiter.api.AfterEach
    void removeTheClaims() {
        jdbc.sql("delete from records.dispensing where dispenser_code = :c").param("c", pharmacy).update();
        jdbc.sql("delete from records.cost_notice where institution_code = :c").param("c", pharmacy).update();
        jdbc.sql("delete from records.claim_receipt where institution_code = :c").param("c", pharmacy).update();
    }

    @BeforeEach
    void findTaroAndAStrangePharmacy() {
        visitDays = 1 + VARIANT.getAndIncrement() % 28;
        pharmacy = jdbc.sql("select institution_code from records.institution where kind = '薬局' and prefecture = 27 order by 1 limit 1")
                .query(String.class).single();
        prescriber = jdbc.sql("select institution_code from records.institution where kind = '診療所' and prefecture = 27 order by 1 limit 1")
                .query(String.class).single();
        drugCode = jdbc.sql("select drug_code from records.drug_master where name like 'アムロジピン%'").query(String.class).single();
        InsuredKey key = InsuredKey.inForce(jdbc, TARO, MONTH.atDay(15));
        insurer = key.insurer();
        symbol = key.symbol();
        number = key.number();
        branch = key.branch();
        jdbc.sql("delete from records.dispensing where dispenser_code = :c").param("c", pharmacy).update();
        jdbc.sql("delete from records.cost_notice where institution_code = :c").param("c", pharmacy).update();
        jdbc.sql("delete from records.claim_receipt where institution_code = :c").param("c", pharmacy).update();
    }

    @Test
    void aClaimBecomesADispensingAndACostLineOfTheRightPerson() throws IOException {
        ImportReport report = importer.importFile(claim("a.UKE", taroName(), taroBirth(), "28", false), false);

        assertThat(report.outcome()).isEqualTo(Outcome.IMPORTED);
        assertThat(dispensings()).containsExactly("アムロジピン錠5mg「サワイ」 28 1日1回朝食後 " + TARO);
        assertThat(jdbc.sql("select total_cost || ' ' || patient_share from records.cost_notice where institution_code = :c")
                .param("c", pharmacy).query(String.class).list()).containsExactly("1230 370");
    }

    @Test
    void theSameFileTwiceChangesNothing() throws IOException {
        Path file = claim("same.UKE", taroName(), taroBirth(), "28", false);
        importer.importFile(file, false);

        ImportReport again = importer.importFile(file, false);

        assertThat(again.outcome()).isEqualTo(Outcome.ALREADY_IMPORTED);
        assertThat(dispensings()).hasSize(1);
    }

    @Test
    void aLaterClaimReplacesTheEarlierOneAndACancellationRemovesIt() throws IOException {
        importer.importFile(claim("first.UKE", taroName(), taroBirth(), "28", false), false);

        assertThat(importer.importFile(claim("again.UKE", taroName(), taroBirth(), "14", false), false).outcome())
                .isEqualTo(Outcome.IMPORTED);
        assertThat(dispensings()).containsExactly("アムロジピン錠5mg「サワイ」 14 1日1回朝食後 " + TARO);

        assertThat(importer.importFile(claim("cancel.UKE", taroName(), taroBirth(), "14", true), false).outcome())
                .isEqualTo(Outcome.IMPORTED);
        assertThat(dispensings()).isEmpty();
        assertThat(jdbc.sql("select count(*) from records.cost_notice where institution_code = :c").param("c", pharmacy)
                .query(Long.class).single()).isZero();
    }

    @Test
    void theFilesOfOneRunApplyInTheirOrderThoughTheNextIsReadWhileOneIsWritten() throws IOException {
        List<ImportReport> reports = importer.importAll(List.of(claim("1-first.UKE", taroName(), taroBirth(), "28", false),
                claim("2-again.UKE", taroName(), taroBirth(), "14", false), claim("3-again.UKE", taroName(), taroBirth(), "7", false)),
                false, FeedImporter.ProgressFactory.NONE);

        assertThat(reports).extracting(ImportReport::outcome).containsOnly(Outcome.IMPORTED);
        assertThat(dispensings()).containsExactly("アムロジピン錠5mg「サワイ」 7 1日1回朝食後 " + TARO);
        assertThat(jdbc.sql("select count(*) from records.claim_receipt where institution_code = :c").param("c", pharmacy)
                .query(Long.class).single()).isOne();
    }

    @Test
    void aDrugTheMasterDoesNotKnowRefusesTheWholeFile() throws IOException {
        drugCode = "699999999";
        ImportReport report = importer.importFile(claim("unknown.UKE", taroName(), taroBirth(), "28", false), false);

        assertThat(report.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(report.problems()).anySatisfy(p -> {
            assertThat(p.field()).isEqualTo("医薬品コード");
            assertThat(p.recordNumber()).isGreaterThan(1);
            assertThat(p.reasonJa()).contains("医薬品マスター");
        });
        assertThat(dispensings()).isEmpty();
        assertThat(jdbc.sql("select count(*) from records.import_file where file_hash = :h").param("h", report.hash())
                .query(Long.class).single()).isZero();
    }

    @Test
    void aReceiptWhoseBirthDateOrNameDiffersIsKeptApartAndShownToNoOne() throws IOException {
        ImportReport wrongBirth = importer.importFile(claim("birth.UKE", taroName(), LocalDate.of(1980, 1, 1), "28", false),
                false);
        assertThat(wrongBirth.unmatched()).isEqualTo(1);
        assertThat(wrongBirth.unmatchedByReason()).containsExactly(java.util.Map.entry("birth_date_differs", 1L));
        assertThat(wrongBirth.summary()).contains("1 unmatched", "birth_date_differs");
        assertThat(reasons(wrongBirth)).containsExactly("birth_date_differs");

        ImportReport wrongName = importer.importFile(claim("name.UKE", "見本　次郎", taroBirth(), "27", false), false);
        assertThat(reasons(wrongName)).containsExactly("name_differs");

        number = "99999999";
        ImportReport nobody = importer.importFile(claim("nobody.UKE", taroName(), taroBirth(), "26", false), false);
        assertThat(reasons(nobody)).containsExactly("no_qualification");

        assertThat(dispensings()).isEmpty();
    }

    @Test
    void aDryRunValidatesAndWritesNothing() throws IOException {
        ImportReport report = importer.importFile(claim("dry.UKE", taroName(), taroBirth(), "28", false), true);

        assertThat(report.outcome()).isEqualTo(Outcome.VALIDATED);
        assertThat(report.records()).isEqualTo(2);
        assertThat(dispensings()).isEmpty();
        assertThat(importer.importFile(claim("dry.UKE", taroName(), taroBirth(), "28", false), false).outcome())
                .isEqualTo(Outcome.IMPORTED);
    }

    @Test
    void aDryRunStillCountsWhatWouldMatchNobody() throws IOException {
        ImportReport report = importer.importFile(claim("dry-birth.UKE", taroName(), LocalDate.of(1980, 1, 1), "28", false),
                true);

        assertThat(report.unmatchedByReason()).containsExactly(java.util.Map.entry("birth_date_differs", 1L));
        assertThat(reasons(report)).isEmpty();
    }

    @Test
    void aScriptInANameIsStoredAsTextNotRefused() throws IOException {
        ImportReport report = importer.importFile(claim("script.UKE", "<script>alert(1)</script>", taroBirth(), "28", false),
                false);

        assertThat(report.outcome()).isEqualTo(Outcome.IMPORTED);
        assertThat(jdbc.sql("select name from records.unmatched where file_hash = :h").param("h", report.hash())
                .query(String.class).single()).isEqualTo("<script>alert(1)</script>");
    }

    private List<String> reasons(ImportReport report) {
        return jdbc.sql("select reason from records.unmatched where file_hash = :h").param("h", report.hash())
                .query(String.class).list();
    }

    private List<String> dispensings() {
        return jdbc.sql("""
                select drug_name || ' ' || quantity::integer || ' ' || usage || ' ' || person_id from records.dispensing
                where dispenser_code = :c order by dispensing_id
                """).param("c", pharmacy).query(String.class).list();
    }

    private static String taroName() {
        return "見本　太郎";
    }

    private LocalDate taroBirth() {
        return jdbc.sql("select birth_date from records.person where person_id = :p").param("p", TARO)
                .query(LocalDate.class).single();
    }

    /** One 調剤 receipt of amlodipine for {@code days} days (123 points, 370 yen paid at 30 %). */
    private Path claim(String name, String patient, LocalDate birth, String days, boolean cancelled) throws IOException {
        Path file = folder.resolve(name);
        int supplied = Integer.parseInt(days);
        try (OutputStream out = Files.newOutputStream(file);
                ClaimsWriter writer = new ClaimsWriter(out, new ClaimFileHeader(ClaimForm.PHARMACY, pharmacy, "なにわ薬局",
                        MONTH.plusMonths(1)))) {
            writer.receipt(new ClaimReceipt(0, 1, "調剤", MONTH, insurer, symbol.isEmpty() ? null : symbol, number, branch,
                    patient, birth, 1, visitDays, 123, 0, 370, cancelled),
                    List.of(new ClaimDrug(0, 1, MONTH.atDay(14), prescriber, drugCode, BigDecimal.valueOf(supplied), supplied,
                            "1日1回朝食後", "内服")));
        }
        return file;
    }
}
