package jp.mynahealth.portal.vaccinations;

import java.time.LocalDate;

/**
 * Ages as the routine programme counts them. Under the 年齢計算ニ関スル法律 and the 民法's rule on
 * periods, a child attains an age at the end of the day before the birthday; MHLW reads the
 * 予防接種法施行令 so that "生後2月から" opens on that day and "1歳に至るまで" (or "…未満") still
 * includes it. A month without the birthday's date ends the period on its last day: a child born on
 * 31 December attains two months on 28 (or 29) February.
 */
final class LegalAge {

    private LegalAge() {
    }

    /** The day a child born on {@code birth} attains {@code months} months (生後n月に至った日). */
    static LocalDate monthsAttained(LocalDate birth, int months) {
        LocalDate sameDay = birth.plusMonths(months);
        // plusMonths falls back to the month's last day when the month has no such date: the period ends there.
        return sameDay.getDayOfMonth() == birth.getDayOfMonth() ? sameDay.minusDays(1) : sameDay;
    }

    /** 出生n日後: the day after birth is one day after. Rotavirus limits are written in weeks and days. */
    static LocalDate daysAfterBirth(LocalDate birth, int days) {
        return birth.plusDays(days);
    }

    /** The first day (1 April) of the school year (年度) in which the child attains {@code years}. */
    static LocalDate firstDayOfSchoolYearAttaining(LocalDate birth, int years) {
        LocalDate attained = monthsAttained(birth, years * 12);
        int year = attained.getMonthValue() >= 4 ? attained.getYear() : attained.getYear() - 1;
        return LocalDate.of(year, 4, 1);
    }

    /** The last day (31 March) of the school year in which the child attains {@code years}. */
    static LocalDate lastDayOfSchoolYearAttaining(LocalDate birth, int years) {
        return firstDayOfSchoolYearAttaining(birth, years).plusYears(1).minusDays(1);
    }
}
