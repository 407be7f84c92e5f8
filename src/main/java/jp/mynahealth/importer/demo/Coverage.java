package jp.mynahealth.importer.demo;

import java.time.LocalDate;

import jp.mynahealth.importer.demo.DemoCatalog.Insurer;

/** One insurance coverage period of a person. */
record Coverage(Insurer insurer, String symbol, String number, String branch, String relationship, int copay,
        LocalDate from, LocalDate to, String limitCategory) {
    boolean covers(LocalDate day) {
        return !day.isBefore(from) && (to == null || !day.isAfter(to));
    }
}
