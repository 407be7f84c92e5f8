package jp.mynahealth.portal.checkups;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * The vertical axis of a trend chart: a range and a step of 1, 2 or 5 × 10ⁿ, in exact decimals.
 * Ticks are whole multiples of the step, never a running sum of doubles, so a label reads 4.6 and
 * not 4.6000000000000005; each is printed with the item's own decimals (height 170.2 → 165.0,
 * LDL 120 → 100).
 *
 * @param decimals the item's number of decimals, as its values and reference ranges are written
 */
record TrendAxis(BigDecimal low, BigDecimal high, BigDecimal step, int decimals) {

    /** About this many intervals between grid lines; at most {@link #MAX_INTERVALS}. */
    static final int TARGET_INTERVALS = 5;
    static final int MAX_INTERVALS = 8;
    private static final BigDecimal TENTH = new BigDecimal("0.1");
    private static final BigDecimal TEN = BigDecimal.TEN;

    /**
     * The axis for an item's values with, when the item has one, its reference band: the band (or
     * the one bound a one-sided range has) is always inside, so the values are seen against it.
     *
     * <p>Noise must not look like a trend: a height measured 0.4 cm apart would otherwise fill the
     * whole chart. So the axis spans at least {@link #minimumSpan the minimum span} of the item,
     * centred on what it shows; an item whose values and band are not negative gets no negative axis.
     */
    static TrendAxis of(Collection<BigDecimal> values, BigDecimal bandLow, BigDecimal bandHigh, int decimals) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("An axis needs at least one value");
        }
        List<BigDecimal> shown = new ArrayList<>(values);
        if (bandLow != null) {
            shown.add(bandLow);
        }
        if (bandHigh != null) {
            shown.add(bandHigh);
        }
        BigDecimal min = shown.stream().min(BigDecimal::compareTo).orElseThrow();
        BigDecimal max = shown.stream().max(BigDecimal::compareTo).orElseThrow();
        BigDecimal wanted = minimumSpan(values, bandLow, bandHigh, decimals);
        BigDecimal span = max.subtract(min);
        if (span.compareTo(wanted) < 0) {
            BigDecimal grow = wanted.subtract(span).divide(BigDecimal.valueOf(2));
            boolean neverNegative = min.signum() >= 0;
            min = min.subtract(grow);
            max = max.add(grow);
            if (neverNegative && min.signum() < 0) {
                max = max.subtract(min);
                min = BigDecimal.ZERO;
            }
        }
        BigDecimal step = niceStep(max.subtract(min).divide(BigDecimal.valueOf(TARGET_INTERVALS), MathContext.DECIMAL64),
                decimals);
        while (true) {
            BigDecimal low = multiple(min, step, RoundingMode.FLOOR);
            BigDecimal high = multiple(max, step, RoundingMode.CEILING);
            if (high.compareTo(low) == 0) {
                high = low.add(step);
            }
            if (high.subtract(low).divide(step).intValueExact() <= MAX_INTERVALS) {
                return new TrendAxis(low, high, step, decimals);
            }
            step = nextNiceStep(step);
        }
    }

    /**
     * The least span the axis shows, so that what is within measurement noise stays flat: the
     * width of a two-sided reference band (the scale the item's results are judged on: BMI 18.5 to
     * 24.9 gives 6.4), and at least a tenth of the values' mean (for height, weight or a one-sided
     * range like blood pressure up to 129: 171 cm gives 17.1 cm, so 0.4 cm is a flat line), and
     * never less than ten units of the item's last decimal.
     */
    static BigDecimal minimumSpan(Collection<BigDecimal> values, BigDecimal bandLow, BigDecimal bandHigh, int decimals) {
        BigDecimal mean = values.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(values.size()), MathContext.DECIMAL64);
        BigDecimal span = mean.abs().multiply(TENTH).max(TEN.scaleByPowerOfTen(-decimals));
        if (bandLow != null && bandHigh != null) {
            span = span.max(bandHigh.subtract(bandLow).abs());
        }
        return span;
    }

    /**
     * 1, 2 or 5 × 10ⁿ near {@code raw}, never finer than the item's last decimal (a step of 0.05
     * on values written as 5.6 would only repeat labels).
     */
    static BigDecimal niceStep(BigDecimal raw, int decimals) {
        BigDecimal finest = BigDecimal.ONE.scaleByPowerOfTen(-decimals);
        if (raw.signum() <= 0) {
            return finest;
        }
        int exponent = raw.precision() - raw.scale() - 1;
        BigDecimal power = BigDecimal.ONE.scaleByPowerOfTen(exponent);
        BigDecimal fraction = raw.divide(power, MathContext.DECIMAL64);
        int nice = fraction.compareTo(new BigDecimal("1.5")) < 0 ? 1
                : fraction.compareTo(new BigDecimal("3.5")) < 0 ? 2
                : fraction.compareTo(new BigDecimal("7.5")) < 0 ? 5 : 10;
        return BigDecimal.valueOf(nice).scaleByPowerOfTen(exponent).max(finest);
    }

    /** The next coarser step: 1 → 2 → 5 → 10. */
    static BigDecimal nextNiceStep(BigDecimal step) {
        BigDecimal plain = step.stripTrailingZeros();
        int leading = plain.unscaledValue().intValueExact();
        int exponent = -plain.scale();
        return switch (leading) {
            case 1 -> BigDecimal.valueOf(2).scaleByPowerOfTen(exponent);
            case 2 -> BigDecimal.valueOf(5).scaleByPowerOfTen(exponent);
            default -> BigDecimal.ONE.scaleByPowerOfTen(exponent + 1);
        };
    }

    private static BigDecimal multiple(BigDecimal value, BigDecimal step, RoundingMode rounding) {
        return value.divide(step, 0, rounding).multiply(step);
    }

    /** The grid values from low to high, each an exact multiple of the step. */
    List<BigDecimal> ticks() {
        int intervals = high.subtract(low).divide(step).intValueExact();
        List<BigDecimal> ticks = new ArrayList<>();
        for (int i = 0; i <= intervals; i++) {
            ticks.add(low.add(step.multiply(BigDecimal.valueOf(i))));
        }
        return ticks;
    }

    /** A tick as printed: with the item's decimals (or the step's, were it ever finer). */
    String label(BigDecimal tick) {
        int scale = Math.max(decimals, Math.max(0, step.stripTrailingZeros().scale()));
        return tick.setScale(scale, RoundingMode.UNNECESSARY).toPlainString();
    }

    /**
     * The number of decimals an item is written with: the most any of its values or reference
     * bounds has once trailing zeros are dropped (the store keeps two decimals for all: 24.90).
     */
    static int decimalsOf(Collection<BigDecimal> numbers) {
        return numbers.stream().filter(Objects::nonNull)
                .mapToInt(n -> Math.max(0, n.stripTrailingZeros().scale()))
                .max().orElse(0);
    }
}
