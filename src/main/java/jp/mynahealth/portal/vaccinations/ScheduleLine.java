package jp.mynahealth.portal.vaccinations;

import java.time.LocalDate;

import jp.mynahealth.records.Vaccination;

/**
 * One dose of the schedule for one child: its days, worked out from the birth date, and its status.
 *
 * @param given the record that gave it (for a dose of two vaccines given together, the later one); null unless given
 */
public record ScheduleLine(Series series, int dose, DoseStatus status, LocalDate opensOn, LocalDate recommendedFrom,
        LocalDate recommendedUntil, LocalDate closesOn, Vaccination given) {

    public String seriesKey() {
        return series.nameKey();
    }

    public String doseKey() {
        return series.doseKey(dose);
    }
}
