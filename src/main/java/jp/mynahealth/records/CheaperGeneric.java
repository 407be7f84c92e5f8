package jp.mynahealth.records;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A generic (後発医薬品) the drug master lists for a brand drug dispensed: the same first 9 characters
 * of the YJ code (ingredient, dosage form and strength) at a lower price per unit.
 *
 * @param price        the brand drug's price per unit (薬価, yen)
 * @param genericPrice the cheapest such generic's price per unit (yen)
 * @param copayPercent the person's copay rate on the day the line was dispensed (10, 20 or 30)
 */
public record CheaperGeneric(BigDecimal price, BigDecimal genericPrice, int copayPercent) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /**
     * The estimated lower share, in yen, had the line's quantity been the generic: the price
     * difference times the quantity, at the copay rate, rounded half up to 10 yen as the 窓口負担 of a
     * cost notice is. 0 when that is under 5 yen. Dispensing fees and the claim's rounding of drug
     * costs to points are left out: it is a guide to ask about, not what a switch would save.
     */
    public long savingYen(BigDecimal quantity) {
        BigDecimal difference = price.subtract(genericPrice).multiply(quantity);
        BigDecimal share = difference.multiply(BigDecimal.valueOf(copayPercent)).divide(HUNDRED);
        return Math.max(0, share.setScale(-1, RoundingMode.HALF_UP).longValueExact());
    }
}
