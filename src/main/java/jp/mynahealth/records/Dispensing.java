package jp.mynahealth.records;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One dispensed drug line (薬剤情報). */
public record Dispensing(long id, LocalDate dispensedOn, String dispenserCode, String dispenserName, String prescriberName,
        String drugCode, String drugName, boolean generic, BigDecimal quantity, String unit, String usage, int days,
        String category) {
}
