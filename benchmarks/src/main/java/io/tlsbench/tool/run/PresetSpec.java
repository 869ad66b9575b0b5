package io.tlsbench.tool.run;

import io.tlsbench.bench.axis.RecordSize;
import io.tlsbench.bench.axis.RecordSuite;
import io.tlsbench.bench.jmh.BenchmarkClass;
import io.tlsbench.suite.CipherKind;
import io.tlsbench.suite.CipherSuite;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What a preset runs, written field by field: {@code new PresetSpec().budgetMinutes(6).timing(...)}.
 * See {@link Preset} for the presets and why they are shaped so.
 */
public final class PresetSpec {

    /** The smallest and largest record sizes: where per-record and per-byte costs each dominate. */
    public static final List<RecordSize> ENDS_OF_SIZES = List.of(RecordSize.B64, RecordSize.B16384);

    /** The suites whose TLS 1.0 records differ from TLS 1.2's (the chained IV of CBC); the version drops TLS 1.2-only ones. */
    public static final List<RecordSuite> CBC_SUITES = Selection.recordSuites(c -> c.kind == CipherKind.BLOCK);

    /** The handshake targets' suites: RSA key exchange and ECDHE-ECDSA on P-256. */
    public static final List<CipherSuite> HEADLINE_SUITES = List.of(CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA,
            CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA);

    /** A further slice of the record matrix: a suffix that keeps its block names apart, and whether the SSLEngine peers run it too. */
    public record Slice(String suffix, Selection selection, boolean peers) {
    }

    Timing timing;
    final Map<BenchmarkClass, Timing> classTiming = new EnumMap<>(BenchmarkClass.class);
    double budgetSeconds = Double.POSITIVE_INFINITY;
    Selection variants;
    final Map<BenchmarkClass, List<String>> methods = new EnumMap<>(BenchmarkClass.class);
    Selection main = Selection.everything();
    final List<Slice> slices = new ArrayList<>();
    HandshakeSelection handshakes = HandshakeSelection.everything();

    /** The timing of every class not given its own. */
    public PresetSpec timing(Timing t) {
        timing = t;
        return this;
    }

    /** Longer timing for a class whose operation is long or JIT-heavy. */
    public PresetSpec timing(BenchmarkClass c, Timing t) {
        classTiming.put(c, t);
        return this;
    }

    public PresetSpec budgetMinutes(double minutes) {
        budgetSeconds = minutes * 60;
        return this;
    }

    /** The class's methods to run (absent: all of them). */
    public PresetSpec methods(BenchmarkClass c, String... names) {
        methods.put(c, List.of(names));
        return this;
    }

    /** The key schedule, the records and SSLEngine peers' main slice, the ceilings. */
    public PresetSpec main(Selection s) {
        main = s;
        return this;
    }

    public PresetSpec slice(String suffix, Selection s, boolean peers) {
        slices.add(new Slice(suffix, s, peers));
        return this;
    }

    /**
     * Versions and sizes of the variant reruns (SunJCE's AES and SHA with the intrinsics off, CBC
     * open with the constant-time MAC check); none unless given.
     */
    public PresetSpec variants(Selection s) {
        variants = s;
        return this;
    }

    public PresetSpec handshakes(HandshakeSelection h) {
        handshakes = h;
        return this;
    }
}
