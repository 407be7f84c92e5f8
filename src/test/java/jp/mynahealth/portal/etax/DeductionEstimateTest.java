package jp.mynahealth.portal.etax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Hand-computed fixtures of (paid − reimbursed) − min(¥100,000, 5 % of income), capped at ¥2,000,000. */
class DeductionEstimateTest {

    @Test
    void aboveTheFloorTheHundredThousandYenAreDeducted() {
        DeductionEstimate estimate = DeductionEstimate.of(300_000, 0, 5_000_000);
        assertThat(estimate.threshold()).isEqualTo(100_000);
        assertThat(estimate.deduction()).isEqualTo(200_000);
        assertThat(estimate.fivePercentApplies()).isFalse();
    }

    @Test
    void belowTwoMillionIncomeFivePercentIsDeductedRoundedDown() {
        DeductionEstimate estimate = DeductionEstimate.of(100_000, 0, 1_234_567);
        assertThat(estimate.threshold()).isEqualTo(61_728);
        assertThat(estimate.deduction()).isEqualTo(38_272);
        assertThat(estimate.fivePercentApplies()).isTrue();
        assertThat(DeductionEstimate.of(100_000, 0, 2_000_000).threshold()).isEqualTo(100_000);
        assertThat(DeductionEstimate.of(100_000, 0, 1_999_999).threshold()).isEqualTo(99_999);
    }

    @Test
    void reimbursementsComeOffFirst() {
        assertThat(DeductionEstimate.of(300_000, 150_000, 5_000_000).deduction()).isEqualTo(50_000);
    }

    @Test
    void theDeductionIsAtMostTwoMillionYen() {
        DeductionEstimate estimate = DeductionEstimate.of(2_500_000, 0, 10_000_000);
        assertThat(estimate.beforeLimits()).isEqualTo(2_400_000);
        assertThat(estimate.deduction()).isEqualTo(2_000_000);
        assertThat(estimate.capped()).isTrue();
        assertThat(DeductionEstimate.of(2_100_000, 0, 10_000_000).capped()).isFalse();
    }

    @Test
    void exactlyTheThresholdGivesZeroAndLessGivesZeroNotANegative() {
        assertThat(DeductionEstimate.of(100_000, 0, 5_000_000).deduction()).isZero();
        DeductionEstimate below = DeductionEstimate.of(50_000, 0, 5_000_000);
        assertThat(below.beforeLimits()).isEqualTo(-50_000);
        assertThat(below.deduction()).isZero();
        assertThat(DeductionEstimate.of(10_000, 80_000, 0).deduction()).isZero();
        assertThat(DeductionEstimate.of(0, 0, 0).deduction()).isZero();
    }

    @Test
    void negativeInputsAreRefused() {
        assertThatThrownBy(() -> DeductionEstimate.of(-1, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void typedAmountsAcceptSeparatorsAndFullWidthDigitsOnly() {
        assertThat(EtaxController.amount("3,500,000")).contains(3_500_000L);
        assertThat(EtaxController.amount("３５０００００円")).contains(3_500_000L);
        assertThat(EtaxController.amount(" 1200 ")).contains(1_200L);
        assertThat(EtaxController.amount("-5")).isEmpty();
        assertThat(EtaxController.amount("1e9")).isEmpty();
        assertThat(EtaxController.amount("<script>")).isEmpty();
        assertThat(EtaxController.amount("9".repeat(13))).isEmpty();
        assertThat(EtaxController.amount(null)).isEmpty();
    }
}
