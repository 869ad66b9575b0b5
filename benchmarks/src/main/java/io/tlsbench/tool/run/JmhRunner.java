package io.tlsbench.tool.run;

import io.tlsbench.bench.HandshakeWorkload;
import io.tlsbench.tool.Messages;
import io.tlsbench.tool.report.NativeReference;
import io.tlsbench.tool.report.Report;
import io.tlsbench.tool.run.RunPlanner.PlannedSpec;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs a plan into a run folder: env.json, one JMH run per spec (each writing
 * {@code parts/NN-name.json}, merged into jmh.json at the end), the native reference
 * (openssl.json) measured in the same run, then report.md over everything.
 */
public final class JmhRunner {

    /** HotSpot flags the "AES-NI off" specs switch off: AES (and AES-CTR), GHASH (GCM's carry-less multiply), SHA. */
    static final List<String> INTRINSICS_OFF = List.of("UseAES", "UseAESIntrinsics", "UseAESCTRIntrinsics",
            "UseGHASHIntrinsics", "UseSHA", "UseSHA1Intrinsics", "UseSHA256Intrinsics", "UseSHA512Intrinsics");

    /** How a run went: results written, runs that produced fewer results than planned (or none). */
    public record Outcome(int results, int failed) {
    }

    private JmhRunner() {
    }

    /** Runs every spec of the plan, in order, into {@code dir}; progress on stdout, problems on {@code err}. */
    public static Outcome run(List<PlannedSpec> plan, Preset preset, Path dir, PrintWriter err) throws IOException {
        Path parts = dir.resolve("parts");
        Files.createDirectories(parts);
        Environment.write(dir.resolve("env.json"));
        int total = plan.stream().mapToInt(PlannedSpec::count).sum();
        double eta = plan.stream().mapToDouble(PlannedSpec::seconds).sum();
        ProgressFormat progress = new ProgressFormat(System.out, VerboseMode.NORMAL, total, eta);
        List<Path> written = new ArrayList<>();
        int results = 0;
        int failed = 0;
        for (int i = 0; i < plan.size(); i++) {
            PlannedSpec ps = plan.get(i);
            Path part = parts.resolve(String.format("%02d-%s.json", i + 1, ps.spec().name().replaceAll("[^A-Za-z0-9.+-]+", "-")));
            progress.beginSpec(ps.spec().name(), ps.secondsPerBenchmark());
            try {
                Collection<RunResult> r = new Runner(options(ps, preset.timing(ps.spec().benchmark()), part).build(), progress).run();
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
                err.println("tlsbench run: " + ps.spec().name() + " failed: " + Messages.oneLine(e));
            }
        }
        ResultMerge.merge(written, dir.resolve("jmh.json"));
        err.println("tlsbench run: measuring the native reference (openssl speed, about half a minute)");
        NativeReference.collect(dir, Duration.ofSeconds(1));
        if (results > 0) {
            Report.render(dir);
        }
        return new Outcome(results, failed);
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
        ps.spec().params().jmh().forEach(o::param);
        return o;
    }

    /**
     * Forked benchmark JVMs get the same access and legacy-algorithm settings as this one, and a
     * fixed heap. ACCP frees its native contexts only when the GC collects their Java objects, so
     * the heap size sets its speed: under the default heap (a quarter of RAM) young collections
     * are rare and its handshakes slow down as native contexts pile up. Every fork gets the same
     * fixed, moderate heap, so every stack runs under the same, realistic GC pressure.
     */
    public static List<String> forkedJvmArgs() {
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
    public static List<String> intrinsicsOffArgs() {
        List<String> args = new ArrayList<>();
        args.add("-XX:+UnlockDiagnosticVMOptions");
        args.add("-XX:+IgnoreUnrecognizedVMOptions");
        for (String f : INTRINSICS_OFF) {
            args.add("-XX:-" + f);
        }
        return args;
    }

}
