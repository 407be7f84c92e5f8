package jp.mynahealth.importer.checkups;

import java.time.LocalDate;
import java.util.List;

/**
 * One person's checkup: one HL7 CDA R2 ClinicalDocument of a 特定健診 exchange archive.
 *
 * @param recordNumber        the document's position in the archive, from 1
 * @param entryName           the archive entry it was read from
 * @param setId               the document's setId (root + extension): the same checkup across re-deliveries
 * @param version             the document's versionNumber: a higher one replaces an earlier delivery
 * @param program             特定健診 or 後期高齢者健診
 * @param institutionCode     the 10-digit code of the institution that performed it
 * @param symbol              被保険者証等記号, null when there is none
 * @param name                the person's name as the document gives it (usually kana)
 * @param metabolicJudgement  メタボ判定 9N501: 1 基準該当, 2 予備群該当, 3 非該当, 4 判定不能; null if absent
 * @param guidanceLevel       保健指導レベル 9N506: 1 積極的支援, 2 動機付け支援, 3 なし, 4 判定不能; null if absent
 */
public record CheckupDocument(long recordNumber, String entryName, String setId, int version, LocalDate checkedOn,
        String program, String institutionCode, String insurerNumber, String symbol, String number, String branch,
        String name, LocalDate birthDate, int sex, Integer metabolicJudgement, Integer guidanceLevel,
        List<CheckupItem> items) {
}
