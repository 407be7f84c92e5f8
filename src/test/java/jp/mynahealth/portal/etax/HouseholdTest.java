package jp.mynahealth.portal.etax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import jp.mynahealth.records.CostNotice;
import jp.mynahealth.records.Person;
import jp.mynahealth.records.PersonId;

/** A household's tax year: the filer first, the others oldest first, each once, and the sums of all. */
class HouseholdTest {

    private static final LocalDate COMPLETE = LocalDate.of(2026, 9, 30);

    private static Person person(String given, LocalDate born) {
        return new Person(new PersonId(UUID.nameUUIDFromBytes(given.getBytes())), "見本", given, "ミホン", given, born, 1, "131016");
    }

    private static CostNotice notice(String institution, String category, long total, long paid) {
        return new CostNotice(1, YearMonth.of(2025, 3), "1311000000", institution, category, 1, total, total - paid, 0, paid, "組合");
    }

    private static Household.Member member(Long grant, Person person, CostNotice... notices) {
        return new Household.Member(grant, person, TaxYear.of(2025, List.of(notices), COMPLETE));
    }

    private static final Person TARO = person("太郎", LocalDate.of(1981, 5, 12));
    private static final Person ICHIRO = person("一郎", LocalDate.of(1948, 2, 1));
    private static final Person SAKURA = person("さくら", LocalDate.of(2019, 6, 3));

    private final Household.Member taro = member(null, TARO, notice("内科", "外来", 10_000, 3_000),
            notice("薬局", "調剤", 5_000, 1_500));
    private final Household.Member sakura = member(7L, SAKURA, notice("小児科", "外来", 20_000, 4_000));
    private final Household.Member ichiro = member(3L, ICHIRO, notice("病院", "入院", 300_000, 30_000));

    @Test
    void theFilerComesFirstThenTheOthersOldestFirstWhateverTheRequestsOrder() {
        Household household = Household.of(taro, List.of(sakura, ichiro));
        assertThat(household.members()).extracting(Household.Member::name).containsExactly("見本 太郎", "見本 一郎", "見本 さくら");
        assertThat(Household.of(taro, List.of(ichiro, sakura)).members()).isEqualTo(household.members());
        assertThat(household.grantIds()).containsExactly(3L, 7L);
        assertThat(household.withFamily()).isTrue();
        assertThat(household.family()).extracting(Household.Member::grantId).containsExactly(3L, 7L);
    }

    @Test
    void theHouseholdSumsEveryMembersYear() {
        Household household = Household.of(taro, List.of(sakura, ichiro));
        assertThat(household.paid()).isEqualTo(3_000 + 1_500 + 4_000 + 30_000);
        assertThat(household.totalCost()).isEqualTo(10_000 + 5_000 + 20_000 + 300_000);
        assertThat(household.days()).isEqualTo(4);
        assertThat(household.noticeCount()).isEqualTo(4);
        assertThat(household.empty()).isFalse();
        Household alone = Household.of(taro, List.of());
        assertThat(alone.paid()).isEqualTo(4_500);
        // With an income of ¥500,000 the threshold is ¥25,000: alone nothing, the household's ¥38,500 gives ¥13,500.
        assertThat(DeductionEstimate.of(alone.paid(), 0, 500_000).deduction()).isZero();
        assertThat(DeductionEstimate.of(household.paid(), 0, 500_000).deduction()).isEqualTo(13_500);
        assertThat(alone.withFamily()).isFalse();
        assertThat(alone.grantIds()).isEmpty();
    }

    @Test
    void aPersonListedTwiceOrTheFilerAsAMemberCountsOnce() {
        Household.Member sakuraAgain = member(9L, SAKURA, notice("小児科", "外来", 20_000, 4_000));
        Household.Member taroAsMember = member(11L, TARO, notice("内科", "外来", 10_000, 3_000));
        Household household = Household.of(taro, List.of(sakura, sakuraAgain, taroAsMember));
        assertThat(household.members()).extracting(Household.Member::name).containsExactly("見本 太郎", "見本 さくら");
        assertThat(household.paid()).isEqualTo(8_500);
        assertThatThrownBy(() -> Household.of(sakura, List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theCollectionFormListsEveryMembersRowsUnderTheirName() throws Exception {
        Household household = Household.of(taro, List.of(sakura, ichiro));
        byte[] file = new MedicalExpenseWorkbook().build(household.patients(), LocalDate.of(2026, 11, 24));
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file))) {
            Sheet sheet = workbook.getSheet(MedicalExpenseWorkbook.SHEET);
            assertThat(sheet.getLastRowNum()).isEqualTo(4);
            List<String> people = java.util.stream.IntStream.rangeClosed(1, 4)
                    .mapToObj(i -> sheet.getRow(i).getCell(1).getStringCellValue()).toList();
            assertThat(people).containsExactly("見本 太郎", "見本 太郎", "見本 一郎", "見本 さくら");
            assertThat(sheet.getRow(3).getCell(2).getStringCellValue()).isEqualTo("病院");
            assertThat(sheet.getRow(3).getCell(7).getNumericCellValue()).isEqualTo(30_000);
            assertThat(sheet.getRow(4).getCell(0).getNumericCellValue()).isEqualTo(4);
        }
    }

    @Test
    void theSameClinicForTwoPeopleIsTwoRowsAndTheRowLimitCountsTheWholeHousehold() {
        CostNotice same = notice("小児科", "外来", 1_000, 300);
        List<MedicalExpenseWorkbook.Line> lines = MedicalExpenseWorkbook.lines(List.of(
                new MedicalExpenseWorkbook.Patient("見本 太郎", List.of(same)),
                new MedicalExpenseWorkbook.Patient("見本 さくら", List.of(same, same))));
        assertThat(lines).extracting(MedicalExpenseWorkbook.Line::person, MedicalExpenseWorkbook.Line::paid)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("見本 太郎", 300L),
                        org.assertj.core.groups.Tuple.tuple("見本 さくら", 600L));
        List<CostNotice> half = java.util.stream.IntStream.range(0, MedicalExpenseWorkbook.ROW_LIMIT / 2 + 1)
                .mapToObj(i -> notice("医院" + i, "外来", 100, 30)).toList();
        assertThatThrownBy(() -> MedicalExpenseWorkbook.lines(List.of(new MedicalExpenseWorkbook.Patient("a", half),
                new MedicalExpenseWorkbook.Patient("b", half)))).isInstanceOf(MedicalExpenseWorkbook.TooManyRowsException.class);
    }
}
