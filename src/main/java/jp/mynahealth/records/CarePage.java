package jp.mynahealth.records;

import java.time.YearMonth;
import java.util.List;

/**
 * A page of care acts: every act of a few visit months, newest first, and the month the next page
 * starts before (null at the end). A month is never split across pages, so a visit's acts stay together.
 */
public record CarePage(List<CareAct> acts, YearMonth nextBefore) {
}
