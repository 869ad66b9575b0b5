package io.tlsbench.cli;

import io.tlsbench.bench.Environment;
import io.tlsbench.provider.ProviderId;
import io.tlsbench.provider.ProviderSet;
import io.tlsbench.provider.Providers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedSet;
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
 * {@code tlsbench run}: runs a preset of the JMH benchmarks with the GC profiler and writes a run
 * folder (jmh.json, env.json) under results/.
 */
@Command(name = "run", sortOptions = false,
        description = "Run a benchmark preset and write results/<yyyy-mm-ddThhmm>-<host>/ (jmh.json, env.json).")
public final class RunCommand implements Callable<Integer> {

    /** Iterations and their lengths per preset; quick must finish in ≤ 6 minutes on 2 cores. */
    enum Preset {
        QUICK(1, 1, 1, 2, 1),
        STANDARD(1, 3, 2, 5, 2),
        FULL(2, 5, 2, 10, 2);

        final int forks;
        final int warmups;
        final int warmupSeconds;
        final int iterations;
        final int iterationSeconds;

        Preset(int forks, int warmups, int warmupSeconds, int iterations, int iterationSeconds) {
            this.forks = forks;
            this.warmups = warmups;
            this.warmupSeconds = warmupSeconds;
            this.iterations = iterations;
            this.iterationSeconds = iterationSeconds;
        }

        /** Seconds one benchmark (one parameter combination) takes, with ~1.5 s per fork to start a JVM. */
        double secondsPerBenchmark() {
            return forks * (1.5 + warmups * warmupSeconds + iterations * iterationSeconds);
        }
    }

    @Spec
    CommandSpec spec;

    @Option(names = "--preset", paramLabel = "quick|standard|full", description = "default: quick")
    String preset = "quick";

    @Option(names = "--include", paramLabel = "REGEX", description = "only benchmarks whose name matches")
    String include = "io\\.tlsbench\\.bench\\.jmh\\..*";

    @Option(names = "--providers", paramLabel = "LIST", split = ",",
            description = "core providers to measure: sunjce, bc, accp, conscrypt (default: all)")
    List<String> providers;

    @Option(names = "--out", paramLabel = "DIR", description = "run folder (default: results/<stamp>-<host>)")
    Path out;

    @Override
    public Integer call() throws IOException, RunnerException {
        Preset p = parsePreset(preset);
        try {
            Pattern.compile(include);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("--include is not a regular expression: " + e.getDescription());
        }
        List<String> impls = impls();
        Path dir = out != null ? out : defaultDir();
        Files.createDirectories(dir);

        int count = countBenchmarks(include, impls);
        if (count == 0) {
            throw new IllegalArgumentException("--include '" + include + "' matches no benchmark");
        }
        double eta = count * p.secondsPerBenchmark();
        spec.commandLine().getErr().printf("tlsbench run: preset %s, %d benchmarks, about %.0f min; writing %s%n",
                p.name().toLowerCase(Locale.ROOT), count, Math.ceil(eta / 60), dir);

        Environment.write(dir.resolve("env.json"));
        ChainedOptionsBuilder opts = new OptionsBuilder()
                .include(include)
                .forks(p.forks)
                .warmupIterations(p.warmups)
                .warmupTime(TimeValue.seconds(p.warmupSeconds))
                .measurementIterations(p.iterations)
                .measurementTime(TimeValue.seconds(p.iterationSeconds))
                .addProfiler(GCProfiler.class)
                .resultFormat(ResultFormatType.JSON)
                .result(dir.resolve("jmh.json").toString())
                .jvmArgsAppend(forkedJvmArgs())
                .param("impl", impls.toArray(new String[0]));
        Collection<RunResult> results = new Runner(opts.build(),
                new ProgressFormat(System.out, VerboseMode.NORMAL, count, p.secondsPerBenchmark())).run();
        spec.commandLine().getErr().printf("tlsbench run: %d results in %s%n", results.size(), dir);
        return results.isEmpty() ? 1 : 0;
    }

    static Preset parsePreset(String name) {
        try {
            return Preset.valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown preset '" + name + "' (quick, standard or full)");
        }
    }

    /** The key-schedule implementations to run: the core over the chosen providers, plus the baselines. */
    private List<String> impls() {
        List<String> impls = new ArrayList<>();
        if (providers == null || providers.isEmpty()) {
            providers = List.of("sunjce", "bc", "accp", "conscrypt");
        }
        for (String name : providers) {
            ProviderSet set = Providers.get(ProviderId.parse(name));
            if (!set.available()) {
                spec.commandLine().getErr().println("tlsbench run: skipping " + set.id() + ": " + set.unavailableReason());
                continue;
            }
            impls.add("core-" + set.id().name().toLowerCase(Locale.ROOT));
        }
        impls.add("jdk");
        impls.add("bctls");
        return impls;
    }

    /** Benchmarks × parameter combinations that the include pattern selects. */
    static int countBenchmarks(String include, List<String> impls) {
        SortedSet<BenchmarkListEntry> entries = BenchmarkList.defaultList()
                .find(OutputFormatFactory.createFormatInstance(System.out, VerboseMode.SILENT), List.of(include), List.of());
        int total = 0;
        for (BenchmarkListEntry e : entries) {
            int combos = 1;
            if (e.getParams().hasValue()) {
                for (Map.Entry<String, String[]> param : e.getParams().get().entrySet()) {
                    combos *= param.getKey().equals("impl") ? impls.size() : param.getValue().length;
                }
            }
            total += combos;
        }
        return total;
    }

    /** Forked benchmark JVMs get the same access and legacy-algorithm settings as this one. */
    private static String[] forkedJvmArgs() {
        List<String> args = new ArrayList<>();
        args.add("-XX:+UnlockDiagnosticVMOptions");
        args.add("--add-exports");
        args.add("java.base/sun.security.internal.spec=ALL-UNNAMED");
        String security = System.getProperty("java.security.properties");
        if (security != null) {
            args.add("-Djava.security.properties=" + security);
        }
        return args.toArray(new String[0]);
    }

    private static Path defaultDir() {
        String home = System.getProperty("tlsbench.home", ".");
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HHmm"));
        return Paths.get(home, "results", stamp + "-" + Environment.hostTag()).toAbsolutePath().normalize();
    }

}
