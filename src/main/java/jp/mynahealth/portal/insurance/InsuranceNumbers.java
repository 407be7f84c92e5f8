package jp.mynahealth.portal.insurance;

/**
 * How the insured person's 記号・番号・枝番 appear before "show" is used: the symbol and branch
 * hidden, the number down to its last two characters, so a glance over the shoulder (or a shared
 * kiosk screen) does not give the numbers away.
 */
final class InsuranceNumbers {

    private static final char MASK = '●';

    private InsuranceNumbers() {
    }

    static String maskAll(String value) {
        return value == null || value.isEmpty() ? value : String.valueOf(MASK).repeat(value.length());
    }

    static String maskAllButLastTwo(String value) {
        if (value == null || value.length() <= 2) {
            return maskAll(value);
        }
        return String.valueOf(MASK).repeat(value.length() - 2) + value.substring(value.length() - 2);
    }
}
