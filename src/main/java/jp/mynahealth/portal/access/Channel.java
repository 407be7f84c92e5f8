package jp.mynahealth.portal.access;

/**
 * Where a citizen uses the portal: their own browser, or a municipal kiosk terminal; or, for what a
 * municipal officer did at the office on the citizen's behalf (ending every proxy), the operator;
 * or an app the citizen connected, reading through the API.
 */
public enum Channel {
    WEB, KIOSK, OPERATOR, API;

    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
