package jp.mynahealth.importer.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import jp.mynahealth.importer.Problem;
import jp.mynahealth.importer.RefusedFileException;

/** Every way a claims file is refused, each naming the line (from 1) and the specification's field. */
class ClaimsReaderRefusalTest {

    /** Lines of pharmacy.UKE: 1 YK, 2 RE, 3 HO, 4 KO, 5 SH, 6 CZ, 7 IY, 8 IY, … 17 GO. */
    private final List<String> pharmacy = Fixtures.records("pharmacy.UKE");

    @Test
    void refusesUtf8() {
        byte[] utf8 = String.join("\r\n", pharmacy).concat("\r\n").getBytes(StandardCharsets.UTF_8);

        assertThat(refused(utf8)).first().satisfies(p -> assertAt(p, 1, ""));
    }

    @Test
    void refusesByteOutsideJisX0208() {
        byte[] file = Fixtures.file(pharmacy);
        int name = indexOf(file, "見本 太郎".getBytes(Fixtures.SHIFT_JIS));
        file[name] = (byte) 0x87; // NEC 特殊文字 ①: windows-31j has it, Shift_JIS does not
        file[name + 1] = 0x40;

        assertThat(refused(file)).first().satisfies(p -> {
            assertAt(p, 2, "");
            assertThat(p.reasonJa()).contains("Shift_JIS");
        });
    }

    @Test
    void refusesBareLineFeed() {
        byte[] file = Fixtures.file(pharmacy);
        int end = indexOf(file, "\r\nKO".getBytes(StandardCharsets.US_ASCII));
        byte[] bare = new byte[file.length - 1];
        System.arraycopy(file, 0, bare, 0, end);
        System.arraycopy(file, end + 1, bare, end, file.length - end - 1);

        assertThat(refused(bare)).first().satisfies(p -> {
            assertAt(p, 3, "");
            assertThat(p.reasonEn()).contains("bare LF");
        });
    }

    @Test
    void refusesTruncatedRecord() {
        pharmacy.set(2, "HO,06132013,1234,5678");

        assertThat(refused(Fixtures.file(pharmacy))).first().satisfies(p -> {
            assertAt(p, 3, "");
            assertThat(p.reasonEn()).contains("4 fields").contains("14");
        });
    }

    @Test
    void refusesFileWithoutTrailer() {
        pharmacy.remove(pharmacy.size() - 1);

        assertThat(refused(Fixtures.file(pharmacy))).singleElement().satisfies(p -> {
            assertAt(p, 0, "");
            assertThat(p.reasonEn()).contains("truncated");
        });
    }

    @Test
    void refusesFileCutInsideRecord() {
        byte[] file = Fixtures.file(pharmacy);
        byte[] cut = java.util.Arrays.copyOf(file, file.length - 5);

        assertThat(refused(cut)).extracting(Problem::recordNumber).contains(17L);
    }

    @Test
    void refusesNameOverItsLength() {
        pharmacy.set(1, Fixtures.withField(pharmacy.get(1), 5, "見".repeat(200)));

        assertThat(refused(Fixtures.file(pharmacy))).first().satisfies(p -> assertAt(p, 2, "氏名"));
    }

    @Test
    void refusesLineOverLimit() {
        pharmacy.set(1, Fixtures.withField(pharmacy.get(1), 5, "見".repeat(2100)));

        assertThat(refused(Fixtures.file(pharmacy))).first().satisfies(p -> {
            assertAt(p, 2, "");
            assertThat(p.reasonEn()).contains("4096");
        });
    }

    @Test
    void refusesTenDigitDrugCode() {
        pharmacy.set(6, Fixtures.withField(pharmacy.get(6), 3, "6200000010"));

        assertThat(refused(Fixtures.file(pharmacy))).first().satisfies(p -> assertAt(p, 7, "医薬品コード"));
    }

    @Test
    void refusesNonNumericPoints() {
        pharmacy.set(2, Fixtures.withField(pharmacy.get(2), 6, "12a4"));

        assertThat(refused(Fixtures.file(pharmacy))).first().satisfies(p -> {
            assertAt(p, 3, "合計点数");
            assertThat(p.reasonEn()).isEqualTo("is not numeric");
        });
    }

    @Test
    void refusesDateOutsideItsEra() {
        pharmacy.set(1, Fixtures.withField(pharmacy.get(1), 7, "4310501")); // 平成31年5月1日 is 令和元年

        assertThat(refused(Fixtures.file(pharmacy))).first().satisfies(p -> assertAt(p, 2, "生年月日"));
    }

    @Test
    void refusesImpossibleDate() {
        pharmacy.set(1, Fixtures.withField(pharmacy.get(1), 7, "3450230"));

        assertThat(refused(Fixtures.file(pharmacy))).first().satisfies(p -> assertAt(p, 2, "生年月日"));
    }

    @Test
    void refusesDrugBeforeAnyReceipt() {
        pharmacy.add(1, "IY,1,620000001,1,,,,,,");

        assertThat(refused(Fixtures.file(pharmacy))).first().satisfies(p -> assertAt(p, 2, "レコード識別情報"));
    }

    @Test
    void refusesDrugWithoutDispensingRecord() {
        pharmacy.remove(5); // the CZ of the first SH

        assertThat(refused(Fixtures.file(pharmacy))).first().satisfies(p -> assertAt(p, 6, "レコード識別情報"));
    }

    @Test
    void refusesInsurerRecordAfterBody() {
        pharmacy.add(5, pharmacy.get(2));

        assertThat(refused(Fixtures.file(pharmacy))).first().satisfies(p -> assertAt(p, 6, "レコード識別情報"));
    }

    @Test
    void refusesReceiptKindOfAnotherForm() {
        pharmacy.set(1, Fixtures.withField(pharmacy.get(1), 3, "1112"));

        assertThat(refused(Fixtures.file(pharmacy))).first().satisfies(p -> assertAt(p, 2, "レセプト種別"));
    }

    @Test
    void refusesKindThatDisagreesWithPublicRecords() {
        pharmacy.set(1, Fixtures.withField(pharmacy.get(1), 3, "4112")); // 医保単独, yet a KO follows

        assertThat(refused(Fixtures.file(pharmacy))).first().satisfies(p -> assertAt(p, 2, "レセプト種別"));
    }

    @Test
    void refusesHeaderTableOfAnotherForm() {
        pharmacy.set(0, Fixtures.withField(pharmacy.get(0), 4, "1"));

        assertThat(refused(Fixtures.file(pharmacy))).first().satisfies(p -> assertAt(p, 1, "点数表"));
    }

    @Test
    void refusesTrailerWithWrongTotals() {
        pharmacy.set(16, "GO,3,1690,99");

        assertThat(refused(Fixtures.file(pharmacy))).first().satisfies(p -> assertAt(p, 17, "総件数"));
    }

    @Test
    void refusesRecordAfterTrailer() {
        pharmacy.add("CO,,,810000001,");

        assertThat(refused(Fixtures.file(pharmacy))).first().satisfies(p -> assertAt(p, 18, "レコード識別情報"));
    }

    @Test
    void stopsAtOneHundredProblems() {
        for (int i = 0; i < 300; i++) {
            pharmacy.add(7, Fixtures.withField(pharmacy.get(6), 4, "x"));
        }

        assertThat(refused(Fixtures.file(pharmacy))).hasSize(Problems.LIMIT);
    }

    @Test
    void givesTheSinkNothingAfterAProblem() {
        pharmacy.set(2, Fixtures.withField(pharmacy.get(2), 6, "12a4"));
        Fixtures.Collected sink = new Fixtures.Collected();

        catchThrowableOfType(() -> ClaimsReader.read(new ByteArrayInputStream(Fixtures.file(pharmacy)), sink),
                RefusedFileException.class);

        assertThat(sink.receipts).isEmpty();
        assertThat(sink.drugs).isEmpty();
    }

    @Test
    void refusesEmptyFile() {
        assertThat(refused(new byte[0])).singleElement().satisfies(p -> assertAt(p, 0, ""));
    }

    private static List<Problem> refused(byte[] file) {
        RefusedFileException refused = catchThrowableOfType(
                () -> ClaimsReader.read(new ByteArrayInputStream(file), new Fixtures.Collected()),
                RefusedFileException.class);
        assertThat(refused).as("the file is refused").isNotNull();
        assertThat(refused.problems()).allSatisfy(p -> {
            assertThat(p.reasonJa()).isNotBlank();
            assertThat(p.reasonEn()).isNotBlank();
        });
        return refused.problems();
    }

    private static void assertAt(Problem problem, long line, String field) {
        assertThat(problem.recordNumber()).as("record number of %s", problem).isEqualTo(line);
        assertThat(problem.field()).as("field of %s", problem).isEqualTo(field);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        return new String(haystack, StandardCharsets.ISO_8859_1).indexOf(new String(needle, StandardCharsets.ISO_8859_1));
    }
}
