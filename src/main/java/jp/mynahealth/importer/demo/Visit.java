package jp.mynahealth.importer.demo;

import java.time.LocalDate;

import jp.mynahealth.importer.demo.DemoCatalog.Institution;

/** A day's care; for 調剤 the prescribing institution too, as a pharmacy claims per prescriber. */
record Visit(LocalDate date, Institution institution, String category, long cost, Coverage coverage,
        String prescriber) {
}
