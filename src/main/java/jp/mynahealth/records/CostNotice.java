package jp.mynahealth.records;

import java.time.YearMonth;

/** One line of the medical cost notice (医療費通知情報), in yen. */
public record CostNotice(long id, YearMonth serviceMonth, String institutionCode, String institutionName,
        String category, int days, long totalCost, long insurerShare, long publicShare, long patientShare,
        String insurerName) {
}
