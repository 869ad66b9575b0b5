package io.tlsbench.tool.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.tlsbench.bench.RecordWorkload;
import io.tlsbench.bench.axis.Axis;
import io.tlsbench.bench.jmh.BenchmarkClass;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One entry of JMH's JSON result file: the benchmark, its parameters, the primary score with its
 * error (JMH's 99.9% confidence-interval half-width; NaN when there were too few iterations), the
 * GC profiler's normalised allocation (B/op; NaN when the run had no GC profiler), the forked
 * JVM's arguments, and every secondary metric's score by name (GC profiler figures, auxiliary
 * counters such as the handshake benchmark's serverNs and clientNs).
 */
public record JmhResult(String benchmark, String mode, Map<String, String> params, double score, double error,
                        String unit, double bytesPerOp, List<String> jvmArgs, Map<String, Double> secondary,
                        double warmupSeconds) {

    /** The benchmark class's simple name: {@code RecordBenchmark} of {@code io.tlsbench.bench.jmh.RecordBenchmark.seal}. */
    public String className() {
        String c = benchmark.substring(0, Math.max(0, benchmark.lastIndexOf('.')));
        return c.substring(c.lastIndexOf('.') + 1);
    }

    /** The benchmark method: {@code seal} of {@code ...RecordBenchmark.seal}. */
    public String method() {
        return benchmark.substring(benchmark.lastIndexOf('.') + 1);
    }

    public String param(String name) {
        return params.get(name);
    }

    /** A parameter as its axis's value, or null when absent. */
    public <T> T param(Axis<T> axis) {
        String v = params.get(axis.name());
        return v == null ? null : axis.parse(v);
    }

    /** The benchmark class, or null for a class tlsbench does not know. */
    public BenchmarkClass benchmarkClass() {
        return BenchmarkClass.ofBenchmark(benchmark);
    }

    /** An integer parameter (a record size), or -1 when absent or not a number. */
    public int intParam(String name) {
        String v = params.get(name);
        if (v == null) {
            return -1;
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** A secondary metric's score, NaN when absent. */
    public double secondary(String name) {
        Double v = secondary.get(name);
        return v == null ? Double.NaN : v;
    }

    /** True when the forked JVM ran with the AES intrinsics switched off ({@code -XX:-UseAES}). */
    public boolean intrinsicsOff() {
        return jvmArgs.contains("-XX:-UseAES");
    }

    /** True when CBC open ran with the constant-time MAC check ({@link RecordWorkload#CONSTANT_TIME_MAC_ARG}). */
    public boolean constantTimeMac() {
        return jvmArgs.contains(RecordWorkload.CONSTANT_TIME_MAC_ARG);
    }

    /** A rerun under changed JVM settings (intrinsics off, constant-time MAC), not a main figure. */
    public boolean variant() {
        return intrinsicsOff() || constantTimeMac();
    }

    /** Operations per second, converted from the score unit (ops/s, ops/ms, s/op, ns/op, ...); NaN if unknown. */
    public double opsPerSecond() {
        return toOpsPerSecond(score, unit);
    }

    /** The error in operations per second (for a time-per-op score, the error of the reciprocal, to first order). */
    public double opsPerSecondError() {
        if (Double.isNaN(error)) {
            return Double.NaN;
        }
        return opsPerSecond() * Math.abs(error / score);
    }

    static double toOpsPerSecond(double value, String unit) {
        if (unit == null) {
            return Double.NaN;
        }
        String u = unit.trim().toLowerCase(Locale.ROOT);
        if (u.startsWith("ops/")) {
            return value / seconds(u.substring(4));
        }
        if (u.endsWith("/op")) {
            return 1 / (value * seconds(u.substring(0, u.length() - 3)));
        }
        return Double.NaN;
    }

    private static double seconds(String timeUnit) {
        switch (timeUnit) {
            case "s": return 1;
            case "ms": return 1e-3;
            case "us": case "µs": return 1e-6;
            case "ns": return 1e-9;
            case "min": return 60;
            case "hr": case "h": return 3600;
            default: return Double.NaN;
        }
    }

    /** Parses one element of JMH's JSON array. */
    static JmhResult of(JsonNode n) {
        String benchmark = n.path("benchmark").asText("");
        if (benchmark.isEmpty() || !n.has("primaryMetric")) {
            throw new IllegalArgumentException("an entry has no benchmark or primaryMetric");
        }
        BenchmarkClass known = BenchmarkClass.ofBenchmark(benchmark);
        Map<String, String> params = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = n.path("params").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            Axis<?> axis = known == null ? null : known.axis(e.getKey());
            params.put(e.getKey(), axis == null ? e.getValue().asText() : label(axis, e.getValue().asText()));
        }
        JsonNode pm = n.path("primaryMetric");
        double bop = number(n.path("secondaryMetrics").path("gc.alloc.rate.norm").path("score"));
        List<String> jvmArgs = new ArrayList<>();
        n.path("jvmArgs").forEach(a -> jvmArgs.add(a.asText()));
        Map<String, Double> secondary = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = n.path("secondaryMetrics").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            secondary.put(e.getKey(), number(e.getValue().path("score")));
        }
        return new JmhResult(benchmark, n.path("mode").asText(""), Collections.unmodifiableMap(params),
                number(pm.path("score")), number(pm.path("scoreError")), pm.path("scoreUnit").asText(""), bop,
                List.copyOf(jvmArgs), Collections.unmodifiableMap(secondary),
                n.path("warmupIterations").asInt(0) * duration(n.path("warmupTime").asText("")));
    }

    /**
     * A known benchmark's parameter value by its label, whichever spelling the run wrote (the
     * constant name new runs write, or the label earlier runs wrote); an unknown value is refused.
     */
    private static String label(Axis<?> axis, String value) {
        try {
            return axis.labelOf(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("parameter " + axis.name() + ": " + e.getMessage());
        }
    }

    /** JMH's "750 ms" or "1 s" in seconds; NaN when absent or unreadable. */
    static double duration(String text) {
        String[] parts = text.trim().split("\\s+");
        if (parts.length != 2) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(parts[0]) * seconds(parts[1]);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** A JSON number, or JMH's "NaN", "+INF", "-INF" strings; NaN when absent. */
    static double number(JsonNode v) {
        if (v == null || v.isMissingNode() || v.isNull()) {
            return Double.NaN;
        }
        if (v.isNumber()) {
            return v.asDouble();
        }
        String s = v.asText().trim();
        switch (s) {
            case "+INF": case "INF": case "Infinity": return Double.POSITIVE_INFINITY;
            case "-INF": case "-Infinity": return Double.NEGATIVE_INFINITY;
            default:
                try {
                    return Double.parseDouble(s);
                } catch (NumberFormatException e) {
                    return Double.NaN;
                }
        }
    }
}
