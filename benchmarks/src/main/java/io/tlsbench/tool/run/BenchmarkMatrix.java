package io.tlsbench.tool.run;

import io.tlsbench.bench.CipherCeiling;
import io.tlsbench.bench.HandshakeWorkload;
import io.tlsbench.bench.JsseRecordWorkload;
import io.tlsbench.bench.MacCeiling;
import io.tlsbench.bench.axis.Axis;
import io.tlsbench.bench.axis.Engine;
import io.tlsbench.bench.axis.HandshakeMode;
import io.tlsbench.bench.axis.KeyScheduleImpl;
import io.tlsbench.bench.axis.ProviderConfig;
import io.tlsbench.bench.axis.RecordSuite;
import io.tlsbench.bench.axis.Stack;
import io.tlsbench.bench.jmh.BenchmarkClass;
import io.tlsbench.provider.ProviderId;
import io.tlsbench.suite.CipherSuite;
import io.tlsbench.suite.ProtocolVersion;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Which parameter combinations of the JMH benchmarks are valid, as blocks whose cross product is
 * valid throughout. JMH runs the cross product of the values it is given, but not every
 * combination exists: ACCP has no RC4 or 3DES, GCM and CBC-SHA256 are TLS 1.2 only, Conscrypt's
 * SSLEngine speaks TLS 1.2 with three of the suites. So the blocks are cut per protocol version
 * and per group of providers (or engines) that support the same list. {@code tlsbench run} turns
 * each block into one JMH run; the smoke test runs every block of {@link Selection#everything()}.
 * Support is asked of the providers and engines themselves, so a provider missing on a platform
 * simply drops out.
 */
public final class BenchmarkMatrix {

    private BenchmarkMatrix() {
    }

    /** One JMH benchmark class and parameter values whose every combination is valid. */
    public record Block(String name, BenchmarkClass benchmark, Params params) {
        /** Combinations in this block (for the parameters it names). */
        public int combinations() {
            return params.combinations();
        }

        /** The same block under a name with a suffix (a rerun's block beside the main one). */
        public Block suffixed(String suffix) {
            return suffix.isEmpty() ? this : new Block(name + suffix, benchmark, params);
        }
    }

    /** Every block, in run order: key schedule, records, ceilings, SSLEngine peers. */
    public static List<Block> all(Selection a, List<ProviderId> providers) {
        List<Block> out = new ArrayList<>();
        out.add(keySchedule(a, providers));
        out.addAll(records(a, providers));
        out.addAll(cipherCeilings(a, providers));
        out.addAll(macCeilings(a, providers));
        out.addAll(sslEngines(a));
        return out;
    }

    /**
     * The key schedule: the core over each provider, the JDK's generators and bctls. Every
     * schedule is left to the benchmark's own @Param list.
     */
    public static Block keySchedule(Selection a, List<ProviderId> providers) {
        List<KeyScheduleImpl> impls = new ArrayList<>();
        providers.forEach(id -> impls.add(KeyScheduleImpl.core(id)));
        impls.add(KeyScheduleImpl.JDK);
        impls.add(KeyScheduleImpl.BCTLS);
        Params p = Params.of(Axis.IMPL, impls);
        if (!a.schedules().equals(Axis.SCHEDULE.values())) {
            p = p.with(Axis.SCHEDULE, a.schedules());
        }
        return new Block("key-schedule", BenchmarkClass.KEY_SCHEDULE, p);
    }

    /** Records: one block per version and group of providers that protect the same suites. */
    public static List<Block> records(Selection a, List<ProviderId> providers) {
        List<Block> out = new ArrayList<>();
        for (ProtocolVersion v : a.versions()) {
            Map<List<RecordSuite>, List<ProviderId>> groups = group(providers,
                    id -> intersect(a.suites(), RecordSuite.protectedBy(id, v)));
            groups.forEach((s, ps) -> out.add(new Block("records-" + join(ps, Axis::lower) + "-" + v.shortName,
                    BenchmarkClass.RECORD, Params.of(Axis.PROVIDER, ps).with(Axis.RECORD_SUITE, s)
                            .with(Axis.VERSION, List.of(v)).with(Axis.SIZE, a.sizes()).with(Axis.BUFFER, a.buffers()))));
        }
        return out;
    }

    /** The providers' bulk Ciphers alone, grouped by the ciphers they offer. */
    public static List<Block> cipherCeilings(Selection a, List<ProviderId> providers) {
        return ceilings("cipher-ceiling-", BenchmarkClass.CIPHER_CEILING, Axis.CIPHER, a.ciphers(), CipherCeiling::supported,
                providers, a);
    }

    /** The providers' HMACs alone, grouped by the MACs they offer. */
    public static List<Block> macCeilings(Selection a, List<ProviderId> providers) {
        return ceilings("mac-ceiling-", BenchmarkClass.MAC_CEILING, Axis.MAC, a.macs(), MacCeiling::supported, providers, a);
    }

    private static <T> List<Block> ceilings(String name, BenchmarkClass benchmark, Axis<T> axis, List<T> wanted,
                                            Function<ProviderId, List<T>> offered, List<ProviderId> providers, Selection a) {
        List<Block> out = new ArrayList<>();
        group(providers, id -> intersect(wanted, offered.apply(id))).forEach((v, ps) -> out.add(new Block(
                name + join(ps, Axis::lower), benchmark, Params.of(Axis.PROVIDER, ps).with(axis, v).with(Axis.SIZE, a.sizes()))));
        return out;
    }

    /** The JDK's and Conscrypt's SSLEngines, per version, where they offer the suite. */
    public static List<Block> sslEngines(Selection a) {
        List<Block> out = new ArrayList<>();
        for (ProtocolVersion v : a.versions()) {
            Map<List<RecordSuite>, List<Engine>> groups = group(a.engines(),
                    e -> intersect(a.suites(), JsseRecordWorkload.supportedSuites(e, v)));
            groups.forEach((s, es) -> out.add(new Block("sslengine-" + join(es, Engine::label) + "-" + v.shortName,
                    BenchmarkClass.JSSE_RECORD, Params.of(Axis.ENGINE, es).with(Axis.RECORD_SUITE, s)
                            .with(Axis.VERSION, List.of(v)).with(Axis.SIZE, a.sizes()).with(Axis.BUFFER, a.peerBuffers()))));
        }
        return out;
    }

    /** One stack, the configurations that run the same suites, and the modes that share that shape. */
    private record HandshakeShape(Stack stack, List<ProviderConfig> configs, List<CipherSuite> suites) {
    }

    /**
     * Handshakes (HandshakeBenchmark): the valid stack × configuration × suite × mode
     * combinations, as blocks of one stack, the configurations that run the same suites, and the
     * modes that share that shape. Not part of {@link #all}: the smoke test runs these blocks.
     */
    public static List<Block> handshakes(HandshakeSelection h) {
        Map<HandshakeShape, List<HandshakeMode>> byShape = new LinkedHashMap<>();
        for (Stack stack : h.stacks()) {
            for (HandshakeMode mode : h.modes()) {
                group(h.configs(), config -> {
                    List<CipherSuite> ok = new ArrayList<>();
                    for (CipherSuite suite : h.suites()) {
                        if (HandshakeWorkload.unsupported(stack, config, suite, mode) == null) {
                            ok.add(suite);
                        }
                    }
                    return ok;
                }).forEach((ss, cs) -> byShape.computeIfAbsent(new HandshakeShape(stack, cs, ss), k -> new ArrayList<>())
                        .add(mode));
            }
        }
        List<Block> out = new ArrayList<>();
        byShape.forEach((shape, ms) -> out.add(new Block("handshake-" + shape.stack().label() + "-"
                + join(shape.configs(), ProviderConfig::label) + "-" + join(ms, HandshakeMode::label), BenchmarkClass.HANDSHAKE,
                Params.of(Axis.STACK, List.of(shape.stack())).with(Axis.CONFIG, shape.configs())
                        .with(Axis.HANDSHAKE_SUITE, shape.suites()).with(Axis.MODE, ms))));
        return out;
    }

    /** The members grouped by what each offers, in first-seen order; members offering nothing drop out. */
    static <M, V> Map<List<V>, List<M>> group(List<M> members, Function<M, List<V>> offered) {
        Map<List<V>, List<M>> groups = new LinkedHashMap<>();
        for (M m : members) {
            List<V> v = offered.apply(m);
            if (!v.isEmpty()) {
                groups.computeIfAbsent(v, k -> new ArrayList<>()).add(m);
            }
        }
        return groups;
    }

    static <T> List<T> intersect(List<T> wanted, List<T> offered) {
        List<T> out = new ArrayList<>();
        for (T w : wanted) {
            if (offered.contains(w)) {
                out.add(w);
            }
        }
        return out;
    }

    private static <T> String join(List<T> values, Function<T, String> label) {
        List<String> out = new ArrayList<>();
        values.forEach(v -> out.add(label.apply(v)));
        return String.join("+", out);
    }
}
