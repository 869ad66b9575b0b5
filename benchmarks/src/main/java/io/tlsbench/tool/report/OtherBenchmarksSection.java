package io.tlsbench.tool.report;

import io.tlsbench.bench.axis.Axis;
import io.tlsbench.bench.jmh.BenchmarkClass;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Every benchmark no other section reports (the ceilings among them), by class and parameters. */
final class OtherBenchmarksSection implements Section {

    /** Classes with sections of their own. */
    private static final Set<BenchmarkClass> REPORTED = Set.of(BenchmarkClass.KEY_SCHEDULE, BenchmarkClass.RECORD,
            BenchmarkClass.JSSE_RECORD, BenchmarkClass.HANDSHAKE);

    @Override
    public void write(ReportDocument doc) {
        Map<String, List<JmhResult>> byClass = new LinkedHashMap<>();
        for (JmhResult r : doc.run.results) {
            if (!REPORTED.contains(r.benchmarkClass()) && !r.variant()) {
                byClass.computeIfAbsent(r.className(), k -> new ArrayList<>()).add(r);
            }
        }
        if (byClass.isEmpty()) {
            return;
        }
        StringBuilder md = doc.md;
        md.append("## Other benchmarks\n\n");
        md.append("Every other benchmark of the run, by class and parameters (the ceiling benchmarks give the records' "
                + "limits). MB/s = ops/s × size where there is a size parameter.\n\n");
        for (Map.Entry<String, List<JmhResult>> e : byClass.entrySet()) {
            md.append("### ").append(e.getKey()).append("\n\n");
            md.append("| method | params | score | unit | MB/s | B/op |\n|---|---|---:|---|---:|---:|\n");
            for (JmhResult r : e.getValue()) {
                int size = r.intParam(Axis.SIZE.name());
                md.append("| ").append(r.method()).append(" | ").append(Fmt.cell(ParamText.of(r.params()))).append(" | ")
                        .append(Fmt.pm(r.score(), r.error())).append(" | ").append(Fmt.cell(r.unit())).append(" | ")
                        .append(size > 0 && !Double.isNaN(r.opsPerSecond())
                                ? Fmt.mbpsPm(r.opsPerSecond() * size, r.opsPerSecondError() * size) : "")
                        .append(" | ").append(Fmt.bop(r.bytesPerOp())).append(" |\n");
            }
            md.append('\n');
        }
    }
}
