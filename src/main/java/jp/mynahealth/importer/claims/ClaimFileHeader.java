package jp.mynahealth.importer.claims;

import java.time.YearMonth;

/**
 * The first record of a claims file (IR for 医科/歯科, YK for 調剤): who claims, and for which
 * claim month (請求年月). A file holds the receipts of one institution for one claim month.
 *
 * @param institutionCode the 10-digit 医療機関等コード: prefecture (2) + 点数表 (1) + code (7)
 */
public record ClaimFileHeader(ClaimForm form, String institutionCode, String institutionName, YearMonth claimMonth) {
}
