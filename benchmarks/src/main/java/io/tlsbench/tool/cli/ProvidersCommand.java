package io.tlsbench.tool.cli;

import io.tlsbench.provider.Primitive;
import io.tlsbench.provider.ProviderSet;
import io.tlsbench.provider.Providers;
import io.tlsbench.provider.SuiteSupport;
import io.tlsbench.suite.CipherSuite;
import io.tlsbench.tool.Messages;
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
        print(out, primitives(sets));

        out.println();
        out.println("record protection per suite (cipher and MAC primitives offered):");
        print(out, recordProtection(sets));

        out.println();
        out.println("providers:");
        print(out, status(sets));

        out.println();
        out.println("missing:");
        List<String[]> gaps = gaps(sets);
        if (gaps.isEmpty()) {
            out.println("  nothing");
        }
        print(out, gaps);
        return 0;
    }

    /** The provider x primitive matrix: "yes" where getInstance succeeds. */
    private static List<String[]> primitives(List<ProviderSet> sets) {
        List<String[]> matrix = new ArrayList<>();
        matrix.add(header(sets, "primitive", "JCA"));
        for (Primitive p : Primitive.values()) {
            String[] row = new String[sets.size() + 2];
            row[0] = p.name();
            row[1] = p.type + " " + p.algorithm();
            for (int i = 0; i < sets.size(); i++) {
                row[i + 2] = sets.get(i).probe(p) == null ? "yes" : "-";
            }
            matrix.add(row);
        }
        return matrix;
    }

    /** Per suite, which configurations offer its record cipher and MAC ({@link SuiteSupport#records(CipherSuite)}). */
    private static List<String[]> recordProtection(List<ProviderSet> sets) {
        List<String[]> records = new ArrayList<>();
        records.add(header(sets, "  suite"));
        for (CipherSuite suite : CipherSuite.all()) {
            String[] row = new String[sets.size() + 1];
            row[0] = "  " + suite.name;
            for (int i = 0; i < sets.size(); i++) {
                row[i + 1] = SuiteSupport.of(sets.get(i)).records(suite) == null ? "yes" : "-";
            }
            records.add(row);
        }
        return records;
    }

    /** A table's header: the leading columns' titles, then one column per configuration. */
    private static String[] header(List<ProviderSet> sets, String... leading) {
        String[] header = new String[leading.length + sets.size()];
        System.arraycopy(leading, 0, header, 0, leading.length);
        for (int i = 0; i < sets.size(); i++) {
            header[leading.length + i] = sets.get(i).id().displayName;
        }
        return header;
    }

    /** Each configuration: available or not, and what it is (or why not). */
    private static List<String[]> status(List<ProviderSet> sets) {
        List<String[]> status = new ArrayList<>();
        for (ProviderSet s : sets) {
            status.add(new String[] {"  " + s.id().displayName, s.available() ? "available" : "unavailable",
                    s.available() ? s.describe() : Messages.oneLine(s.unavailableReason())});
        }
        return status;
    }

    /** Per configuration, in the matrix's order: all of it when unavailable, else each primitive it lacks and why. */
    private static List<String[]> gaps(List<ProviderSet> sets) {
        List<String[]> gaps = new ArrayList<>();
        for (ProviderSet s : sets) {
            if (!s.available()) {
                gaps.add(new String[] {"  " + s.id().displayName, "(all)",
                        "not available: " + Messages.oneLine(s.unavailableReason())});
                continue;
            }
            for (Primitive p : Primitive.values()) {
                String reason = s.probe(p);
                if (reason != null) {
                    gaps.add(new String[] {"  " + s.id().displayName, p.name(), Messages.oneLine(reason)});
                }
            }
        }
        return gaps;
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
}
