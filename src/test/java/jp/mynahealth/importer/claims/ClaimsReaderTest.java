package jp.mynahealth.importer.claims;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;

import org.junit.jupiter.api.Test;

/** Reads the hand-made fixtures (built field by field from the 記録条件仕様) and checks every value. */
class ClaimsReaderTest {

    private static final YearMonth NOVEMBER = YearMonth.of(2025, 11);

    @Test
    void readsPharmacyFile() throws IOException {
        Fixtures.Collected read = Fixtures.read(Fixtures.bytes("pharmacy.UKE"));

        assertThat(read.headers).containsExactly(
                new ClaimFileHeader(ClaimForm.PHARMACY, "1341234567", "見本薬局", YearMonth.of(2025, 12)));
        assertThat(read.receipts).containsExactly(
                new ClaimReceipt(2, 1, "調剤", NOVEMBER, "06132013", "1234", "5678", "01", "見本 太郎",
                        LocalDate.of(1970, 6, 15), 1, 2, 1234, 500, 2800, false),
                new ClaimReceipt(12, 2, "調剤", NOVEMBER, "138057", null, "98765", "02", "見本 花子",
                        LocalDate.of(1991, 3, 3), 2, 1, 456, 0, 1370, false));
        assertThat(read.drugs).containsExactly(
                new ClaimDrug(7, 1, LocalDate.of(2025, 11, 5), "1317654321", "620000001", new BigDecimal("14"), 14,
                        "1日1回朝食後", "内服"),
                new ClaimDrug(8, 1, LocalDate.of(2025, 11, 5), "1317654321", "620000002", new BigDecimal("35"), 14,
                        "1日1回朝食後", "内服"),
                new ClaimDrug(11, 1, LocalDate.of(2025, 11, 20), "1317654321", "620000003", new BigDecimal("10"), 5,
                        "発熱時 1回2錠", "頓服"),
                new ClaimDrug(16, 2, LocalDate.of(2025, 11, 10), "1317654321", "662640001", new BigDecimal("25"), 1,
                        "1日数回 患部に塗布", "外用"));
    }

    @Test
    void readsMedicalFileWithInpatientAndCancelledOutpatientReceipts() throws IOException {
        Fixtures.Collected read = Fixtures.read(Fixtures.bytes("medical.UKE"));

        assertThat(read.headers).containsExactly(
                new ClaimFileHeader(ClaimForm.MEDICAL, "1312345678", "見本病院", YearMonth.of(2025, 12)));
        assertThat(read.receipts).containsExactly(
                new ClaimReceipt(2, 1, "入院", NOVEMBER, "06132013", "１２３", "456", "00", "見本 一郎",
                        LocalDate.of(1955, 1, 1), 1, 10, 12345, 0, 30000, false),
                new ClaimReceipt(8, 2, "外来", YearMonth.of(2025, 10), "138057", null, "12345", null, "見本 次郎",
                        LocalDate.of(1950, 5, 5), 1, 2, 820, 0, 2460, true));
        assertThat(read.drugs).isEmpty();
    }

    @Test
    void readsDentalFile() throws IOException {
        Fixtures.Collected read = Fixtures.read(Fixtures.bytes("dental.UKE"));

        assertThat(read.headers).containsExactly(
                new ClaimFileHeader(ClaimForm.DENTAL, "2733456789", "見本歯科医院", YearMonth.of(2025, 12)));
        assertThat(read.receipts).containsExactly(
                new ClaimReceipt(2, 1, "歯科", NOVEMBER, "39272013", null, "11112222", "03", "見本 三郎",
                        LocalDate.of(1998, 8, 8), 1, 3, 1500, 0, 4500, false));
    }

    @Test
    void readsHomeNursingReceiptInMedicalFile() throws IOException {
        var records = Fixtures.records("medical.UKE");
        records.set(1, Fixtures.withField(records.get(1), 3, "6112"));
        records.set(1, Fixtures.withField(records.get(1), 9, ""));

        assertThat(Fixtures.read(Fixtures.file(records)).receipts.get(0).category()).isEqualTo("訪問看護");
    }

    @Test
    void acceptsTrailingEndOfFileMark() throws IOException {
        byte[] file = Fixtures.bytes("dental.UKE");
        byte[] marked = java.util.Arrays.copyOf(file, file.length + 1);
        marked[file.length] = 0x1A;

        assertThat(Fixtures.read(marked).receipts).hasSize(1);
    }

    @Test
    void keepsMarkupInNamesAsText() throws IOException {
        var records = Fixtures.records("dental.UKE");
        records.set(1, Fixtures.withField(records.get(1), 5, "<script>alert(1)</script>"));

        assertThat(Fixtures.read(Fixtures.file(records)).receipts.get(0).name()).isEqualTo("<script>alert(1)</script>");
    }

    @Test
    void convertsWarekiAtEraBoundaries() {
        assertThat(Wareki.date("4310430".toCharArray(), 0)).isEqualTo(LocalDate.of(2019, 4, 30));
        assertThat(Wareki.date("5010501".toCharArray(), 0)).isEqualTo(LocalDate.of(2019, 5, 1));
        assertThat(Wareki.date("4310501".toCharArray(), 0)).isNull();
        assertThat(Wareki.date("3640108".toCharArray(), 0)).isNull();
        assertThat(Wareki.date("5070229".toCharArray(), 0)).isNull();
        assertThat(Wareki.month("43105".toCharArray(), 0)).isNull();
        assertThat(Wareki.month("36401".toCharArray(), 0)).isEqualTo(YearMonth.of(1989, 1));
        assertThat(Wareki.format(LocalDate.of(2019, 5, 1))).isEqualTo("5010501");
        assertThat(Wareki.format(YearMonth.of(1989, 1))).isEqualTo("36401");
        assertThat(Wareki.format(LocalDate.of(1989, 1, 8))).isEqualTo("4010108");
    }
}
