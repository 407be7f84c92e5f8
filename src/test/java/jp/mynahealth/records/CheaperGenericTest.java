package jp.mynahealth.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

/** The estimated saving of a generic: the price difference of the quantity, at the copay rate, rounded to 10 yen like a cost notice's share. */
class CheaperGenericTest {

    private static long saving(String price, String genericPrice, int copay, String quantity) {
        return new CheaperGeneric(new BigDecimal(price), new BigDecimal(genericPrice), copay).savingYen(new BigDecimal(quantity));
    }

    @Test
    void theDifferenceOfTheQuantityAtTheCopayRateRoundedHalfUpToTenYen() {
        // (20.6 - 10.4) × 28 = 285.6 yen of drug cost: 30 % is 85.68, 20 % 57.12, 10 % 28.56.
        assertThat(saving("20.6", "10.4", 30, "28")).isEqualTo(90);
        assertThat(saving("20.6", "10.4", 20, "28")).isEqualTo(60);
        assertThat(saving("20.6", "10.4", 10, "28")).isEqualTo(30);
        // Fractional quantities (grams of powder) count as they are.
        assertThat(saving("14.1", "6.3", 30, "4.5")).isEqualTo(10);
    }

    @Test
    void fiveYenRoundsUpAndLessThanFiveIsNothing() {
        // 50 × 0.5 yen = 25 yen at 100 %... at 30 %: 7.5 → 10; 16 × 0.5 × 30 % = 2.4 → 0; 25 yen at 20 % = 5 → 10.
        assertThat(saving("10.5", "10.0", 30, "50")).isEqualTo(10);
        assertThat(saving("10.5", "10.0", 30, "16")).isZero();
        assertThat(saving("10.5", "10.0", 20, "50")).isEqualTo(10);
        assertThat(saving("10.5", "10.0", 20, "49")).isEqualTo(0);
    }

    /** The cost notices round the 窓口負担 so: Math.round(total × copay / 1000.0) × 10 (see DemoLife), on whole yen. */
    @Test
    void onWholeYenItRoundsAsTheCostNoticesDo() {
        for (int copay : new int[] { 10, 20, 30 }) {
            for (long total = 0; total <= 2_000; total++) {
                assertThat(saving(String.valueOf(total), "0", copay, "1")).as("%d yen at %d %%", total, copay)
                        .isEqualTo(Math.round(total * copay / 1000.0) * 10);
            }
        }
    }
}
