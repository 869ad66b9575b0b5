package io.tlsbench.tool.capacity;

import io.tlsbench.bench.axis.Axis;
import io.tlsbench.bench.axis.BufferKind;
import io.tlsbench.bench.axis.Engine;
import io.tlsbench.bench.axis.ProviderConfig;
import io.tlsbench.bench.axis.RecordSuite;
import io.tlsbench.bench.axis.Stack;
import io.tlsbench.provider.ProviderId;
import io.tlsbench.suite.CipherSuite;
import io.tlsbench.suite.ProtocolVersion;
import io.tlsbench.tool.report.Fmt;
import io.tlsbench.tool.report.Handshakes.Handshake;
import io.tlsbench.tool.report.Lists;
import io.tlsbench.tool.report.Records;
import io.tlsbench.tool.report.Records.Op;
import io.tlsbench.tool.report.Records.Rec;
import io.tlsbench.tool.report.RunFolder;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The record figures that go with a handshake stack and configuration, and a figure at any
 * record size: measured when that size was measured; otherwise the time per record
 * interpolated linearly in size between the two nearest measured sizes (a record's cost is a
 * fixed part plus a part per byte); below the smallest measured size the smallest size's time
 * per record (an upper bound). Each figure says how it was obtained.
 */
final class RecordFigures {

    private RecordFigures() {
    }

    /** Record figures per size (records/s), sealed and opened, and where they come from. */
    record Source(Map<Integer, Double> seal, Map<Integer, Double> open, String description) {
    }

    /** A record figure at the requested size: bytes per second and how it was obtained. */
    record AtSize(double bytesPerSecond, double recordsPerSecond, String how) {
    }

    /**
     * The core's RecordBenchmark for the provider the configuration asks first (jdk → sunjce,
     * bc-first → bc, ...); the JDK's SSLEngine for JSSE; otherwise the stack's SSLEngine, or a
     * core provider of the stack's name. Version: the handshake's version parameter, else tls12
     * when measured; buffers: heap when measured.
     */
    static Source of(RunFolder run, Stack stack, ProviderConfig config, CipherSuite suite, Handshake h) {
        List<Rec> core = Records.of(run, false, false);
        List<Rec> eng = Records.of(run, true, false);
        List<Rec> pick;
        String from;
        if (stack == Stack.CORE) {
            ProviderId provider = Lists.distinct(core, Rec::provider).contains(config.first) ? config.first : null;
            from = "RecordBenchmark provider=" + (provider == null ? config.label() : Axis.lower(provider));
            pick = Lists.filter(core, r -> provider != null && r.provider() == provider);
        } else if (stack == Stack.JSSE) {
            from = "JsseRecordBenchmark engine=" + Engine.JDK.label() + (config.jdkDefault() ? ""
                    : ", measured with the JDK's default providers");
            pick = Lists.filter(eng, r -> r.engine() == Engine.JDK);
        } else {
            Engine engine = Engine.of(stack);
            pick = Lists.filter(eng, r -> engine != null && r.engine() == engine);
            from = "JsseRecordBenchmark engine=" + stack.label();
            if (pick.isEmpty()) {
                // Conscrypt is a provider as well as a stack: its core records stand in for its engine's.
                ProviderId same = stack == Stack.CONSCRYPT ? ProviderId.CONSCRYPT : null;
                pick = Lists.filter(core, r -> same != null && r.provider() == same);
                from = pick.isEmpty() ? "neither an SSLEngine nor a core provider named " + stack.label()
                        + " has record figures in this run" : "RecordBenchmark provider=" + stack.label();
            }
        }
        RecordSuite recordSuite = RecordSuite.of(suite);
        List<Rec> suiteRecs = Lists.filter(pick, r -> r.suite() == recordSuite && r.rest().isEmpty());
        List<ProtocolVersion> versions = Lists.distinct(suiteRecs, Rec::version);
        ProtocolVersion version = Lists.prefer(versions, ProtocolVersion.TLS12);
        String asked = h == null ? null : h.other().get("version");
        for (ProtocolVersion v : versions) {
            if (v.shortName.equals(asked)) {
                version = v;
            }
        }
        BufferKind buffer = Lists.prefer(Lists.distinct(suiteRecs, Rec::buffer), BufferKind.HEAP);
        Map<Integer, Double> seal = new TreeMap<>();
        Map<Integer, Double> open = new TreeMap<>();
        for (Rec r : suiteRecs) {
            if (r.version() == version && r.buffer() == buffer && r.opsPerSecond() > 0) {
                (r.op() == Op.SEAL ? seal : open).putIfAbsent(r.size(), r.opsPerSecond());
            }
        }
        String desc = from + ", " + RecordSuite.shortName(suite) + (version == null ? "" : ", " + version.shortName)
                + (buffer == null ? "" : ", " + buffer.label() + " buffers");
        return new Source(seal, open, desc);
    }

    /** The figure at a record size: measured, interpolated (time per record linear in size), or bounded. */
    static AtSize at(Map<Integer, Double> recordsPerSecond, int size) {
        TreeMap<Integer, Double> m = new TreeMap<>(recordsPerSecond);
        Double exact = m.get(size);
        if (exact != null) {
            return new AtSize(exact * size, exact, "measured at " + Fmt.g(size) + " B: " + Fmt.g(exact) + " records/s × " + Fmt.g(size) + " B");
        }
        Map.Entry<Integer, Double> lo = m.floorEntry(size);
        Map.Entry<Integer, Double> hi = m.ceilingEntry(size);
        if (lo != null && hi != null) {
            double t0 = 1 / lo.getValue();
            double t1 = 1 / hi.getValue();
            double t = t0 + (t1 - t0) * (size - lo.getKey()) / (double) (hi.getKey() - lo.getKey());
            double rps = 1 / t;
            return new AtSize(rps * size, rps, "interpolated between " + Fmt.g(lo.getKey()) + " B and " + Fmt.g(hi.getKey())
                    + " B, time per record linear in size: " + Fmt.g(rps) + " records/s × " + Fmt.g(size) + " B");
        }
        if (hi != null) {
            double rps = hi.getValue();
            return new AtSize(rps * size, rps, "below the smallest measured size: " + Fmt.g(hi.getKey())
                    + " B's time per record used (an upper bound): " + Fmt.g(rps) + " records/s × " + Fmt.g(size) + " B");
        }
        double bps = lo.getValue() * lo.getKey();
        return new AtSize(bps, bps / size, "above the largest measured size: " + Fmt.g(lo.getKey()) + " B's bytes/s used");
    }
}
