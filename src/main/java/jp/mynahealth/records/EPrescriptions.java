package jp.mynahealth.records;

import java.time.LocalDate;

/**
 * How long e-prescription data (電子処方箋) is kept and shown: 100 days, as on Mynaportal, counting
 * the day of the event itself. The importer removes what is older on every import and the drug page
 * never shows it, so a day without imports does not make the page show a 101st day.
 */
public final class EPrescriptions {

    public static final int KEPT_DAYS = 100;

    private EPrescriptions() {
    }

    /** The oldest day whose events are still kept and shown on {@code today}. */
    public static LocalDate oldestShown(LocalDate today) {
        return today.minusDays(KEPT_DAYS - 1L);
    }
}
