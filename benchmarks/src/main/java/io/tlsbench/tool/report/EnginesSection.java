package io.tlsbench.tool.report;

import io.tlsbench.bench.axis.RecordSuite;
import io.tlsbench.tool.report.Records.Rec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The SSLEngine peers' record layer per suite, and side by side with the core's. */
final class EnginesSection implements Section {

    @Override
    public void write(ReportDocument doc) {
        List<Rec> eng = Records.of(doc.run, true, false);
        if (eng.isEmpty()) {
            return;
        }
        StringBuilder md = doc.md;
        md.append("## SSLEngine peers (JSSE, Conscrypt)\n\n");
        md.append("An SSLEngine pair wrapping and unwrapping application data of the record size: what a Java program gets "
                + "from the JDK's JSSE or Conscrypt instead of tlsbench's core. Unwrap's B/op includes the refill's wraps "
                + "(subtract wrap's B/op for unwrap's own).\n\n");
        for (RecordSuite suite : Lists.distinct(eng, Rec::suite)) {
            md.append("### ").append(suite.label()).append("\n\n");
            RecordTable.write(doc, Lists.filter(eng, r -> r.suite() == suite), true);
        }
        List<Rec> core = Records.of(doc.run, false, false);
        if (!core.isEmpty()) {
            sideBySide(md, core, eng);
        }
    }

    private static void sideBySide(StringBuilder md, List<Rec> core, List<Rec> eng) {
        md.append("### Side by side with the core\n\n");
        md.append("MB/s ± error; seal = wrap, open = unwrap; rows where an engine was measured.\n\n");
        List<Rec> all = new ArrayList<>(core);
        all.addAll(eng);
        List<String> cols = Lists.distinct(all, Rec::label);
        md.append("| suite | version | buffer | size | op |");
        cols.forEach(c -> md.append(' ').append(c).append(" |"));
        md.append("\n|---|---|---|---:|---|");
        cols.forEach(c -> md.append("---:|"));
        md.append('\n');
        Set<String> seen = new LinkedHashSet<>();
        List<Rec> rows = new ArrayList<>(eng);
        List<?> suites = Lists.distinct(eng, Rec::suite);
        List<?> versions = Lists.distinct(eng, Rec::version);
        List<?> buffers = Lists.distinct(eng, Rec::buffer);
        rows.sort(Comparator.<Rec>comparingInt(r -> suites.indexOf(r.suite()))
                .thenComparingInt(r -> versions.indexOf(r.version()))
                .thenComparingInt(r -> buffers.indexOf(r.buffer()))
                .thenComparingInt(Rec::size)
                .thenComparing(Rec::op));
        for (Rec e : rows) {
            if (!seen.add(e.suite() + "|" + e.version() + "|" + e.buffer() + "|" + e.size() + "|" + e.op())) {
                continue;
            }
            md.append("| ").append(e.suite().label()).append(" | ").append(e.version().shortName).append(" | ")
                    .append(e.buffer().label()).append(" | ").append(Fmt.size(e.size())).append(" | ").append(e.op().label()).append(" |");
            for (String c : cols) {
                Rec m = null;
                for (Rec r : all) {
                    if (r.label().equals(c) && r.suite() == e.suite() && r.version() == e.version() && r.buffer() == e.buffer()
                            && r.size() == e.size() && r.op() == e.op() && r.rest().isEmpty()) {
                        m = r;
                        break;
                    }
                }
                md.append(' ').append(m == null ? "—" : Fmt.mbpsPm(m.bytesPerSecond(), m.bytesError())).append(" |");
            }
            md.append('\n');
        }
        md.append('\n');
    }
}
