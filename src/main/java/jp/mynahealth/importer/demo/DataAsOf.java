package jp.mynahealth.importer.demo;

import java.time.LocalDate;
import java.time.YearMonth;

/** Up to when each data kind is complete on the reference date (claims lag one to two months). */
record DataAsOf(LocalDate qualification, LocalDate dispensing, LocalDate checkup, LocalDate costNotice) {

    /**
     * The first day of a month on which the previous month's claims are in: clinics and
     * pharmacies send a month's claims (レセプト) by the 10th of the next, and the store
     * receives them after that. Until then the month before last is the newest complete one.
     */
    static final int CLAIMS_ARRIVE_ON = 11;

    static DataAsOf on(LocalDate asOf) {
        LocalDate claims = claimsCompleteThrough(asOf);
        return new DataAsOf(asOf, claims, asOf.minusWeeks(6), claims);
    }

    /** The last day of the newest month whose claims have arrived by {@code day}. */
    static LocalDate claimsCompleteThrough(LocalDate day) {
        YearMonth claimed = YearMonth.from(day).minusMonths(day.getDayOfMonth() >= CLAIMS_ARRIVE_ON ? 1 : 2);
        return claimed.atEndOfMonth();
    }
}
