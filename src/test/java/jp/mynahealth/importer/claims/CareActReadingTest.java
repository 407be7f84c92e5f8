package jp.mynahealth.importer.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.Test;

import jp.mynahealth.importer.Problem;
import jp.mynahealth.importer.RefusedFileException;

/** The SI (診療行為) records of 医科 and 歯科 files: one care act per day their 算定日情報 counts. */
class CareActReadingTest {

    private static final YearMonth NOVEMBER = YearMonth.of(2025, 11);
    private final List<String> medical = Fixtures.records("medical.UKE");

    @Test
    void givesOneActPerDayCounted() throws IOException {
        Fixtures.Collected read = Fixtures.read(Fixtures.bytes("medical.UKE"));

        // 一郎's stay: the ward fee on each of the ten days from the 5th; 次郎's two revisits (a 取消,
        // which the loader drops with its receipt) on the 5th and 19th of October.
        assertThat(read.careActs).hasSize(12);
        assertThat(read.careActs.subList(0, 10)).allSatisfy(a -> {
            assertThat(a.receiptNumber()).isEqualTo(1);
            assertThat(a.careClass()).isEqualTo(90);
            assertThat(a.procedureCode()).isEqualTo("190077410");
            assertThat(a.times()).isEqualTo(1);
            assertThat(a.recordNumber()).isEqualTo(5);
        });
        assertThat(read.careActs.subList(0, 10)).extracting(ClaimCareAct::performedOn)
                .containsExactlyElementsOf(NOVEMBER.atDay(5).datesUntil(NOVEMBER.atDay(15)).toList());
        assertThat(read.careActs.subList(10, 12)).extracting(ClaimCareAct::performedOn)
                .containsExactly(LocalDate.of(2025, 10, 5), LocalDate.of(2025, 10, 19));
    }

    @Test
    void readsDentalActs() throws IOException {
        assertThat(Fixtures.read(Fixtures.bytes("dental.UKE")).careActs)
                .containsExactly(new ClaimCareAct(4, 1, 13, "301000110", NOVEMBER.atDay(8), 1));
    }

    @Test
    void carriesTheCareClassFromTheRecordBefore() throws IOException {
        // An SI after the IY of class 21 without its own 診療識別 is of class 21 too.
        medical.add(6, Fixtures.withField(Fixtures.withField(medical.get(4), 2, ""), 4, "120000710"));

        Fixtures.Collected read = Fixtures.read(Fixtures.file(medical));

        assertThat(read.careActs).filteredOn(a -> a.procedureCode().equals("120000710"))
                .extracting(ClaimCareAct::careClass).containsOnly(21);
    }

    @Test
    void refusesTheFirstActWithoutCareClass() {
        medical.set(4, Fixtures.withField(medical.get(4), 2, ""));

        assertThat(refused(Fixtures.file(medical))).first().satisfies(p -> assertAt(p, 5, "診療識別"));
    }

    @Test
    void refusesTimesThatDisagreeWithTheDays() {
        medical.set(4, Fixtures.withField(medical.get(4), 7, "9"));

        assertThat(refused(Fixtures.file(medical))).first().satisfies(p -> {
            assertAt(p, 5, "回数");
            assertThat(p.reasonEn()).contains("(10)");
        });
    }

    @Test
    void refusesADayTheMonthDoesNotHave() {
        // November has no 31st: 31日の情報 is position 44.
        medical.set(4, Fixtures.withField(Fixtures.withField(medical.get(4), 44, "1"), 7, "11"));

        assertThat(refused(Fixtures.file(medical))).first().satisfies(p -> assertAt(p, 5, "31日の情報"));
    }

    @Test
    void refusesAnActWithoutDays() {
        String undated = medical.get(4);
        for (int position = 14; position <= 44; position++) {
            undated = Fixtures.withField(undated, position, "");
        }
        medical.set(4, undated);

        assertThat(refused(Fixtures.file(medical))).first().satisfies(p -> assertAt(p, 5, "算定日情報"));
    }

    @Test
    void refusesAShortProcedureCode() {
        medical.set(4, Fixtures.withField(medical.get(4), 4, "19007741"));

        assertThat(refused(Fixtures.file(medical))).first().satisfies(p -> assertAt(p, 5, "診療行為コード"));
    }

    @Test
    void actsRoundTripThroughTheWriter() throws IOException {
        ClaimFileHeader header = new ClaimFileHeader(ClaimForm.MEDICAL, "1312345678", "見本病院", NOVEMBER.plusMonths(1));
        ClaimReceipt receipt = new ClaimReceipt(0, 1, "外来", NOVEMBER, "06132013", "記号", "01", "01", "見本 太郎",
                LocalDate.of(1970, 6, 15), 1, 2, 500, 0, 1500, false);
        List<ClaimCareAct> acts = List.of(
                new ClaimCareAct(0, 1, 12, "112007410", NOVEMBER.atDay(5), 1),
                new ClaimCareAct(0, 1, 12, "112011310", NOVEMBER.atDay(5), 1),
                new ClaimCareAct(0, 1, 60, "160010010", NOVEMBER.atDay(5), 1),
                new ClaimCareAct(0, 1, 12, "112007410", NOVEMBER.atDay(19), 2));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ClaimsWriter writer = new ClaimsWriter(out, header)) {
            writer.receipt(receipt, List.of(), acts);
        }

        Fixtures.Collected read = Fixtures.read(out.toByteArray());

        // One SI per procedure, its days in order; the repeated 診療識別 left out and carried back.
        assertThat(read.careActs).usingRecursiveFieldByFieldElementComparatorIgnoringFields("recordNumber")
                .containsExactly(acts.get(0), acts.get(3), acts.get(1), acts.get(2));
        assertThat(new String(out.toByteArray(), Fixtures.SHIFT_JIS)).contains("\r\nSI,,1,112011310,");
    }

    @Test
    void writerRefusesActsItCannotCarry() {
        ClaimFileHeader pharmacy = new ClaimFileHeader(ClaimForm.PHARMACY, "1341234567", "見本薬局", NOVEMBER.plusMonths(1));
        ClaimFileHeader medicalHeader = new ClaimFileHeader(ClaimForm.MEDICAL, "1312345678", "見本病院", NOVEMBER.plusMonths(1));
        ClaimReceipt receipt = new ClaimReceipt(0, 1, "外来", NOVEMBER, "06132013", null, "01", "01", "見本 太郎",
                LocalDate.of(1970, 6, 15), 1, 1, 75, 0, 230, false);
        ClaimCareAct december = new ClaimCareAct(0, 1, 12, "112007410", LocalDate.of(2025, 12, 1), 1);

        assertThatThrownBy(() -> new ClaimsWriter(new ByteArrayOutputStream(), pharmacy)
                .receipt(receipt, List.of(), List.of(new ClaimCareAct(0, 1, 12, "112007410", NOVEMBER.atDay(1), 1))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ClaimsWriter(new ByteArrayOutputStream(), medicalHeader)
                .receipt(receipt, List.of(), List.of(december))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("outside the receipt's month");
    }

    private static List<Problem> refused(byte[] file) {
        Fixtures.Collected sink = new Fixtures.Collected();
        RefusedFileException refused = catchThrowableOfType(() -> ClaimsReader.read(new ByteArrayInputStream(file), sink),
                RefusedFileException.class);
        assertThat(refused).as("the file is refused").isNotNull();
        return refused.problems();
    }

    private static void assertAt(Problem problem, long line, String field) {
        assertThat(problem.recordNumber()).as("record number of %s", problem).isEqualTo(line);
        assertThat(problem.field()).as("field of %s", problem).isEqualTo(field);
    }
}
