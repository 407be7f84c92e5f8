package jp.mynahealth.records;

import java.time.LocalDate;

/** One insurance qualification (資格情報) with its insurer. */
public record Qualification(String insurerNumber, String insurerName, String insurerKind, String symbol, String number,
        String branch, String relationship, int copayPercent, LocalDate validFrom, LocalDate validTo,
        String limitCategory) {

    public boolean validOn(LocalDate day) {
        return !validFrom.isAfter(day) && (validTo == null || !validTo.isBefore(day));
    }
}
