package io.tlsbench.cli;

import java.io.IOException;
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

/** JMH's own output, with "[i/N] … ~M min left" before each benchmark. */
final class ProgressFormat implements OutputFormat {

    private final OutputFormat jmh;
    private final PrintStream out;
    private final int total;
    private final double secondsPerBenchmark;
    private final long start = System.nanoTime();
    private int started;

    ProgressFormat(PrintStream out, VerboseMode mode, int total, double secondsPerBenchmark) {
        this.jmh = OutputFormatFactory.createFormatInstance(out, mode);
        this.out = out;
        this.total = total;
        this.secondsPerBenchmark = secondsPerBenchmark;
    }

    @Override
    public void startBenchmark(BenchmarkParams params) {
        started++;
        double elapsed = (System.nanoTime() - start) / 1e9;
        // Once a benchmark has finished, extrapolate from the measured pace; before that, from the preset.
        double perBenchmark = started > 1 ? elapsed / (started - 1) : secondsPerBenchmark;
        double left = Math.max(0, total - started + 1) * perBenchmark;
        out.printf("%n[%d/%d] %s %s, ~%.1f min left%n", started, total, params.getBenchmark(),
                params.getParamsKeys().isEmpty() ? "" : paramsOf(params), left / 60);
        jmh.startBenchmark(params);
    }

    private static String paramsOf(BenchmarkParams params) {
        StringBuilder sb = new StringBuilder("(");
        for (String k : params.getParamsKeys()) {
            if (sb.length() > 1) {
                sb.append(", ");
            }
            sb.append(k).append('=').append(params.getParam(k));
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
