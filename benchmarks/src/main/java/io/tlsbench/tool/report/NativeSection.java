package io.tlsbench.tool.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** openssl speed's figures of this run, and the "% of native" chart of the bars the earlier sections gathered. */
final class NativeSection implements Section {

    static final String CHART_NATIVE = "chart-native.svg";

    @Override
    public void write(ReportDocument doc) {
        NativeFigures nf = doc.run.natives;
        StringBuilder md = doc.md;
        md.append("## Native reference (openssl speed)\n\n");
        if (!nf.available()) {
            md.append(nf.absence()).append(": no % of native in this report.\n\n");
            return;
        }
        md.append(nf.version()).append(", measured in this run. Bulk figures in MB/s by block size; asymmetric "
                + "operations per second.\n\n");
        table(md, nf);
        if (!doc.nativeLabels.isEmpty()) {
            chart(doc);
        }
    }

    private static void table(StringBuilder md, NativeFigures nf) {
        JsonNode algs = nf.root().path("algorithms");
        List<String> sizes = new ArrayList<>();
        nf.root().path("sizes").forEach(s -> sizes.add(s.asText()));
        if (sizes.isEmpty()) {
            sizes.addAll(List.of("64", "1024", "16384"));
        }
        md.append("| algorithm |");
        sizes.forEach(s -> md.append(' ').append(Fmt.size(Integer.parseInt(s))).append(" |"));
        md.append(" sign/s | verify/s | derive/s |\n|---|");
        sizes.forEach(s -> md.append("---:|"));
        md.append("---:|---:|---:|\n");
        for (Iterator<Map.Entry<String, JsonNode>> it = algs.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode a = e.getValue();
            md.append("| ").append(Fmt.cell(e.getKey())).append(" |");
            if (a.has("error")) {
                md.append(" ").append(Fmt.cell("not measured: " + a.path("error").asText())).append(" |");
                for (int i = 1; i < sizes.size() + 3; i++) {
                    md.append(" |");
                }
                md.append('\n');
                continue;
            }
            for (String s : sizes) {
                double v = JmhResult.number(a.path("bytes_per_second").path(s));
                md.append(' ').append(Double.isNaN(v) ? "" : Fmt.mbps(v)).append(" |");
            }
            for (String k : List.of("sign_per_second", "verify_per_second", "derive_per_second")) {
                double v = JmhResult.number(a.path(k));
                md.append(' ').append(Double.isNaN(v) ? "" : Fmt.num(v)).append(" |");
            }
            md.append('\n');
        }
        md.append('\n');
    }

    private static void chart(ReportDocument doc) {
        doc.md.append("### % of native\n\n");
        List<String> groups = new ArrayList<>(new LinkedHashSet<>(doc.nativeGroups));
        int[] g = new int[doc.nativeGroups.size()];
        double[] v = new double[doc.nativeValues.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = doc.nativeValues.get(i);
            g[i] = groups.indexOf(doc.nativeGroups.get(i));
        }
        String title = "tlsbench figures as a percentage of openssl speed (this run)";
        doc.chart(CHART_NATIVE, title, SvgChart.horizontalBars(title, "% of the native figure (100 % = openssl)", doc.nativeLabels,
                v, g, groups, 1.0, "openssl = 100 %", x -> String.format(Locale.ROOT, "%.0f %%", x * 100)));
    }
}
