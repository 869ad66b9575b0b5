package io.tlsbench.tool.report;

import io.tlsbench.bench.axis.Axis;
import io.tlsbench.bench.axis.BufferKind;
import io.tlsbench.bench.axis.Engine;
import io.tlsbench.bench.axis.HandshakeMode;
import io.tlsbench.bench.axis.KeyScheduleImpl;
import io.tlsbench.bench.axis.ProviderConfig;
import io.tlsbench.bench.axis.RecordSuite;
import io.tlsbench.bench.axis.Schedule;
import io.tlsbench.bench.axis.Stack;
import io.tlsbench.bench.jmh.BenchmarkClass;
import io.tlsbench.bench.jmh.KeyScheduleBenchmark;
import io.tlsbench.suite.CipherSuite;
import io.tlsbench.suite.ProtocolVersion;
import io.tlsbench.tool.report.Handshakes.Handshake;
import io.tlsbench.tool.report.NativeComparisons.NativeHandshake;
import io.tlsbench.tool.report.NativeComparisons.NativeRecord;
import io.tlsbench.tool.report.Records.Op;
import io.tlsbench.tool.report.Records.Rec;
import io.tlsbench.tool.report.TargetGoals.Target;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The benchmark issue's performance targets, each computed from one run: the figure, the ratio
 * it is judged by (with JMH's errors propagated), the goal, and whether it is met. The goals and
 * their texts are data (targets.json, {@link TargetGoals}); this class finds the figures. A target
 * whose figures the run lacks is left out; a ratio whose error interval straddles the goal says so.
 */
final class Targets {

    static final CipherSuite RSA = CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA;
    static final CipherSuite ECDHE_ECDSA = CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA;
    /** The record the seal targets are judged on: AES-128-CBC-SHA, 16 KB. */
    static final RecordSuite SEAL_SUITE = RecordSuite.AES_128_CBC_SHA;
    static final int SEAL_SIZE = 16384;

    /**
     * One target: what is compared, the figures, the ratio ± error, the goal it must reach, and
     * (where profiling found it) whose cost holds the ratio down when the goal is missed.
     */
    record Row(String target, String figures, double ratio, double error, double goal, boolean percent, String cause,
               String shortWarmup) {
        Row(String target, String figures, double ratio, double error, double goal, boolean percent) {
            this(target, figures, ratio, error, goal, percent, null, null);
        }

        /** Notes the first compared figure warmed up for less than its class needs (see {@link #WARM_UP_NEEDED}). */
        Row warmedBy(JmhResult... compared) {
            for (JmhResult r : compared) {
                Double needed = WARM_UP_NEEDED.get(r.benchmarkClass());
                if (needed != null && r.warmupSeconds() < needed) {
                    return new Row(target, figures, ratio, error, goal, percent, cause, String.format(Locale.ROOT,
                            "%s warmed %.1f s of the %.1f s it needs", r.className(), r.warmupSeconds(), needed));
                }
            }
            return this;
        }

        boolean missed() {
            return verdict().startsWith("missed");
        }

        String verdict() {
            String v = baseVerdict();
            return shortWarmup == null ? v : v + " — indicative only: " + shortWarmup;
        }

        private String baseVerdict() {
            if (Double.isNaN(ratio)) {
                return "—";
            }
            if (ratio >= goal) {
                return !Double.isNaN(error) && ratio - error < goal ? "met (error spans the goal)" : "met";
            }
            return !Double.isNaN(error) && ratio + error >= goal ? "missed (error spans the goal)" : "missed";
        }

        String ratioText() {
            if (percent) {
                return Fmt.pct(ratio) + (Double.isNaN(error) ? "" : " ± " + Fmt.pct(error));
            }
            return Fmt.ratioPm(ratio, error);
        }

        String goalText() {
            return "≥ " + (percent ? Fmt.pct(goal) : Fmt.ratio(goal));
        }
    }

    /**
     * Seconds of warm-up each benchmark class needs before its figures are steady: calibration
     * data, read from traces of cold forks on the reference machine (each iteration's score
     * until it settles), rounded up. Records and ceilings settle soonest; JSSE's SSLEngine, the
     * JDK's key generators and handshakes step up to their steady rates only after several
     * seconds. A target judged on a figure warmed less is marked indicative (the quick preset).
     */
    static final Map<BenchmarkClass, Double> WARM_UP_NEEDED = Map.of(BenchmarkClass.RECORD, 1.2,
            BenchmarkClass.CIPHER_CEILING, 1.2, BenchmarkClass.MAC_CEILING, 1.2, BenchmarkClass.JSSE_RECORD, 5.0,
            BenchmarkClass.KEY_SCHEDULE, 5.0, BenchmarkClass.HANDSHAKE, 5.0);

    private Targets() {
    }

    static List<Row> of(RunFolder run) {
        List<Row> rows = new ArrayList<>();
        keySchedule(run, rows);
        records(run, rows);
        handshakes(run, rows);
        return rows;
    }

    // ---- key schedule: TLS 1.2 SHA-256 master + key block, best core path vs the JDK and bctls ----

    private static void keySchedule(RunFolder run, List<Row> rows) {
        JmhResult best = null;
        JmhResult jdk = null;
        JmhResult bctls = null;
        for (JmhResult r : run.of(BenchmarkClass.KEY_SCHEDULE)) {
            if (r.variant() || !r.method().equals(KeyScheduleBenchmark.MASTER_AND_KEY_BLOCK)
                    || r.param(Axis.SCHEDULE) != Schedule.TLS12_SHA256) {
                continue;
            }
            KeyScheduleImpl impl = r.param(Axis.IMPL);
            if (impl != null && impl.core() && (best == null || r.opsPerSecond() > best.opsPerSecond())) {
                best = r;
            } else if (impl == KeyScheduleImpl.JDK) {
                jdk = r;
            } else if (impl == KeyScheduleImpl.BCTLS) {
                bctls = r;
            }
        }
        if (best == null) {
            return;
        }
        Map<String, String> vars = Map.of("impl", best.param(Axis.IMPL).label());
        for (JmhResult base : new JmhResult[] {jdk, bctls}) {
            if (base != null) {
                String figures = Fmt.pm(best.opsPerSecond(), best.opsPerSecondError()) + " vs "
                        + Fmt.pm(base.opsPerSecond(), base.opsPerSecondError()) + " ops/s";
                rows.add(ratioRow(base == jdk ? Target.KEY_SCHEDULE_VS_JDK : Target.KEY_SCHEDULE_VS_BCTLS, vars, figures,
                        best.opsPerSecond(), best.opsPerSecondError(), base.opsPerSecond(), base.opsPerSecondError())
                        .warmedBy(best, base));
            }
        }
    }

    // ---- records: AES-128-CBC-SHA seal 16 KB, best provider ----

    private static void records(RunFolder run, List<Row> rows) {
        List<Rec> candidates = Lists.filter(Records.of(run, false, false), r -> r.suite() == SEAL_SUITE && r.op() == Op.SEAL
                && r.size() == SEAL_SIZE && r.buffer() != BufferKind.DIRECT);
        // One version for all three comparisons: TLS 1.2 where measured. The best figure over
        // both versions would pair a TLS 1.0 seal with JSSE's TLS 1.0 wrap, which splits CBC
        // records 1/n-1 against BEAST: a different amount of work.
        ProtocolVersion version = Lists.prefer(Lists.distinct(candidates, Rec::version), ProtocolVersion.TLS12);
        Rec best = null;
        for (Rec r : candidates) {
            if (r.version() == version && (best == null || r.bytesPerSecond() > best.bytesPerSecond())) {
                best = r;
            }
        }
        if (best == null) {
            return;
        }
        Map<String, String> vars = new HashMap<>(Map.of("suite", SEAL_SUITE.label(), "size", Fmt.size(SEAL_SIZE),
                "impl", best.impl(), "version", best.version().shortName));
        String figure = Fmt.mbpsPm(best.bytesPerSecond(), best.bytesError());
        double limit = Records.limit(run, best.provider(), best.suite(), SEAL_SIZE, Op.SEAL, false);
        if (!Double.isNaN(limit)) {
            rows.add(TargetGoals.row(Target.SEAL_OF_LIMIT, vars, figure + " vs " + Fmt.mbps(limit * SEAL_SIZE),
                    best.opsPerSecond() / limit, best.r().opsPerSecondError() / limit).warmedBy(best.r()));
        }
        Rec jsse = jsseWrap(run, best);
        if (jsse != null) {
            rows.add(ratioRow(Target.SEAL_VS_JSSE, vars, figure + " vs " + Fmt.mbpsPm(jsse.bytesPerSecond(), jsse.bytesError()),
                    best.bytesPerSecond(), best.bytesError(), jsse.bytesPerSecond(), jsse.bytesError()).warmedBy(best.r(), jsse.r()));
        }
        NativeRecord n = NativeComparisons.record(run.natives, SEAL_SUITE, Op.SEAL, SEAL_SIZE);
        if (n != null) {
            vars.put("formula", n.formula());
            rows.add(TargetGoals.row(Target.SEAL_OF_NATIVE, vars, figure + " vs " + Fmt.mbps(n.bytesPerSecond()),
                    best.bytesPerSecond() / n.bytesPerSecond(), best.bytesError() / n.bytesPerSecond()).warmedBy(best.r()));
        }
    }

    /** The JDK's SSLEngine wrapping the same suite and size in the same version. */
    private static Rec jsseWrap(RunFolder run, Rec best) {
        for (Rec e : Records.of(run, true, false)) {
            if (e.engine() == Engine.JDK && e.suite() == SEAL_SUITE && e.op() == Op.SEAL && e.size() == SEAL_SIZE
                    && e.version() == best.version()) {
                return e;
            }
        }
        return null;
    }

    // ---- handshakes: full RSA and ECDHE-ECDSA on the best core configuration; resumption ----

    private static void handshakes(RunFolder run, List<Row> rows) {
        List<Handshake> hs = Handshakes.of(run);
        Handshake rsa = bestCore(hs, RSA);
        if (rsa != null) {
            Map<String, String> vars = Map.of("suite", RSA.name, "config", rsa.config().label(), "serverShare",
                    Double.isNaN(rsa.serverFraction()) ? "not measured" : Fmt.pct(rsa.serverFraction()));
            Handshake jsse = jsseDefault(hs, RSA);
            if (jsse != null) {
                rows.add(handshakeRatio(Target.RSA_VS_JSSE, vars, rsa, jsse));
            }
            NativeHandshake n = NativeComparisons.handshake(run.natives, RSA, HandshakeMode.FULL, rsa.other());
            if (n != null) {
                rows.add(TargetGoals.row(Target.RSA_OF_NATIVE, vars, Fmt.pm(rsa.perSecond(), rsa.error()) + " vs " + Fmt.g(n.perSecond())
                        + "/s", rsa.perSecond() / n.perSecond(), rsa.error() / n.perSecond()).warmedBy(rsa.result()));
            }
            Handshake resumed = find(hs, Stack.CORE, rsa.config(), RSA, HandshakeMode.RESUMED);
            if (resumed != null) {
                rows.add(handshakeRatio(Target.RESUMED_VS_FULL, Map.of("suite", RSA.name, "config", rsa.config().label(),
                        "resumedMicros", String.format(Locale.ROOT, "%.0f", 1e6 / resumed.perSecond())), resumed, rsa));
            }
        }
        Handshake ec = bestCore(hs, ECDHE_ECDSA);
        Handshake ecJsse = jsseDefault(hs, ECDHE_ECDSA);
        if (ec != null && ecJsse != null) {
            rows.add(handshakeRatio(Target.ECDHE_ECDSA_VS_JSSE, Map.of("suite", ECDHE_ECDSA.name, "config", ec.config().label()), ec, ecJsse));
        }
    }

    private static Row handshakeRatio(Target id, Map<String, String> vars, Handshake a, Handshake b) {
        return ratioRow(id, vars, Fmt.pm(a.perSecond(), a.error()) + " vs " + Fmt.pm(b.perSecond(), b.error()) + " /s",
                a.perSecond(), a.error(), b.perSecond(), b.error()).warmedBy(a.result(), b.result());
    }

    private static Row ratioRow(Target id, Map<String, String> vars, String figures, double a, double ea, double b, double eb) {
        return TargetGoals.row(id, vars, figures, a / b, Fmt.ratioError(a, ea, b, eb));
    }

    /** The core's fastest provider configuration for a suite's full handshakes (client + server pairs). */
    private static Handshake bestCore(List<Handshake> hs, CipherSuite suite) {
        Handshake best = null;
        for (Handshake h : hs) {
            if (!h.server() && h.stack() == Stack.CORE && h.suite() == suite && h.mode() == HandshakeMode.FULL
                    && (best == null || h.perSecond() > best.perSecond())) {
                best = h;
            }
        }
        return best;
    }

    private static Handshake jsseDefault(List<Handshake> hs, CipherSuite suite) {
        for (Handshake h : hs) {
            if (!h.server() && h.jsse() && h.config().jdkDefault() && h.suite() == suite && h.mode() == HandshakeMode.FULL) {
                return h;
            }
        }
        return null;
    }

    private static Handshake find(List<Handshake> hs, Stack stack, ProviderConfig config, CipherSuite suite, HandshakeMode mode) {
        for (Handshake h : hs) {
            if (!h.server() && h.stack() == stack && h.config() == config && h.suite() == suite && h.mode() == mode) {
                return h;
            }
        }
        return null;
    }
}
