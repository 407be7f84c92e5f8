package jp.mynahealth.importer.checkups;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * The shapes and lengths of the fields the read store keeps. The reader refuses documents outside
 * them; the writer refuses to write such documents, so whatever it writes reads back.
 */
final class CheckupFieldLimits {

    static final int MAX_SYMBOL = 20;
    static final int MAX_NUMBER = 20;
    static final int MAX_NAME = 100;
    static final int MAX_SET_ID = 200;
    static final int MAX_ITEM_NAME = 100;
    static final int MAX_VALUE_TEXT = 1000;
    static final int MAX_UNIT = 30;
    static final int MAX_ITEMS = 500;
    static final int MAX_VERSION = 999;

    private static final Pattern INSURER_NUMBER = Pattern.compile("\\d{8}");
    private static final Pattern INSTITUTION_CODE = Pattern.compile("\\d{10}");
    private static final Pattern BRANCH = Pattern.compile("\\d{2}");
    private static final Pattern JLAC10 = Pattern.compile("[0-9A-Z]{17}");
    /** Plain decimals only: an exponent such as 1e999999999 would make BigDecimal arithmetic a hazard. */
    private static final Pattern DECIMAL = Pattern.compile("[+-]?\\d{1,12}(\\.\\d{1,6})?");

    private CheckupFieldLimits() {
    }

    private static final BigDecimal STORABLE_LIMIT = BigDecimal.valueOf(100_000_000);

    static boolean insurerNumber(String value) {
        return value != null && INSURER_NUMBER.matcher(value).matches();
    }

    static boolean institutionCode(String value) {
        return value != null && INSTITUTION_CODE.matcher(value).matches();
    }

    static boolean branch(String value) {
        return value == null || BRANCH.matcher(value).matches();
    }

    static boolean jlac10(String value) {
        return value != null && JLAC10.matcher(value).matches();
    }

    static boolean decimal(String value) {
        return value != null && DECIMAL.matcher(value).matches();
    }

    /** The writer's side of {@link #decimal(String)}: a value it writes must parse back the same. */
    static boolean decimal(BigDecimal value) {
        return value == null || decimal(value.toPlainString());
    }

    /** What records.checkup_result holds (numeric(10, 2)): under 10^8, at most 2 decimals that matter. */
    static boolean storable(BigDecimal value) {
        return value == null || value.abs().compareTo(STORABLE_LIMIT) < 0
                && value.compareTo(value.setScale(2, java.math.RoundingMode.HALF_UP)) == 0;
    }

    static boolean within(String value, int max) {
        return value == null || value.length() <= max;
    }

    /** XML 1.0 cannot carry most control characters; a string holding one could not be written. */
    static boolean xmlText(String value) {
        if (value == null) {
            return true;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0xFFFE || c == 0xFFFF) {
                return false;
            }
        }
        return true;
    }
}
