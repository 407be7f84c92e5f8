package jp.mynahealth.records;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One year's value of one checkup item, for the trend chart. */
public record TrendPoint(LocalDate checkedOn, BigDecimal value, String unit, BigDecimal referenceLow,
        BigDecimal referenceHigh, String flag, String itemName) {
}
