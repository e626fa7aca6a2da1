package dev.fleetsim.report;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Inline SVG charts for {@link ReportHtml}, drawn from plain numbers: stacked columns over time, horizontal
 * percentage bars, and empty axes with a message. Output is well-formed XML, uses no external resource, and
 * depends only on its inputs (fixed number formats, no clock), so the same data always gives the same bytes.
 */
final class SvgChart {

    static final int WIDTH = 1040;
    private static final int LEFT = 78;
    private static final int RIGHT = 16;
    private static final int TOP = 14;
    private static final int BOTTOM = 52;

    /**
     * Columns over time, one stack per bin.
     *
     * @param values [series][bin], each >= 0
     * @param xLabels one per bin; only every few are printed
     * @param gap true for separated columns (cost), false for a continuous step area (capacity)
     */
    record Stacked(String ariaLabel, List<String> series, List<String> colors, double[][] values, List<String> xLabels,
            String xTitle, String yTitle, int yDecimals, boolean gap) {
        Stacked {
            Objects.requireNonNull(series, "series");
            if (series.size() != colors.size() || series.size() != values.length) {
                throw new IllegalArgumentException("one color and one row of values per series");
            }
        }
    }

    private SvgChart() {
    }

    static String stacked(Stacked c, int height) {
        int bins = c.xLabels().size();
        double[] totals = new double[bins];
        for (double[] row : c.values()) {
            for (int b = 0; b < bins; b++) {
                totals[b] += row[b];
            }
        }
        double max = 0;
        for (double t : totals) {
            max = Math.max(max, t);
        }
        Axis axis = Axis.of(max);
        StringBuilder s = open(c.ariaLabel(), height, "chart stacked");
        if (!c.gap()) {
            s.append("<g shape-rendering=\"crispEdges\">\n"); // no seams between adjacent columns
        }
        double plotW = WIDTH - LEFT - RIGHT;
        double plotH = height - TOP - BOTTOM;
        yAxis(s, axis, plotH, c.yTitle(), c.yDecimals());
        double binW = bins == 0 ? plotW : plotW / bins;
        double pad = c.gap() ? Math.min(6, binW * 0.18) : 0;
        for (int b = 0; b < bins; b++) {
            double base = 0;
            for (int i = 0; i < c.series().size(); i++) {
                double v = c.values()[i][b];
                if (v <= 0) {
                    continue;
                }
                double y0 = TOP + plotH - base / axis.max * plotH;
                double y1 = TOP + plotH - (base + v) / axis.max * plotH;
                s.append("<rect x=\"").append(fmt(LEFT + b * binW + pad / 2)).append("\" y=\"").append(fmt(y1))
                        .append("\" width=\"").append(fmt(Math.max(0.5, binW - pad))).append("\" height=\"")
                        .append(fmt(y0 - y1)).append("\" fill=\"").append(c.colors().get(i)).append("\">")
                        .append("<title>").append(Html.escape(c.series().get(i) + ", " + c.xLabels().get(b) + ": "
                                + number(v, c.yDecimals() + 2))).append("</title></rect>\n");
                base += v;
            }
        }
        if (!c.gap()) {
            s.append("</g>\n");
        }
        xAxis(s, c.xLabels(), plotW, plotH, c.xTitle());
        return s.append("</svg>\n").toString();
    }

    /** One bar per row, 0-100 %, with a label on the left and a note on the right. */
    static String percentBars(String ariaLabel, List<String> labels, double[] shares, List<String> notes,
            List<String> colors) {
        int rowH = 34;
        int height = TOP + rowH * labels.size() + BOTTOM - 10;
        int left = 190;
        int right = 230;
        double plotW = WIDTH - left - right;
        StringBuilder s = open(ariaLabel, height, "chart bars");
        for (int tick = 0; tick <= 4; tick++) {
            double x = left + plotW * tick / 4.0;
            s.append("<line class=\"grid\" x1=\"").append(fmt(x)).append("\" y1=\"").append(TOP).append("\" x2=\"")
                    .append(fmt(x)).append("\" y2=\"").append(TOP + rowH * labels.size()).append("\"/>\n");
            s.append("<text class=\"tick\" x=\"").append(fmt(x)).append("\" y=\"").append(TOP + rowH * labels.size()
                    + 16).append("\" text-anchor=\"middle\">").append(tick * 25).append("%</text>\n");
        }
        for (int i = 0; i < labels.size(); i++) {
            double y = TOP + i * rowH + 6;
            double w = plotW * Math.max(0, Math.min(1, shares[i]));
            s.append("<text class=\"label\" x=\"").append(left - 10).append("\" y=\"").append(fmt(y + 15))
                    .append("\" text-anchor=\"end\">").append(Html.escape(labels.get(i))).append("</text>\n");
            s.append("<rect class=\"track\" x=\"").append(left).append("\" y=\"").append(fmt(y)).append("\" width=\"")
                    .append(fmt(plotW)).append("\" height=\"20\" rx=\"3\"/>\n");
            s.append("<rect x=\"").append(left).append("\" y=\"").append(fmt(y)).append("\" width=\"").append(fmt(w))
                    .append("\" height=\"20\" rx=\"3\" fill=\"").append(colors.get(i)).append("\"><title>")
                    .append(Html.escape(labels.get(i) + ": " + notes.get(i))).append("</title></rect>\n");
            s.append("<text class=\"note\" x=\"").append(fmt(left + plotW + 10)).append("\" y=\"").append(fmt(y + 15))
                    .append("\">").append(Html.escape(notes.get(i))).append("</text>\n");
        }
        s.append("<text class=\"axis-title\" x=\"").append(fmt(left + plotW / 2)).append("\" y=\"")
                .append(height - 6).append("\" text-anchor=\"middle\">share of the commitment used (%)</text>\n");
        return s.append("</svg>\n").toString();
    }

    /** Axes without data, and a message in the middle: used where the run measured nothing to plot. */
    static String empty(String ariaLabel, int height, String message, String xTitle, String yTitle) {
        StringBuilder s = open(ariaLabel, height, "chart empty");
        double plotW = WIDTH - LEFT - RIGHT;
        double plotH = height - TOP - BOTTOM;
        s.append("<line class=\"axis\" x1=\"").append(LEFT).append("\" y1=\"").append(TOP).append("\" x2=\"")
                .append(LEFT).append("\" y2=\"").append(fmt(TOP + plotH)).append("\"/>\n");
        s.append("<line class=\"axis\" x1=\"").append(LEFT).append("\" y1=\"").append(fmt(TOP + plotH))
                .append("\" x2=\"").append(fmt(LEFT + plotW)).append("\" y2=\"").append(fmt(TOP + plotH))
                .append("\"/>\n");
        yTitle(s, plotH, yTitle);
        s.append("<text class=\"axis-title\" x=\"").append(fmt(LEFT + plotW / 2)).append("\" y=\"")
                .append(height - 8).append("\" text-anchor=\"middle\">").append(Html.escape(xTitle))
                .append("</text>\n");
        s.append("<text class=\"message\" x=\"").append(fmt(LEFT + plotW / 2)).append("\" y=\"")
                .append(fmt(TOP + plotH / 2)).append("\" text-anchor=\"middle\">").append(Html.escape(message))
                .append("</text>\n");
        return s.append("</svg>\n").toString();
    }

    private static StringBuilder open(String ariaLabel, int height, String cssClass) {
        return new StringBuilder().append("<svg class=\"").append(cssClass).append("\" viewBox=\"0 0 ").append(WIDTH)
                .append(' ').append(height).append("\" role=\"img\" aria-label=\"").append(Html.escape(ariaLabel))
                .append("\" preserveAspectRatio=\"xMidYMid meet\">\n");
    }

    private static void yAxis(StringBuilder s, Axis axis, double plotH, String title, int decimals) {
        double plotW = WIDTH - LEFT - RIGHT;
        for (int i = 0; i <= axis.ticks; i++) {
            double v = axis.step * i;
            double y = TOP + plotH - v / axis.max * plotH;
            s.append("<line class=\"").append(i == 0 ? "axis" : "grid").append("\" x1=\"").append(LEFT)
                    .append("\" y1=\"").append(fmt(y)).append("\" x2=\"").append(fmt(LEFT + plotW)).append("\" y2=\"")
                    .append(fmt(y)).append("\"/>\n");
            s.append("<text class=\"tick\" x=\"").append(LEFT - 8).append("\" y=\"").append(fmt(y + 4))
                    .append("\" text-anchor=\"end\">").append(number(v, Math.max(decimals, axis.decimals)))
                    .append("</text>\n");
        }
        yTitle(s, plotH, title);
    }

    private static void yTitle(StringBuilder s, double plotH, String title) {
        double cy = TOP + plotH / 2;
        s.append("<text class=\"axis-title\" x=\"16\" y=\"").append(fmt(cy)).append("\" text-anchor=\"middle\"")
                .append(" transform=\"rotate(-90 16 ").append(fmt(cy)).append(")\">").append(Html.escape(title))
                .append("</text>\n");
    }

    private static void xAxis(StringBuilder s, List<String> labels, double plotW, double plotH, String title) {
        int bins = labels.size();
        int every = Math.max(1, (int) Math.ceil(bins / 12.0));
        double binW = bins == 0 ? plotW : plotW / bins;
        for (int b = 0; b < bins; b += every) {
            double x = LEFT + b * binW + binW / 2;
            s.append("<line class=\"axis\" x1=\"").append(fmt(x)).append("\" y1=\"").append(fmt(TOP + plotH))
                    .append("\" x2=\"").append(fmt(x)).append("\" y2=\"").append(fmt(TOP + plotH + 4)).append("\"/>\n");
            s.append("<text class=\"tick\" x=\"").append(fmt(x)).append("\" y=\"").append(fmt(TOP + plotH + 18))
                    .append("\" text-anchor=\"middle\">").append(Html.escape(labels.get(b))).append("</text>\n");
        }
        s.append("<text class=\"axis-title\" x=\"").append(fmt(LEFT + plotW / 2)).append("\" y=\"")
                .append(fmt(TOP + plotH + 42)).append("\" text-anchor=\"middle\">").append(Html.escape(title))
                .append("</text>\n");
    }

    /** A y axis from 0 to a round maximum in 4-6 round steps (1, 2, 2.5 or 5 x 10^k). */
    private record Axis(double max, double step, int ticks, int decimals) {
        static Axis of(double dataMax) {
            if (!(dataMax > 0)) {
                return new Axis(1, 0.25, 4, 2);
            }
            double raw = dataMax / 5;
            double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
            double step = magnitude;
            for (double m : new double[] {1, 2, 2.5, 5, 10}) {
                if (m * magnitude >= raw) {
                    step = m * magnitude;
                    break;
                }
            }
            int ticks = (int) Math.ceil(dataMax / step - 1e-9);
            int decimals = Math.max(0, (int) -Math.floor(Math.log10(step) + 1e-9) + (step / magnitude == 2.5 ? 1 : 0));
            return new Axis(step * ticks, step, ticks, decimals);
        }
    }

    static String number(double v, int decimals) {
        return String.format(Locale.ROOT, "%,." + decimals + "f", v);
    }

    /** Coordinates with at most two decimals, without trailing zeros. */
    static String fmt(double v) {
        long hundredths = Math.round(v * 100);
        if (hundredths % 100 == 0) {
            return Long.toString(hundredths / 100);
        }
        return String.format(Locale.ROOT, "%.2f", hundredths / 100.0).replaceAll("0$", "");
    }
}
