package io.tlsbench.tool.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tlsbench.tool.run.BenchmarkMatrix;
import io.tlsbench.bench.CipherCeiling;
import io.tlsbench.bench.JsseRecordWorkload;
import io.tlsbench.bench.MacCeiling;
import io.tlsbench.tool.report.JmhResult;
import io.tlsbench.bench.RecordWorkload;
import io.tlsbench.tool.cli.RunCommand.PlannedSpec;
import io.tlsbench.tool.cli.RunCommand.Preset;
import io.tlsbench.provider.ProviderId;
import io.tlsbench.suite.ProtocolVersion;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.openjdk.jmh.runner.BenchmarkListEntry;

/** The run command: arguments, the presets' spec lists and budgets, merging (the benchmarks are smoke-tested elsewhere). */
class RunCommandTest {

    private static final List<ProviderId> ALL = RunCommand.providerIds(null, new ArrayList<>());

    @ParameterizedTest
    @ValueSource(strings = {"--preset=slow", "--include=([", "--include=NoSuchBenchmark", "--providers=nss", "--bogus"})
    void badArgumentsAreOneLineAndExitTwo(String arg) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                "run", arg, "--out", System.getProperty("java.io.tmpdir") + "/tlsbench-run-test");
        String e = err.toString(StandardCharsets.UTF_8);
        assertEquals(2, code, e);
        assertEquals(1, e.lines().count(), e);
        assertTrue(e.startsWith("tlsbench: "), e);
    }

    @Test
    void countsEveryParameterCombination() {
        Pattern ks = Pattern.compile("KeyScheduleBenchmark");
        // standard: masterAndKeyBlock × (core-sunjce, jdk, bctls) × 4 schedules; full: both methods.
        assertEquals(3 * 4, total(RunCommand.plan(Preset.STANDARD, List.of(ProviderId.SUNJCE), ks)));
        assertEquals(2 * 3 * 4, total(RunCommand.plan(Preset.FULL, List.of(ProviderId.SUNJCE), ks)));
        // quick, records: 2 methods × 2 suites × 1 provider × 16 KB × heap × TLS 1.2.
        assertEquals(2 * 2, total(RunCommand.plan(Preset.QUICK, List.of(ProviderId.SUNJCE),
                Pattern.compile("\\.RecordBenchmark\\."))));
    }

    /**
     * Five measurement iterations keep JMH's 99.9 % error usable; records need over a second of
     * warm-up, handshakes and the key schedule several.
     */
    @Test
    void standardMeasuresEnoughToReportAnError() {
        for (PlannedSpec ps : RunCommand.plan(Preset.STANDARD, ALL, null)) {
            RunCommand.Timing t = Preset.STANDARD.timing(ps.spec().benchmarkClass());
            assertTrue(t.iterations() >= 5, ps.spec().name() + ": " + t);
            assertTrue(t.warmups() * t.warmupMillis() >= 1200, ps.spec().name() + ": " + t);
        }
        RunCommand.Timing k = Preset.STANDARD.timing(BenchmarkMatrix.KEY_SCHEDULE);
        assertTrue(k.warmups() * k.warmupMillis() >= 8000, k.toString());
        RunCommand.Timing h = Preset.STANDARD.timing(BenchmarkMatrix.HANDSHAKE);
        assertTrue(h.warmups() * h.warmupMillis() >= 6000, h.toString());
        assertTrue(h.iterations() >= 5, h.toString());
        assertTrue(RunCommand.forkedJvmArgs().containsAll(List.of("-Xms1g", "-Xmx1g")));
    }

    /** The targets preset: every class the targets compare, each warmed and measured 5 × 1 s. */
    @Test
    void targetsPresetCoversEachTargetsFiguresWarmedUp() {
        Set<String> classes = new java.util.TreeSet<>();
        for (PlannedSpec ps : RunCommand.plan(Preset.TARGETS, ALL, null)) {
            classes.add(ps.spec().benchmarkClass());
            RunCommand.Timing t = Preset.TARGETS.timing(ps.spec().benchmarkClass());
            assertTrue(t.iterations() >= 5 && t.warmups() * t.warmupMillis() >= 5000, ps.spec().name() + ": " + t);
        }
        assertEquals(new java.util.TreeSet<>(List.of(BenchmarkMatrix.KEY_SCHEDULE, BenchmarkMatrix.RECORD,
                BenchmarkMatrix.CIPHER_CEILING, BenchmarkMatrix.MAC_CEILING, BenchmarkMatrix.JSSE_RECORD,
                BenchmarkMatrix.HANDSHAKE)), classes);
    }

    /** The budgets the presets promise, from the same spec list and cost model the runner prints. */
    @ParameterizedTest
    @EnumSource(value = Preset.class, names = {"QUICK", "STANDARD", "TARGETS"})
    void presetsFitTheirBudgets(Preset preset) {
        List<PlannedSpec> plan = RunCommand.plan(preset, ALL, null);
        double seconds = plan.stream().mapToDouble(PlannedSpec::seconds).sum();
        StringBuilder sb = new StringBuilder();
        plan.forEach(ps -> sb.append(String.format("%n  %-40s %4d × %.1f s", ps.spec().name(), ps.count(), ps.secondsPerBenchmark())));
        assertTrue(seconds <= preset.budgetSeconds, String.format("%s: %.1f min estimated, budget %.0f min:%s",
                preset, seconds / 60, preset.budgetSeconds / 60, sb));
        assertTrue(total(plan) > 0);
    }

    /** The full preset runs the whole record matrix: every supported suite × version × size × buffer, both methods. */
    @Test
    void fullCoversTheWholeRecordMatrix() {
        int expected = 0;
        for (ProviderId id : ALL) {
            for (String v : RecordWorkload.VERSIONS) {
                expected += RecordWorkload.supportedSuites(id, ProtocolVersion.parse(v)).size();
            }
        }
        expected *= 2 * RecordWorkload.SIZES.size() * RecordWorkload.BUFFERS.size(); // seal, open × sizes × buffers
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
            String p = BenchmarkMatrix.name(id);
            for (String suite : RecordWorkload.supportedSuites(id, ProtocolVersion.parse("tls12"))) {
                expected.add(String.join("/", p, suite, "tls12", "64", "heap"));
                expected.add(String.join("/", p, suite, "tls12", "16384", "heap"));
                expected.add(String.join("/", p, suite, "tls12", "16384", "direct"));
            }
            for (String suite : RecordWorkload.supportedSuites(id, ProtocolVersion.parse("tls10"))) {
                if (suite.contains("CBC")) {
                    expected.add(String.join("/", p, suite, "tls10", "64", "heap"));
                    expected.add(String.join("/", p, suite, "tls10", "16384", "heap"));
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

    /** provider/suite/version/size/buffer#method of every RecordBenchmark combination a preset runs without variant flags. */
    private static List<String> plainRecordCombinations(Preset preset) {
        List<String> out = new ArrayList<>();
        for (PlannedSpec ps : RunCommand.plan(preset, ALL, Pattern.compile("\\.RecordBenchmark\\."))) {
            if (!ps.spec().jvmArgs().isEmpty()) {
                continue;
            }
            for (String method : ps.benchmarks()) {
                for (Map<String, String> c : crossProduct(ps.spec().params())) {
                    out.add(String.join("/", c.get("provider"), c.get("suite"), c.get("version"), c.get("size"),
                            c.get("buffer")) + "#" + method.substring(method.lastIndexOf('.') + 1));
                }
            }
        }
        return out;
    }

    /** JMH runs the cross product of a spec's values: every one of those must be a combination the benchmark supports. */
    @ParameterizedTest
    @EnumSource(Preset.class)
    void everyPlannedCombinationIsValid(Preset preset) {
        Map<String, BenchmarkListEntry> list = RunCommand.benchmarkList();
        for (PlannedSpec ps : RunCommand.plan(preset, ALL, null)) {
            for (String method : ps.benchmarks()) {
                Map<String, List<String>> params = new LinkedHashMap<>();
                list.get(method).getParams().get().forEach((k, v) -> params.put(k, List.of(v)));
                params.putAll(ps.spec().params());
                for (Map<String, String> combo : crossProduct(params)) {
                    assertNull(why(ps.spec().benchmarkClass(), combo), ps.spec().name() + " " + combo);
                }
            }
        }
    }

    private static String why(String benchmarkClass, Map<String, String> p) {
        switch (benchmarkClass) {
            case BenchmarkMatrix.RECORD:
                return RecordWorkload.unsupported(ProviderId.parse(p.get("provider")), RecordWorkload.suite(p.get("suite")),
                        ProtocolVersion.parse(p.get("version")));
            case BenchmarkMatrix.JSSE_RECORD:
                return JsseRecordWorkload.unsupported(p.get("engine"), RecordWorkload.suite(p.get("suite")),
                        ProtocolVersion.parse(p.get("version")));
            case BenchmarkMatrix.CIPHER_CEILING:
                return CipherCeiling.unsupported(ProviderId.parse(p.get("provider")), p.get("cipher"));
            case BenchmarkMatrix.MAC_CEILING:
                return MacCeiling.unsupported(ProviderId.parse(p.get("provider")), p.get("mac"));
            default:
                return null;
        }
    }

    private static List<Map<String, String>> crossProduct(Map<String, List<String>> params) {
        List<Map<String, String>> out = new ArrayList<>();
        out.add(new LinkedHashMap<>());
        for (Map.Entry<String, List<String>> e : params.entrySet()) {
            List<Map<String, String>> next = new ArrayList<>();
            for (Map<String, String> partial : out) {
                for (String v : e.getValue()) {
                    Map<String, String> m = new LinkedHashMap<>(partial);
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
        List<PlannedSpec> plan = RunCommand.plan(Preset.QUICK, ALL, Pattern.compile("RecordBenchmark\\.open"));
        assertFalse(plan.isEmpty());
        for (PlannedSpec ps : plan) {
            assertEquals(BenchmarkMatrix.RECORD, ps.spec().benchmarkClass(), ps.spec().name());
            assertEquals(List.of(BenchmarkMatrix.RECORD + ".open"), ps.benchmarks());
        }
        assertTrue(RunCommand.plan(Preset.QUICK, ALL, Pattern.compile("NoSuchBenchmark")).isEmpty());
    }

    @Test
    void providersNarrowTheProviderParameters() {
        List<PlannedSpec> plan = RunCommand.plan(Preset.STANDARD, List.of(ProviderId.BC), null);
        boolean peers = false;
        for (PlannedSpec ps : plan) {
            List<String> providers = ps.spec().params().get("provider");
            if (providers != null) {
                assertEquals(List.of("bc"), providers, ps.spec().name());
            }
            List<String> impls = ps.spec().params().get("impl");
            if (impls != null) {
                assertEquals(List.of("core-bc", "jdk", "bctls"), impls);
            }
            assertTrue(ps.spec().jvmArgs().isEmpty(), "the intrinsics-off specs are SunJCE's: " + ps.spec().name());
            peers |= ps.spec().benchmarkClass().equals(BenchmarkMatrix.JSSE_RECORD);
        }
        assertTrue(peers, "the SSLEngine peers run whatever --providers says");
    }

    @Test
    void intrinsicsOffSpecsCarryTheFlags() {
        assertTrue(RunCommand.plan(Preset.QUICK, ALL, null).stream().allMatch(ps -> ps.spec().jvmArgs().isEmpty()));
        for (Preset p : new Preset[] {Preset.STANDARD, Preset.FULL}) {
            List<PlannedSpec> off = new ArrayList<>();
            for (PlannedSpec ps : RunCommand.plan(p, ALL, null)) {
                if (!ps.spec().jvmArgs().isEmpty()) {
                    off.add(ps);
                }
            }
            assertFalse(off.isEmpty(), p.toString());
            int constantTime = 0;
            for (PlannedSpec ps : off) {
                assertEquals(List.of("sunjce"), ps.spec().params().get("provider"));
                if (ps.spec().jvmArgs().contains(JmhResult.CONSTANT_TIME_MAC_ARG)) {
                    // CBC open only, rerun with the constant-time MAC check.
                    constantTime++;
                    assertEquals(List.of(RunCommand.RECORD_OPEN), ps.spec().methods());
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
        RunCommand.merge(List.of(a, b), merged);
        JsonNode n = new ObjectMapper().readTree(merged.toFile());
        assertTrue(n.isArray());
        assertEquals(3, n.size());
        assertEquals("y.c", n.get(2).get("benchmark").asText());
    }

    @Test
    void dryRunPrintsThePlanAndRunsNothing(@TempDir Path dir) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                "run", "--preset", "standard", "--dry-run", "--out", dir.resolve("run").toString());
        String o = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        assertTrue(o.contains("preset standard:"), o);
        assertTrue(o.contains("aes-sha-off"), o);
        assertFalse(Files.exists(dir.resolve("run")), "a dry run writes nothing");
    }

    private static int total(List<PlannedSpec> plan) {
        return plan.stream().mapToInt(PlannedSpec::count).sum();
    }
}
