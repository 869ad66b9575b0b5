package io.tlsbench.tool.run;

import java.io.IOException;
import io.tlsbench.bench.axis.Axis;
import io.tlsbench.bench.jmh.BenchmarkClass;
import java.io.PrintStream;
import java.util.Collection;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.format.OutputFormat;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.VerboseMode;

/** JMH's own output, with "[i/N] … ~M min left" before each benchmark, counted across a preset's runs. */
public final class ProgressFormat implements OutputFormat {

    private final OutputFormat jmh;
    private final PrintStream out;
    private final int total;
    private final double plannedTotal;
    private final long start = System.nanoTime();
    private int started;
    /** Planned seconds of the benchmarks started so far, and per benchmark of the current run. */
    private double plannedStarted;
    private double secondsPerBenchmark;
    private String run = "";

    /**
     * One progress count over several JMH runs (a preset's specs): {@code total} benchmarks planned
     * to take {@code plannedSeconds}; {@link #beginSpec} before each run.
     */
    public ProgressFormat(PrintStream out, VerboseMode mode, int total, double plannedSeconds) {
        this.jmh = OutputFormatFactory.createFormatInstance(out, mode);
        this.out = out;
        this.total = total;
        this.plannedTotal = plannedSeconds;
        this.secondsPerBenchmark = total > 0 ? plannedSeconds / total : 0;
    }

    /** The next JMH run's name and planned seconds per benchmark. */
    public void beginSpec(String name, double secondsPerBenchmark) {
        this.run = name;
        this.secondsPerBenchmark = secondsPerBenchmark;
    }

    @Override
    public void startBenchmark(BenchmarkParams params) {
        started++;
        double elapsed = (System.nanoTime() - start) / 1e9;
        // What is left of the plan, scaled by the pace so far (measured / planned) once there is a pace.
        double pace = plannedStarted > 0 ? elapsed / plannedStarted : 1;
        double left = Math.max(0, plannedTotal - plannedStarted) * pace;
        plannedStarted += secondsPerBenchmark;
        out.printf("%n[%d/%d] %s %s, ~%.1f min left%s%n", started, total, params.getBenchmark(),
                params.getParamsKeys().isEmpty() ? "" : paramsOf(params), left / 60, run.isEmpty() ? "" : " (" + run + ")");
        jmh.startBenchmark(params);
    }

    /** The parameters by their axes' labels (as the plan prints them), "(provider=sunjce, ...)". */
    private static String paramsOf(BenchmarkParams params) {
        BenchmarkClass known = BenchmarkClass.ofBenchmark(params.getBenchmark());
        StringBuilder sb = new StringBuilder("(");
        for (String k : params.getParamsKeys()) {
            if (sb.length() > 1) {
                sb.append(", ");
            }
            Axis<?> axis = known == null ? null : known.axis(k);
            sb.append(k).append('=').append(axis == null ? params.getParam(k) : axis.labelOf(params.getParam(k)));
        }
        return sb.append(')').toString();
    }


    @Override
    public void iteration(BenchmarkParams b, IterationParams i, int n) {
        jmh.iteration(b, i, n);
    }

    @Override
    public void iterationResult(BenchmarkParams b, IterationParams i, int n, IterationResult r) {
        jmh.iterationResult(b, i, n, r);
    }

    @Override
    public void endBenchmark(BenchmarkResult result) {
        jmh.endBenchmark(result);
    }

    @Override
    public void startRun() {
        jmh.startRun();
    }

    @Override
    public void endRun(Collection<RunResult> results) {
        jmh.endRun(results);
    }

    @Override
    public void print(String s) {
        jmh.print(s);
    }

    @Override
    public void println(String s) {
        jmh.println(s);
    }

    @Override
    public void flush() {
        jmh.flush();
    }

    @Override
    public void close() {
        jmh.close();
    }

    @Override
    public void verbosePrintln(String s) {
        jmh.verbosePrintln(s);
    }

    @Override
    public void write(int b) {
        jmh.write(b);
    }

    @Override
    public void write(byte[] b) throws IOException {
        jmh.write(b);
    }
}
