package io.tlsbench.tool.report;

import java.util.Locale;

/** Number formatting for reports and the capacity planner (Locale.ROOT: '.' decimals, ',' grouping). */
public final class Fmt {

    private Fmt() {
    }

    /** A count or rate: grouped integer from 100 up, fewer decimals as it grows; "n/a" for NaN. */
    public static String num(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return "n/a";
        }
        double a = Math.abs(v);
        if (a >= 100 || a == 0) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        if (a >= 10) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        if (a >= 0.01 || a == 0) {
            return String.format(Locale.ROOT, "%.2f", v);
        }
        return String.format(Locale.ROOT, "%.3g", v);
    }

    /** "value ± error", the error with the value's decimals; "n/a" for an unknown error. */
    public static String pm(double v, double err) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return "n/a";
        }
        if (Double.isNaN(err) || Double.isInfinite(err)) {
            return num(v) + " ± n/a";
        }
        double a = Math.abs(v);
        if (a >= 100) {
            return String.format(Locale.ROOT, "%,.0f ± %,.0f", v, err);
        }
        if (a >= 10) {
            return String.format(Locale.ROOT, "%.1f ± %.1f", v, err);
        }
        if (a >= 0.01 || a == 0) {
            return String.format(Locale.ROOT, "%.2f ± %.2f", v, err);
        }
        return num(v) + " ± " + num(err);
    }

    /** Bytes per second as MB/s (10^6 bytes), one decimal. */
    public static String mbps(double bytesPerSecond) {
        if (Double.isNaN(bytesPerSecond) || Double.isInfinite(bytesPerSecond)) {
            return "n/a";
        }
        return String.format(Locale.ROOT, "%,.1f", bytesPerSecond / 1e6);
    }

    public static String mbpsPm(double v, double err) {
        return mbps(v) + " ± " + mbps(err);
    }

    /** Allocation per operation: "—" when the run had no GC profiler. */
    public static String bop(double v) {
        if (Double.isNaN(v)) {
            return "—";
        }
        if (Math.abs(v) < 10 && v != Math.rint(v)) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        return String.format(Locale.ROOT, "%,.0f", v);
    }

    /** A ratio such as "2.00×". */
    public static String ratio(double r) {
        if (Double.isNaN(r) || Double.isInfinite(r)) {
            return "n/a";
        }
        return String.format(Locale.ROOT, "%.2f×", r);
    }

    /** A ratio with its error: "2.00× ± 0.14" (error "n/a" when either error is unknown). */
    public static String ratioPm(double r, double err) {
        if (Double.isNaN(r) || Double.isInfinite(r)) {
            return "n/a";
        }
        return ratio(r) + " ± " + (Double.isNaN(err) ? "n/a" : String.format(Locale.ROOT, "%.2f", err));
    }

    /** A fraction as a percentage with one decimal, "n/a" for NaN. */
    public static String pct(double fraction) {
        if (Double.isNaN(fraction) || Double.isInfinite(fraction)) {
            return "n/a";
        }
        return String.format(Locale.ROOT, "%.1f %%", fraction * 100);
    }

    /**
     * A plain number for the capacity arithmetic: grouped and rounded to an integer from 1,000 up,
     * otherwise four significant digits without trailing zeros.
     */
    public static String g(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return "n/a";
        }
        if (Math.abs(v) >= 1000 || v == Math.rint(v)) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        return new java.math.BigDecimal(v).round(new java.math.MathContext(4)).stripTrailingZeros().toPlainString();
    }

    /** Error of a ratio a/b from the errors of a and b (relative errors added in quadrature). */
    public static double ratioError(double a, double ea, double b, double eb) {
        if (Double.isNaN(ea) || Double.isNaN(eb)) {
            return Double.NaN;
        }
        double r = a / b;
        return Math.abs(r) * Math.sqrt((ea / a) * (ea / a) + (eb / b) * (eb / b));
    }

    /** Size in bytes as "64 B", "1 KB", "16 KB". */
    public static String size(int bytes) {
        if (bytes >= 1024 && bytes % 1024 == 0) {
            return bytes / 1024 + " KB";
        }
        return bytes + " B";
    }

    /** Markdown table cell text: pipes escaped, newlines flattened. */
    public static String cell(String s) {
        return s == null ? "" : s.replace("|", "\\|").replaceAll("\\s*\\R\\s*", " ");
    }
}
