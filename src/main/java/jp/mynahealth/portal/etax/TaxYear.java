package jp.mynahealth.portal.etax;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import jp.mynahealth.records.CostNotice;
import jp.mynahealth.records.CostSummary;

/**
 * A person's medical expenses for one tax year (1 January – 31 December, by the notices' service
 * month), and which of its months are not complete yet because claims arrive about two months late.
 */
public record TaxYear(int year, List<CostNotice> notices, CostSummary summary, List<YearMonth> incompleteMonths) {

    static TaxYear of(int year, List<CostNotice> notices, LocalDate completeThrough) {
        List<YearMonth> incomplete = new ArrayList<>();
        for (int month = 1; month <= 12; month++) {
            YearMonth candidate = YearMonth.of(year, month);
            if (completeThrough == null || candidate.atEndOfMonth().isAfter(completeThrough)) {
                incomplete.add(candidate);
            }
        }
        return new TaxYear(year, List.copyOf(notices), CostSummary.of(notices), List.copyOf(incomplete));
    }

    public boolean complete() {
        return incompleteMonths.isEmpty();
    }

    /** What the citizen paid at the counter, as the notices estimate it. */
    public long paid() {
        return summary.all().patientShare();
    }
}
