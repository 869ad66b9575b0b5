package io.tlsbench.tool.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tlsbench.bench.CipherCeiling;
import io.tlsbench.bench.JsseRecordWorkload;
import io.tlsbench.bench.MacCeiling;
import io.tlsbench.bench.RecordWorkload;
import io.tlsbench.bench.axis.Axis;
import io.tlsbench.bench.axis.BufferKind;
import io.tlsbench.bench.axis.CeilingCipher;
import io.tlsbench.bench.axis.CeilingMac;
import io.tlsbench.bench.axis.Engine;
import io.tlsbench.bench.axis.KeyScheduleImpl;
import io.tlsbench.bench.axis.RecordSize;
import io.tlsbench.bench.axis.RecordSuite;
import io.tlsbench.bench.jmh.BenchmarkClass;
import io.tlsbench.bench.jmh.RecordBenchmark;
import io.tlsbench.provider.ProviderId;
import io.tlsbench.provider.Providers;
import io.tlsbench.provider.SuiteSupport;
import io.tlsbench.record.CbcMacCheck;
import io.tlsbench.record.ContentType;
import io.tlsbench.suite.CipherKind;
import io.tlsbench.suite.ProtocolVersion;
import io.tlsbench.tool.run.RunPlanner.PlannedSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openjdk.jmh.runner.BenchmarkListEntry;

/** The presets' spec lists and budgets, and merging (the benchmarks are smoke-tested elsewhere). */
class RunPlannerTest {

    private static final List<ProviderId> ALL = available();

    private static List<ProviderId> available() {
        List<ProviderId> out = new ArrayList<>();
        for (ProviderId id : ProviderId.values()) {
            if (Providers.get(id).available()) {
                out.add(id);
            }
        }
        return out;
    }

    @Test
    void countsEveryParameterCombination() {
        Pattern ks = Pattern.compile("KeyScheduleBenchmark");
        // standard: masterAndKeyBlock × (core-sunjce, jdk, bctls) × 4 schedules; full: both methods.
        assertEquals(3 * 4, total(RunPlanner.plan(Preset.STANDARD, List.of(ProviderId.SUNJCE), ks)));
        assertEquals(2 * 3 * 4, total(RunPlanner.plan(Preset.FULL, List.of(ProviderId.SUNJCE), ks)));
        // quick, records: 2 methods × 2 suites × 1 provider × 16 KB × heap × TLS 1.2.
        assertEquals(2 * 2, total(RunPlanner.plan(Preset.QUICK, List.of(ProviderId.SUNJCE),
                Pattern.compile("\\.RecordBenchmark\\."))));
    }

    /**
     * Five measurement iterations keep JMH's 99.9 % error usable; records need over a second of
     * warm-up, handshakes and the key schedule several.
     */
    @Test
    void standardMeasuresEnoughToReportAnError() {
        for (PlannedSpec ps : RunPlanner.plan(Preset.STANDARD, ALL, null)) {
            Timing t = Preset.STANDARD.timing(ps.spec().benchmark());
            assertTrue(t.iterations() >= 5, ps.spec().name() + ": " + t);
            assertTrue(t.warmups() * t.warmupMillis() >= 1200, ps.spec().name() + ": " + t);
        }
        Timing k = Preset.STANDARD.timing(BenchmarkClass.KEY_SCHEDULE);
        assertTrue(k.warmups() * k.warmupMillis() >= 8000, k.toString());
        Timing h = Preset.STANDARD.timing(BenchmarkClass.HANDSHAKE);
        assertTrue(h.warmups() * h.warmupMillis() >= 6000, h.toString());
        assertTrue(h.iterations() >= 5, h.toString());
        assertTrue(JmhRunner.forkedJvmArgs().containsAll(List.of("-Xms1g", "-Xmx1g")));
    }

    /** The targets preset: every class the targets compare, each warmed and measured 5 × 1 s. */
    @Test
    void targetsPresetCoversEachTargetsFiguresWarmedUp() {
        Set<BenchmarkClass> classes = new java.util.TreeSet<>();
        for (PlannedSpec ps : RunPlanner.plan(Preset.TARGETS, ALL, null)) {
            classes.add(ps.spec().benchmark());
            Timing t = Preset.TARGETS.timing(ps.spec().benchmark());
            assertTrue(t.iterations() >= 5 && t.warmups() * t.warmupMillis() >= 5000, ps.spec().name() + ": " + t);
        }
        assertEquals(Set.of(BenchmarkClass.KEY_SCHEDULE, BenchmarkClass.RECORD, BenchmarkClass.CIPHER_CEILING,
                BenchmarkClass.MAC_CEILING, BenchmarkClass.JSSE_RECORD, BenchmarkClass.HANDSHAKE), classes);
    }

    /** The budgets the presets promise, from the same spec list and cost model the runner prints. */
    @ParameterizedTest
    @EnumSource(value = Preset.class, names = {"QUICK", "STANDARD", "TARGETS"})
    void presetsFitTheirBudgets(Preset preset) {
        List<PlannedSpec> plan = RunPlanner.plan(preset, ALL, null);
        double seconds = plan.stream().mapToDouble(PlannedSpec::seconds).sum();
        StringBuilder sb = new StringBuilder();
        plan.forEach(ps -> sb.append(String.format("%n  %-40s %4d × %.1f s", ps.spec().name(), ps.count(), ps.secondsPerBenchmark())));
        assertTrue(seconds <= preset.budgetSeconds(), String.format("%s: %.1f min estimated, budget %.0f min:%s",
                preset, seconds / 60, preset.budgetSeconds() / 60, sb));
        assertTrue(total(plan) > 0);
    }

    /** The full preset runs the whole record matrix: every supported suite × version × size × buffer, both methods. */
    @Test
    void fullCoversTheWholeRecordMatrix() {
        int expected = 0;
        for (ProviderId id : ALL) {
            for (ProtocolVersion v : List.of(ProtocolVersion.TLS10, ProtocolVersion.TLS12)) {
                for (RecordSuite s : RecordSuite.values()) {
                    if (SuiteSupport.of(id).records(s.suite, v) == null) {
                        expected++;
                    }
                }
            }
        }
        expected *= 2 * RecordSize.values().length * BufferKind.values().length; // seal, open × sizes × buffers
        assertEquals(expected, plainRecordCombinations(Preset.FULL).size());
    }

    /**
     * Standard's slices, combination by combination: TLS 1.2 every suite at 64 B and 16 KB on heap,
     * direct at 16 KB, TLS 1.0 CBC suites at 64 B and 16 KB; nothing twice.
     */
    @Test
    void standardCoversItsSlicesOfTheRecordMatrix() {
        Set<String> expected = new java.util.TreeSet<>();
        for (ProviderId id : ALL) {
            for (RecordSuite suite : RecordSuite.values()) {
                if (SuiteSupport.of(id).records(suite.suite, ProtocolVersion.TLS12) == null) {
                    expected.add(combination(id, suite, ProtocolVersion.TLS12, RecordSize.B64, BufferKind.HEAP));
                    expected.add(combination(id, suite, ProtocolVersion.TLS12, RecordSize.B16384, BufferKind.HEAP));
                    expected.add(combination(id, suite, ProtocolVersion.TLS12, RecordSize.B16384, BufferKind.DIRECT));
                }
                if (SuiteSupport.of(id).records(suite.suite, ProtocolVersion.TLS10) == null
                        && suite.suite.cipher.kind == CipherKind.BLOCK) {
                    expected.add(combination(id, suite, ProtocolVersion.TLS10, RecordSize.B64, BufferKind.HEAP));
                    expected.add(combination(id, suite, ProtocolVersion.TLS10, RecordSize.B16384, BufferKind.HEAP));
                }
            }
        }
        List<String> planned = plainRecordCombinations(Preset.STANDARD);
        assertEquals(planned.size(), new java.util.HashSet<>(planned).size(), "a combination planned twice");
        Set<String> sealed = new java.util.TreeSet<>();
        planned.stream().filter(c -> c.endsWith("#seal")).forEach(c -> sealed.add(c.substring(0, c.indexOf('#'))));
        assertEquals(expected, sealed);
        assertEquals(2 * expected.size(), planned.size(), "seal and open for each");
    }

    private static String combination(ProviderId id, RecordSuite suite, ProtocolVersion v, RecordSize size, BufferKind buffer) {
        return String.join("/", id.name(), suite.name(), v.name(), size.name(), buffer.name());
    }

    /** provider/suite/version/size/buffer#method of every RecordBenchmark combination a preset runs without variant flags. */
    private static List<String> plainRecordCombinations(Preset preset) {
        List<String> out = new ArrayList<>();
        for (PlannedSpec ps : RunPlanner.plan(preset, ALL, Pattern.compile("\\.RecordBenchmark\\."))) {
            if (!ps.spec().jvmArgs().isEmpty()) {
                continue;
            }
            Params p = ps.spec().params();
            for (String method : ps.benchmarks()) {
                for (ProviderId id : p.get(Axis.PROVIDER)) {
                    for (RecordSuite s : p.get(Axis.RECORD_SUITE)) {
                        for (ProtocolVersion v : p.get(Axis.VERSION)) {
                            for (RecordSize size : p.get(Axis.SIZE)) {
                                for (BufferKind b : p.get(Axis.BUFFER)) {
                                    out.add(combination(id, s, v, size, b) + "#" + method.substring(method.lastIndexOf('.') + 1));
                                }
                            }
                        }
                    }
                }
            }
        }
        return out;
    }

    /** JMH runs the cross product of a spec's values: every one of those must be a combination the benchmark supports. */
    @ParameterizedTest
    @EnumSource(Preset.class)
    void everyPlannedCombinationIsValid(Preset preset) {
        Map<String, BenchmarkListEntry> list = RunPlanner.benchmarkList();
        for (PlannedSpec ps : RunPlanner.plan(preset, ALL, null)) {
            BenchmarkClass cls = ps.spec().benchmark();
            for (String method : ps.benchmarks()) {
                // The class's own @Param lists, overridden by the spec's values, parsed as JMH would.
                Map<Axis<?>, List<?>> params = new LinkedHashMap<>();
                list.get(method).getParams().get().forEach((k, v) -> params.put(cls.axis(k), parseAll(cls.axis(k), v)));
                for (Axis<?> a : ps.spec().params().axes()) {
                    params.put(a, ps.spec().params().get(a));
                }
                for (Map<Axis<?>, Object> combo : crossProduct(params)) {
                    assertNull(why(cls, combo), ps.spec().name() + " " + combo);
                }
            }
        }
    }

    private static List<?> parseAll(Axis<?> axis, String[] jmhValues) {
        List<Object> out = new ArrayList<>();
        for (String v : jmhValues) {
            out.add(axis.parse(v));
        }
        return out;
    }

    private static String why(BenchmarkClass cls, Map<Axis<?>, Object> p) {
        switch (cls) {
            case RECORD:
                return SuiteSupport.of((ProviderId) p.get(Axis.PROVIDER)).records(((RecordSuite) p.get(Axis.RECORD_SUITE)).suite,
                        (ProtocolVersion) p.get(Axis.VERSION));
            case JSSE_RECORD:
                return JsseRecordWorkload.unsupported((Engine) p.get(Axis.ENGINE), ((RecordSuite) p.get(Axis.RECORD_SUITE)).suite,
                        (ProtocolVersion) p.get(Axis.VERSION));
            case CIPHER_CEILING:
                return CipherCeiling.unsupported((ProviderId) p.get(Axis.PROVIDER), (CeilingCipher) p.get(Axis.CIPHER));
            case MAC_CEILING:
                return MacCeiling.unsupported((ProviderId) p.get(Axis.PROVIDER), (CeilingMac) p.get(Axis.MAC));
            default:
                return null;
        }
    }

    private static List<Map<Axis<?>, Object>> crossProduct(Map<Axis<?>, List<?>> params) {
        List<Map<Axis<?>, Object>> out = new ArrayList<>();
        out.add(new LinkedHashMap<>());
        for (Map.Entry<Axis<?>, List<?>> e : params.entrySet()) {
            List<Map<Axis<?>, Object>> next = new ArrayList<>();
            for (Map<Axis<?>, Object> partial : out) {
                for (Object v : e.getValue()) {
                    Map<Axis<?>, Object> m = new LinkedHashMap<>(partial);
                    m.put(e.getKey(), v);
                    next.add(m);
                }
            }
            out = next;
        }
        return out;
    }

    @Test
    void includeAppliesOnTopOfTheSpecs() {
        List<PlannedSpec> plan = RunPlanner.plan(Preset.QUICK, ALL, Pattern.compile("RecordBenchmark\\.open"));
        assertFalse(plan.isEmpty());
        for (PlannedSpec ps : plan) {
            assertEquals(BenchmarkClass.RECORD, ps.spec().benchmark(), ps.spec().name());
            assertEquals(List.of(RecordBenchmark.class.getName() + ".open"), ps.benchmarks());
        }
        assertTrue(RunPlanner.plan(Preset.QUICK, ALL, Pattern.compile("NoSuchBenchmark")).isEmpty());
    }

    @Test
    void providersNarrowTheProviderParameters() {
        List<PlannedSpec> plan = RunPlanner.plan(Preset.STANDARD, List.of(ProviderId.BC), null);
        boolean peers = false;
        for (PlannedSpec ps : plan) {
            List<ProviderId> providers = ps.spec().params().get(Axis.PROVIDER);
            if (providers != null) {
                assertEquals(List.of(ProviderId.BC), providers, ps.spec().name());
            }
            List<KeyScheduleImpl> impls = ps.spec().params().get(Axis.IMPL);
            if (impls != null) {
                assertEquals(List.of(KeyScheduleImpl.CORE_BC, KeyScheduleImpl.JDK, KeyScheduleImpl.BCTLS), impls);
            }
            assertTrue(ps.spec().jvmArgs().isEmpty(), "the intrinsics-off specs are SunJCE's: " + ps.spec().name());
            peers |= ps.spec().benchmark() == BenchmarkClass.JSSE_RECORD;
        }
        assertTrue(peers, "the SSLEngine peers run whatever --providers says");
    }

    @Test
    void intrinsicsOffSpecsCarryTheFlags() {
        assertTrue(RunPlanner.plan(Preset.QUICK, ALL, null).stream().allMatch(ps -> ps.spec().jvmArgs().isEmpty()));
        for (Preset p : new Preset[] {Preset.STANDARD, Preset.FULL}) {
            List<PlannedSpec> off = new ArrayList<>();
            for (PlannedSpec ps : RunPlanner.plan(p, ALL, null)) {
                if (!ps.spec().jvmArgs().isEmpty()) {
                    off.add(ps);
                }
            }
            assertFalse(off.isEmpty(), p.toString());
            int constantTime = 0;
            for (PlannedSpec ps : off) {
                assertEquals(List.of(ProviderId.SUNJCE), ps.spec().params().get(Axis.PROVIDER));
                if (ps.spec().jvmArgs().contains(RecordWorkload.CONSTANT_TIME_MAC_ARG)) {
                    // CBC open only, rerun with the constant-time MAC check.
                    constantTime++;
                    assertEquals(List.of(RecordBenchmark.OPEN), ps.spec().methods());
                    continue;
                }
                assertTrue(ps.spec().jvmArgs().contains("-XX:-UseAES"), ps.spec().jvmArgs().toString());
                assertTrue(ps.spec().jvmArgs().contains("-XX:-UseSHA256Intrinsics"), ps.spec().jvmArgs().toString());
            }
            assertTrue(constantTime > 0, p + " reruns no CBC open with the constant-time MAC check");
        }
    }

    @Test
    void partsMergeIntoOneArray(@TempDir Path dir) throws Exception {
        Path a = dir.resolve("01-a.json");
        Path b = dir.resolve("02-b.json");
        Files.writeString(a, "[{\"benchmark\":\"x.a\"},{\"benchmark\":\"x.b\"}]");
        Files.writeString(b, "[{\"benchmark\":\"y.c\"}]");
        Path merged = dir.resolve("jmh.json");
        ResultMerge.merge(List.of(a, b), merged);
        JsonNode n = new ObjectMapper().readTree(merged.toFile());
        assertTrue(n.isArray());
        assertEquals(3, n.size());
        assertEquals("y.c", n.get(2).get("benchmark").asText());
    }

    /**
     * The run's constant-time rerun passes {@code RecordWorkload.CONSTANT_TIME_MAC_ARG} to the JMH fork:
     * it must name the property the workload reads, and that property must reach its openers.
     */
    @Test
    void theConstantTimeRerunArgumentReachesTheOpeners() throws Exception {
        String arg = RecordWorkload.CONSTANT_TIME_MAC_ARG;
        String prefix = "-D" + RecordWorkload.MAC_CHECK_PROPERTY + "=";
        assertTrue(arg.startsWith(prefix), arg);
        String before = System.getProperty(RecordWorkload.MAC_CHECK_PROPERTY);
        try {
            System.setProperty(RecordWorkload.MAC_CHECK_PROPERTY, arg.substring(prefix.length()));
            try (RecordWorkload w = aesCbcSha()) {
                assertEquals(CbcMacCheck.CONSTANT_TIME, w.macCheck());
                assertEquals(ContentType.APPLICATION_DATA, w.open()); // setup also checked every ring record opens
            }
            System.clearProperty(RecordWorkload.MAC_CHECK_PROPERTY);
            try (RecordWorkload w = aesCbcSha()) {
                assertEquals(CbcMacCheck.PROVIDER, w.macCheck(), "without the argument");
            }
        } finally {
            if (before == null) {
                System.clearProperty(RecordWorkload.MAC_CHECK_PROPERTY);
            } else {
                System.setProperty(RecordWorkload.MAC_CHECK_PROPERTY, before);
            }
        }
    }

    private static RecordWorkload aesCbcSha() {
        return new RecordWorkload(ProviderId.SUNJCE, RecordSuite.AES_128_CBC_SHA.suite, ProtocolVersion.TLS12, 64, BufferKind.HEAP, 1);
    }

    /** The plan is printed with the axes' labels, and JMH is given the enum constants' names. */
    @Test
    void paramsPrintLabelsAndGiveJmhConstantNames() {
        Params p = Params.of(Axis.PROVIDER, List.of(ProviderId.SUNJCE, ProviderId.BC))
                .with(Axis.RECORD_SUITE, List.of(RecordSuite.DES_EDE_CBC_SHA)).with(Axis.VERSION, List.of(ProtocolVersion.TLS12));
        assertEquals("{provider=[sunjce, bc], suite=[3DES-EDE-CBC-SHA], version=[tls12]}", p.toString());
        assertEquals(List.of("SUNJCE", "BC"), List.of(p.jmh().get("provider")));
        assertEquals(List.of("DES_EDE_CBC_SHA"), List.of(p.jmh().get("suite")));
        assertEquals(List.of("TLS12"), List.of(p.jmh().get("version")));
        assertEquals(2, p.combinations());
        assertEquals(1, p.count("suite"));
        assertEquals(-1, p.count("size"));
    }

    private static int total(List<PlannedSpec> plan) {
        return plan.stream().mapToInt(PlannedSpec::count).sum();
    }
}
