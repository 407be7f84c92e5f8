package jp.mynahealth.importer.checkups;

import java.math.BigDecimal;

/**
 * Gathers one {@code observation} of a checkup document while it streams past — its code, value,
 * interpretation and reference range — and turns it into an item or a judgement when it ends.
 */
final class ObservationBuilder {

    /** Where a problem of the document goes: the field's path and the reason in both languages. */
    interface Reporter {
        void report(String field, String reasonJa, String reasonEn);
    }

    /** What the observation turned out to be; exactly one of item and judgement, or neither. */
    record Result(CheckupItem item, Integer metabolicJudgement, Integer guidanceLevel) {
        static final Result NOTHING = new Result(null, null, null);
    }

    String codeSystem;
    String code;
    String displayName;
    String valueType;
    String valueNullFlavor;
    String value;
    String unit;
    String valueCode;
    String valueCodeSystem;
    String valueDisplayName;
    final StringBuilder valueText = new StringBuilder();
    boolean hasValue;
    String interpretation;
    String low;
    String high;

    Result build(Reporter reporter) {
        if (!CheckupCodes.JLAC10.equals(codeSystem)) {
            // Group containers (code nullFlavor) and local codes carry no item of the standard.
            return Result.NOTHING;
        }
        String path = "observation[code=" + abbreviate(code) + "]";
        if (!CheckupFieldLimits.jlac10(code)) {
            reporter.report(path + "/code/@code", "JLAC10コードが17桁の英数字ではありません",
                    "the JLAC10 code is not 17 letters or digits");
            return Result.NOTHING;
        }
        if (!hasValue || valueNullFlavor != null) {
            // Not performed or not reported (未実施): nothing to show, and not an error of the file.
            return Result.NOTHING;
        }
        if (code.equals(CheckupCodes.METABOLIC_JUDGEMENT) || code.equals(CheckupCodes.GUIDANCE_LEVEL)) {
            Integer judgement = judgement(path, reporter);
            if (judgement == null) {
                return Result.NOTHING;
            }
            return code.equals(CheckupCodes.METABOLIC_JUDGEMENT) ? new Result(null, judgement, null)
                    : new Result(null, null, judgement);
        }
        return item(path, reporter);
    }

    private Integer judgement(String path, Reporter reporter) {
        if (!("CO".equals(valueType) || "CD".equals(valueType)) || valueCode == null || !valueCode.matches("[1-4]")) {
            reporter.report(path + "/value/@code", "判定のコードが1〜4ではありません", "the judgement is not a code 1 to 4");
            return null;
        }
        return Integer.valueOf(valueCode);
    }

    private Result item(String path, Reporter reporter) {
        boolean ok = true;
        BigDecimal numeric = null;
        String text = null;
        String itemUnit = null;
        switch (valueType == null ? "" : valueType) {
            case "PQ" -> {
                if (!CheckupFieldLimits.decimal(value)) {
                    reporter.report(path + "/value/@value", "数値ではありません（または桁数が多すぎます）",
                            "the value is not a plain decimal number (at most 12 digits and 6 decimals)");
                    ok = false;
                } else {
                    numeric = new BigDecimal(value);
                }
                itemUnit = unit == null || unit.isEmpty() ? null : unit;
                ok &= check(itemUnit, CheckupFieldLimits.MAX_UNIT, path + "/value/@unit", reporter);
            }
            case "CO", "CD" -> {
                text = valueDisplayName != null && !valueDisplayName.isBlank() ? valueDisplayName.strip()
                        : CheckupCodes.displayOf(valueCodeSystem, valueCode);
                if (text == null) {
                    text = valueCode;
                }
                if (text == null || text.isEmpty()) {
                    reporter.report(path + "/value/@code", "コード値がありません", "the coded value has no code");
                    ok = false;
                }
            }
            case "ST" -> {
                text = valueText.toString().strip();
                if (text.isEmpty()) {
                    reporter.report(path + "/value", "値が空です", "the text value is empty");
                    ok = false;
                }
            }
            default -> {
                reporter.report(path + "/value/@xsi:type", "値の型 " + abbreviate(valueType) + " は扱えません（PQ, CO, CD, ST）",
                        "the value type " + abbreviate(valueType) + " is not one of PQ, CO, CD, ST");
                ok = false;
            }
        }
        ok &= check(text, CheckupFieldLimits.MAX_VALUE_TEXT, path + "/value", reporter);
        ok &= check(displayName, CheckupFieldLimits.MAX_ITEM_NAME, path + "/code/@displayName", reporter);
        BigDecimal rangeLow = bound(low, path + "/referenceRange/observationRange/value/low/@value", reporter);
        BigDecimal rangeHigh = bound(high, path + "/referenceRange/observationRange/value/high/@value", reporter);
        ok &= (low == null || rangeLow != null) && (high == null || rangeHigh != null);
        if (!ok) {
            return Result.NOTHING;
        }
        return new Result(new CheckupItem(code, displayName, numeric, text, itemUnit, rangeLow, rangeHigh, flag()), null,
                null);
    }

    /** H above, L below; HH/LL (critical) are still above/below, other interpretations say neither. */
    private String flag() {
        if ("H".equals(interpretation) || "HH".equals(interpretation)) {
            return "H";
        }
        if ("L".equals(interpretation) || "LL".equals(interpretation)) {
            return "L";
        }
        return null;
    }

    private static BigDecimal bound(String value, String field, Reporter reporter) {
        if (value == null) {
            return null;
        }
        if (!CheckupFieldLimits.decimal(value)) {
            reporter.report(field, "基準値が数値ではありません", "the reference limit is not a plain decimal number");
            return null;
        }
        return new BigDecimal(value);
    }

    private static boolean check(String value, int max, String field, Reporter reporter) {
        if (!CheckupFieldLimits.within(value, max)) {
            reporter.report(field, max + "文字を超えています", "longer than " + max + " characters");
            return false;
        }
        return true;
    }

    /** Hostile values end up in reports: keep the quoted part short. */
    static String abbreviate(String value) {
        if (value == null) {
            return "";
        }
        return value.length() <= 20 ? value : value.substring(0, 20) + "…";
    }
}
