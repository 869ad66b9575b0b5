package io.tlsbench.tool.report;

import java.util.List;
import java.util.Locale;
import java.util.function.DoubleFunction;

/**
 * Plain SVG charts, written by hand: grouped bars, lines over record sizes (log scale), and
 * horizontal bars against a 100 % reference. Each has a title, axis labels with units, a legend
 * where there are series, and the value of every bar or point. NaN values are left out.
 */
final class SvgChart {

    /** Okabe–Ito colours: distinguishable with the common colour-vision deficiencies. */
    static final String[] PALETTE = {"#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442",
        "#000000", "#999999"};

    private SvgChart() {
    }

    /**
     * Grouped bars: one group per category, one bar per series ({@code values[series][category]}).
     */
    static String groupedBars(String title, String xLabel, String yLabel, List<String> categories, List<String> series,
                              double[][] values, DoubleFunction<String> fmt) {
        int legendW = legendWidth(series);
        int n = Math.max(1, categories.size());
        int plotW = Math.max(420, Math.min(1400, n * Math.max(60, series.size() * 26 + 24)));
        int top = 56;
        int plotH = 320;
        int maxLabel = 0;
        for (String c : categories) {
            maxLabel = Math.max(maxLabel, c.length());
        }
        double cw = plotW / (double) n;
        boolean rotate = maxLabel * 6.6 > cw - 4;
        // a label rotated by 35° reaches up to ~6 px per character left of its anchor and ~4.2 px down
        int left = rotate ? Math.max(90, (int) (maxLabel * 6.0 - cw / 2 + 12)) : 90;
        int labelH = rotate ? (int) (maxLabel * 4.2 + 24) : 24;
        int width = Math.max(left + plotW + 30 + legendW, titleWidth(title));
        int height = top + plotH + labelH + 50;
        double max = max(values);
        double[] ticks = ticks(max);
        double yMax = ticks[ticks.length - 1];
        StringBuilder s = open(width, height, title);
        yAxis(s, left, top, plotW, plotH, ticks, yMax, yLabel, fmt);
        for (int c = 0; c < categories.size(); c++) {
            double gx = left + c * cw;
            double bw = Math.min(80, cw * 0.8 / Math.max(1, series.size()));
            double x0 = gx + (cw - bw * series.size()) / 2;
            for (int k = 0; k < series.size(); k++) {
                double v = values[k][c];
                if (Double.isNaN(v)) {
                    continue;
                }
                double h = v / yMax * plotH;
                double x = x0 + k * bw;
                double y = top + plotH - h;
                s.append(String.format(Locale.ROOT,
                        "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"><title>%s</title></rect>%n",
                        x, y, Math.max(1, bw - 2), h, color(k), esc(series.get(k) + ", " + categories.get(c) + ": " + fmt.apply(v))));
                valueLabel(s, x + (bw - 2) / 2, y, bw, fmt.apply(v));
            }
            double cx = gx + cw / 2;
            if (rotate) {
                s.append(String.format(Locale.ROOT,
                        "<text x=\"%.1f\" y=\"%d\" font-size=\"11\" text-anchor=\"end\" transform=\"rotate(-35 %.1f %d)\">%s</text>%n",
                        cx, top + plotH + 14, cx, top + plotH + 14, esc(categories.get(c))));
            } else {
                s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\">%s</text>%n",
                        cx, top + plotH + 16, esc(categories.get(c))));
            }
        }
        xAxisLabel(s, left + plotW / 2.0, top + plotH + labelH + 30, xLabel);
        legend(s, left + plotW + 30, top, series);
        return close(s);
    }

    /**
     * Lines over record sizes: x on a log2 scale at the measured sizes ({@code values[series][i]} at
     * {@code sizes.get(i)}).
     */
    static String lines(String title, String xLabel, String yLabel, List<Integer> sizes, List<String> series,
                        double[][] values, DoubleFunction<String> fmt) {
        int legendW = legendWidth(series);
        int left = 90;
        int top = 56;
        int plotW = 560;
        int plotH = 320;
        int width = Math.max(left + plotW + 30 + legendW, titleWidth(title));
        int height = top + plotH + 80;
        double max = max(values);
        double[] ticks = ticks(max);
        double yMax = ticks[ticks.length - 1];
        StringBuilder s = open(width, height, title);
        yAxis(s, left, top, plotW, plotH, ticks, yMax, yLabel, fmt);
        double lo = Math.log(sizes.get(0));
        double hi = Math.log(sizes.get(sizes.size() - 1));
        double pad = 40;
        double[] xs = new double[sizes.size()];
        for (int i = 0; i < sizes.size(); i++) {
            xs[i] = hi == lo ? left + plotW / 2.0 : left + pad + (Math.log(sizes.get(i)) - lo) / (hi - lo) * (plotW - 2 * pad);
            s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#333\"/>%n",
                    xs[i], top + plotH, xs[i], top + plotH + 5));
            s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\">%s</text>%n",
                    xs[i], top + plotH + 18, esc(Fmt.size(sizes.get(i)))));
        }
        for (int k = 0; k < series.size(); k++) {
            StringBuilder pts = new StringBuilder();
            for (int i = 0; i < sizes.size(); i++) {
                double v = values[k][i];
                if (Double.isNaN(v)) {
                    continue;
                }
                pts.append(String.format(Locale.ROOT, "%.1f,%.1f ", xs[i], top + plotH - v / yMax * plotH));
            }
            if (pts.length() > 0) {
                s.append(String.format(Locale.ROOT, "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"/>%n",
                        pts.toString().trim(), color(k)));
            }
            for (int i = 0; i < sizes.size(); i++) {
                double v = values[k][i];
                if (Double.isNaN(v)) {
                    continue;
                }
                double y = top + plotH - v / yMax * plotH;
                s.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\" fill=\"%s\"><title>%s</title></circle>%n",
                        xs[i], y, color(k), esc(series.get(k) + ", " + Fmt.size(sizes.get(i)) + ": " + fmt.apply(v))));
                s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"10\" fill=\"%s\">%s</text>%n",
                        xs[i] + 6, y - 4, color(k), esc(fmt.apply(v))));
            }
        }
        xAxisLabel(s, left + plotW / 2.0, top + plotH + 44, xLabel);
        legend(s, left + plotW + 30, top, series);
        return close(s);
    }

    /**
     * Horizontal bars, one per label, with a dashed reference line (1.0 = 100 % for "% of native").
     * Bars of {@code group[i]} share a colour; the groups are the legend.
     */
    static String horizontalBars(String title, String xLabel, List<String> labels, double[] values, int[] group,
                                 List<String> groups, double reference, String referenceLabel, DoubleFunction<String> fmt) {
        int labelW = 0;
        for (String l : labels) {
            labelW = Math.max(labelW, l.length());
        }
        int left = Math.min(460, 16 + (int) (labelW * 6.6));
        int top = 56;
        int row = 22;
        int plotW = 520;
        int plotH = Math.max(row, labels.size() * row);
        int legendW = legendWidth(groups);
        int width = Math.max(left + plotW + 70 + legendW, titleWidth(title));
        int height = top + plotH + 70;
        double max = reference;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                max = Math.max(max, v);
            }
        }
        double[] ticks = ticks(max);
        double xMax = ticks[ticks.length - 1];
        StringBuilder s = open(width, height, title);
        for (double t : ticks) {
            double x = left + t / xMax * plotW;
            s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#ddd\"/>%n",
                    x, top, x, top + plotH));
            s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\">%s</text>%n",
                    x, top + plotH + 16, esc(fmt.apply(t))));
        }
        for (int i = 0; i < labels.size(); i++) {
            double y = top + i * row;
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" font-size=\"11\" text-anchor=\"end\">%s</text>%n",
                    left - 6, y + row * 0.65, esc(labels.get(i))));
            double v = values[i];
            if (Double.isNaN(v)) {
                continue;
            }
            double w = v / xMax * plotW;
            s.append(String.format(Locale.ROOT,
                    "<rect x=\"%d\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"><title>%s</title></rect>%n",
                    left, y + 3, Math.max(1, w), row - 6.0, color(group[i]), esc(labels.get(i) + ": " + fmt.apply(v))));
            s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"10\">%s</text>%n",
                    left + w + 4, y + row * 0.65, esc(fmt.apply(v))));
        }
        double rx = left + reference / xMax * plotW;
        s.append(String.format(Locale.ROOT,
                "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#D55E00\" stroke-dasharray=\"5,4\" stroke-width=\"1.5\"/>%n",
                rx, top - 6, rx, top + plotH));
        s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"10\" text-anchor=\"middle\" fill=\"#D55E00\">%s</text>%n",
                rx, top - 9, esc(referenceLabel)));
        s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#333\"/>%n",
                left, top, left, top + plotH));
        s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#333\"/>%n",
                left, top + plotH, left + plotW, top + plotH));
        xAxisLabel(s, left + plotW / 2.0, top + plotH + 40, xLabel);
        legend(s, left + plotW + 70, top, groups);
        return close(s);
    }

    // ---- pieces ----

    private static StringBuilder open(int width, int height, String title) {
        StringBuilder s = new StringBuilder();
        s.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        s.append(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
                        + "font-family=\"Helvetica, Arial, sans-serif\">%n", width, height, width, height));
        s.append("<title>").append(esc(title)).append("</title>\n");
        s.append(String.format(Locale.ROOT, "<rect x=\"0\" y=\"0\" width=\"%d\" height=\"%d\" fill=\"#ffffff\"/>%n", width, height));
        s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"28\" font-size=\"16\" font-weight=\"bold\" text-anchor=\"middle\">%s</text>%n",
                width / 2.0, esc(title)));
        return s;
    }

    private static String close(StringBuilder s) {
        return s.append("</svg>\n").toString();
    }

    private static void yAxis(StringBuilder s, int left, int top, int plotW, int plotH, double[] ticks, double yMax,
                              String yLabel, DoubleFunction<String> fmt) {
        for (double t : ticks) {
            double y = top + plotH - t / yMax * plotH;
            s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>%n",
                    left, y, left + plotW, y));
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" font-size=\"11\" text-anchor=\"end\">%s</text>%n",
                    left - 6, y + 4, esc(fmt.apply(t))));
        }
        s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#333\"/>%n",
                left, top, left, top + plotH));
        s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#333\"/>%n",
                left, top + plotH, left + plotW, top + plotH));
        double cy = top + plotH / 2.0;
        s.append(String.format(Locale.ROOT,
                "<text x=\"22\" y=\"%.1f\" font-size=\"12\" text-anchor=\"middle\" transform=\"rotate(-90 22 %.1f)\">%s</text>%n",
                cy, cy, esc(yLabel)));
    }

    private static void xAxisLabel(StringBuilder s, double cx, double y, String label) {
        s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"12\" text-anchor=\"middle\">%s</text>%n",
                cx, y, esc(label)));
    }

    private static void valueLabel(StringBuilder s, double cx, double y, double barWidth, String text) {
        if (barWidth >= text.length() * 6 + 2) {
            s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"10\" text-anchor=\"middle\">%s</text>%n",
                    cx, y - 3, esc(text)));
        } else {
            s.append(String.format(Locale.ROOT,
                    "<text x=\"%.1f\" y=\"%.1f\" font-size=\"10\" transform=\"rotate(-90 %.1f %.1f)\">%s</text>%n",
                    cx + 3.5, y - 3, cx + 3.5, y - 3, esc(text)));
        }
    }

    private static void legend(StringBuilder s, int x, int top, List<String> series) {
        if (series.isEmpty()) {
            return;
        }
        for (int k = 0; k < series.size(); k++) {
            int y = top + k * 20;
            s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/>%n", x, y, color(k)));
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"12\">%s</text>%n", x + 18, y + 11,
                    esc(series.get(k))));
        }
    }

    /** Room for a bold 16 px title (about 9.5 px a character) and margins. */
    private static int titleWidth(String title) {
        return (int) (title.length() * 9.5) + 40;
    }

    private static int legendWidth(List<String> series) {
        int w = 0;
        for (String s : series) {
            w = Math.max(w, s.length());
        }
        return series.isEmpty() ? 0 : 30 + (int) (w * 7.2);
    }

    static String color(int k) {
        return PALETTE[k % PALETTE.length];
    }

    private static double max(double[][] values) {
        double m = 0;
        for (double[] row : values) {
            for (double v : row) {
                if (!Double.isNaN(v) && !Double.isInfinite(v)) {
                    m = Math.max(m, v);
                }
            }
        }
        return m;
    }

    /** Ticks from 0 to a round number at or above max, at a step of 1, 2 or 5 × 10^k (about five of them). */
    static double[] ticks(double max) {
        if (!(max > 0)) {
            return new double[] {0, 1};
        }
        double raw = max / 5;
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = mag;
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (m * mag >= raw) {
                step = m * mag;
                break;
            }
        }
        int n = (int) Math.ceil(max / step - 1e-9);
        double[] t = new double[n + 1];
        for (int i = 0; i <= n; i++) {
            t[i] = i * step;
        }
        return t;
    }

    /** XML text escape. */
    static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&': b.append("&amp;"); break;
                case '<': b.append("&lt;"); break;
                case '>': b.append("&gt;"); break;
                case '"': b.append("&quot;"); break;
                case '\'': b.append("&apos;"); break;
                default:
                    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                        b.append(' ');
                    } else {
                        b.append(c);
                    }
            }
        }
        return b.toString();
    }
}
