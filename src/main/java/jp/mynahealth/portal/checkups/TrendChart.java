package jp.mynahealth.portal.checkups;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import jp.mynahealth.records.TrendPoint;

/**
 * The geometry of a server-drawn SVG line chart of one item over the years: points, the reference
 * band, and labelled horizontal grid lines. No charting script; the page also has the same data
 * as a table for screen readers.
 *
 * @param plotLeft where the plot begins: wide enough for the longest grid label, which is drawn
 *        right-aligned just left of it and so never past the picture's left edge
 * @param decimals the item's number of decimals, for the labels and the table
 */
public record TrendChart(int width, int height, int plotLeft, int decimals, List<Point> points, Band band,
        List<GridLine> grid, String polyline) {

    static final int WIDTH = 640;
    static final int HEIGHT = 320;
    /** The narrowest left margin; wider when the labels need it. */
    static final int MIN_LEFT = 64;
    static final int RIGHT = 24;
    static final int TOP = 24;
    static final int BOTTOM = 48;
    /** Between a grid label's right end and the plot. */
    static final int LABEL_GAP = 8;
    /** Kept free between the picture's left edge and the longest label. */
    static final int EDGE = 4;
    /**
     * The labels' font size in the picture's units: set on the text elements, so the width estimate
     * below holds. The picture shrinks to the screen: 18 units still read as 10 px on a 390 px phone.
     */
    static final int FONT_SIZE = 18;
    /** A digit is at most about 0.6 em wide in the sans-serif faces pages use. */
    static final double CHAR_WIDTH_EM = 0.6;

    public record Point(double x, double y, TrendPoint data) {
    }

    /** The reference range as a rectangle; null when the item has no range. */
    public record Band(double y, double height) {
    }

    public record GridLine(double y, String label) {
    }

    static TrendChart of(List<TrendPoint> data) {
        if (data.isEmpty()) {
            throw new IllegalArgumentException("A trend needs at least one point");
        }
        TrendPoint last = data.get(data.size() - 1);
        List<BigDecimal> values = data.stream().map(TrendPoint::value).toList();
        List<BigDecimal> written = new ArrayList<>(values);
        data.forEach(point -> {
            written.add(point.referenceLow());
            written.add(point.referenceHigh());
        });
        int decimals = TrendAxis.decimalsOf(written);
        // The band drawn is the latest range: the one today's result is judged against.
        TrendAxis axis = TrendAxis.of(values, last.referenceLow(), last.referenceHigh(), decimals);

        List<BigDecimal> ticks = axis.ticks();
        List<String> labels = ticks.stream().map(axis::label).toList();
        int left = Math.max(MIN_LEFT, LABEL_GAP + EDGE + (int) Math.ceil(widest(labels)));
        double low = axis.low().doubleValue();
        double high = axis.high().doubleValue();
        double plotWidth = WIDTH - left - RIGHT;
        double plotHeight = HEIGHT - TOP - BOTTOM;

        List<Point> points = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < data.size(); i++) {
            double x = left + (data.size() == 1 ? plotWidth / 2 : plotWidth * i / (data.size() - 1));
            double y = y(data.get(i).value().doubleValue(), low, high, plotHeight);
            points.add(new Point(round(x), round(y), data.get(i)));
            line.append(line.length() == 0 ? "" : " ").append(round(x)).append(',').append(round(y));
        }
        Band band = null;
        if (last.referenceLow() != null || last.referenceHigh() != null) {
            double top = y(last.referenceHigh() == null ? high : last.referenceHigh().doubleValue(), low, high, plotHeight);
            double bottom = y(last.referenceLow() == null ? low : last.referenceLow().doubleValue(), low, high, plotHeight);
            band = new Band(round(top), round(bottom - top));
        }
        List<GridLine> grid = new ArrayList<>();
        for (int i = 0; i < ticks.size(); i++) {
            grid.add(new GridLine(round(y(ticks.get(i).doubleValue(), low, high, plotHeight)), labels.get(i)));
        }
        return new TrendChart(WIDTH, HEIGHT, left, decimals, points, band, grid, line.toString());
    }

    /** The estimated width of the longest label, in the picture's units. */
    static double widest(List<String> labels) {
        return labels.stream().mapToInt(String::length).max().orElse(0) * FONT_SIZE * CHAR_WIDTH_EM;
    }

    private static double y(double value, double low, double high, double plotHeight) {
        return TOP + plotHeight * (high - value) / (high - low);
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    /** Where the grid labels' right ends are. */
    public int labelRight() {
        return plotLeft - LABEL_GAP;
    }

    public int plotRight() {
        return WIDTH - RIGHT;
    }

    public int plotTop() {
        return TOP;
    }

    public int plotBottom() {
        return HEIGHT - BOTTOM;
    }

    public int fontSize() {
        return FONT_SIZE;
    }
}
