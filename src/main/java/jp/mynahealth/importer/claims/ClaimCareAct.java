package jp.mynahealth.importer.claims;

import java.time.LocalDate;

/**
 * One procedure (診療行為) done for the patient on one day, from an SI record of a 医科 or 歯科
 * receipt: one record gives one of these for each day its 算定日情報 counts.
 *
 * @param recordNumber  the line of the SI record in the file, from 1
 * @param receiptNumber the レセプト番号 of the receipt it belongs to
 * @param careClass     the 診療識別 (11 初診, 12 再診, 60 検査, 70 画像診断 …), carried forward as the
 *                      specification allows
 * @param procedureCode the 9-digit 診療行為コード (the 診療行為マスター gives its name)
 * @param times         how many times on that day, 1 to 999
 */
public record ClaimCareAct(long recordNumber, int receiptNumber, int careClass, String procedureCode,
        LocalDate performedOn, int times) {
}
