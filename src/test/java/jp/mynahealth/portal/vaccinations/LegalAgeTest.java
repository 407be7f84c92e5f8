package jp.mynahealth.portal.vaccinations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** Ages as the routine programme counts them, checked against the examples municipalities publish. */
class LegalAgeTest {

    private static LocalDate day(String iso) {
        return LocalDate.parse(iso);
    }

    @Test
    void aChildAttainsMonthsOnTheDayBeforeTheSameDate() {
        // 2018-04-01 生まれ: ヒブは生後2月から60月に至るまで = 2018-05-31 から 2023-03-31 まで.
        assertThat(LegalAge.monthsAttained(day("2018-04-01"), 2)).isEqualTo(day("2018-05-31"));
        assertThat(LegalAge.monthsAttained(day("2018-04-01"), 60)).isEqualTo(day("2023-03-31"));
        // 四種混合は生後3月から90月に至るまで = 2018-06-30 から 2025-09-30 まで.
        assertThat(LegalAge.monthsAttained(day("2018-04-01"), 3)).isEqualTo(day("2018-06-30"));
        assertThat(LegalAge.monthsAttained(day("2018-04-01"), 90)).isEqualTo(day("2025-09-30"));
        assertThat(LegalAge.monthsAttained(day("2013-04-02"), 2)).isEqualTo(day("2013-06-01"));
    }

    @Test
    void aMonthWithoutTheBirthDateEndsThePeriodOnItsLastDay() {
        // 12月29日から31日生まれは、2月28日に生後2月に至る (平年).
        assertThat(LegalAge.monthsAttained(day("2018-12-29"), 2)).isEqualTo(day("2019-02-28"));
        assertThat(LegalAge.monthsAttained(day("2018-12-30"), 2)).isEqualTo(day("2019-02-28"));
        assertThat(LegalAge.monthsAttained(day("2018-12-31"), 2)).isEqualTo(day("2019-02-28"));
        assertThat(LegalAge.monthsAttained(day("2018-12-31"), 60)).isEqualTo(day("2023-12-30"));
        // In a leap year 29 February exists: born on the 29th, the day before it; on the 30th or 31st, the 29th.
        assertThat(LegalAge.monthsAttained(day("2019-12-29"), 2)).isEqualTo(day("2020-02-28"));
        assertThat(LegalAge.monthsAttained(day("2019-12-31"), 2)).isEqualTo(day("2020-02-29"));
        assertThat(LegalAge.monthsAttained(day("2019-07-31"), 2)).isEqualTo(day("2019-09-30"));
        assertThat(LegalAge.monthsAttained(day("2019-07-30"), 2)).isEqualTo(day("2019-09-29"));
    }

    @Test
    void aLeapDayChildAttainsItsYearsOnTheLastDayOfFebruary() {
        LocalDate birth = day("2020-02-29");
        assertThat(LegalAge.monthsAttained(birth, 12)).isEqualTo(day("2021-02-28"));
        assertThat(LegalAge.monthsAttained(birth, 48)).isEqualTo(day("2024-02-28"));
        assertThat(LegalAge.monthsAttained(day("2020-03-01"), 12)).isEqualTo(day("2021-02-28"));
        assertThat(LegalAge.monthsAttained(day("2023-03-01"), 12)).isEqualTo(day("2024-02-29"));
    }

    @Test
    void weeksAfterBirthCountFromTheDayAfter() {
        // 8月1日生まれの出生6週0日後は9月12日、8月19日生まれは9月30日.
        assertThat(LegalAge.daysAfterBirth(day("2020-08-01"), 42)).isEqualTo(day("2020-09-12"));
        assertThat(LegalAge.daysAfterBirth(day("2020-08-19"), 42)).isEqualTo(day("2020-09-30"));
    }

    @Test
    void theSchoolYearIsTheOneInWhichTheAgeIsAttained() {
        // Born 1 April: attains six on 31 March, so is a school year ahead of a child born on 2 April.
        assertThat(LegalAge.firstDayOfSchoolYearAttaining(day("2013-04-01"), 6)).isEqualTo(day("2018-04-01"));
        assertThat(LegalAge.lastDayOfSchoolYearAttaining(day("2013-04-01"), 6)).isEqualTo(day("2019-03-31"));
        assertThat(LegalAge.firstDayOfSchoolYearAttaining(day("2013-04-02"), 6)).isEqualTo(day("2019-04-01"));
        assertThat(LegalAge.lastDayOfSchoolYearAttaining(day("2013-04-02"), 6)).isEqualTo(day("2020-03-31"));
        assertThat(LegalAge.firstDayOfSchoolYearAttaining(day("2013-03-31"), 6)).isEqualTo(day("2018-04-01"));
    }
}
