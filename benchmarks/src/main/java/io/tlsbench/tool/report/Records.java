package io.tlsbench.tool.report;

import io.tlsbench.bench.axis.Axis;
import io.tlsbench.bench.axis.BufferKind;
import io.tlsbench.bench.axis.CeilingMac;
import io.tlsbench.bench.axis.Engine;
import io.tlsbench.bench.axis.RecordSize;
import io.tlsbench.bench.axis.RecordSuite;
import io.tlsbench.bench.jmh.BenchmarkClass;
import io.tlsbench.bench.jmh.CipherCeilingBenchmark;
import io.tlsbench.bench.jmh.JsseRecordBenchmark;
import io.tlsbench.bench.jmh.RecordBenchmark;
import io.tlsbench.provider.ProviderId;
import io.tlsbench.suite.ProtocolVersion;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Record figures: tlsbench's core (RecordBenchmark: seal, open per provider) and the SSLEngine
 * peers (JsseRecordBenchmark: wrap, unwrap per engine), in one shape. Wrap counts as seal and
 * unwrap as open. The provider limits come from the ceiling benchmarks of the same run.
 */
public final class Records {

    private Records() {
    }

    /** Which way a record goes: sealed (wrapped) or opened (unwrapped). */
    public enum Op {
        SEAL, OPEN;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One record figure: of the core over {@code provider}, or of an SSLEngine {@code engine}
     * (the other is null); {@code rest} holds the parameters not named here.
     */
    public record Rec(ProviderId provider, Engine engine, RecordSuite suite, Op op, int size, ProtocolVersion version,
                      BufferKind buffer, Map<String, String> rest, JmhResult r) {

        public boolean isEngine() {
            return engine != null;
        }

        /** The provider's or the engine's label: sunjce, jdk. */
        public String impl() {
            return isEngine() ? engine.label() : Axis.lower(provider);
        }

        public double opsPerSecond() {
            return r.opsPerSecond();
        }

        public double bytesPerSecond() {
            return r.opsPerSecond() * size;
        }

        public double bytesError() {
            return r.opsPerSecondError() * size;
        }

        /** "core sunjce" or "SSLEngine jdk". */
        public String label() {
            return (isEngine() ? "SSLEngine " : "core ") + impl();
        }

        public String restText() {
            StringBuilder sb = new StringBuilder();
            rest.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : " ").append(k).append('=').append(v));
            return sb.toString();
        }
    }

    /** Records of the core (engines false) or the SSLEngines (true), with or without the AES intrinsics. */
    public static List<Rec> of(RunFolder run, boolean engines, boolean intrinsicsOff) {
        List<Rec> out = new ArrayList<>();
        for (JmhResult r : run.of(engines ? BenchmarkClass.JSSE_RECORD : BenchmarkClass.RECORD)) {
            if (r.intrinsicsOff() == intrinsicsOff && !r.constantTimeMac()) {
                Rec rec = of(r);
                if (rec != null) {
                    out.add(rec);
                }
            }
        }
        return out;
    }

    /** A record figure of either class; null when a parameter it needs is missing. */
    static Rec of(JmhResult r) {
        BenchmarkClass cls = r.benchmarkClass();
        Map<String, String> rest = new LinkedHashMap<>(r.params());
        cls.axes.forEach(a -> rest.remove(a.name()));
        ProviderId provider = r.param(Axis.PROVIDER);
        Engine engine = r.param(Axis.ENGINE);
        RecordSuite suite = r.param(Axis.RECORD_SUITE);
        RecordSize size = r.param(Axis.SIZE);
        ProtocolVersion version = r.param(Axis.VERSION);
        BufferKind buffer = r.param(Axis.BUFFER);
        if ((provider == null && engine == null) || suite == null || size == null || version == null || buffer == null) {
            return null;
        }
        Op op = r.method().equals(RecordBenchmark.OPEN) || r.method().equals(JsseRecordBenchmark.UNWRAP) ? Op.OPEN : Op.SEAL;
        return new Rec(provider, engine, suite, op, size.bytes, version, buffer, rest, r);
    }

    /**
     * The provider's own limit for a record of this suite, size and direction, in records per
     * second: 1/(1/cipher + 1/mac) from the ceiling benchmarks (encrypt for seal, decrypt for
     * open; the cipher alone for AEAD suites). NaN when a ceiling is missing.
     */
    public static double limit(RunFolder run, ProviderId provider, RecordSuite suite, int size, Op op, boolean intrinsicsOff) {
        double c = ceiling(run, BenchmarkClass.CIPHER_CEILING, Axis.CIPHER, suite.ceilingCipher(), provider, size,
                op == Op.SEAL ? CipherCeilingBenchmark.ENCRYPT : CipherCeilingBenchmark.DECRYPT, intrinsicsOff);
        if (suite.aead()) {
            return c;
        }
        CeilingMac mac = suite.ceilingMac();
        if (mac == null) {
            return Double.NaN;
        }
        double m = ceiling(run, BenchmarkClass.MAC_CEILING, Axis.MAC, mac, provider, size, null, intrinsicsOff);
        return 1 / (1 / c + 1 / m);
    }

    private static <T> double ceiling(RunFolder run, BenchmarkClass cls, Axis<T> axis, T value, ProviderId provider, int size,
                                      String method, boolean intrinsicsOff) {
        if (value == null) {
            return Double.NaN;
        }
        for (JmhResult r : run.of(cls)) {
            RecordSize s = r.param(Axis.SIZE);
            if (r.intrinsicsOff() == intrinsicsOff && value.equals(r.param(axis)) && provider == r.param(Axis.PROVIDER)
                    && s != null && s.bytes == size && (method == null || r.method().equals(method))) {
                return r.opsPerSecond();
            }
        }
        return Double.NaN;
    }
}
