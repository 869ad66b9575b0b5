package io.tlsbench.tool.cli;

import io.tlsbench.provider.ProviderId;
import io.tlsbench.tool.run.Environment;
import io.tlsbench.tool.run.JmhRunner;
import io.tlsbench.tool.run.Preset;
import io.tlsbench.tool.run.RunPlanner;
import io.tlsbench.tool.run.RunPlanner.PlannedSpec;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tlsbench run}: runs a preset ({@link Preset}) and writes a run folder under results/
 * ({@link JmhRunner}). {@code --include} applies on top of the preset's runs (a run keeps the
 * benchmarks whose full name matches; a run left with none is skipped); {@code --providers}
 * narrows the {@code provider} parameters and the core's key-schedule implementations (the peers
 * — the JDK, bctls, the SSLEngines — always run).
 */
@Command(name = "run", sortOptions = false,
        description = "Run a benchmark preset and write results/<yyyy-mm-ddThhmm>-<host>/ (jmh.json, env.json, "
                + "openssl.json, report.md, charts).")
public final class RunCommand implements Callable<Integer> {

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
        Preset p = Preset.parse(preset);
        Pattern filter = includePattern(include);
        List<String> notes = new ArrayList<>();
        List<ProviderId> ids = ProviderList.available(providers, notes);
        List<PlannedSpec> plan = RunPlanner.plan(p, ids, filter);
        int total = plan.stream().mapToInt(PlannedSpec::count).sum();
        if (total == 0) {
            throw new IllegalArgumentException(include != null
                    ? "--include '" + include + "' matches no benchmark of preset " + p.label()
                    : "preset " + p.label() + " has no benchmark to run with these providers");
        }
        double eta = plan.stream().mapToDouble(PlannedSpec::seconds).sum();
        if (dryRun) {
            printPlan(spec.commandLine().getOut(), p, plan, notes, total, eta);
            return Main.OK;
        }
        Path dir = out != null ? out : ResultFolders.stamped(Environment.hostTag());
        PrintWriter err = spec.commandLine().getErr();
        notes.forEach(n -> err.println("tlsbench run: " + n));
        err.printf("tlsbench run: preset %s, %d benchmarks in %d runs, about %.0f min; writing %s%n",
                p.label(), total, plan.size(), Math.ceil(eta / 60), dir);
        long start = System.nanoTime();
        JmhRunner.Outcome o = JmhRunner.run(plan, p, dir, err);
        err.printf("tlsbench run: %d results in %s after %.1f min (estimated %.1f)%s; report: %s%n", o.results(),
                dir.resolve("jmh.json"), (System.nanoTime() - start) / 60e9, eta / 60,
                o.failed() > 0 ? "; " + o.failed() + " runs incomplete" : "", dir.resolve("report.md"));
        return o.results() == 0 || o.failed() > 0 ? Main.FAILURE : Main.OK;
    }

    private static void printPlan(PrintWriter o, Preset p, List<PlannedSpec> plan, List<String> notes, int total, double eta) {
        notes.forEach(n -> o.println("# " + n));
        for (PlannedSpec ps : plan) {
            o.printf("%-40s %4d benchmarks × %5.1f s = %5.1f min  %s%s%n", ps.spec().name(), ps.count(),
                    ps.secondsPerBenchmark(), ps.seconds() / 60, ps.spec().params(),
                    ps.spec().jvmArgs().isEmpty() ? "" : " " + ps.spec().jvmArgs());
        }
        o.printf("preset %s: %d benchmarks in %d runs, about %.1f min%n", p.label(), total, plan.size(), eta / 60);
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
}
