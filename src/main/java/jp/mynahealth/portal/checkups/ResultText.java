package jp.mynahealth.portal.checkups;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.Locale;

import org.springframework.context.MessageSource;

import jp.mynahealth.records.CheckupResult;

/**
 * Checkup numbers as the pages print them, in the visitor's language: a value with its item's
 * decimals (BMI 24.0, not 24), and a reference range in words — 「18.5 ～ 24.9」, 「129以下」,
 * 「40以上」 — or 「—」 for an item that has none. One place, so the result page, the trend table
 * and the sentence under the chart cannot disagree.
 */
public final class ResultText {

    private final MessageSource messages;
    private final Locale locale;

    ResultText(MessageSource messages, Locale locale) {
        this.messages = messages;
        this.locale = locale;
    }

    /** A value of an item written with {@code decimals}. */
    public String value(BigDecimal value, int decimals) {
        return value.setScale(Math.max(decimals, 0), RoundingMode.HALF_UP).toPlainString();
    }

    /** One result's value, with as many decimals as its value or its range is written with. */
    public String value(CheckupResult result) {
        return value(result.valueNumeric(), decimals(result));
    }

    /** One result's reference range, without the unit (the table's value column has it). */
    public String range(CheckupResult result) {
        return range(result.referenceLow(), result.referenceHigh(), decimals(result), null);
    }

    /**
     * A reference range, either bound of which may be missing; 「—」 when both are.
     *
     * @param unit printed after the numbers when not null (the chart's sentence), left out in tables
     */
    public String range(BigDecimal low, BigDecimal high, int decimals, String unit) {
        String suffix = unit == null || unit.isBlank() ? "" : " " + unit;
        if (low == null && high == null) {
            return message("checkup.range.none");
        }
        if (high == null) {
            return message("checkup.range.from", value(low, decimals), suffix);
        }
        if (low == null) {
            return message("checkup.range.upto", value(high, decimals), suffix);
        }
        return message("checkup.range.between", value(low, decimals), value(high, decimals), suffix);
    }

    static int decimals(CheckupResult result) {
        return TrendAxis.decimalsOf(Arrays.asList(result.valueNumeric(), result.referenceLow(), result.referenceHigh()));
    }

    private String message(String key, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
