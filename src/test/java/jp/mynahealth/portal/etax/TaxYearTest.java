package jp.mynahealth.portal.etax;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.Test;

import jp.mynahealth.records.CostNotice;

class TaxYearTest {

    private static CostNotice notice(YearMonth month, long total, long patient) {
        return new CostNotice(1, month, "1311000000", "見本内科", "外来", 1, total, total - patient, 0, patient, "保険者");
    }

    @Test
    void theYearAddsUpItsNoticesAndNamesTheMonthsNotYetComplete() {
        TaxYear year = TaxYear.of(2024, List.of(notice(YearMonth.of(2024, 2), 10_000, 3_000),
                notice(YearMonth.of(2024, 12), 20_000, 6_000)), LocalDate.of(2024, 10, 31));
        assertThat(year.paid()).isEqualTo(9_000);
        assertThat(year.summary().all().totalCost()).isEqualTo(30_000);
        assertThat(year.incompleteMonths()).containsExactly(YearMonth.of(2024, 11), YearMonth.of(2024, 12));
        assertThat(year.complete()).isFalse();
    }

    @Test
    void aLeapFebruaryIsCompleteOnItsTwentyNinthDay() {
        assertThat(TaxYear.of(2024, List.of(), LocalDate.of(2024, 2, 29)).incompleteMonths()).first()
                .isEqualTo(YearMonth.of(2024, 3));
        assertThat(TaxYear.of(2024, List.of(), LocalDate.of(2024, 2, 28)).incompleteMonths()).first()
                .isEqualTo(YearMonth.of(2024, 2));
    }

    @Test
    void aYearWhoseDecemberIsInIsComplete() {
        assertThat(TaxYear.of(2025, List.of(), LocalDate.of(2025, 12, 31)).complete()).isTrue();
        assertThat(TaxYear.of(2025, List.of(), LocalDate.of(2026, 9, 30)).complete()).isTrue();
        assertThat(TaxYear.of(2026, List.of(), null).incompleteMonths()).hasSize(12);
    }
}
