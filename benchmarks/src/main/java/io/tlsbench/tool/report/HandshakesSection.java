package io.tlsbench.tool.report;

import io.tlsbench.bench.axis.HandshakeMode;
import io.tlsbench.suite.CipherSuite;
import io.tlsbench.tool.report.Handshakes.Handshake;
import io.tlsbench.tool.report.NativeComparisons.NativeHandshake;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Handshakes per second per suite, stack, provider configuration and mode, against JSSE and openssl; two charts. */
final class HandshakesSection implements Section {

    static final String CHART_FULL = "chart-handshakes.svg";
    static final String CHART_RESUMED = "chart-handshakes-resumed.svg";

    @Override
    public void write(ReportDocument doc) {
        List<Handshake> hs = Handshakes.of(doc.run);
        if (hs.isEmpty()) {
            return;
        }
        StringBuilder md = doc.md;
        md.append("## Handshakes\n\n");
        md.append("Handshakes per second, client and server in one thread (a full in-memory handshake pays both sides' "
                + "cryptography) unless **side** says server. **server share** is the server's part of that time, "
                + "serverNs / (serverNs + clientNs) from the benchmark's counters of the time spent in each side's engine "
                + "calls (the capacity planner divides by it). **× JSSE** is the figure over the JDK's JSSE with its "
                + "default providers (configuration jdk) for the same suite and mode in this run. **of native** compares a "
                + "full handshake with the openssl speed figures of this run (formulas below).\n\n");
        boolean hasOther = hs.stream().anyMatch(h -> !h.other().isEmpty());
        md.append("| suite | stack | providers | mode | side | ").append(hasOther ? "params | " : "")
                .append("handshakes/s | B/op | server share | × JSSE | of native |\n|---|---|---|---|---|").append(hasOther ? "---|" : "")
                .append("---:|---:|---:|---:|---:|\n");
        List<CipherSuite> suites = Lists.distinct(hs, Handshake::suite);
        List<HandshakeMode> modes = Lists.distinct(hs, Handshake::mode);
        List<Handshake> sorted = new ArrayList<>(hs);
        sorted.sort(Comparator.<Handshake>comparingInt(h -> suites.indexOf(h.suite())).thenComparingInt(h -> modes.indexOf(h.mode())));
        Set<String> formulas = new LinkedHashSet<>();
        for (Handshake h : sorted) {
            row(doc, h, hs, hasOther, formulas);
        }
        md.append('\n');
        if (!formulas.isEmpty()) {
            md.append("Native handshakes per second used for **of native** (full handshakes; the client's and the "
                    + "server's operations both counted, as the benchmark runs both):\n\n");
            formulas.forEach(f -> md.append(f).append('\n'));
            md.append('\n');
        }
        chart(doc, hs, HandshakeMode.FULL, CHART_FULL);
        chart(doc, hs, HandshakeMode.RESUMED, CHART_RESUMED);
    }

    private static void row(ReportDocument doc, Handshake h, List<Handshake> hs, boolean hasOther, Set<String> formulas) {
        Handshake b = jsseBaseline(h, hs);
        String vs = b == null ? "—" : b == h ? "baseline" : Fmt.ratioPm(h.perSecond() / b.perSecond(),
                Fmt.ratioError(h.perSecond(), h.error(), b.perSecond(), b.error()));
        NativeHandshake n = NativeComparisons.handshake(doc.run.natives, h.suite(), h.mode(), h.other());
        if (n != null) {
            formulas.add("- " + h.suite().keyExchange.name() + ": " + n.formula());
            doc.addNative(h.suite().name + " · " + h.stack().label() + " " + h.config().label() + (h.server() ? " (server)" : ""),
                    h.perSecond() / n.perSecond(), "full handshakes");
        }
        StringBuilder md = doc.md;
        md.append("| ").append(Fmt.cell(h.suite().name)).append(" | ").append(Fmt.cell(h.stack().label())).append(" | ")
                .append(Fmt.cell(h.config().label())).append(" | ").append(Fmt.cell(h.mode().label())).append(" | ")
                .append(h.server() ? "server" : "pair").append(" | ");
        if (hasOther) {
            md.append(Fmt.cell(h.otherText())).append(" | ");
        }
        md.append(Fmt.pm(h.perSecond(), h.error())).append(" | ").append(Fmt.bop(h.result().bytesPerOp())).append(" | ")
                .append(h.server() || Double.isNaN(h.serverFraction()) ? "—" : Fmt.pct(h.serverFraction())).append(" | ")
                .append(vs).append(" | ").append(n == null ? "—" : Fmt.pct(h.perSecond() / n.perSecond())).append(" |\n");
    }

    /** The JSSE row to compare a handshake with: same suite, mode, side and other params; the JDK's default providers first. */
    static Handshake jsseBaseline(Handshake h, List<Handshake> all) {
        Handshake first = null;
        for (Handshake b : all) {
            if (b.jsse() && b.suite() == h.suite() && b.mode() == h.mode() && b.server() == h.server()
                    && b.other().equals(h.other()) && b.result().method().equals(h.result().method())) {
                if (b.config().jdkDefault()) {
                    return b;
                }
                if (first == null) {
                    first = b;
                }
            }
        }
        return first;
    }

    /** Chart (c): handshakes per second per suite (groups) and stack + providers (bars), for one mode. */
    private static void chart(ReportDocument doc, List<Handshake> hs, HandshakeMode mode, String file) {
        List<Handshake> m = Lists.filter(hs, h -> h.mode() == mode);
        boolean pairs = m.stream().anyMatch(h -> !h.server());
        m.removeIf(h -> h.server() == pairs);
        if (m.isEmpty()) {
            return;
        }
        List<String> suites = Lists.distinct(m, h -> h.suite().name);
        List<String> series = Lists.distinct(m, HandshakesSection::series);
        double[][] v = RecordsSection.nan(series.size(), suites.size());
        for (Handshake h : m) {
            int s = series.indexOf(series(h));
            int c = suites.indexOf(h.suite().name);
            if (Double.isNaN(v[s][c])) {
                v[s][c] = h.perSecond();
            }
        }
        String title = (mode == HandshakeMode.FULL ? "Full" : "Resumed") + " handshakes per second by suite and stack"
                + (pairs ? " (client + server, one thread)" : " (server's share)");
        doc.chart(file, title, SvgChart.groupedBars(title, "cipher suite", "handshakes per second (1/s)", suites, series, v, Fmt::num));
    }

    private static String series(Handshake h) {
        return h.stack().label() + " · " + h.config().label();
    }
}
