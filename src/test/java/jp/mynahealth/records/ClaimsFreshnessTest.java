package jp.mynahealth.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;

import org.junit.jupiter.api.Test;

class ClaimsFreshnessTest {

    @Test
    void aMonthCompleteToItsLastDayIsTheMonthShownAndTheLagIsCountedFromToday() {
        assertThat(ClaimsFreshness.of(LocalDate.of(2026, 10, 31), LocalDate.of(2026, 11, 24)))
                .isEqualTo(new ClaimsFreshness(YearMonth.of(2026, 10), 1));
        assertThat(ClaimsFreshness.of(LocalDate.of(2026, 10, 31), LocalDate.of(2026, 12, 1)))
                .isEqualTo(new ClaimsFreshness(YearMonth.of(2026, 10), 2));
    }

    @Test
    void aDateWithinAMonthStandsForTheMonthBefore() {
        assertThat(ClaimsFreshness.of(LocalDate.of(2026, 10, 20), LocalDate.of(2026, 11, 24)).through())
                .isEqualTo(YearMonth.of(2026, 9));
    }

    @Test
    void claimsOfTheCurrentMonthAreNotBehind() {
        assertThat(ClaimsFreshness.of(LocalDate.of(2026, 11, 30), LocalDate.of(2026, 11, 24)).monthsBehind()).isZero();
    }
}
