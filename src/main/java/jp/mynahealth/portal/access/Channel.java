package jp.mynahealth.portal.access;

/** Where a citizen uses the portal: their own browser, or a municipal kiosk terminal. */
public enum Channel {
    WEB, KIOSK;

    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
