package io.tlsbench.tool.cli;

import io.tlsbench.tool.run.ProgressFormat;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.tlsbench.tool.run.BenchmarkMatrix;
import io.tlsbench.tool.run.BenchmarkMatrix.Axes;
import io.tlsbench.tool.run.BenchmarkMatrix.Block;
import io.tlsbench.bench.HandshakeWorkload;
import io.tlsbench.tool.report.JmhResult;
import io.tlsbench.tool.report.NativeReference;
import io.tlsbench.tool.report.Report;
import io.tlsbench.tool.run.Environment;
import io.tlsbench.bench.RecordWorkload;
import io.tlsbench.provider.ProviderId;
import io.tlsbench.suite.BulkCipher;
import io.tlsbench.suite.CipherKind;
import io.tlsbench.provider.ProviderSet;
import io.tlsbench.provider.Providers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tlsbench run}: runs a preset and writes a run folder (jmh.json, env.json) under results/.
 *
 * <p>A preset is a list of run specs. A spec is one JMH run: the benchmark methods of one class,
 * parameter values that override the class's @Param defaults, and optional extra JVM arguments.
 * JMH runs the cross product of a run's parameters, so the specs are cut so that every product
 * is a valid combination: one spec per group of providers (or SSLEngines) and protocol version
 * that support the same suites (ACCP has no RC4 or 3DES; GCM and CBC-SHA256 are TLS 1.2 only;
 * Conscrypt's SSLEngine speaks TLS 1.2 with three of the suites). Each spec writes
 * {@code parts/NN-name.json}; the parts are merged into one {@code jmh.json} array at the end.
 *
 * <p>{@code --include} applies on top of the specs (a spec keeps the benchmarks whose full name
 * matches; a spec left with none is skipped); {@code --providers} narrows the {@code provider}
 * parameters and the core's key-schedule implementations (the peers — the JDK, bctls, the
 * SSLEngines — always run).
 *
 * <p>The "AES-NI off" specs (standard, full) rerun SunJCE's AES record and ceiling benchmarks in
 * JVMs started with the AES, GHASH and SHA intrinsics switched off ({@link #intrinsicsOffArgs()}).
 * Their results carry the same benchmark names and parameters; JMH records each result's JVM
 * arguments in {@code jvmArgs}, and a report tells them apart by {@code -XX:-UseAES} there.
 */
@Command(name = "run", sortOptions = false,
        description = "Run a benchmark preset and write results/<yyyy-mm-ddThhmm>-<host>/ (jmh.json, env.json, "
                + "openssl.json, report.md, charts).")
public final class RunCommand implements Callable<Integer> {

    /**
     * Seconds a forked benchmark JVM costs beyond its iterations: JVM start, class loading, JMH's
     * link to the host VM, teardown. Calibrated on the 2-core reference machine (JDK 17, the
     * shaded jar) by standard runs: the first (results/2026-11-27T0519-vm) left 0.88 s per fork
     * beyond its iterations, setup included; with 0.8 s here the second (2026-11-27T0824-vm) took
     * 32.0 min against 38.3 estimated. The model adds the setup per class and provider
     * ({@link #setupSeconds}) on top, so it stays conservative.
     */
    static final double FORK_OVERHEAD_SECONDS = 0.5;

    /**
     * Seconds a fresh JVM spends making a provider (Bouncy Castle's provider registers its
     * thousands of algorithms; ACCP and Conscrypt load native libraries), measured as above.
     */
    static final Map<String, Double> PROVIDER_LOAD_SECONDS = Map.of("sunjce", 0.0, "bc", 1.3, "accp", 0.5,
            "conscrypt", 0.1, "core-sunjce", 0.0, "core-bc", 1.3, "core-accp", 0.5, "core-conscrypt", 0.1,
            "bctls", 0.3, "jdk", 0.0);

    /** HotSpot flags the "AES-NI off" specs switch off: AES (and AES-CTR), GHASH (GCM's carry-less multiply), SHA. */
    static final List<String> INTRINSICS_OFF = List.of("UseAES", "UseAESIntrinsics", "UseAESCTRIntrinsics",
            "UseGHASHIntrinsics", "UseSHA", "UseSHA1Intrinsics", "UseSHA256Intrinsics", "UseSHA512Intrinsics");

    /** Forks, warm-up and measurement iterations and their lengths. */
    record Timing(int forks, int warmups, int warmupMillis, int iterations, int iterationMillis) {
        double secondsPerBenchmark(double setupSeconds) {
            return forks * (FORK_OVERHEAD_SECONDS + setupSeconds + (warmups * warmupMillis + iterations * iterationMillis) / 1000.0);
        }
    }

    /**
     * One JMH run: a block of valid parameter combinations of one benchmark class, the methods to
     * run (null: all), extra JVM arguments, and what a fork of it costs in setup beyond
     * {@link #FORK_OVERHEAD_SECONDS}.
     */
    record RunSpec(Block block, List<String> methods, List<String> jvmArgs, double setupSeconds) {
        String name() {
            return block.name();
        }

        String benchmarkClass() {
            return block.benchmarkClass();
        }

        Map<String, List<String>> params() {
            return block.params();
        }
    }

    /** A spec resolved against the benchmark list: the methods it runs and how many parameter combinations. */
    record PlannedSpec(RunSpec spec, List<String> benchmarks, int count, double secondsPerBenchmark) {
        double seconds() {
            return count * secondsPerBenchmark;
        }
    }

    /**
     * The presets. Fork costs dominate on a small machine (a benchmark JVM costs 1–2.5 s before
     * its first iteration, ~3 s for the BC provider's records), so the presets are sized by
     * count × ({@link #FORK_OVERHEAD_SECONDS} + setup + iterations), which RunCommandTest holds to
     * the budgets:
     * <ul>
     * <li>quick — the README's main command, ≤ 6 min on 2 cores: the key schedule (master secret +
     *     key block; TLS 1.0 and TLS 1.2 SHA-256) for every implementation; AES-128-CBC-SHA and
     *     AES-128-GCM records of 16 KB, heap, TLS 1.2, for every provider and both SSLEngines;
     *     the AES-128-CBC, AES-128-GCM and HmacSHA1 ceilings at 16 KB. 1 fork, 1 × 1 s warm-up,
     *     2 × 1 s measurement.</li>
     * <li>standard — ≤ 40 min: every suite on every provider that offers it at TLS 1.2, heap
     *     buffers; direct buffers at 16 KB (the cost of direct buffers is per byte); TLS 1.0 for
     *     the CBC suites (the chained IV is the difference; RC4 records cost the same); all at the
     *     two ends of the size axis, 64 B (per-record costs) and 16 KB (per-byte costs); the
     *     ceilings and the SSLEngine peers at the same sizes; the key schedule (master secret +
     *     key block, all four schedules); handshakes on every stack with the JDK's providers and
     *     ACCP first; SunJCE's AES records and AES/SHA ceilings again with the intrinsics off, and
     *     CBC open with the constant-time MAC check (TLS 1.2). Warm-up by class, from traces of
     *     cold forks: records and ceilings 2 × 750 ms (SunJCE's 64-byte records steady after
     *     ~1.2 s), JSSE's SSLEngine 6 × 1 s (its wrap and unwrap step up to their steady rate
     *     after 3.5–5 s; a run with 1.2 s, results/2026-11-27T1013-vm, read JSSE's 16 KB
     *     wrap at 238 MB/s, the targets run at 639), the key schedule 8 × 1 s, handshakes 8 × 1 s; five measurement iterations keep
     *     JMH's 99.9 % interval near ±4 standard deviations (three leave ±18). 1 KB and the whole
     *     matrix are the full preset's.</li>
     * <li>targets — ≤ 12 min: only what the benchmark issue's targets compare (TLS 1.2 SHA-256
     *     master + key block; AES-128-CBC-SHA seal at 16 KB with its cipher and MAC ceilings and
     *     JSSE's wrap; RSA and ECDHE-ECDSA handshakes, full and resumed, core and JSSE, JDK and
     *     ACCP first), each warmed 5 × 1 s and measured 5 × 1 s, so the JIT-heavy Java paths are
     *     steady and JMH's error is usable (with 3 iterations its 99.9 % interval is ±18 standard
     *     deviations, with 5 about ±4).</li>
     * <li>full — everything (both key-schedule methods, peers on direct buffers too, intrinsics
     *     off in both versions), 2 forks, 3 × 1 s warm-up, 5 × 1 s measurement: hours.</li>
     * </ul>
     */
    enum Preset {
        QUICK(new Timing(1, 1, 1000, 2, 1000), Map.of(BenchmarkMatrix.HANDSHAKE, new Timing(1, 2, 1000, 2, 1000)),
                6 * 60, null,
                Map.of(BenchmarkMatrix.KEY_SCHEDULE, List.of("masterAndKeyBlock")),
                new Axes(List.of("tls10", "tls12-sha256"), List.of("AES-128-CBC-SHA", "AES-128-GCM"), List.of("tls12"),
                        List.of("16384"), List.of("heap"), List.of("AES-128-CBC", "AES-128-GCM"), List.of("HmacSHA1"),
                        null, List.of("heap")), List.of(),
                new Handshakes(List.of("core", "jsse"), List.of("jdk", "accp-first"), HEADLINE_SUITES,
                        List.of("full", "resumed"))),
        STANDARD(new Timing(1, 2, 750, 5, 200),
                Map.of(BenchmarkMatrix.HANDSHAKE, new Timing(1, 8, 1000, 5, 1000),
                        BenchmarkMatrix.KEY_SCHEDULE, new Timing(1, 8, 1000, 5, 500),
                        BenchmarkMatrix.JSSE_RECORD, new Timing(1, 6, 1000, 5, 200)),
                40 * 60, new Axes(null, null, List.of("tls12"), ENDS_OF_SIZES, null, null, null, null, null),
                Map.of(BenchmarkMatrix.KEY_SCHEDULE, List.of("masterAndKeyBlock")),
                new Axes(null, null, List.of("tls12"), ENDS_OF_SIZES, List.of("heap"), null, null, null, List.of("heap")),
                List.of(new Slice("-direct", new Axes(null, null, List.of("tls12"), List.of("16384"), List.of("direct"),
                                null, null, null, null), false),
                        new Slice("", new Axes(null, CBC_SUITES, List.of("tls10"), ENDS_OF_SIZES, List.of("heap"),
                                null, null, null, List.of("heap")), true)),
                new Handshakes(HandshakeWorkload.STACKS, List.of("jdk", "accp-first"), HEADLINE_SUITES,
                        List.of("full", "resumed"))),
        TARGETS(new Timing(1, 5, 1000, 5, 1000), Map.of(), 12 * 60, null,
                Map.of(BenchmarkMatrix.KEY_SCHEDULE, List.of("masterAndKeyBlock"), BenchmarkMatrix.RECORD, List.of("seal"),
                        BenchmarkMatrix.CIPHER_CEILING, List.of("encrypt"), BenchmarkMatrix.JSSE_RECORD, List.of("wrap")),
                new Axes(List.of("tls12-sha256"), List.of("AES-128-CBC-SHA"), List.of("tls12"), List.of("16384"),
                        List.of("heap"), List.of("AES-128-CBC"), List.of("HmacSHA1"), List.of("jdk"), List.of("heap")),
                List.of(), new Handshakes(List.of("core", "jsse"), List.of("jdk", "accp-first"), HEADLINE_SUITES,
                        List.of("full", "resumed"))),
        FULL(new Timing(2, 3, 1000, 5, 1000), Map.of(), Double.POSITIVE_INFINITY,
                new Axes(null, null, RecordWorkload.VERSIONS, null, null, null, null, null, null), Map.of(),
                Axes.everything(), List.of(), new Handshakes(HandshakeWorkload.STACKS, HandshakeWorkload.CONFIGS,
                        HandshakeWorkload.SUITES, HandshakeWorkload.MODES));

        final Timing timing;
        /**
         * Longer timing for classes whose operation is long or JIT-heavy: a handshake runs through
         * hundreds of methods, and short iterations measured it half-compiled (a first standard
         * run read resumed handshakes at a fifth of their warmed rate); the JDK's key generators
         * and the core over ACCP step up to their steady rate only after 4–9 s.
         */
        final Map<String, Timing> classTiming;
        final double budgetSeconds;
        /**
         * Versions and sizes of the variant reruns (SunJCE's AES and SHA with the intrinsics off,
         * CBC open with the constant-time MAC check); null: none.
         */
        final Axes variants;
        /** Per benchmark class, the methods to run (absent: all). */
        final Map<String, List<String>> methods;
        /** The key schedule, the records and SSLEngine peers' main slice, the ceilings. */
        final Axes axes;
        /** Further slices of the record matrix (and of the SSLEngine peers where a slice says so). */
        final List<Slice> slices;
        final Handshakes handshakes;

        Preset(Timing timing, Map<String, Timing> classTiming, double budgetSeconds, Axes variants,
               Map<String, List<String>> methods, Axes axes, List<Slice> slices, Handshakes handshakes) {
            this.timing = timing;
            this.classTiming = classTiming;
            this.budgetSeconds = budgetSeconds;
            this.variants = variants;
            this.methods = methods;
            this.axes = axes;
            this.slices = slices;
            this.handshakes = handshakes;
        }

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        Timing timing(String benchmarkClass) {
            return classTiming.getOrDefault(benchmarkClass, timing);
        }
    }

    /**
     * A further slice of the record matrix: its axes, a suffix that keeps its block names apart
     * from the main slice's, and whether the SSLEngine peers run it too.
     */
    record Slice(String suffix, Axes axes, boolean peers) {
    }

    /** The smallest and largest record sizes: where per-record and per-byte costs each dominate. */
    static final List<String> ENDS_OF_SIZES = List.of("64", "16384");

    /** The suites whose TLS 1.0 records differ from TLS 1.2's (the chained IV of CBC); the version drops TLS 1.2-only ones. */
    static final List<String> CBC_SUITES = recordSuites(c -> c.kind == CipherKind.BLOCK);

    /** The record benchmarks' suite names whose bulk cipher matches, in the table's order. */
    static List<String> recordSuites(java.util.function.Predicate<BulkCipher> cipher) {
        List<String> out = new ArrayList<>();
        RecordWorkload.SUITES.forEach((name, suite) -> {
            if (cipher.test(suite.cipher)) {
                out.add(name);
            }
        });
        return out;
    }

    /** RecordBenchmark's open method, the one the constant-time MAC check changes. */
    static final String RECORD_OPEN = "open";

    /** The handshake targets' suites: RSA key exchange and ECDHE-ECDSA on P-256. */
    static final List<String> HEADLINE_SUITES = List.of("TLS_RSA_WITH_AES_128_CBC_SHA",
            "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA");

    /** Which handshakes a preset runs: stacks × provider configurations × suites × modes (valid ones). */
    record Handshakes(List<String> stacks, List<String> configs, List<String> suites, List<String> modes) {
    }

    @Spec
    CommandSpec spec;

    @Option(names = "--preset", paramLabel = "quick|standard|targets|full", description = "default: quick")
    String preset = "quick";

    @Option(names = "--include", paramLabel = "REGEX",
            description = "only benchmarks whose full name (package.Class.method) matches, within the preset")
    String include;

    @Option(names = "--providers", paramLabel = "LIST", split = ",",
            description = "core providers to measure: sunjce, bc, accp, conscrypt (default: all)")
    List<String> providers;

    @Option(names = "--out", paramLabel = "DIR", description = "run folder (default: results/<stamp>-<host>)")
    Path out;

    @Option(names = "--dry-run", description = "print the runs, their benchmark counts and the time estimate; run nothing")
    boolean dryRun;

    @Override
    public Integer call() throws IOException {
        Preset p = parsePreset(preset);
        Pattern filter = includePattern(include);
        List<String> notes = new ArrayList<>();
        List<ProviderId> ids = providerIds(providers, notes);
        List<PlannedSpec> plan = plan(p, ids, filter);
        int total = plan.stream().mapToInt(PlannedSpec::count).sum();
        if (total == 0) {
            throw new IllegalArgumentException(include != null
                    ? "--include '" + include + "' matches no benchmark of preset " + p.label()
                    : "preset " + p.label() + " has no benchmark to run with these providers");
        }
        double eta = plan.stream().mapToDouble(PlannedSpec::seconds).sum();
        if (dryRun) {
            var o = spec.commandLine().getOut();
            notes.forEach(n -> o.println("# " + n));
            for (PlannedSpec ps : plan) {
                o.printf("%-40s %4d benchmarks × %5.1f s = %5.1f min  %s%s%n", ps.spec().name(), ps.count(),
                        ps.secondsPerBenchmark(), ps.seconds() / 60, ps.spec().params(),
                        ps.spec().jvmArgs().isEmpty() ? "" : " " + ps.spec().jvmArgs());
            }
            o.printf("preset %s: %d benchmarks in %d runs, about %.1f min%n", p.label(), total, plan.size(), eta / 60);
            return Main.OK;
        }
        Path dir = out != null ? out : defaultDir();
        Path parts = dir.resolve("parts");
        Files.createDirectories(parts);
        var err = spec.commandLine().getErr();
        notes.forEach(n -> err.println("tlsbench run: " + n));
        err.printf("tlsbench run: preset %s, %d benchmarks in %d runs, about %.0f min; writing %s%n",
                p.label(), total, plan.size(), Math.ceil(eta / 60), dir);

        Environment.write(dir.resolve("env.json"));
        long start = System.nanoTime();
        ProgressFormat progress = new ProgressFormat(System.out, VerboseMode.NORMAL, total, eta);
        List<Path> written = new ArrayList<>();
        int results = 0;
        int failed = 0;
        for (int i = 0; i < plan.size(); i++) {
            PlannedSpec ps = plan.get(i);
            Path part = parts.resolve(String.format("%02d-%s.json", i + 1, ps.spec().name().replaceAll("[^A-Za-z0-9.+-]+", "-")));
            progress.beginSpec(ps.spec().name(), ps.secondsPerBenchmark());
            try {
                Collection<RunResult> r = new Runner(options(ps, p.timing(ps.spec().benchmarkClass()), part).build(), progress).run();
                results += r.size();
                if (Files.exists(part)) {
                    written.add(part);
                }
                if (r.size() < ps.count()) {
                    failed++;
                    err.printf("tlsbench run: %s: %d of %d benchmarks produced a result%n", ps.spec().name(), r.size(), ps.count());
                }
            } catch (RunnerException | RuntimeException e) {
                failed++;
                err.println("tlsbench run: " + ps.spec().name() + " failed: " + Main.message(e));
            }
        }
        merge(written, dir.resolve("jmh.json"));
        // The native reference, measured in the same run, then the report over everything.
        err.println("tlsbench run: measuring the native reference (openssl speed, about half a minute)");
        NativeReference.collect(dir, Duration.ofSeconds(1));
        if (results > 0) {
            Report.render(dir);
        }
        err.printf("tlsbench run: %d results in %s after %.1f min (estimated %.1f)%s; report: %s%n", results,
                dir.resolve("jmh.json"), (System.nanoTime() - start) / 60e9, eta / 60,
                failed > 0 ? "; " + failed + " runs incomplete" : "", dir.resolve("report.md"));
        return results == 0 || failed > 0 ? Main.FAILURE : Main.OK;
    }

    static Preset parsePreset(String name) {
        try {
            return Preset.valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown preset '" + name + "' (quick, standard, targets or full)");
        }
    }

    static Pattern includePattern(String include) {
        if (include == null) {
            return null;
        }
        try {
            return Pattern.compile(include);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("--include is not a regular expression: " + e.getDescription());
        }
    }

    /** The chosen providers that are available, in enum order; notes say which were skipped and why. */
    static List<ProviderId> providerIds(List<String> names, List<String> notes) {
        List<ProviderId> chosen = new ArrayList<>();
        if (names == null || names.isEmpty()) {
            chosen.addAll(List.of(ProviderId.values()));
        } else {
            for (String n : names) {
                ProviderId id = ProviderId.parse(n);
                if (!chosen.contains(id)) {
                    chosen.add(id);
                }
            }
        }
        List<ProviderId> out = new ArrayList<>();
        for (ProviderId id : ProviderId.values()) {
            if (!chosen.contains(id)) {
                continue;
            }
            ProviderSet set = Providers.get(id);
            if (set.available()) {
                out.add(id);
            } else {
                notes.add("skipping " + id + ": " + set.unavailableReason());
            }
        }
        return out;
    }

    // ---- the spec lists -----------------------------------------------------------------------

    /** The run specs of a preset over the given (available) providers, in run order. */
    static List<RunSpec> specs(Preset preset, List<ProviderId> providers) {
        Axes a = preset.axes;
        List<Block> blocks = new ArrayList<>();
        blocks.add(BenchmarkMatrix.keySchedule(a, providers));
        blocks.addAll(BenchmarkMatrix.records(a, providers));
        for (Slice s : preset.slices) {
            BenchmarkMatrix.records(s.axes(), providers).forEach(b -> blocks.add(suffixed(b, s.suffix())));
        }
        blocks.addAll(BenchmarkMatrix.cipherCeilings(a, providers));
        blocks.addAll(BenchmarkMatrix.macCeilings(a, providers));
        blocks.addAll(BenchmarkMatrix.sslEngines(a));
        for (Slice s : preset.slices) {
            if (s.peers()) {
                BenchmarkMatrix.sslEngines(s.axes()).forEach(b -> blocks.add(suffixed(b, s.suffix())));
            }
        }
        List<RunSpec> specs = new ArrayList<>();
        for (Block b : blocks) {
            specs.add(new RunSpec(b, preset.methods.get(b.benchmarkClass()), List.of(), setupSeconds(b)));
        }
        // Handshakes: provider configurations "X-first" only for providers taking part.
        List<String> configs = new ArrayList<>();
        for (String c : preset.handshakes.configs()) {
            if (c.equals("jdk") || providers.contains(ProviderId.parse(c.substring(0, c.indexOf('-'))))) {
                configs.add(c);
            }
        }
        for (Block b : BenchmarkMatrix.handshakes(preset.handshakes.stacks(), configs, preset.handshakes.suites(),
                preset.handshakes.modes())) {
            specs.add(new RunSpec(b, null, List.of(), setupSeconds(b)));
        }
        Axes v = preset.variants;
        if (v == null || !providers.contains(ProviderId.SUNJCE)) {
            return specs;
        }
        // SunJCE's AES (and the SHA MACs) without the CPU's AES and SHA instructions.
        List<String> off = intrinsicsOffArgs();
        List<ProviderId> sunjce = List.of(ProviderId.SUNJCE);
        Axes aes = new Axes(null, recordSuites(c -> c.keyAlgorithm.equals("AES")), v.versions(), v.sizes(), List.of("heap"),
                List.of("AES-128-CBC", "AES-256-CBC", "AES-128-GCM"), List.of("HmacSHA1", "HmacSHA256"), null, null);
        List<Block> offBlocks = new ArrayList<>(BenchmarkMatrix.records(aes, sunjce));
        offBlocks.addAll(BenchmarkMatrix.cipherCeilings(aes, sunjce));
        offBlocks.addAll(BenchmarkMatrix.macCeilings(aes, sunjce));
        for (Block b : offBlocks) {
            specs.add(new RunSpec(suffixed(b, "-aes-sha-off"), preset.methods.get(b.benchmarkClass()), off, setupSeconds(b)));
        }
        // CBC open again with the constant-time MAC check, to show what it costs (SunJCE, TLS 1.2).
        Axes cbc = new Axes(null, recordSuites(c -> c.kind == CipherKind.BLOCK && c.keyAlgorithm.equals("AES")),
                List.of("tls12"), v.sizes(), List.of("heap"), null, null, null, null);
        for (Block b : BenchmarkMatrix.records(cbc, sunjce)) {
            specs.add(new RunSpec(suffixed(b, "-constant-time-mac"), List.of(RECORD_OPEN),
                    List.of(JmhResult.CONSTANT_TIME_MAC_ARG), setupSeconds(b)));
        }
        return specs;
    }

    private static Block suffixed(Block b, String suffix) {
        return suffix.isEmpty() ? b : new Block(b.name() + suffix, b.benchmarkClass(), b.params());
    }

    /**
     * What setup costs a fork of this block beyond {@link #FORK_OVERHEAD_SECONDS}: per class (a
     * record workload seals a ~1 MB ring in a cold JVM; an SSLEngine pair generates an RSA-2048
     * key, handshakes and checks a ring), plus the mean provider load over the block's providers
     * (a block's combinations are spread evenly over them).
     */
    static double setupSeconds(Block b) {
        double perClass;
        switch (b.benchmarkClass()) {
            case BenchmarkMatrix.RECORD: perClass = 0.4; break;
            case BenchmarkMatrix.JSSE_RECORD: perClass = 0.5; break;
            case BenchmarkMatrix.HANDSHAKE: perClass = 1.0; break; // RSA/EC/DSA keys and a first handshake
            case BenchmarkMatrix.CIPHER_CEILING:
            case BenchmarkMatrix.MAC_CEILING: perClass = 0.1; break;
            default: perClass = 0;
        }
        List<String> providers = b.params().getOrDefault("provider", b.params().get("impl"));
        double load = 0;
        if (providers != null && !providers.isEmpty()) {
            for (String p : providers) {
                load += PROVIDER_LOAD_SECONDS.getOrDefault(p, 0.0);
            }
            load /= providers.size();
        }
        return perClass + load;
    }

    /** The specs resolved against JMH's benchmark list, filtered by --include; specs left empty are dropped. */
    static List<PlannedSpec> plan(Preset preset, List<ProviderId> providers, Pattern include) {
        Map<String, BenchmarkListEntry> entries = benchmarkList();
        List<PlannedSpec> out = new ArrayList<>();
        for (RunSpec s : specs(preset, providers)) {
            List<String> methods = new ArrayList<>();
            int count = 0;
            for (BenchmarkListEntry e : entries.values()) {
                String name = e.getUsername();
                if (!name.startsWith(s.benchmarkClass() + ".") || name.indexOf('.', s.benchmarkClass().length() + 1) >= 0) {
                    continue;
                }
                if (s.methods() != null && !s.methods().contains(name.substring(s.benchmarkClass().length() + 1))) {
                    continue;
                }
                if (include != null && !include.matcher(name).find()) {
                    continue;
                }
                methods.add(name);
                count += combinations(e, s.params());
            }
            if (count > 0) {
                out.add(new PlannedSpec(s, methods, count,
                        preset.timing(s.benchmarkClass()).secondsPerBenchmark(s.setupSeconds())));
            }
        }
        return out;
    }

    /** Parameter combinations of one benchmark method: the product of each @Param's values, overridden by the spec's. */
    static int combinations(BenchmarkListEntry e, Map<String, List<String>> overrides) {
        int combos = 1;
        if (e.getParams().hasValue()) {
            for (Map.Entry<String, String[]> param : e.getParams().get().entrySet()) {
                List<String> o = overrides.get(param.getKey());
                combos *= o != null ? o.size() : param.getValue().length;
            }
        }
        return combos;
    }

    /** JMH's generated benchmark list, by full method name. */
    static Map<String, BenchmarkListEntry> benchmarkList() {
        Map<String, BenchmarkListEntry> out = new LinkedHashMap<>();
        for (BenchmarkListEntry e : BenchmarkList.defaultList().find(
                OutputFormatFactory.createFormatInstance(System.out, VerboseMode.SILENT), List.of(".*"), List.of())) {
            out.put(e.getUsername(), e);
        }
        return out;
    }

    private static ChainedOptionsBuilder options(PlannedSpec ps, Timing t, Path part) {
        ChainedOptionsBuilder o = new OptionsBuilder();
        for (String b : ps.benchmarks()) {
            o.include("^" + Pattern.quote(b) + "$");
        }
        o.forks(t.forks())
                .warmupIterations(t.warmups())
                .warmupTime(TimeValue.milliseconds(t.warmupMillis()))
                .measurementIterations(t.iterations())
                .measurementTime(TimeValue.milliseconds(t.iterationMillis()))
                .addProfiler(GCProfiler.class)
                .resultFormat(ResultFormatType.JSON)
                .result(part.toString());
        List<String> jvm = new ArrayList<>(forkedJvmArgs());
        jvm.addAll(ps.spec().jvmArgs());
        o.jvmArgsAppend(jvm.toArray(new String[0]));
        ps.spec().params().forEach((k, v) -> o.param(k, v.toArray(new String[0])));
        return o;
    }

    /** Concatenates the parts' JSON arrays into one array. */
    static void merge(List<Path> parts, Path target) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        ArrayNode all = mapper.createArrayNode();
        for (Path p : parts) {
            JsonNode n = mapper.readTree(p.toFile());
            if (n != null && n.isArray()) {
                all.addAll((ArrayNode) n);
            }
        }
        mapper.enable(SerializationFeature.INDENT_OUTPUT).writeValue(target.toFile(), all);
    }

    /**
     * Forked benchmark JVMs get the same access and legacy-algorithm settings as this one, and a
     * fixed 1 GiB heap. The heap is fixed because ACCP frees its native contexts only when the GC
     * collects their Java objects: under the default heap (a quarter of RAM) young collections are
     * rare and ACCP's resumed handshakes ran at 3,400/s against 20,500/s with a 256 MiB heap in
     * one trial; a fixed, moderate heap keeps every stack under the same, realistic GC pressure.
     */
    static List<String> forkedJvmArgs() {
        List<String> args = new ArrayList<>();
        args.add("-Xms1g");
        args.add("-Xmx1g");
        // ECDHE handshakes on P-256 in every stack, as the core negotiates: JSSE and BCJSSE would
        // otherwise prefer X25519, a cheaper curve, and the comparison would not be like for like.
        args.add("-Djdk.tls.namedGroups=" + HandshakeWorkload.NAMED_GROUPS);
        args.add("-XX:+UnlockDiagnosticVMOptions");
        args.add("--add-exports");
        args.add("java.base/sun.security.internal.spec=ALL-UNNAMED");
        String security = System.getProperty("java.security.properties");
        if (security != null) {
            args.add("-Djava.security.properties=" + security);
        }
        return args;
    }

    /**
     * -XX:-Flag for each of {@link #INTRINSICS_OFF}, unlocked (most are diagnostic flags). All of
     * them exist on JDK 17 and 25 (checked with -XX:+PrintFlagsFinal); IgnoreUnrecognizedVMOptions
     * keeps a later JDK that drops one from refusing to start the fork.
     */
    static List<String> intrinsicsOffArgs() {
        List<String> args = new ArrayList<>();
        args.add("-XX:+UnlockDiagnosticVMOptions");
        args.add("-XX:+IgnoreUnrecognizedVMOptions");
        for (String f : INTRINSICS_OFF) {
            args.add("-XX:-" + f);
        }
        return args;
    }

    private static Path defaultDir() {
        String home = System.getProperty("tlsbench.home", ".");
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HHmm"));
        return Paths.get(home, "results", stamp + "-" + Environment.hostTag()).toAbsolutePath().normalize();
    }
}
