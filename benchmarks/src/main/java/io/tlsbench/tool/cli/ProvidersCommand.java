package io.tlsbench.tool.cli;

import io.tlsbench.provider.Primitive;
import io.tlsbench.provider.ProviderSet;
import io.tlsbench.provider.Providers;
import io.tlsbench.provider.SuiteSupport;
import io.tlsbench.suite.CipherSuite;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code tlsbench providers}: which configuration offers which primitive, and why not. */
@Command(name = "providers",
        description = "Print the provider x primitive matrix (probed with getInstance), which providers can protect "
                + "each suite's records, each provider's version, and the reason for every gap.")
public final class ProvidersCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<ProviderSet> sets = Providers.all();

        List<String[]> matrix = new ArrayList<>();
        String[] header = new String[sets.size() + 2];
        header[0] = "primitive";
        header[1] = "JCA";
        for (int i = 0; i < sets.size(); i++) {
            header[i + 2] = sets.get(i).id().displayName;
        }
        matrix.add(header);
        List<List<String[]>> missing = new ArrayList<>(); // per provider, in matrix order
        for (int i = 0; i < sets.size(); i++) {
            missing.add(new ArrayList<>());
        }
        for (Primitive p : Primitive.values()) {
            String[] row = new String[sets.size() + 2];
            row[0] = p.name();
            row[1] = p.type + " " + p.algorithm();
            for (int i = 0; i < sets.size(); i++) {
                ProviderSet s = sets.get(i);
                String reason = s.probe(p);
                row[i + 2] = reason == null ? "yes" : "-";
                if (reason != null && s.available()) {
                    missing.get(i).add(new String[] {"  " + s.id().displayName, p.name(), oneLine(reason)});
                }
            }
            matrix.add(row);
        }
        print(out, matrix);

        out.println();
        out.println("record protection per suite (cipher and MAC primitives offered):");
        List<String[]> records = new ArrayList<>();
        String[] recordHeader = new String[sets.size() + 1];
        recordHeader[0] = "  suite";
        for (int i = 0; i < sets.size(); i++) {
            recordHeader[i + 1] = sets.get(i).id().displayName;
        }
        records.add(recordHeader);
        for (CipherSuite suite : CipherSuite.all()) {
            String[] row = new String[sets.size() + 1];
            row[0] = "  " + suite.name;
            for (int i = 0; i < sets.size(); i++) {
                row[i + 1] = SuiteSupport.of(sets.get(i)).records(suite) == null ? "yes" : "-";
            }
            records.add(row);
        }
        print(out, records);

        out.println();
        out.println("providers:");
        List<String[]> status = new ArrayList<>();
        for (ProviderSet s : sets) {
            status.add(new String[] {"  " + s.id().displayName, s.available() ? "available" : "unavailable",
                    s.available() ? s.describe() : oneLine(s.unavailableReason())});
        }
        print(out, status);

        out.println();
        out.println("missing:");
        List<String[]> gaps = new ArrayList<>();
        for (int i = 0; i < sets.size(); i++) {
            ProviderSet s = sets.get(i);
            if (!s.available()) {
                gaps.add(new String[] {"  " + s.id().displayName, "(all)", "not available: " + oneLine(s.unavailableReason())});
            }
            gaps.addAll(missing.get(i));
        }
        if (gaps.isEmpty()) {
            out.println("  nothing");
        }
        print(out, gaps);
        return 0;
    }

    /** Left-aligned columns, two spaces apart; the last column is not padded. */
    private static void print(PrintWriter out, List<String[]> rows) {
        int cols = rows.isEmpty() ? 0 : rows.get(0).length;
        int[] width = new int[cols];
        for (String[] r : rows) {
            for (int c = 0; c < cols; c++) {
                width[c] = Math.max(width[c], r[c].length());
            }
        }
        for (String[] r : rows) {
            StringBuilder sb = new StringBuilder();
            for (int c = 0; c < cols; c++) {
                sb.append(r[c]);
                if (c < cols - 1) {
                    sb.append(" ".repeat(width[c] - r[c].length() + 2));
                }
            }
            out.println(sb);
        }
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").trim();
    }
}
