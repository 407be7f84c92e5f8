package jp.mynahealth.portal.proxies;

import java.time.LocalDate;
import java.time.Period;

/**
 * The ages acting for others turns on. Under the 年齢計算ニ関スル法律 and the 民法's rule on periods
 * a person attains an age at the end of the day before the birthday (for someone born on 29
 * February, at the end of 28 February), so from the birthday on they have it: {@link Period}'s
 * years give that age. 成年 is 18 (民法4条): a parent's legal link holds to the end of the day the
 * child attains 18, the day before the 18th birthday.
 */
final class LegalAges {

    static final int MAJORITY = 18;
    /** From this age a child may end a parent's link themself (and decides on their own records, e.g. consent). */
    static final int MAY_END_PARENTS_LINK = 15;

    private LegalAges() {
    }

    static int age(LocalDate birth, LocalDate today) {
        return Period.between(birth, today).getYears();
    }

    static boolean adult(LocalDate birth, LocalDate today) {
        return age(birth, today) >= MAJORITY;
    }

    static boolean mayEndParentsLink(LocalDate birth, LocalDate today) {
        return age(birth, today) >= MAY_END_PARENTS_LINK;
    }

    /** The last day of a parent's legal link: the day the child attains 18 (the eve of the birthday; 28 February for 29 February). */
    static LocalDate lastDayAsMinor(LocalDate birth) {
        return birth.minusDays(1).plusYears(MAJORITY);
    }
}
