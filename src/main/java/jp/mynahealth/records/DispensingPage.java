package jp.mynahealth.records;

import java.time.LocalDate;
import java.util.List;

/** A page of drug lines, newest first, and where the next page starts (null at the end). */
public record DispensingPage(List<Dispensing> lines, Cursor next) {

    /** Keyset position: the last line shown (day, source, id: the list's order). */
    public record Cursor(LocalDate dispensedOn, Dispensing.Source source, long id) {
    }
}
