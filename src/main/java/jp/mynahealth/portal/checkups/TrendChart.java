package jp.mynahealth.portal.checkups;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import jp.mynahealth.records.TrendPoint;

/**
 * The geometry of a server-drawn SVG line chart of one item over the years: points, the reference
 * band, and labelled horizontal grid lines. No charting script; the page also has the same data
 * as a table for screen readers.
 */
public record TrendChart(int width, int height, List<Point> points, Band band, List<GridLine> grid, String polyline) {

    static final int WIDTH = 640;
    static final int HEIGHT = 320;
    static final int LEFT = 64;
    static final int RIGHT = 24;
    static final int TOP = 24;
    static final int BOTTOM = 48;

    public record Point(double x, double y, TrendPoint data) {
    }

    /** The reference range as a rectangle; null when the item has no range. */
    public record Band(double y, double height) {
    }

    public record GridLine(double y, String label) {
    }

    static TrendChart of(List<TrendPoint> data) {
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        for (TrendPoint point : data) {
            min = Math.min(min, point.value().doubleValue());
            max = Math.max(max, point.value().doubleValue());
            if (point.referenceLow() != null) {
                min = Math.min(min, point.referenceLow().doubleValue());
            }
            if (point.referenceHigh() != null) {
                max = Math.max(max, point.referenceHigh().doubleValue());
            }
        }
        double span = max - min;
        double step = niceStep(span == 0 ? Math.max(1, Math.abs(max)) : span);
        double low = Math.floor(min / step) * step - (span == 0 ? step : 0);
        double high = Math.ceil(max / step) * step + (span == 0 ? step : 0);
        if (high == low) {
            high = low + step;
        }
        double plotWidth = WIDTH - LEFT - RIGHT;
        double plotHeight = HEIGHT - TOP - BOTTOM;
        List<Point> points = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < data.size(); i++) {
            double x = LEFT + (data.size() == 1 ? plotWidth / 2 : plotWidth * i / (data.size() - 1));
            double y = y(data.get(i).value().doubleValue(), low, high, plotHeight);
            points.add(new Point(round(x), round(y), data.get(i)));
            line.append(line.length() == 0 ? "" : " ").append(round(x)).append(',').append(round(y));
        }
        Band band = null;
        TrendPoint last = data.isEmpty() ? null : data.get(data.size() - 1);
        if (last != null && (last.referenceLow() != null || last.referenceHigh() != null)) {
            double top = y(last.referenceHigh() == null ? high : last.referenceHigh().doubleValue(), low, high, plotHeight);
            double bottom = y(last.referenceLow() == null ? low : last.referenceLow().doubleValue(), low, high, plotHeight);
            band = new Band(round(top), round(bottom - top));
        }
        List<GridLine> grid = new ArrayList<>();
        for (double v = low; v <= high + step / 2; v += step) {
            grid.add(new GridLine(round(y(v, low, high, plotHeight)), BigDecimal.valueOf(v).stripTrailingZeros().toPlainString()));
        }
        return new TrendChart(WIDTH, HEIGHT, points, band, grid, line.toString());
    }

    private static double y(double value, double low, double high, double plotHeight) {
        return TOP + plotHeight * (high - value) / (high - low);
    }

    /** 1, 2 or 5 times a power of ten, giving four to eight grid lines. */
    private static double niceStep(double span) {
        double raw = span / 5;
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        double fraction = raw / power;
        double nice = fraction < 1.5 ? 1 : fraction < 3.5 ? 2 : fraction < 7.5 ? 5 : 10;
        return nice * power;
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    public int plotLeft() {
        return LEFT;
    }

    public int plotRight() {
        return WIDTH - RIGHT;
    }

    public int plotBottom() {
        return HEIGHT - BOTTOM;
    }
}
