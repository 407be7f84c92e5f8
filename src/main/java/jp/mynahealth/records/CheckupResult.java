package jp.mynahealth.records;

import java.math.BigDecimal;

/** One item of a checkup, with its JLAC10 code, value, unit, reference range and H/L flag. */
public record CheckupResult(String itemCode, String itemName, BigDecimal valueNumeric, String valueText, String unit,
        BigDecimal referenceLow, BigDecimal referenceHigh, String flag) {
}
