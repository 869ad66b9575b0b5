package io.tlsbench.tool.report;

import io.tlsbench.bench.axis.Axis;
import io.tlsbench.bench.axis.KeyScheduleImpl;
import io.tlsbench.bench.jmh.BenchmarkClass;
import io.tlsbench.tool.report.Records.Op;
import io.tlsbench.tool.report.Records.Rec;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** The targets' verdicts, why the missed ones are missed, and which core paths allocate. */
final class TargetsSection implements Section {

    /** B/op under which a seal or key-schedule figure counts as allocation-free (see zeroAllocation). */
    static final double NO_ALLOCATION = 32;

    @Override
    public void write(ReportDocument doc) {
        List<Targets.Row> rows = Targets.of(doc.run);
        if (rows.isEmpty()) {
            return;
        }
        StringBuilder md = doc.md;
        md.append("## Targets\n\n");
        md.append("The benchmark issue's targets, each judged by a ratio of figures from this run (± propagates both "
                + "figures' JMH errors; n/a where a figure has too few iterations for one). \"Best\" is the fastest core "
                + "provider or configuration in the run. A verdict resting on a figure warmed up for less than its "
                + "benchmark class needs (the quick preset's 1–2 s) is marked indicative only.\n\n");
        md.append("| target | figures | ratio | goal | verdict |\n|---|---|---:|---:|---|\n");
        for (Targets.Row r : rows) {
            md.append("| ").append(Fmt.cell(r.target())).append(" | ").append(Fmt.cell(r.figures())).append(" | ")
                    .append(r.ratioText()).append(" | ").append(r.goalText()).append(" | ").append(r.verdict()).append(" |\n");
        }
        md.append('\n');
        boolean first = true;
        for (Targets.Row r : rows) {
            if (r.missed() && r.cause() != null) {
                md.append(first ? "Where a target is missed, whose cost holds it (from profiling the benchmarks, JMH -prof stack and gc):\n\n" : "");
                md.append("- ").append(r.target()).append(": ").append(r.cause()).append('\n');
                first = false;
            }
        }
        if (!first) {
            md.append('\n');
        }
        zeroAllocation(md, doc.run);
    }

    /**
     * Seal and the key schedule at 0 B/op: which measured paths allocate, by provider. Open is
     * left out: its benchmark replaces the opener each time the ring of sealed records is used up
     * (RecordWorkload), an allocation it adds to open's B/op; open itself is held at 0 B by
     * RecordAllocationTest. A figure under {@link #NO_ALLOCATION} B/op counts as allocation-free:
     * JMH's own bookkeeping allocates a few KB per iteration, which the GC profiler spreads over
     * the iteration's operations, so the slowest path (fewest records per iteration: SunJCE's
     * 3DES at 16 KB) shows the most of it. The threshold sits above that share as the standard
     * preset's iterations give it, and below what one object allocated per record shows.
     */
    private static void zeroAllocation(StringBuilder md, RunFolder run) {
        List<String> allocating = new ArrayList<>();
        int zero = 0;
        for (Rec r : Records.of(run, false, false)) {
            double b = r.r().bytesPerOp();
            if (r.op() != Op.SEAL || Double.isNaN(b)) {
                continue;
            }
            if (b < NO_ALLOCATION) {
                zero++;
            } else {
                allocating.add(r.impl() + " " + r.suite().label() + " seal (" + r.buffer().label() + ")");
            }
        }
        for (JmhResult r : run.of(BenchmarkClass.KEY_SCHEDULE)) {
            KeyScheduleImpl impl = r.param(Axis.IMPL);
            if (impl == null || !impl.core() || Double.isNaN(r.bytesPerOp())) {
                continue;
            }
            if (r.bytesPerOp() < NO_ALLOCATION) {
                zero++;
            } else {
                allocating.add(impl.label() + " key schedule");
            }
        }
        if (zero + allocating.size() == 0) {
            return;
        }
        md.append("0 B/op: ").append(zero).append(" of ").append(zero + allocating.size())
                .append(" core seal and key-schedule figures are under ").append((int) NO_ALLOCATION)
                .append(" B/op (JMH's own few KB per iteration, spread over its operations).");
        if (!allocating.isEmpty()) {
            md.append(" Paths that allocate (see the B/op columns: the JNI providers' and Bouncy Castle's own objects;"
                    + " with direct buffers, JCA's copies between buffers and arrays): ")
                    .append(String.join(", ", new TreeSet<>(allocating))).append('.');
        }
        md.append(" Open's B/op includes the benchmark's ring rewind (a fresh opener per ring of records); open "
                + "itself allocates nothing on SunJCE and Bouncy Castle CBC and RC4 (RecordAllocationTest).\n\n");
    }
}
