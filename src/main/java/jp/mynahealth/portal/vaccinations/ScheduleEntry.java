package jp.mynahealth.portal.vaccinations;

/**
 * One dose of the routine schedule.
 *
 * @param windowFrom       the first day it is given as 定期接種 (free, under the 予防接種法)
 * @param windowUntil      the last day it is (after it, the dose is a 任意接種 at the family's cost)
 * @param recommendedFrom  the start of the standard period (標準的な接種期間) the 実施要領 recommends
 * @param recommendedUntil the last day of the standard period: after it and until windowUntil the dose is overdue
 */
record ScheduleEntry(Series series, int dose, AgeMark windowFrom, AgeMark windowUntil, AgeMark recommendedFrom,
        AgeMark recommendedUntil) {
}
