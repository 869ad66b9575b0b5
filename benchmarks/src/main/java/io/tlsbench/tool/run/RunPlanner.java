package io.tlsbench.tool.run;

import io.tlsbench.bench.RecordWorkload;
import io.tlsbench.bench.axis.BufferKind;
import io.tlsbench.bench.axis.CeilingCipher;
import io.tlsbench.bench.axis.CeilingMac;
import io.tlsbench.bench.axis.ProviderConfig;
import io.tlsbench.bench.jmh.BenchmarkClass;
import io.tlsbench.bench.jmh.RecordBenchmark;
import io.tlsbench.provider.ProviderId;
import io.tlsbench.suite.CipherKind;
import io.tlsbench.suite.ProtocolVersion;
import io.tlsbench.tool.run.BenchmarkMatrix.Block;
import io.tlsbench.tool.run.PresetSpec.Slice;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * A preset's run specs over the available providers, resolved against JMH's benchmark list.
 *
 * <p>A spec is one JMH run: the benchmark methods of one class, parameter values that override the
 * class's @Param defaults, and optional extra JVM arguments. JMH runs the cross product of a run's
 * parameters, so the specs are cut so that every product is a valid combination
 * ({@link BenchmarkMatrix}). The "AES-NI off" specs (standard, full) rerun SunJCE's AES record
 * and ceiling benchmarks in JVMs started with the AES, GHASH and SHA intrinsics switched off
 * ({@link JmhRunner#intrinsicsOffArgs()}); their results carry the same benchmark names and
 * parameters, told apart by {@code -XX:-UseAES} in the JVM arguments JMH records.
 */
public final class RunPlanner {

    private RunPlanner() {
    }

    /**
     * One JMH run: a block of valid parameter combinations of one benchmark class, the methods to
     * run (null: all), extra JVM arguments, and what a fork of it costs in setup beyond
     * {@link CostModel#FORK_OVERHEAD_SECONDS}.
     */
    public record RunSpec(Block block, List<String> methods, List<String> jvmArgs, double setupSeconds) {
        public String name() {
            return block.name();
        }

        public BenchmarkClass benchmark() {
            return block.benchmark();
        }

        public Params params() {
            return block.params();
        }
    }

    /** A spec resolved against the benchmark list: the methods it runs and how many parameter combinations. */
    public record PlannedSpec(RunSpec spec, List<String> benchmarks, int count, double secondsPerBenchmark) {
        public double seconds() {
            return count * secondsPerBenchmark;
        }
    }

    /** The run specs of a preset over the given (available) providers, in run order. */
    public static List<RunSpec> specs(Preset preset, List<ProviderId> providers) {
        List<RunSpec> specs = new ArrayList<>();
        for (Block b : mainBlocks(preset, providers)) {
            specs.add(new RunSpec(b, preset.methods.get(b.benchmark()), List.of(), CostModel.setupSeconds(b)));
        }
        for (Block b : BenchmarkMatrix.handshakes(handshakes(preset.handshakes, providers))) {
            specs.add(new RunSpec(b, null, List.of(), CostModel.setupSeconds(b)));
        }
        if (preset.variants != null && providers.contains(ProviderId.SUNJCE)) {
            specs.addAll(variants(preset, preset.variants));
        }
        return specs;
    }

    /** The key schedule, the records (main slice, then the others), the ceilings, the SSLEngine peers. */
    private static List<Block> mainBlocks(Preset preset, List<ProviderId> providers) {
        Selection a = preset.main;
        List<Block> blocks = new ArrayList<>();
        blocks.add(BenchmarkMatrix.keySchedule(a, providers));
        blocks.addAll(BenchmarkMatrix.records(a, providers));
        for (Slice s : preset.slices) {
            BenchmarkMatrix.records(s.selection(), providers).forEach(b -> blocks.add(b.suffixed(s.suffix())));
        }
        blocks.addAll(BenchmarkMatrix.cipherCeilings(a, providers));
        blocks.addAll(BenchmarkMatrix.macCeilings(a, providers));
        blocks.addAll(BenchmarkMatrix.sslEngines(a));
        for (Slice s : preset.slices) {
            if (s.peers()) {
                BenchmarkMatrix.sslEngines(s.selection()).forEach(b -> blocks.add(b.suffixed(s.suffix())));
            }
        }
        return blocks;
    }

    /** Provider configurations "X first" only for providers taking part. */
    private static HandshakeSelection handshakes(HandshakeSelection h, List<ProviderId> providers) {
        List<ProviderConfig> configs = new ArrayList<>();
        for (ProviderConfig c : h.configs()) {
            if (c.jdkDefault() || providers.contains(c.first)) {
                configs.add(c);
            }
        }
        return new HandshakeSelection(h.stacks(), configs, h.suites(), h.modes());
    }

    /**
     * SunJCE's AES (and the SHA MACs) without the CPU's AES and SHA instructions; then CBC open
     * again with the constant-time MAC check, to show what it costs (TLS 1.2).
     */
    private static List<RunSpec> variants(Preset preset, Selection v) {
        List<RunSpec> specs = new ArrayList<>();
        List<ProviderId> sunjce = List.of(ProviderId.SUNJCE);
        Selection aes = Selection.everything().suites(Selection.recordSuites(c -> c.keyAlgorithm.equals("AES")))
                .versions(v.versions()).sizes(v.sizes()).buffers(BufferKind.HEAP)
                .ciphers(CeilingCipher.AES_128_CBC, CeilingCipher.AES_256_CBC, CeilingCipher.AES_128_GCM)
                .macs(CeilingMac.HMAC_SHA1, CeilingMac.HMAC_SHA256);
        List<Block> off = new ArrayList<>(BenchmarkMatrix.records(aes, sunjce));
        off.addAll(BenchmarkMatrix.cipherCeilings(aes, sunjce));
        off.addAll(BenchmarkMatrix.macCeilings(aes, sunjce));
        for (Block b : off) {
            specs.add(new RunSpec(b.suffixed("-aes-sha-off"), preset.methods.get(b.benchmark()), JmhRunner.intrinsicsOffArgs(),
                    CostModel.setupSeconds(b)));
        }
        Selection cbc = Selection.everything()
                .suites(Selection.recordSuites(c -> c.kind == CipherKind.BLOCK && c.keyAlgorithm.equals("AES")))
                .versions(ProtocolVersion.TLS12).sizes(v.sizes()).buffers(BufferKind.HEAP);
        for (Block b : BenchmarkMatrix.records(cbc, sunjce)) {
            specs.add(new RunSpec(b.suffixed("-constant-time-mac"), List.of(RecordBenchmark.OPEN),
                    List.of(RecordWorkload.CONSTANT_TIME_MAC_ARG), CostModel.setupSeconds(b)));
        }
        return specs;
    }

    /** The specs resolved against JMH's benchmark list, filtered by --include; specs left empty are dropped. */
    public static List<PlannedSpec> plan(Preset preset, List<ProviderId> providers, Pattern include) {
        Map<String, BenchmarkListEntry> entries = benchmarkList();
        List<PlannedSpec> out = new ArrayList<>();
        for (RunSpec s : specs(preset, providers)) {
            String cls = s.benchmark().className();
            List<String> methods = new ArrayList<>();
            int count = 0;
            for (BenchmarkListEntry e : entries.values()) {
                String name = e.getUsername();
                if (!name.startsWith(cls + ".") || name.indexOf('.', cls.length() + 1) >= 0) {
                    continue;
                }
                if (s.methods() != null && !s.methods().contains(name.substring(cls.length() + 1))) {
                    continue;
                }
                if (include != null && !include.matcher(name).find()) {
                    continue;
                }
                methods.add(name);
                count += combinations(e, s.params());
            }
            if (count > 0) {
                out.add(new PlannedSpec(s, methods, count, preset.timing(s.benchmark()).secondsPerBenchmark(s.setupSeconds())));
            }
        }
        return out;
    }

    /** Parameter combinations of one benchmark method: the product of each @Param's values, overridden by the spec's. */
    static int combinations(BenchmarkListEntry e, Params overrides) {
        int combos = 1;
        if (e.getParams().hasValue()) {
            for (Map.Entry<String, String[]> param : e.getParams().get().entrySet()) {
                int o = overrides.count(param.getKey());
                combos *= o >= 0 ? o : param.getValue().length;
            }
        }
        return combos;
    }

    /** JMH's generated benchmark list, by full method name. */
    public static Map<String, BenchmarkListEntry> benchmarkList() {
        Map<String, BenchmarkListEntry> out = new LinkedHashMap<>();
        for (BenchmarkListEntry e : BenchmarkList.defaultList().find(
                OutputFormatFactory.createFormatInstance(System.out, VerboseMode.SILENT), List.of(".*"), List.of())) {
            out.put(e.getUsername(), e);
        }
        return out;
    }
}
