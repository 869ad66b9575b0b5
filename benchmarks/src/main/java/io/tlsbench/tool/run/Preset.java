package io.tlsbench.tool.run;

import static io.tlsbench.bench.axis.BufferKind.DIRECT;
import static io.tlsbench.bench.axis.BufferKind.HEAP;
import static io.tlsbench.bench.axis.ProviderConfig.ACCP_FIRST;
import static io.tlsbench.bench.axis.ProviderConfig.JDK;
import static io.tlsbench.suite.ProtocolVersion.TLS10;
import static io.tlsbench.suite.ProtocolVersion.TLS12;
import static io.tlsbench.tool.run.PresetSpec.CBC_SUITES;
import static io.tlsbench.tool.run.PresetSpec.ENDS_OF_SIZES;
import static io.tlsbench.tool.run.PresetSpec.HEADLINE_SUITES;

import io.tlsbench.bench.axis.CeilingCipher;
import io.tlsbench.bench.axis.CeilingMac;
import io.tlsbench.bench.axis.Engine;
import io.tlsbench.bench.axis.HandshakeMode;
import io.tlsbench.bench.axis.RecordSize;
import io.tlsbench.bench.axis.RecordSuite;
import io.tlsbench.bench.axis.Schedule;
import io.tlsbench.bench.axis.Stack;
import io.tlsbench.bench.jmh.BenchmarkClass;
import io.tlsbench.bench.jmh.CipherCeilingBenchmark;
import io.tlsbench.bench.jmh.JsseRecordBenchmark;
import io.tlsbench.bench.jmh.KeyScheduleBenchmark;
import io.tlsbench.bench.jmh.RecordBenchmark;
import io.tlsbench.tool.run.PresetSpec.Slice;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The presets, as named data. Fork costs dominate on a small machine, so the presets are sized
 * by count × ({@link CostModel#FORK_OVERHEAD_SECONDS} + setup + iterations), which RunPlannerTest
 * holds to each preset's budget:
 * <ul>
 * <li>quick — the README's main command: the key schedule (master secret + key block; TLS 1.0
 *     and TLS 1.2 SHA-256) for every implementation; AES-128-CBC-SHA and AES-128-GCM records of
 *     16 KB, heap, TLS 1.2, for every provider and both SSLEngines; the AES-128-CBC, AES-128-GCM
 *     and HmacSHA1 ceilings at 16 KB; the headline handshakes on the core and JSSE. One short
 *     fork each.</li>
 * <li>standard — every suite on every provider that offers it at TLS 1.2, heap buffers; direct
 *     buffers at 16 KB (the cost of direct buffers is per byte); TLS 1.0 for the CBC suites (the
 *     chained IV is the difference; RC4 records cost the same); all at the two ends of the size
 *     axis, 64 B (per-record costs) and 16 KB (per-byte costs); the ceilings and the SSLEngine
 *     peers at the same sizes; the key schedule (master secret + key block, all four schedules);
 *     handshakes on every stack with the JDK's providers and ACCP first; SunJCE's AES records and
 *     AES/SHA ceilings again with the intrinsics off, and CBC open with the constant-time MAC
 *     check (TLS 1.2). Warm-up by class, from traces of cold forks (each iteration's score until
 *     it settles): records and ceilings settle soonest; JSSE's SSLEngine, the key schedule and
 *     handshakes step up to their steady rate only after several seconds, and a shorter warm-up
 *     read JSSE's wrap at a fraction of its warmed rate. Five measurement iterations keep JMH's
 *     99.9 % interval near ±4 standard deviations (three leave ±18). 1 KB and the whole matrix
 *     are the full preset's.</li>
 * <li>targets — only what the benchmark issue's targets compare (TLS 1.2 SHA-256 master + key
 *     block; AES-128-CBC-SHA seal at 16 KB with its cipher and MAC ceilings and JSSE's wrap; RSA
 *     and ECDHE-ECDSA handshakes, full and resumed, core and JSSE, JDK and ACCP first), each
 *     warmed and measured five times, so the JIT-heavy Java paths are steady and JMH's error is
 *     usable.</li>
 * <li>full — everything (both key-schedule methods, peers on direct buffers too, intrinsics off
 *     in both versions), two forks: hours.</li>
 * </ul>
 * Longer timing for classes whose operation is long or JIT-heavy: a handshake runs through
 * hundreds of methods, and short iterations measured it half-compiled; the JDK's key generators
 * and the core over ACCP also step up to their steady rate late.
 */
public enum Preset {
    QUICK(new PresetSpec()
            .timing(Timing.forks(1).warmup(1, 1000).measure(2, 1000))
            .timing(BenchmarkClass.HANDSHAKE, Timing.forks(1).warmup(2, 1000).measure(2, 1000))
            .budgetMinutes(6)
            .methods(BenchmarkClass.KEY_SCHEDULE, KeyScheduleBenchmark.MASTER_AND_KEY_BLOCK)
            .main(Selection.everything().schedules(Schedule.TLS10, Schedule.TLS12_SHA256)
                    .suites(RecordSuite.AES_128_CBC_SHA, RecordSuite.AES_128_GCM).versions(TLS12).sizes(RecordSize.B16384)
                    .buffers(HEAP).ciphers(CeilingCipher.AES_128_CBC, CeilingCipher.AES_128_GCM).macs(CeilingMac.HMAC_SHA1)
                    .peerBuffers(HEAP))
            .handshakes(headlineHandshakes().stacks(Stack.CORE, Stack.JSSE))),
    STANDARD(new PresetSpec()
            .timing(Timing.forks(1).warmup(2, 750).measure(5, 200))
            .timing(BenchmarkClass.HANDSHAKE, Timing.forks(1).warmup(8, 1000).measure(5, 1000))
            .timing(BenchmarkClass.KEY_SCHEDULE, Timing.forks(1).warmup(8, 1000).measure(5, 500))
            .timing(BenchmarkClass.JSSE_RECORD, Timing.forks(1).warmup(6, 1000).measure(5, 200))
            .budgetMinutes(40)
            .variants(Selection.everything().versions(TLS12).sizes(ENDS_OF_SIZES))
            .methods(BenchmarkClass.KEY_SCHEDULE, KeyScheduleBenchmark.MASTER_AND_KEY_BLOCK)
            .main(Selection.everything().versions(TLS12).sizes(ENDS_OF_SIZES).buffers(HEAP).peerBuffers(HEAP))
            .slice("-direct", Selection.everything().versions(TLS12).sizes(RecordSize.B16384).buffers(DIRECT), false)
            .slice("", Selection.everything().suites(CBC_SUITES).versions(TLS10).sizes(ENDS_OF_SIZES).buffers(HEAP)
                    .peerBuffers(HEAP), true)
            .handshakes(headlineHandshakes())),
    TARGETS(new PresetSpec()
            .timing(Timing.forks(1).warmup(5, 1000).measure(5, 1000))
            .budgetMinutes(12)
            .methods(BenchmarkClass.KEY_SCHEDULE, KeyScheduleBenchmark.MASTER_AND_KEY_BLOCK)
            .methods(BenchmarkClass.RECORD, RecordBenchmark.SEAL)
            .methods(BenchmarkClass.CIPHER_CEILING, CipherCeilingBenchmark.ENCRYPT)
            .methods(BenchmarkClass.JSSE_RECORD, JsseRecordBenchmark.WRAP)
            .main(Selection.everything().schedules(Schedule.TLS12_SHA256).suites(RecordSuite.AES_128_CBC_SHA)
                    .versions(TLS12).sizes(RecordSize.B16384).buffers(HEAP).ciphers(CeilingCipher.AES_128_CBC)
                    .macs(CeilingMac.HMAC_SHA1).engines(Engine.JDK).peerBuffers(HEAP))
            .handshakes(headlineHandshakes().stacks(Stack.CORE, Stack.JSSE))),
    FULL(new PresetSpec()
            .timing(Timing.forks(2).warmup(3, 1000).measure(5, 1000))
            .variants(Selection.everything()));

    final Timing timing;
    final Map<BenchmarkClass, Timing> classTiming;
    final double budgetSeconds;
    /** Versions and sizes of the variant reruns; null: none. */
    final Selection variants;
    /** Per benchmark class, the methods to run (absent: all). */
    final Map<BenchmarkClass, List<String>> methods;
    final Selection main;
    final List<Slice> slices;
    final HandshakeSelection handshakes;

    Preset(PresetSpec s) {
        timing = s.timing;
        classTiming = Map.copyOf(s.classTiming);
        budgetSeconds = s.budgetSeconds;
        variants = s.variants;
        methods = Map.copyOf(s.methods);
        main = s.main;
        slices = List.copyOf(s.slices);
        handshakes = s.handshakes;
    }

    /** Full and resumed RSA and ECDHE-ECDSA handshakes, the JDK's providers and ACCP first, on every stack. */
    private static HandshakeSelection headlineHandshakes() {
        return HandshakeSelection.everything().configs(JDK, ACCP_FIRST).suites(HEADLINE_SUITES).modes(HandshakeMode.FULL, HandshakeMode.RESUMED);
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public double budgetSeconds() {
        return budgetSeconds;
    }

    public Timing timing(BenchmarkClass benchmark) {
        return classTiming.getOrDefault(benchmark, timing);
    }

    public static Preset parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown preset '" + name + "' (quick, standard, targets or full)");
        }
    }
}
