package jp.mynahealth.records;

import java.time.LocalDate;
import java.util.UUID;

/**
 * One checkup (特定健診等): when, which programme, where, and its judgements.
 *
 * @param metabolicJudgement メタボ判定: 1 基準該当, 2 予備群該当, 3 非該当, 4 判定不能; null when not judged
 * @param guidanceLevel      保健指導レベル: 1 積極的支援, 2 動機付け支援, 3 なし, 4 判定不能; null when not judged
 */
public record Checkup(UUID id, LocalDate checkedOn, String program, String institutionName, Integer metabolicJudgement,
        Integer guidanceLevel) {
}
