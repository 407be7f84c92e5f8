package jp.mynahealth.portal.vaccinations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import jp.mynahealth.records.Vaccination;

/** The due, overdue and upcoming rules at the edges of the standard periods and the routine windows. */
class ChildScheduleTest {

    private static final int BOY = 1;
    private static final int GIRL = 2;

    private static LocalDate day(String iso) {
        return LocalDate.parse(iso);
    }

    private static Vaccination given(String vaccine, int dose, String on) {
        return new Vaccination(day(on), vaccine, vaccine, dose, "見本こどもクリニック", "AB123C");
    }

    private static ScheduleLine line(ChildSchedule schedule, Series series, int dose) {
        return schedule.lines().stream().filter(l -> l.series() == series && l.dose() == dose).findFirst().orElseThrow();
    }

    private static DoseStatus status(LocalDate birth, int sex, List<Vaccination> records, String today, Series series, int dose) {
        return line(ChildSchedule.of(birth, sex, records, day(today)), series, dose).status();
    }

    /**
     * Born 17 June 2019 (the demo's さくら on 24 November 2026): the 日本脳炎 1期追加 is standard from
     * attaining 4 (16 June 2023) to attaining 5 (16 June 2024) and routine until attaining 90 months
     * (16 December 2026).
     */
    @Test
    void aBoosterIsUpcomingThenDueThenOverdueThenWithoutRecord() {
        LocalDate birth = day("2019-06-17");
        assertThat(status(birth, GIRL, List.of(), "2023-06-15", Series.JE, 3)).isEqualTo(DoseStatus.UPCOMING);
        assertThat(status(birth, GIRL, List.of(), "2023-06-16", Series.JE, 3)).isEqualTo(DoseStatus.DUE);
        assertThat(status(birth, GIRL, List.of(), "2024-06-16", Series.JE, 3)).isEqualTo(DoseStatus.DUE);
        assertThat(status(birth, GIRL, List.of(), "2024-06-17", Series.JE, 3)).isEqualTo(DoseStatus.OVERDUE);
        assertThat(status(birth, GIRL, List.of(), "2026-12-16", Series.JE, 3)).isEqualTo(DoseStatus.OVERDUE);
        assertThat(status(birth, GIRL, List.of(), "2026-12-17", Series.JE, 3)).isEqualTo(DoseStatus.NOT_RECORDED);
        ScheduleLine je = line(ChildSchedule.of(birth, GIRL, List.of(), day("2026-11-24")), Series.JE, 3);
        assertThat(je.opensOn()).isEqualTo(day("2019-12-16"));
        assertThat(je.recommendedFrom()).isEqualTo(day("2023-06-16"));
        assertThat(je.recommendedUntil()).isEqualTo(day("2024-06-16"));
        assertThat(je.closesOn()).isEqualTo(day("2026-12-16"));
    }

    @Test
    void aRecordedDoseIsGivenWhateverTheDay() {
        LocalDate birth = day("2019-06-17");
        List<Vaccination> records = List.of(given("JE", 3, "2026-11-01"));
        ScheduleLine je = line(ChildSchedule.of(birth, GIRL, records, day("2026-11-24")), Series.JE, 3);
        assertThat(je.status()).isEqualTo(DoseStatus.GIVEN);
        assertThat(je.given().givenOn()).isEqualTo(day("2026-11-01"));
        assertThat(status(birth, GIRL, records, "2030-01-01", Series.JE, 3)).isEqualTo(DoseStatus.GIVEN);
    }

    /** Born on 31 December: two months are attained on the last day of February, seven on 30 July. */
    @Test
    void aMonthEndBirthdayOpensTheWindowOnTheLastDayOfFebruary() {
        LocalDate birth = day("2024-12-31");
        assertThat(status(birth, BOY, List.of(), "2025-02-27", Series.PCV, 1)).isEqualTo(DoseStatus.UPCOMING);
        assertThat(status(birth, BOY, List.of(), "2025-02-28", Series.PCV, 1)).isEqualTo(DoseStatus.DUE);
        assertThat(status(birth, BOY, List.of(), "2025-07-30", Series.PCV, 1)).isEqualTo(DoseStatus.DUE);
        assertThat(status(birth, BOY, List.of(), "2025-07-31", Series.PCV, 1)).isEqualTo(DoseStatus.OVERDUE);
        // Attaining 60 months: 31 December 2029 has its date, so the day before.
        assertThat(status(birth, BOY, List.of(), "2029-12-30", Series.PCV, 1)).isEqualTo(DoseStatus.OVERDUE);
        assertThat(status(birth, BOY, List.of(), "2029-12-31", Series.PCV, 1)).isEqualTo(DoseStatus.NOT_RECORDED);
    }

    @Test
    void aLeapDayChildsBcgWindowClosesOnTheLastDayOfFebruary() {
        LocalDate birth = day("2020-02-29");
        assertThat(status(birth, BOY, List.of(), "2020-10-28", Series.BCG, 1)).isEqualTo(DoseStatus.DUE);
        assertThat(status(birth, BOY, List.of(), "2020-10-29", Series.BCG, 1)).isEqualTo(DoseStatus.OVERDUE);
        assertThat(status(birth, BOY, List.of(), "2021-02-28", Series.BCG, 1)).isEqualTo(DoseStatus.OVERDUE);
        assertThat(status(birth, BOY, List.of(), "2021-03-01", Series.BCG, 1)).isEqualTo(DoseStatus.NOT_RECORDED);
    }

    /** MR 2期 is the school year before primary school: it has no standard period apart, so it is never overdue. */
    @Test
    void theSecondMrDoseIsDueForTheSchoolYearBeforePrimarySchool() {
        LocalDate birth = day("2019-06-17");
        assertThat(status(birth, BOY, List.of(), "2025-03-31", Series.MR, 2)).isEqualTo(DoseStatus.UPCOMING);
        assertThat(status(birth, BOY, List.of(), "2025-04-01", Series.MR, 2)).isEqualTo(DoseStatus.DUE);
        assertThat(status(birth, BOY, List.of(), "2026-03-31", Series.MR, 2)).isEqualTo(DoseStatus.DUE);
        assertThat(status(birth, BOY, List.of(), "2026-04-01", Series.MR, 2)).isEqualTo(DoseStatus.NOT_RECORDED);
        // Born on 1 April, a child is a school year ahead.
        assertThat(status(day("2019-04-01"), BOY, List.of(), "2024-04-01", Series.MR, 2)).isEqualTo(DoseStatus.DUE);
        assertThat(status(day("2019-04-02"), BOY, List.of(), "2024-04-01", Series.MR, 2)).isEqualTo(DoseStatus.UPCOMING);
    }

    @Test
    void rotavirusIsRoutineFromAugust2020AndItsFirstDoseStopsAtFourteenWeeksSixDays() {
        assertThat(ChildSchedule.of(day("2020-07-31"), BOY, List.of(), day("2020-10-01")).lines())
                .noneMatch(l -> l.series() == Series.ROTA_1 || l.series() == Series.ROTA_5);
        LocalDate birth = day("2020-08-01");
        // 出生14週6日後 = 104 days after birth: 13 November 2020.
        assertThat(status(birth, BOY, List.of(), "2020-11-13", Series.ROTA_1, 1)).isEqualTo(DoseStatus.DUE);
        assertThat(status(birth, BOY, List.of(), "2020-11-14", Series.ROTA_1, 1)).isEqualTo(DoseStatus.NOT_RECORDED);
        assertThat(status(birth, BOY, List.of(), "2020-11-14", Series.ROTA_1, 2)).isEqualTo(DoseStatus.DUE);
        ChildSchedule monovalent = ChildSchedule.of(birth, BOY, List.of(given("RV1", 1, "2020-10-01")), day("2020-10-20"));
        assertThat(monovalent.lines()).filteredOn(l -> l.series().name().startsWith("ROTA")).extracting(ScheduleLine::series)
                .containsOnly(Series.ROTA_1).hasSize(2);
        ChildSchedule pentavalent = ChildSchedule.of(birth, BOY, List.of(given("RV5", 1, "2020-10-01")), day("2020-10-20"));
        assertThat(pentavalent.lines()).filteredOn(l -> l.series().name().startsWith("ROTA")).extracting(ScheduleLine::series)
                .containsOnly(Series.ROTA_5).hasSize(3);
    }

    @Test
    void hepatitisBIsRoutineForChildrenBornFromApril2016() {
        assertThat(ChildSchedule.of(day("2016-03-31"), BOY, List.of(), day("2016-06-01")).lines())
                .noneMatch(l -> l.series() == Series.HBV);
        assertThat(ChildSchedule.of(day("2016-04-01"), BOY, List.of(), day("2016-06-01")).lines())
                .filteredOn(l -> l.series() == Series.HBV).hasSize(3);
    }

    @Test
    void onePentavalentShotGivesADoseOfTwoSeriesAndTrivalentNeedsPolioBeside() {
        LocalDate birth = day("2024-06-10");
        ChildSchedule pentavalent = ChildSchedule.of(birth, BOY, List.of(given("DPT-IPV-HIB", 1, "2024-08-10")),
                day("2024-08-20"));
        assertThat(line(pentavalent, Series.HIB, 1).status()).isEqualTo(DoseStatus.GIVEN);
        assertThat(line(pentavalent, Series.DPT_IPV, 1).status()).isEqualTo(DoseStatus.GIVEN);
        assertThat(line(pentavalent, Series.DPT_IPV, 2).status()).isEqualTo(DoseStatus.UPCOMING);

        LocalDate older = day("2015-06-10");
        List<Vaccination> trivalentOnly = List.of(given("DPT", 1, "2015-09-10"));
        assertThat(status(older, BOY, trivalentOnly, "2015-10-01", Series.DPT_IPV, 1)).isEqualTo(DoseStatus.DUE);
        List<Vaccination> withPolio = List.of(given("DPT", 1, "2015-09-10"), given("IPV", 1, "2015-09-17"));
        ScheduleLine both = line(ChildSchedule.of(older, BOY, withPolio, day("2015-10-01")), Series.DPT_IPV, 1);
        assertThat(both.status()).isEqualTo(DoseStatus.GIVEN);
        assertThat(both.given().givenOn()).isEqualTo(day("2015-09-17"));
    }

    @Test
    void hpvIsForGirlsAndNineValentStartedUnderFifteenCompletesInTwoDoses() {
        LocalDate birth = day("2012-05-10");
        assertThat(ChildSchedule.of(birth, BOY, List.of(), day("2025-05-01")).lines()).noneMatch(l -> l.series() == Series.HPV);
        // She attains 12 on 9 May 2024 (school year 2024, 小学6年) and 16 on 9 May 2028 (school year 2028, 高校1年).
        ScheduleLine first = line(ChildSchedule.of(birth, GIRL, List.of(), day("2024-03-31")), Series.HPV, 1);
        assertThat(first.status()).isEqualTo(DoseStatus.UPCOMING);
        assertThat(first.opensOn()).isEqualTo(day("2024-04-01"));
        assertThat(first.recommendedFrom()).isEqualTo(day("2025-04-01"));
        assertThat(first.recommendedUntil()).isEqualTo(day("2026-03-31"));
        assertThat(first.closesOn()).isEqualTo(day("2029-03-31"));
        assertThat(status(birth, GIRL, List.of(), "2026-04-01", Series.HPV, 1)).isEqualTo(DoseStatus.OVERDUE);

        List<Vaccination> twoNineValent = List.of(given("HPV9", 1, "2025-08-05"), given("HPV9", 2, "2026-02-05"));
        assertThat(ChildSchedule.of(birth, GIRL, twoNineValent, day("2026-03-01")).lines())
                .filteredOn(l -> l.series() == Series.HPV).extracting(ScheduleLine::status)
                .containsExactly(DoseStatus.GIVEN, DoseStatus.GIVEN);
        List<Vaccination> tooClose = List.of(given("HPV9", 1, "2025-08-05"), given("HPV9", 2, "2025-10-05"));
        assertThat(ChildSchedule.of(birth, GIRL, tooClose, day("2026-03-01")).lines())
                .filteredOn(l -> l.series() == Series.HPV).hasSize(3);
        List<Vaccination> quadrivalent = List.of(given("HPV4", 1, "2025-08-05"), given("HPV4", 2, "2026-02-05"));
        assertThat(ChildSchedule.of(birth, GIRL, quadrivalent, day("2026-03-01")).lines())
                .filteredOn(l -> l.series() == Series.HPV).hasSize(3);
    }

    @Test
    void theScheduleCoversABoyUntilThirteenAndAGirlUntilTheEndOfHerFirstHighSchoolYear() {
        LocalDate birth = day("2012-05-10");
        // Attains 13 on 9 May 2025: the last day of 日本脳炎 2期 and 二種混合 2期.
        assertThat(ChildSchedule.covers(birth, BOY, day("2025-05-09"))).isTrue();
        assertThat(ChildSchedule.covers(birth, BOY, day("2025-05-10"))).isFalse();
        assertThat(ChildSchedule.covers(birth, GIRL, day("2029-03-31"))).isTrue();
        assertThat(ChildSchedule.covers(birth, GIRL, day("2029-04-01"))).isFalse();
        assertThat(ChildSchedule.covers(day("1981-05-18"), BOY, day("2026-11-24"))).isFalse();
    }

    @Test
    void overdueDosesComeFirstWithTheWindowClosingSoonestOnTop() {
        LocalDate birth = day("2019-06-17");
        ChildSchedule schedule = ChildSchedule.of(birth, GIRL, List.of(), day("2026-11-24"));
        List<ScheduleLine> open = schedule.open();
        assertThat(open.get(0).status()).isEqualTo(DoseStatus.OVERDUE);
        assertThat(open).extracting(ScheduleLine::closesOn).first().isEqualTo(day("2026-12-16"));
        assertThat(open).filteredOn(l -> l.status() == DoseStatus.OVERDUE).extracting(ScheduleLine::closesOn).isSorted();
        assertThat(open.get(open.size() - 1).status()).isEqualTo(DoseStatus.UPCOMING);
    }

    /** For every birth date of four years: the window opens before the standard period and closes after it. */
    @Test
    void everyStandardPeriodLiesInsideItsWindow() {
        List<String> wrong = new ArrayList<>();
        for (LocalDate birth = day("2020-01-01"); birth.isBefore(day("2024-01-01")); birth = birth.plusDays(1)) {
            for (ScheduleEntry entry : RoutineSchedule.CHILDREN) {
                LocalDate opens = entry.windowFrom().on(birth);
                LocalDate from = entry.recommendedFrom().on(birth);
                LocalDate until = entry.recommendedUntil().on(birth);
                LocalDate closes = entry.windowUntil().on(birth);
                if (opens.isAfter(from) || from.isAfter(until) || until.isAfter(closes) || opens.isBefore(birth)) {
                    wrong.add(birth + " " + entry);
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void everySeriesAndDoseHasANameInBothLanguages() throws IOException {
        for (String language : List.of("ja", "en")) {
            Properties messages = new Properties();
            try (Reader reader = new InputStreamReader(getClass().getResourceAsStream("/i18n/messages_" + language + ".properties"),
                    StandardCharsets.UTF_8)) {
                messages.load(reader);
            }
            for (ScheduleEntry entry : RoutineSchedule.CHILDREN) {
                assertThat(messages).as(language).containsKeys(entry.series().nameKey(), entry.series().doseKey(entry.dose()));
            }
            for (DoseStatus status : DoseStatus.values()) {
                assertThat(messages).as(language).containsKey("vaccinations.status." + status.name());
            }
        }
    }
}
