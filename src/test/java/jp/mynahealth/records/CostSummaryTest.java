package jp.mynahealth.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.Test;

class CostSummaryTest {

    private static CostNotice notice(String institution, String category, int days, long total, long patient) {
        return new CostNotice(1, YearMonth.of(2025, 3), "0000000000", institution, category, days, total, total - patient, 0,
                patient, "保険者");
    }

    @Test
    void addsUpInAllByCategoryInTheNoticeOrderAndByInstitutionLargestFirst() {
        CostSummary summary = CostSummary.of(List.of(
                notice("見本薬局", "調剤", 2, 6_000, 1_800),
                notice("見本内科", "外来", 2, 8_360, 2_510),
                notice("見本病院", "入院", 12, 420_000, 126_000),
                notice("見本内科", "外来", 1, 4_180, 1_250)));
        assertThat(summary.all()).isEqualTo(new CostSummary.Totals(17, 438_540, 131_560));
        assertThat(summary.byCategory()).extracting(CostSummary.Line::label).containsExactly("入院", "外来", "調剤");
        assertThat(summary.byCategory().get(1).totals()).isEqualTo(new CostSummary.Totals(3, 12_540, 3_760));
        assertThat(summary.byInstitution()).extracting(CostSummary.Line::label).containsExactly("見本病院", "見本内科", "見本薬局");
    }

    @Test
    void noNoticesAddUpToZero() {
        CostSummary summary = CostSummary.of(List.of());
        assertThat(summary.all()).isEqualTo(new CostSummary.Totals(0, 0, 0));
        assertThat(summary.byCategory()).isEmpty();
    }
}
