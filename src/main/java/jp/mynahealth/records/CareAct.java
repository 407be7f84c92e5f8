package jp.mynahealth.records;

import java.time.LocalDate;

/**
 * One 診療行為 on one day at one institution (診療情報), as a medical or dental claim reported it.
 *
 * @param institutionName null when the institution list does not know the code (the claims name it by code only)
 * @param category        入院, 外来, 歯科 or 訪問看護
 * @param careClass       the claim's 診療識別 (11 初診, 12 再診, … 60 検査, 70 画像診断 …)
 * @param procedureName   the plain name from the 診療行為マスター when the claim was taken
 * @param times           how many times on that day
 */
public record CareAct(long id, LocalDate performedOn, String institutionCode, String institutionName,
        String institutionKind, String category, int careClass, String procedureCode, String procedureName, int times) {
}
