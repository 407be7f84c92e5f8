package jp.mynahealth.importer.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** What the writer writes, the reader reads back to equal records (record numbers are the reader's). */
class ClaimsWriterTest {

    private static final YearMonth CLAIMED = YearMonth.of(2025, 12);
    private static final YearMonth SERVED = YearMonth.of(2025, 11);
    private static final ClaimFileHeader MEDICAL = new ClaimFileHeader(ClaimForm.MEDICAL, "1312345678", "見本病院", CLAIMED);
    private static final ClaimFileHeader PHARMACY = new ClaimFileHeader(ClaimForm.PHARMACY, "1341234567", "見本薬局", CLAIMED);

    @Test
    void medicalReceiptsRoundTrip() throws IOException {
        List<ClaimReceipt> receipts = List.of(
                receipt(1, "入院", "06132013", "記号", "01", "見本 太郎", 12, 43210, 0, 30000, false),
                receipt(2, "外来", "138057", null, null, "見本 花子", 2, 820, 0, 2460, true),
                receipt(3, "訪問看護", "39272013", null, "02", "<script>alert(1)</script>", 4, 3000, 1200, 9000, false),
                receipt(4, "外来", null, null, null, "見本 次郎", 1, 300, 0, 0, false));

        byte[] file = write(MEDICAL, receipts, List.of());
        Fixtures.Collected read = Fixtures.read(file);

        assertThat(read.headers).containsExactly(MEDICAL);
        assertThat(read.receipts).usingRecursiveFieldByFieldElementComparatorIgnoringFields("recordNumber")
                .containsExactlyElementsOf(receipts);
        assertThat(read.receipts).extracting(ClaimReceipt::recordNumber).containsExactly(2L, 4L, 6L, 9L);
    }

    @Test
    void pharmacyReceiptsWithDrugsRoundTrip() throws IOException {
        List<ClaimReceipt> receipts = List.of(
                receipt(1, "調剤", "06132013", "1234", "01", "見本 太郎", 2, 1234, 500, 2800, false),
                receipt(2, "調剤", "138057", null, "02", "見本 花子", 1, 456, 0, 1370, false));
        List<ClaimDrug> drugs = List.of(
                drug(1, 3, "620000001", "14", 14, "1日1回朝食後", "内服"),
                drug(1, 3, "620000002", "10.5", 7, "1日1回朝食後", "内服"),
                drug(1, 3, "620000004", "0.333", 1, "1日1回朝食後", "内服"),
                drug(1, 20, "620000003", "10", 5, "発熱時 1回2錠", "頓服"),
                drug(1, 20, "660000005", "1", 1, null, "注射"),
                drug(2, 10, "662640001", "12.345", 1, "1日数回 患部に塗布", "外用"));

        byte[] file = write(PHARMACY, receipts, drugs);
        Fixtures.Collected read = Fixtures.read(file);

        assertThat(read.headers).containsExactly(PHARMACY);
        assertThat(read.receipts).usingRecursiveFieldByFieldElementComparatorIgnoringFields("recordNumber")
                .containsExactlyElementsOf(receipts);
        assertThat(read.drugs).usingRecursiveFieldByFieldElementComparatorIgnoringFields("recordNumber")
                .containsExactlyElementsOf(drugs);
    }

    @Test
    void writesShiftJisWithCrlfAndTrailerTotals() throws IOException {
        byte[] file = write(MEDICAL, List.of(receipt(1, "外来", "138057", null, null, "見本 花子", 2, 820, 0, 2460, false)),
                List.of());

        String text = new String(file, Fixtures.SHIFT_JIS);
        assertThat(text).startsWith("IR,1,13,1,2345678,,見本病院,50712,00,\r\n")
                .contains("\r\nHO,  138057,,").endsWith("\r\nGO,1,820,99\r\n");
        assertThat(text.replace("\r\n", "")).doesNotContain("\n");
    }

    @Test
    void refusesNameOutsideJisX0208() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> write(MEDICAL, List.of(receipt(1, "外来", "138057", null, null, "𠮷田 太郎", 2, 820, 0, 0, false)), List.of()))
                .withMessageContaining("氏名").withMessageContaining("JIS X 0208");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> write(MEDICAL, List.of(receipt(1, "外来", "138057", null, null, "髙橋 一郎", 2, 820, 0, 0, false)), List.of()))
                .withMessageContaining("髙橋");
    }

    @Test
    void refusesValuesTheFormatCannotCarry() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> write(MEDICAL, List.of(receipt(1, "外来", "138057", null, null, "見".repeat(21), 2, 820, 0, 0, false)), List.of()))
                .withMessageContaining("氏名");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> write(MEDICAL, List.of(receipt(1, "外来", "138057", null, null, "見本,太郎", 2, 820, 0, 0, false)), List.of()))
                .withMessageContaining("comma");
        ClaimReceipt pharmacy = receipt(1, "調剤", "138057", null, null, "見本 花子", 1, 456, 0, 0, false);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> write(PHARMACY, List.of(pharmacy), List.of(drug(1, 3, "2171022F2160", "1", 1, "朝", "内服"))))
                .withMessageContaining("9-digit");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> write(PHARMACY, List.of(pharmacy), List.of(drug(1, 3, "620000001", "10", 3, "朝", "内服"))))
                .withMessageContaining("does not divide");
    }

    private static byte[] write(ClaimFileHeader header, List<ClaimReceipt> receipts, List<ClaimDrug> drugs) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ClaimsWriter writer = new ClaimsWriter(out, header)) {
            for (ClaimReceipt r : receipts) {
                List<ClaimDrug> own = new ArrayList<>();
                drugs.stream().filter(d -> d.receiptNumber() == r.receiptNumber()).forEach(own::add);
                writer.receipt(r, header.form() == ClaimForm.PHARMACY ? own : List.of());
            }
        }
        return out.toByteArray();
    }

    private static ClaimReceipt receipt(int number, String category, String insurer, String symbol, String branch,
            String name, int days, long points, long publicShare, long patientShare, boolean cancelled) {
        return new ClaimReceipt(0, number, category, SERVED, insurer, symbol, insurer == null ? null : "1234" + number,
                branch, name, LocalDate.of(1970, 6, 15), 1 + number % 2, days, points, publicShare, patientShare, cancelled);
    }

    private static ClaimDrug drug(int receipt, int day, String code, String quantity, int days, String usage, String category) {
        return new ClaimDrug(0, receipt, SERVED.atDay(day), "1317654321", code, new BigDecimal(quantity), days, usage, category);
    }
}
