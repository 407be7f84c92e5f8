package jp.mynahealth.records;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;

/**
 * How far data taken from claims (レセプト) reaches, as a page states it next to the lines it shows:
 * the newest service month that is complete, and how many months before the current one that is.
 * Claims come a month at a time, sent by the 10th of the next month, so this is a month and not a
 * day, and on an ordinary day it is one month behind (two in a month's first days). A source that
 * arrives sooner (the electronic prescriptions of issue #17) gets a line of its own.
 *
 * @param through the newest month every line of which is in the store
 * @param monthsBehind months from {@code through} to the current month; 0 when the current month's
 *        claims are already in (a feed may send them early)
 */
public record ClaimsFreshness(YearMonth through, int monthsBehind) {

    /**
     * From the store's as-of date for a claims-based kind: a month counts only once complete to its
     * last day, so a date within a month stands for the month before.
     */
    public static ClaimsFreshness of(LocalDate completeThrough, LocalDate today) {
        YearMonth month = YearMonth.from(completeThrough);
        YearMonth through = completeThrough.equals(month.atEndOfMonth()) ? month : month.minusMonths(1);
        int behind = (int) Math.max(0, through.until(YearMonth.from(today), ChronoUnit.MONTHS));
        return new ClaimsFreshness(through, behind);
    }
}
