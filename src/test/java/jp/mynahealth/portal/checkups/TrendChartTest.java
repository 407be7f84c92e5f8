package jp.mynahealth.portal.checkups;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import jp.mynahealth.portal.checkups.TrendChart.GridLine;
import jp.mynahealth.portal.checkups.TrendChart.Point;
import jp.mynahealth.records.TrendPoint;

class TrendChartTest {

    /** Values as the store returns them: numeric(10, 2), so 163.3 arrives as 163.30. */
    private static List<TrendPoint> item(String low, String high, String... values) {
        List<TrendPoint> points = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            points.add(new TrendPoint(LocalDate.of(2021 + i, 7, 10), stored(values[i]), "x", stored(low), stored(high), null,
                    "item"));
        }
        return points;
    }

    private static BigDecimal stored(String value) {
        return value == null ? null : new BigDecimal(value).setScale(2);
    }

    private static List<String> labels(TrendChart chart) {
        return chart.grid().stream().map(GridLine::label).toList();
    }

    private static double plotHeight(TrendChart chart) {
        return chart.plotBottom() - chart.plotTop();
    }

    @Test
    void hba1cLabelsAreCleanMultiplesOfTheStepWithOneDecimal() {
        TrendChart chart = TrendChart.of(item("4.6", "5.5", "5.6", "5.8", "6.1", "5.9", "6.2"));
        assertThat(labels(chart)).allMatch(label -> label.matches("\\d\\.\\d"), "one decimal, no float residue")
                .contains("4.6", "5.0", "6.0");
    }

    @Test
    void heightLabelsAreCleanAndAFewMillimetresDoNotFillTheChart() {
        TrendChart chart = TrendChart.of(item(null, null, "163.3", "163.5", "163.7", "163.4", "163.6"));
        assertThat(labels(chart)).allMatch(label -> label.matches("\\d{3}\\.\\d"), "one decimal, no float residue");
        double lowest = chart.points().stream().mapToDouble(Point::y).max().orElseThrow();
        double highest = chart.points().stream().mapToDouble(Point::y).min().orElseThrow();
        assertThat(lowest - highest).as("0.4 cm drawn this tall").isLessThan(plotHeight(chart) * 0.1);
        assertThat(chart.band()).isNull();
    }

    @Test
    void aFlatHeightSitsInTheMiddleNotOnAnEdge() {
        TrendChart chart = TrendChart.of(item(null, null, "170.2", "170.2"));
        double y = chart.points().get(0).y();
        assertThat(y).isStrictlyBetween(chart.plotTop() + plotHeight(chart) * 0.2, chart.plotBottom() - plotHeight(chart) * 0.2);
    }

    @Test
    void labelsHaveTheItemsOwnDecimals() {
        assertThat(labels(TrendChart.of(item("60", "119", "118", "125", "131")))).allMatch(l -> l.matches("\\d+"));
        assertThat(labels(TrendChart.of(item("0.65", "1.07", "0.92", "0.95", "1.01")))).allMatch(l -> l.matches("\\d\\.\\d\\d"));
        assertThat(labels(TrendChart.of(item(null, null, "171.0", "171.2")))).allMatch(l -> l.matches("\\d+\\.\\d"));
        assertThat(TrendChart.of(item("18.5", "24.9", "24.0", "24.5")).decimals()).isEqualTo(1);
    }

    @Test
    void theBandIsAlwaysInsideTheAxis() {
        List<List<TrendPoint>> cases = List.of(
                item("18.5", "24.9", "30.1", "31.5"),   // far above the band
                item("60", "119", "20", "25"),          // far below it
                item(null, "129", "100", "101"),        // only an upper bound, well away
                item("40", null, "90", "92"),           // only a lower bound, well away
                item("4.6", "5.5", "5.0", "5.1"));      // inside it
        for (List<TrendPoint> data : cases) {
            TrendChart chart = TrendChart.of(data);
            assertThat(chart.band()).isNotNull();
            assertThat(chart.band().y()).isGreaterThanOrEqualTo(chart.plotTop());
            assertThat(chart.band().y() + chart.band().height()).isLessThanOrEqualTo(chart.plotBottom());
            TrendPoint last = data.get(data.size() - 1);
            BigDecimal bottom = new BigDecimal(labels(chart).get(0));
            BigDecimal top = new BigDecimal(labels(chart).get(labels(chart).size() - 1));
            if (last.referenceLow() != null) {
                assertThat(bottom).isLessThanOrEqualTo(last.referenceLow());
            }
            if (last.referenceHigh() != null) {
                assertThat(top).isGreaterThanOrEqualTo(last.referenceHigh());
            }
            assertThat(chart.points()).allSatisfy(p -> assertThat(p.y()).isBetween((double) chart.plotTop(),
                    (double) chart.plotBottom()));
        }
    }

    @Test
    void noLabelIsWiderThanTheLeftMargin() {
        List<List<TrendPoint>> cases = List.of(
                item(null, null, "163.3", "163.5", "163.7"),
                item("4.6", "5.5", "5.6", "6.2"),
                item(null, null, "12345.67", "12399.01"),
                item("0.65", "1.07", "0.92", "0.95"));
        for (List<TrendPoint> data : cases) {
            TrendChart chart = TrendChart.of(data);
            assertThat(chart.grid()).allSatisfy(line -> {
                double width = line.label().length() * TrendChart.FONT_SIZE * 0.6;
                assertThat(width).as(line.label()).isLessThanOrEqualTo(chart.labelRight());
            });
        }
    }

    @Test
    void aValueThatCannotBeNegativeGetsNoNegativeAxis() {
        TrendChart chart = TrendChart.of(item(null, null, "0.1", "0.2"));
        assertThat(labels(chart)).allSatisfy(label -> assertThat(new BigDecimal(label)).isNotNegative());
    }

    @Test
    void theGridHasAFewLinesAtNiceSteps() {
        for (List<TrendPoint> data : List.of(item(null, null, "163.3", "163.7"), item("4.6", "5.5", "5.6", "6.2"),
                item(null, "129", "127", "141", "118"), item("60", "119", "140", "180", "95"))) {
            List<String> labels = labels(TrendChart.of(data));
            assertThat(labels.size()).isBetween(3, TrendAxis.MAX_INTERVALS + 1);
            BigDecimal step = new BigDecimal(labels.get(1)).subtract(new BigDecimal(labels.get(0))).stripTrailingZeros();
            assertThat(step.unscaledValue().intValue()).isIn(1, 2, 5);
        }
    }
}
