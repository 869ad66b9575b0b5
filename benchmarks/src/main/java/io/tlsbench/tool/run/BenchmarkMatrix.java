package io.tlsbench.tool.run;

import io.tlsbench.bench.CipherCeiling;
import io.tlsbench.bench.HandshakeWorkload;
import io.tlsbench.bench.JsseRecordWorkload;
import io.tlsbench.bench.MacCeiling;
import io.tlsbench.bench.RecordWorkload;
import io.tlsbench.provider.ProviderId;
import io.tlsbench.suite.ProtocolVersion;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which parameter combinations of the JMH benchmarks are valid, as blocks whose cross product is
 * valid throughout. JMH runs the cross product of the values it is given, but not every
 * combination exists: ACCP has no RC4 or 3DES, GCM and CBC-SHA256 are TLS 1.2 only, Conscrypt's
 * SSLEngine speaks TLS 1.2 with three of the suites. So the blocks are cut per protocol version
 * and per group of providers (or engines) that support the same list. {@code tlsbench run} turns
 * each block into one JMH run; the smoke test runs every block of {@link Axes#everything()}.
 * Support is asked of the providers and engines themselves, so a provider missing on a platform
 * simply drops out.
 */
public final class BenchmarkMatrix {

    public static final String JMH = "io.tlsbench.bench.jmh.";
    public static final String KEY_SCHEDULE = JMH + "KeyScheduleBenchmark";
    public static final String RECORD = JMH + "RecordBenchmark";
    public static final String JSSE_RECORD = JMH + "JsseRecordBenchmark";
    public static final String CIPHER_CEILING = JMH + "CipherCeilingBenchmark";
    public static final String MAC_CEILING = JMH + "MacCeilingBenchmark";
    public static final String HANDSHAKE = JMH + "HandshakeBenchmark";

    private BenchmarkMatrix() {
    }

    /** One JMH benchmark class and @Param values whose every combination is valid. */
    public record Block(String name, String benchmarkClass, Map<String, List<String>> params) {
        /** Combinations in this block (for the parameters it names). */
        public int combinations() {
            int n = 1;
            for (List<String> v : params.values()) {
                n *= v.size();
            }
            return n;
        }
    }

    /**
     * The values to cover along each axis; null means the axis's full list (for schedules: the
     * benchmark's own @Param list).
     */
    public record Axes(List<String> schedules, List<String> suites, List<String> versions, List<String> sizes,
                       List<String> buffers, List<String> ciphers, List<String> macs, List<String> engines,
                       List<String> peerBuffers) {

        /** Every value of every axis. */
        public static Axes everything() {
            return new Axes(null, null, null, null, null, null, null, null, null);
        }

        List<String> suitesOrAll() {
            return suites != null ? suites : List.copyOf(RecordWorkload.SUITES.keySet());
        }

        List<String> versionsOrAll() {
            return versions != null ? versions : RecordWorkload.VERSIONS;
        }

        List<String> sizesOrAll() {
            if (sizes != null) {
                return sizes;
            }
            List<String> s = new ArrayList<>();
            RecordWorkload.SIZES.forEach(i -> s.add(Integer.toString(i)));
            return s;
        }

        List<String> buffersOrAll() {
            return buffers != null ? buffers : RecordWorkload.BUFFERS;
        }

        List<String> ciphersOrAll() {
            return ciphers != null ? ciphers : List.copyOf(CipherCeiling.CIPHERS.keySet());
        }

        List<String> macsOrAll() {
            return macs != null ? macs : List.copyOf(MacCeiling.MACS.keySet());
        }

        List<String> enginesOrAll() {
            return engines != null ? engines : JsseRecordWorkload.ENGINES;
        }

        List<String> peerBuffersOrAll() {
            return peerBuffers != null ? peerBuffers : RecordWorkload.BUFFERS;
        }
    }

    /** Every block, in run order: key schedule, records, ceilings, SSLEngine peers. */
    public static List<Block> all(Axes a, List<ProviderId> providers) {
        List<Block> out = new ArrayList<>();
        out.add(keySchedule(a, providers));
        out.addAll(records(a, providers));
        out.addAll(cipherCeilings(a, providers));
        out.addAll(macCeilings(a, providers));
        out.addAll(sslEngines(a));
        return out;
    }

    /** The key schedule: the core over each provider, the JDK's generators and bctls. */
    public static Block keySchedule(Axes a, List<ProviderId> providers) {
        List<String> impls = new ArrayList<>();
        providers.forEach(id -> impls.add("core-" + name(id)));
        impls.add("jdk");
        impls.add("bctls");
        return new Block("key-schedule", KEY_SCHEDULE, params("impl", impls, "schedule", a.schedules()));
    }

    /** Records: one block per version and group of providers that protect the same suites. */
    public static List<Block> records(Axes a, List<ProviderId> providers) {
        List<Block> out = new ArrayList<>();
        for (String v : a.versionsOrAll()) {
            ProtocolVersion version = ProtocolVersion.parse(v);
            Map<List<String>, List<String>> groups = new LinkedHashMap<>();
            for (ProviderId id : providers) {
                List<String> s = intersect(a.suitesOrAll(), RecordWorkload.supportedSuites(id, version));
                if (!s.isEmpty()) {
                    groups.computeIfAbsent(s, k -> new ArrayList<>()).add(name(id));
                }
            }
            groups.forEach((s, ps) -> out.add(new Block("records-" + String.join("+", ps) + "-" + v, RECORD,
                    params("provider", ps, "suite", s, "version", List.of(v), "size", a.sizesOrAll(),
                            "buffer", a.buffersOrAll()))));
        }
        return out;
    }

    /** The providers' bulk Ciphers alone, grouped by the ciphers they offer. */
    public static List<Block> cipherCeilings(Axes a, List<ProviderId> providers) {
        Map<List<String>, List<String>> groups = new LinkedHashMap<>();
        for (ProviderId id : providers) {
            List<String> c = intersect(a.ciphersOrAll(), CipherCeiling.supported(id));
            if (!c.isEmpty()) {
                groups.computeIfAbsent(c, k -> new ArrayList<>()).add(name(id));
            }
        }
        List<Block> out = new ArrayList<>();
        groups.forEach((c, ps) -> out.add(new Block("cipher-ceiling-" + String.join("+", ps), CIPHER_CEILING,
                params("provider", ps, "cipher", c, "size", a.sizesOrAll()))));
        return out;
    }

    /** The providers' HMACs alone, grouped by the MACs they offer. */
    public static List<Block> macCeilings(Axes a, List<ProviderId> providers) {
        Map<List<String>, List<String>> groups = new LinkedHashMap<>();
        for (ProviderId id : providers) {
            List<String> m = intersect(a.macsOrAll(), MacCeiling.supported(id));
            if (!m.isEmpty()) {
                groups.computeIfAbsent(m, k -> new ArrayList<>()).add(name(id));
            }
        }
        List<Block> out = new ArrayList<>();
        groups.forEach((m, ps) -> out.add(new Block("mac-ceiling-" + String.join("+", ps), MAC_CEILING,
                params("provider", ps, "mac", m, "size", a.sizesOrAll()))));
        return out;
    }

    /** The JDK's and Conscrypt's SSLEngines, per version, where they offer the suite. */
    public static List<Block> sslEngines(Axes a) {
        List<Block> out = new ArrayList<>();
        for (String v : a.versionsOrAll()) {
            ProtocolVersion version = ProtocolVersion.parse(v);
            Map<List<String>, List<String>> groups = new LinkedHashMap<>();
            for (String engine : a.enginesOrAll()) {
                List<String> s = intersect(a.suitesOrAll(), JsseRecordWorkload.supportedSuites(engine, version));
                if (!s.isEmpty()) {
                    groups.computeIfAbsent(s, k -> new ArrayList<>()).add(engine);
                }
            }
            groups.forEach((s, es) -> out.add(new Block("sslengine-" + String.join("+", es) + "-" + v, JSSE_RECORD,
                    params("engine", es, "suite", s, "version", List.of(v), "size", a.sizesOrAll(),
                            "buffer", a.peerBuffersOrAll()))));
        }
        return out;
    }

    /**
     * Handshakes (HandshakeBenchmark): the valid stack × configuration × suite × mode
     * combinations, as blocks of one stack, the configurations that run the same suites, and the
     * modes that share that shape. Not part of {@link #all}: the presets' budgets do not cover
     * handshakes yet; the smoke test runs these blocks.
     */
    public static List<Block> handshakes(List<String> stacks, List<String> configs, List<String> suites, List<String> modes) {
        Map<List<Object>, List<String>> byShape = new LinkedHashMap<>();
        for (String stack : stacks) {
            for (String mode : modes) {
                Map<List<String>, List<String>> configsBySuites = new LinkedHashMap<>();
                for (String config : configs) {
                    List<String> ok = new ArrayList<>();
                    for (String suite : suites) {
                        if (HandshakeWorkload.unsupported(stack, config, suite, mode) == null) {
                            ok.add(suite);
                        }
                    }
                    if (!ok.isEmpty()) {
                        configsBySuites.computeIfAbsent(ok, k -> new ArrayList<>()).add(config);
                    }
                }
                configsBySuites.forEach((ss, cs) -> byShape.computeIfAbsent(List.of(stack, cs, ss), k -> new ArrayList<>()).add(mode));
            }
        }
        List<Block> out = new ArrayList<>();
        byShape.forEach((shape, ms) -> {
            @SuppressWarnings("unchecked")
            List<String> cs = (List<String>) shape.get(1);
            @SuppressWarnings("unchecked")
            List<String> ss = (List<String>) shape.get(2);
            String stack = (String) shape.get(0);
            out.add(new Block("handshake-" + stack + "-" + String.join("+", cs) + "-" + String.join("+", ms), HANDSHAKE,
                    params("stack", List.of(stack), "config", cs, "suite", ss, "mode", ms)));
        });
        return out;
    }

    /** Name/values pairs, skipping null values (the benchmark's own @Param list applies). */
    @SuppressWarnings("unchecked")
    static Map<String, List<String>> params(Object... pairs) {
        Map<String, List<String>> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                m.put((String) pairs[i], List.copyOf((List<String>) pairs[i + 1]));
            }
        }
        return m;
    }

    static List<String> intersect(List<String> wanted, List<String> offered) {
        List<String> out = new ArrayList<>();
        for (String w : wanted) {
            if (offered.contains(w)) {
                out.add(w);
            }
        }
        return out;
    }

    public static String name(ProviderId id) {
        return id.name().toLowerCase(Locale.ROOT);
    }
}
