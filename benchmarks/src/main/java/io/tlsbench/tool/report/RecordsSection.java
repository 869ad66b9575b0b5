package io.tlsbench.tool.report;

import io.tlsbench.bench.axis.BufferKind;
import io.tlsbench.bench.axis.RecordSuite;
import io.tlsbench.suite.ProtocolVersion;
import io.tlsbench.tool.report.NativeComparisons.NativeRecord;
import io.tlsbench.tool.report.Records.Op;
import io.tlsbench.tool.report.Records.Rec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * tlsbench's core record layer per suite, against its provider's own limit and openssl; the
 * records-by-suite and throughput-by-size charts; the records' "% of native" bars.
 */
final class RecordsSection implements Section {

    static final String CHART_RECORDS = "chart-records-by-suite.svg";
    static final String CHART_SIZES = "chart-throughput-vs-size.svg";
    private static final String MBPS_AXIS = "throughput (MB/s, 10⁶ bytes/s)";

    @Override
    public void write(ReportDocument doc) {
        RunFolder run = doc.run;
        List<Rec> recs = Records.of(run, false, false);
        if (recs.isEmpty()) {
            return;
        }
        StringBuilder md = doc.md;
        md.append("## Records\n\n");
        md.append("tlsbench's core record layer: one record sealed or opened per operation. **of limit** is the figure "
                + "as a fraction of its provider's own limit for that record, 1/(1/cipher + 1/mac) in records/s from the "
                + "cipher (encrypt for seal, decrypt for open) and MAC ceiling benchmarks of this run at the same size "
                + "(the cipher alone for GCM); shown where both ceilings were measured. **of native** is the figure as a "
                + "fraction of the matching `openssl speed` figure of this run (formulas below).\n\n");
        for (RecordSuite suite : Lists.distinct(recs, Rec::suite)) {
            md.append("### ").append(suite.label()).append("\n\n");
            RecordTable.write(doc, Lists.filter(recs, r -> r.suite() == suite), false);
        }
        formulas(doc, recs);
        List<Rec> all = new ArrayList<>(recs);
        all.addAll(Records.of(run, true, false));
        chartBySuite(doc, all);
        chartBySize(doc, all);
        nativeBars(doc, recs);
    }

    private static void formulas(ReportDocument doc, List<Rec> recs) {
        List<String> formulas = new ArrayList<>();
        for (RecordSuite suite : Lists.distinct(recs, Rec::suite)) {
            for (Op op : Op.values()) {
                for (int size : Lists.distinct(recs, Rec::size)) {
                    NativeRecord n = NativeComparisons.record(doc.run.natives, suite, op, size);
                    String line = n == null ? null : "- " + suite.label() + " " + op.label() + ": " + n.formula();
                    if (line != null && !formulas.contains(line)) {
                        formulas.add(line);
                    }
                }
            }
        }
        StringBuilder md = doc.md;
        if (!formulas.isEmpty()) {
            md.append("Native figures used for **of native**:\n\n");
            formulas.forEach(l -> md.append(l).append('\n'));
            md.append('\n');
        } else {
            md.append("No **of native** column: ").append(doc.run.natives.available()
                    ? "openssl.json has no figure matching these records" : doc.run.natives.absence()).append(".\n\n");
        }
    }

    /** Chart (a): providers and engines side by side per suite, seal at the largest size (16 KB). */
    private static void chartBySuite(ReportDocument doc, List<Rec> all) {
        int size = Lists.distinct(all, Rec::size).stream().max(Integer::compare).orElse(0);
        ProtocolVersion version = Lists.prefer(Lists.distinct(all, Rec::version), ProtocolVersion.TLS12);
        BufferKind buffer = Lists.prefer(Lists.distinct(all, Rec::buffer), BufferKind.HEAP);
        List<Rec> pick = Lists.filter(all, r -> r.op() == Op.SEAL && r.size() == size && r.version() == version
                && r.buffer() == buffer && r.rest().isEmpty());
        if (pick.isEmpty()) {
            return;
        }
        List<String> suites = Lists.distinct(pick, r -> r.suite().label());
        List<String> series = Lists.distinct(pick, Rec::label);
        double[][] v = nan(series.size(), suites.size());
        for (Rec r : pick) {
            v[series.indexOf(r.label())][suites.indexOf(r.suite().label())] = r.bytesPerSecond() / 1e6;
        }
        String title = "Records sealed per second by suite, " + Fmt.size(size) + " records (" + version.shortName + ", "
                + buffer.label() + " buffers)";
        doc.chart(CHART_RECORDS, title, SvgChart.groupedBars(title, "cipher suite", MBPS_AXIS, suites, series, v, RecordsSection::mb));
    }

    /** Chart (b): throughput against record size, a line per provider, AES-128-CBC-SHA seal (or the first suite). */
    private static void chartBySize(ReportDocument doc, List<Rec> all) {
        RecordSuite suite = Lists.prefer(Lists.distinct(all, Rec::suite), RecordSuite.AES_128_CBC_SHA);
        ProtocolVersion version = Lists.prefer(Lists.distinct(Lists.filter(all, r -> r.suite() == suite), Rec::version),
                ProtocolVersion.TLS12);
        BufferKind buffer = Lists.prefer(Lists.distinct(all, Rec::buffer), BufferKind.HEAP);
        List<Rec> pick = Lists.filter(all, r -> r.suite() == suite && r.op() == Op.SEAL && r.version() == version
                && r.buffer() == buffer && r.rest().isEmpty());
        if (pick.isEmpty()) {
            return;
        }
        List<Integer> sizes = Lists.distinct(pick, Rec::size);
        sizes.sort(Integer::compare);
        List<String> series = Lists.distinct(pick, Rec::label);
        double[][] v = nan(series.size(), sizes.size());
        for (Rec r : pick) {
            v[series.indexOf(r.label())][sizes.indexOf(r.size())] = r.bytesPerSecond() / 1e6;
        }
        String title = suite.label() + " seal: throughput against record size (" + version.shortName + ", " + buffer.label()
                + " buffers)";
        doc.chart(CHART_SIZES, title, SvgChart.lines(title, "record size (bytes, log scale)", MBPS_AXIS, sizes, series, v,
                RecordsSection::mb));
    }

    /** The "% of native" bars: records at 16 KB (or the largest size), preferred version and buffer. */
    private static void nativeBars(ReportDocument doc, List<Rec> recs) {
        int size = Lists.distinct(recs, Rec::size).stream().max(Integer::compare).orElse(0);
        ProtocolVersion version = Lists.prefer(Lists.distinct(recs, Rec::version), ProtocolVersion.TLS12);
        BufferKind buffer = Lists.prefer(Lists.distinct(recs, Rec::buffer), BufferKind.HEAP);
        for (Rec r : recs) {
            if (r.size() == size && r.version() == version && r.buffer() == buffer && r.rest().isEmpty()) {
                NativeRecord n = NativeComparisons.record(doc.run.natives, r.suite(), r.op(), r.size());
                if (n != null) {
                    doc.addNative(r.suite().label() + " " + r.op().label() + " · " + r.impl() + " (" + Fmt.size(size) + ")",
                            r.bytesPerSecond() / n.bytesPerSecond(),
                            "records, " + Fmt.size(size) + " " + version.shortName + " " + buffer.label());
                }
            }
        }
    }

    static double[][] nan(int rows, int cols) {
        double[][] v = new double[rows][cols];
        for (double[] r : v) {
            Arrays.fill(r, Double.NaN);
        }
        return v;
    }

    private static String mb(double v) {
        return v == 0 ? "0" : v >= 100 ? String.format(Locale.ROOT, "%,.0f", v) : v >= 10 ? String.format(Locale.ROOT, "%.1f", v)
                : String.format(Locale.ROOT, "%.2f", v);
    }
}
