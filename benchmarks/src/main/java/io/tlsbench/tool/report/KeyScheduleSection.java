package io.tlsbench.tool.report;

import io.tlsbench.bench.axis.Axis;
import io.tlsbench.bench.axis.KeyScheduleImpl;
import io.tlsbench.bench.jmh.BenchmarkClass;
import java.util.List;

/** Derivations per second per implementation and schedule, the core's against the JDK's generators and bctls. */
final class KeyScheduleSection implements Section {

    private static final String IMPL = Axis.IMPL.name();

    @Override
    public void write(ReportDocument doc) {
        List<JmhResult> ks = Lists.filter(doc.run.of(BenchmarkClass.KEY_SCHEDULE), r -> !r.variant() && r.param(Axis.IMPL) != null);
        if (ks.isEmpty()) {
            return;
        }
        StringBuilder md = doc.md;
        md.append("## Key schedule\n\n");
        md.append("Derivations per second per implementation and schedule. `core-*` is tlsbench's key schedule over "
                + "each provider; `jdk` the JDK's internal SunJCE TLS key generators; `bctls` Bouncy Castle's TLS PRF. "
                + "× jdk and × bctls: the core's figure over the peer's, same schedule, same run.\n\n");
        for (String method : Lists.distinct(ks, JmhResult::method)) {
            md.append("### ").append(method).append("\n\n");
            md.append("| schedule | impl | ops/s | B/op | × jdk | × bctls |\n|---|---|---:|---:|---:|---:|\n");
            List<JmhResult> rows = Lists.filter(ks, r -> r.method().equals(method));
            for (String sched : Lists.distinct(rows, r -> ParamText.of(r.params(), IMPL))) {
                for (JmhResult r : rows) {
                    if (ParamText.of(r.params(), IMPL).equals(sched)) {
                        row(md, sched, r, rows);
                    }
                }
            }
            md.append('\n');
        }
    }

    private static void row(StringBuilder md, String sched, JmhResult r, List<JmhResult> rows) {
        KeyScheduleImpl impl = r.param(Axis.IMPL);
        String vsJdk = "";
        String vsBc = "";
        if (impl.core()) {
            vsJdk = ratioAgainst(r, rows, KeyScheduleImpl.JDK);
            vsBc = ratioAgainst(r, rows, KeyScheduleImpl.BCTLS);
        }
        md.append("| ").append(Fmt.cell(sched)).append(" | ").append(Fmt.cell(impl.label())).append(" | ")
                .append(Fmt.pm(r.opsPerSecond(), r.opsPerSecondError())).append(" | ").append(Fmt.bop(r.bytesPerOp()))
                .append(" | ").append(vsJdk).append(" | ").append(vsBc).append(" |\n");
    }

    /** r over the row of the baseline implementation whose other params equal r's; "—" when absent. */
    private static String ratioAgainst(JmhResult r, List<JmhResult> rows, KeyScheduleImpl baseline) {
        String k = ParamText.of(r.params(), IMPL);
        for (JmhResult b : rows) {
            if (b.param(Axis.IMPL) == baseline && ParamText.of(b.params(), IMPL).equals(k) && b.method().equals(r.method())) {
                double ratio = r.opsPerSecond() / b.opsPerSecond();
                return Fmt.ratioPm(ratio, Fmt.ratioError(r.opsPerSecond(), r.opsPerSecondError(), b.opsPerSecond(), b.opsPerSecondError()));
            }
        }
        return "—";
    }
}
