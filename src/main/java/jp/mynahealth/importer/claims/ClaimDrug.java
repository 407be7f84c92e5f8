package jp.mynahealth.importer.claims;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One drug dispensed on a 調剤 receipt (CZ + IY records, with the prescription's SH record).
 *
 * @param recordNumber   the line of the IY record in the file, from 1
 * @param receiptNumber  the レセプト番号 of the receipt it belongs to
 * @param prescriberCode the prescribing institution's 10-digit code, or null when not given
 * @param drugCode       the 9-digit レセ電 医薬品コード (the 医薬品マスター gives name, unit and YJ code)
 * @param quantity       the total quantity dispensed, in the master's unit
 * @param days           days supplied (内服), times (頓服) or 1 (外用, 注射 unless given)
 * @param category       内服, 頓服, 外用 or 注射
 */
public record ClaimDrug(long recordNumber, int receiptNumber, LocalDate dispensedOn, String prescriberCode,
        String drugCode, BigDecimal quantity, int days, String usage, String category) {
}
