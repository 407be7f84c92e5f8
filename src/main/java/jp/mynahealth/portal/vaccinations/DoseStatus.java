package jp.mynahealth.portal.vaccinations;

/** Where a child stands with one dose of the routine schedule on a given day. */
public enum DoseStatus {
    /** A record of the dose exists. */
    GIVEN,
    /** Inside the standard period (標準的な接種期間), and not given. */
    DUE,
    /** Past the standard period but still inside the routine window: still free, and the time is running out. */
    OVERDUE,
    /** The standard period has not begun. */
    UPCOMING,
    /** The routine window has closed and the store has no record of the dose. */
    NOT_RECORDED
}
