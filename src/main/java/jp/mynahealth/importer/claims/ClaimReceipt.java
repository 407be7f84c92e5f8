package jp.mynahealth.importer.claims;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * One receipt (レセプト) of a claims file: one person, one institution, one service month, one
 * category. Amounts are as claimed: points (点数, × 10 yen) and the public and patient shares in yen.
 *
 * @param recordNumber  the line of the RE record in the file, from 1
 * @param receiptNumber the レセプト番号 within the file (links the receipt's drug lines)
 * @param category      入院, 外来, 歯科, 調剤 or 訪問看護 (from the レセプト種別)
 * @param symbol        被保険者証等記号, null when the card has none (後期高齢者医療)
 * @param branch        枝番, two digits
 * @param name          氏名 as written on the receipt
 * @param cancelled     true for a 取消: the earlier receipt with the same identity is withdrawn
 */
public record ClaimReceipt(long recordNumber, int receiptNumber, String category, YearMonth serviceMonth,
        String insurerNumber, String symbol, String number, String branch, String name, LocalDate birthDate, int sex,
        int days, long totalPoints, long publicShareYen, long patientShareYen, boolean cancelled) {
}
