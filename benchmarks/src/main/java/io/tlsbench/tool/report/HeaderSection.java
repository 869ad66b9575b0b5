package io.tlsbench.tool.report;

import java.nio.file.Path;

/** The title, what the report was rendered from, and how to read its figures. */
final class HeaderSection implements Section {

    @Override
    public void write(ReportDocument doc) {
        RunFolder run = doc.run;
        StringBuilder md = doc.md;
        Path name = run.dir.toAbsolutePath().normalize().getFileName();
        md.append("# tlsbench report: ").append(name == null ? run.dir : name).append("\n\n");
        md.append("Rendered from `jmh.json` (").append(run.results.size()).append(" results)")
                .append(run.env.isMissingNode() ? "" : ", `env.json`")
                .append(run.openssl.isMissingNode() ? "" : ", `openssl.json`")
                .append(" by `tlsbench report`.\n\n");
        md.append("How to read it: ± is JMH's score error, the half-width of the 99.9 % confidence interval "
                + "(n/a where there were too few iterations to compute one). B/op is the bytes allocated per "
                + "operation (the GC profiler's gc.alloc.rate.norm; — where the run had no GC profiler). Ratios "
                + "compare figures measured in this same run; a ratio's ± adds the two relative errors in quadrature. "
                + "Record throughput is plaintext bytes per second = records/s × record size (MB = 10⁶ bytes). "
                + "Every benchmark runs in one thread, so a figure is per core.\n\n");
    }
}
