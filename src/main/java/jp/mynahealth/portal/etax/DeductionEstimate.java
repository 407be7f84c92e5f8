package jp.mynahealth.portal.etax;

/**
 * The medical expense deduction (医療費控除) as the tax law computes it:
 * (paid − reimbursed) − the lesser of ¥100,000 and 5 % of total income, at most ¥2,000,000 and
 * never below zero. {@code beforeLimits} keeps the raw figure so a negative result can be explained.
 */
public record DeductionEstimate(long paid, long reimbursed, long income, long threshold, long beforeLimits,
        long deduction, boolean capped) {

    static final long FLOOR = 100_000;
    static final long CAP = 2_000_000;

    public static DeductionEstimate of(long paid, long reimbursed, long income) {
        if (paid < 0 || reimbursed < 0 || income < 0) {
            throw new IllegalArgumentException("amounts cannot be negative");
        }
        // 5 % of income, rounded down to the yen, as the return form computes it.
        long threshold = Math.min(FLOOR, income * 5 / 100);
        long beforeLimits = paid - reimbursed - threshold;
        long deduction = Math.max(0, Math.min(CAP, beforeLimits));
        return new DeductionEstimate(paid, reimbursed, income, threshold, beforeLimits, deduction, beforeLimits > CAP);
    }

    public boolean fivePercentApplies() {
        return threshold < FLOOR;
    }
}
