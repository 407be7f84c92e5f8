package jp.mynahealth.portal.vaccinations;

import java.time.LocalDate;

/** A point of the schedule given as an age, which becomes a day once the child's birth date is known. */
sealed interface AgeMark {

    LocalDate on(LocalDate birth);

    static AgeMark months(int months) {
        return new Months(months);
    }

    static AgeMark years(int years) {
        return new Months(years * 12);
    }

    static AgeMark daysAfterBirth(int days) {
        return new DaysAfterBirth(days);
    }

    /** The 1 April opening the school year (年度) in which the child attains {@code years}. */
    static AgeMark schoolYearStart(int years) {
        return new SchoolYear(years, false);
    }

    /** The 31 March closing the school year in which the child attains {@code years}. */
    static AgeMark schoolYearEnd(int years) {
        return new SchoolYear(years, true);
    }

    /** 生後n月 (or n歳 as 12n months): the day it is attained. */
    record Months(int months) implements AgeMark {
        @Override
        public LocalDate on(LocalDate birth) {
            return months == 0 ? birth : LegalAge.monthsAttained(birth, months);
        }
    }

    /** 出生n日後 (6週0日後 is 42 days). */
    record DaysAfterBirth(int days) implements AgeMark {
        @Override
        public LocalDate on(LocalDate birth) {
            return LegalAge.daysAfterBirth(birth, days);
        }
    }

    record SchoolYear(int years, boolean end) implements AgeMark {
        @Override
        public LocalDate on(LocalDate birth) {
            return end ? LegalAge.lastDayOfSchoolYearAttaining(birth, years)
                    : LegalAge.firstDayOfSchoolYearAttaining(birth, years);
        }
    }
}
