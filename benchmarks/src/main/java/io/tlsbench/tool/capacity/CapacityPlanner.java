package io.tlsbench.tool.capacity;

import io.tlsbench.bench.axis.HandshakeMode;
import io.tlsbench.bench.axis.ProviderConfig;
import io.tlsbench.bench.axis.RecordSuite;
import io.tlsbench.bench.axis.Stack;
import io.tlsbench.suite.CipherSuite;
import io.tlsbench.suite.ProtocolVersion;
import io.tlsbench.tool.capacity.RecordFigures.AtSize;
import io.tlsbench.tool.report.Fmt;
import io.tlsbench.tool.report.Handshakes;
import io.tlsbench.tool.report.Handshakes.Handshake;
import io.tlsbench.tool.report.Lists;
import io.tlsbench.tool.report.RunFolder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The capacity planner behind {@code tlsbench capacity}: cores needed per provider configuration
 * and stack, from one run folder's handshake and record figures.
 *
 * <pre>
 * cores_full    = N × (1 − R) / full handshakes per second per core
 * cores_resumed = N × R / resumed handshakes per second per core
 * cores_records = (G × 10⁹ / 8 / 2) / seal bytes/s  +  (G × 10⁹ / 8 / 2) / open bytes/s
 * total         = ⌈(cores_full + cores_resumed + cores_records) / U⌉
 * </pre>
 *
 * <p>G is the total traffic of both directions, split evenly: a server (an echo server, a proxy)
 * opens the records it receives and seals the ones it sends, so half of G is sealed and half
 * opened. Figures are per core because every benchmark runs in one thread. A handshake benchmark
 * runs client and server in that thread; the server's share is used where the run has it (a
 * server-side figure, or the pair's figure divided by the server's fraction of the time from
 * HandshakeBenchmark's serverNs / clientNs counters), otherwise the pair's figure (which
 * overstates the server's cost) and the output says so. Record figures: {@link RecordFigures}.
 */
public final class CapacityPlanner {

    /** The suite planned when none is asked for (a compile-time constant: the --suite option's help names it). */
    public static final String DEFAULT_SUITE = "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256";

    private CapacityPlanner() {
    }

    /** One provider configuration and stack: the cores per part, the total, and the arithmetic. */
    public record Line(Stack stack, ProviderConfig config, double full, double resumed, double records, double sum, int cores,
                       List<String> arithmetic) {
        public String name() {
            return stack.label() + " · " + config.label();
        }
    }

    /** The plan: the suite, a line per configuration that could be planned, what was skipped and why. */
    public record Plan(CipherSuite suite, String recordSuite, List<Line> lines, List<String> skipped, Line cheapest) {
    }

    /** Plans capacity from a run folder. Throws IllegalArgumentException (exit 2) for bad inputs or missing data. */
    public static Plan plan(RunFolder run, CapacityInputs in) {
        in.validate();
        List<Handshake> hs = Handshakes.of(run);
        if (hs.isEmpty()) {
            throw new IllegalArgumentException("no handshake figures in " + run.dir.resolve("jmh.json")
                    + ": capacity needs a run with the handshake benchmark");
        }
        CipherSuite suite = suite(run, hs, in);
        Plan p = attempt(run, hs, suite, in);
        if (p.lines().isEmpty()) {
            throw new IllegalArgumentException("no provider configuration has both handshake and record figures for " + suite
                    + " (" + String.join("; ", p.skipped()) + ")");
        }
        return p;
    }

    /** The suite asked for, else the default when the run has it, else the first suite that can be planned, else the first. */
    private static CipherSuite suite(RunFolder run, List<Handshake> hs, CapacityInputs in) {
        List<CipherSuite> suites = Lists.distinct(hs, Handshake::suite);
        String wanted = in.suite() != null ? in.suite().trim() : DEFAULT_SUITE;
        for (CipherSuite s : suites) {
            if (s.name.equalsIgnoreCase(wanted)) {
                return s;
            }
        }
        if (in.suite() != null) {
            List<String> names = Lists.distinct(suites, s -> s.name);
            throw new IllegalArgumentException("unknown suite '" + in.suite() + "': the run has handshake figures for "
                    + String.join(", ", names));
        }
        for (CipherSuite s : suites) {
            if (!attempt(run, hs, s, in).lines().isEmpty()) {
                return s;
            }
        }
        return suites.get(0);
    }

    private static Plan attempt(RunFolder run, List<Handshake> hs, CipherSuite suite, CapacityInputs in) {
        Map<List<Object>, List<Handshake>> byConfig = new LinkedHashMap<>();
        for (Handshake h : hs) {
            if (h.suite() == suite) {
                byConfig.computeIfAbsent(List.of(h.stack(), h.config()), k -> new ArrayList<>()).add(h);
            }
        }
        List<Line> lines = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (List<Handshake> group : byConfig.values()) {
            Line l = line(run, group, suite, in, skipped);
            if (l != null) {
                lines.add(l);
            }
        }
        Line cheapest = null;
        for (Line l : lines) {
            if (cheapest == null || l.cores() < cheapest.cores() || (l.cores() == cheapest.cores() && l.sum() < cheapest.sum())) {
                cheapest = l;
            }
        }
        return new Plan(suite, RecordSuite.shortName(suite), lines, skipped, cheapest);
    }

    /** One configuration's cores with the arithmetic shown; null (and why, in skipped) when it lacks figures. */
    private static Line line(RunFolder run, List<Handshake> group, CipherSuite suite, CapacityInputs in, List<String> skipped) {
        Stack stack = group.get(0).stack();
        ProviderConfig config = group.get(0).config();
        String name = stack.label() + " · " + config.label();
        double n = in.newConnectionsPerSecond();
        double r = in.resumptionRatio();
        Handshake full = choose(group, HandshakeMode.FULL);
        Handshake resumed = choose(group, HandshakeMode.RESUMED);
        if (full == null && n * (1 - r) > 0) {
            skipped.add(name + ": no full-handshake figure");
            return null;
        }
        if (resumed == null && n * r > 0) {
            skipped.add(name + ": no resumed-handshake figure (and --resumption-ratio is " + Fmt.g(r) + ")");
            return null;
        }
        RecordFigures.Source src = RecordFigures.of(run, stack, config, suite, full != null ? full : resumed);
        if (src.seal().isEmpty()) {
            skipped.add(name + ": no " + RecordSuite.shortName(suite) + " record figures (" + src.description() + ")");
            return null;
        }
        List<String> a = new ArrayList<>();
        double cFull = handshakeCores(a, "full handshakes:   ", full, n * (1 - r), Fmt.g(n) + " × (1 − " + Fmt.g(r) + ")", 1);
        double cRes = handshakeCores(a, "resumed handshakes:", resumed, n * r, Fmt.g(n) + " × " + Fmt.g(r), 0);
        double cRec = recordCores(a, src, in);
        double sum = cFull + cRes + cRec;
        int cores = (int) Math.ceil(sum / in.targetUtilization() - 1e-9);
        a.add("total: (" + Fmt.g(cFull) + " + " + Fmt.g(cRes) + " + " + Fmt.g(cRec) + ") / " + Fmt.g(in.targetUtilization())
                + " = " + Fmt.g(sum / in.targetUtilization()) + " → " + cores + " cores");
        return new Line(stack, config, cFull, cRes, cRec, sum, cores, a);
    }

    /** Cores for one kind of handshake (none needed when the resumption ratio rules it out). */
    private static double handshakeCores(List<String> a, String what, Handshake h, double perSecond, String load, int noneRatio) {
        if (h == null) {
            a.add(what + " none needed (--resumption-ratio " + noneRatio + ")");
            return 0;
        }
        double cores = perSecond / rate(h);
        a.add(what + " " + load + " / " + Fmt.g(rate(h)) + " per core = " + Fmt.g(cores) + " cores   [" + side(h) + "]");
        return cores;
    }

    /** Cores for record protection: half of G sealed, half opened, at the record size. */
    private static double recordCores(List<String> a, RecordFigures.Source src, CapacityInputs in) {
        double total = in.throughputGbps() * 1e9 / 8;
        double each = total / 2;
        AtSize seal = RecordFigures.at(src.seal(), in.recordSize());
        boolean openMeasured = !src.open().isEmpty();
        AtSize open = openMeasured ? RecordFigures.at(src.open(), in.recordSize()) : seal;
        double cSeal = each / seal.bytesPerSecond();
        double cOpen = each / open.bytesPerSecond();
        a.add("record protection:  " + Fmt.g(in.throughputGbps()) + " Gbit/s = " + Fmt.g(total) + " B/s, half sealed, half opened = "
                + Fmt.g(each) + " B/s each way   [" + src.description() + "]");
        a.add("  seal: " + Fmt.g(each) + " / " + Fmt.g(seal.bytesPerSecond()) + " B/s per core = " + Fmt.g(cSeal)
                + " cores   [" + seal.how() + "]");
        a.add("  open: " + Fmt.g(each) + " / " + Fmt.g(open.bytesPerSecond()) + " B/s per core = " + Fmt.g(cOpen)
                + " cores   [" + (openMeasured ? open.how() : "no open figure: the seal figure is used") + "]");
        a.add("  records: " + Fmt.g(cSeal) + " + " + Fmt.g(cOpen) + " = " + Fmt.g(cSeal + cOpen) + " cores");
        return cSeal + cOpen;
    }

    /** Handshakes per second per server core: the server's share where known, else the pair's figure. */
    private static double rate(Handshake h) {
        double s = h.serverPerSecond();
        return s > 0 && !Double.isInfinite(s) ? s : h.perSecond();
    }

    private static String side(Handshake h) {
        String s;
        if (h.server()) {
            s = "server's share, measured";
        } else if (h.serverFraction() > 0) {
            s = "server's share: " + Fmt.g(h.perSecond()) + " pair handshakes/s ÷ " + Fmt.g(h.serverFraction())
                    + " (serverNs / (serverNs + clientNs))";
        } else {
            s = "client + server pair in one thread: overstates the server's cost";
        }
        return h.otherText().isEmpty() ? s : h.otherText() + "; " + s;
    }

    /**
     * A mode's figure for one configuration: a measured server's share first, then a pair figure
     * with the server's fraction, then TLS 1.2, then the first.
     */
    private static Handshake choose(List<Handshake> group, HandshakeMode mode) {
        Handshake best = null;
        int bestScore = -1;
        String tls12 = ProtocolVersion.TLS12.shortName;
        for (Handshake h : group) {
            if (h.mode() != mode || !(h.perSecond() > 0)) {
                continue;
            }
            int score = (h.server() ? 4 : h.serverFraction() > 0 ? 2 : 0)
                    + (tls12.equals(h.other().getOrDefault("version", tls12)) ? 1 : 0);
            if (score > bestScore) {
                best = h;
                bestScore = score;
            }
        }
        return best;
    }
}
