package io.tlsbench.tool.report;

import io.tlsbench.tool.report.NativeComparisons.NativeRecord;
import io.tlsbench.tool.report.Records.Op;
import io.tlsbench.tool.report.Records.Rec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The table of one suite's records: seal and open side by side per version, buffer, size and
 * provider (core: with "of limit" and "of native") or engine (SSLEngine: wrap and unwrap).
 */
final class RecordTable {

    private RecordTable() {
    }

    static void write(ReportDocument doc, List<Rec> s, boolean engines) {
        StringBuilder md = doc.md;
        String implName = engines ? "engine" : "provider";
        boolean hasRest = s.stream().anyMatch(r -> !r.rest().isEmpty());
        md.append("| version | buffer | size | ").append(implName).append(hasRest ? " | params" : "")
                .append(engines ? " | wrap MB/s | B/op | unwrap MB/s | B/op |\n" : " | seal MB/s | B/op | of limit | of native | open MB/s | B/op | of limit | of native |\n");
        md.append("|---|---|---:|---").append(hasRest ? "|---" : "")
                .append(engines ? "|---:|---:|---:|---:|\n" : "|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Rec[] pair : rows(s).values()) {
            Rec any = pair[0] != null ? pair[0] : pair[1];
            md.append("| ").append(any.version().shortName).append(" | ").append(any.buffer().label()).append(" | ")
                    .append(Fmt.size(any.size())).append(" | ").append(Fmt.cell(any.impl()));
            if (hasRest) {
                md.append(" | ").append(Fmt.cell(any.restText()));
            }
            for (Rec r : pair) {
                cells(doc, r, engines);
            }
            md.append(" |\n");
        }
        md.append('\n');
    }

    /** One row per (version, buffer, size, impl, rest), ordered by version, buffer, size, impl: [seal, open]. */
    private static Map<String, Rec[]> rows(List<Rec> s) {
        Map<String, Rec[]> rows = new LinkedHashMap<>();
        List<Rec> sorted = new ArrayList<>(s);
        List<?> versions = Lists.distinct(s, Rec::version);
        List<?> buffers = Lists.distinct(s, Rec::buffer);
        List<String> impls = Lists.distinct(s, Rec::impl);
        sorted.sort(Comparator.<Rec>comparingInt(r -> versions.indexOf(r.version()))
                .thenComparingInt(r -> buffers.indexOf(r.buffer()))
                .thenComparingInt(Rec::size)
                .thenComparingInt(r -> impls.indexOf(r.impl())));
        for (Rec r : sorted) {
            String k = r.version() + "|" + r.buffer() + "|" + r.size() + "|" + r.impl() + "|" + r.restText();
            rows.computeIfAbsent(k, x -> new Rec[2])[r.op() == Op.SEAL ? 0 : 1] = r;
        }
        return rows;
    }

    private static void cells(ReportDocument doc, Rec r, boolean engines) {
        StringBuilder md = doc.md;
        if (r == null) {
            md.append(engines ? " | — | —" : " | — | — | — | —");
            return;
        }
        md.append(" | ").append(Fmt.mbpsPm(r.bytesPerSecond(), r.bytesError())).append(" | ").append(Fmt.bop(r.r().bytesPerOp()));
        if (!engines) {
            double limit = Records.limit(doc.run, r.provider(), r.suite(), r.size(), r.op(), false);
            md.append(" | ").append(Double.isNaN(limit) ? "—" : Fmt.pct(r.opsPerSecond() / limit));
            NativeRecord n = NativeComparisons.record(doc.run.natives, r.suite(), r.op(), r.size());
            md.append(" | ").append(n == null ? "—" : Fmt.pct(r.bytesPerSecond() / n.bytesPerSecond()));
        }
    }
}
