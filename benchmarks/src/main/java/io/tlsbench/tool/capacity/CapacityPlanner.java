package io.tlsbench.tool.capacity;

import io.tlsbench.tool.report.RunFolder;
import io.tlsbench.tool.report.Fmt;
import io.tlsbench.tool.report.Handshakes;
import io.tlsbench.tool.report.Records;
import io.tlsbench.tool.report.Suites;
import io.tlsbench.tool.report.Handshakes.Handshake;
import io.tlsbench.tool.report.Records.Rec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

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
 * overstates the server's cost) and the output says so.
 *
 * <p>Record figures at the record size B: the measured figure when B was measured; otherwise the
 * time per record interpolated linearly in size between the two nearest measured sizes (a
 * record's cost is a fixed part plus a part per byte); below the smallest measured size the
 * smallest size's time per record (an upper bound). The output says which.
 */
public final class CapacityPlanner {

    public static final String DEFAULT_SUITE = "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256";
    /** Largest TLS plaintext record (2^14). */
    public static final int MAX_RECORD = 16384;

    private CapacityPlanner() {
    }

    /** What the planner is asked: N new connections/s, resumption ratio R, G Gbit/s, record size B, suite, utilization U. */
    public record Inputs(double newConnectionsPerSecond, double resumptionRatio, double throughputGbps, int recordSize,
                         String suite, double targetUtilization) {

        /** Throws IllegalArgumentException (exit 2) for an input outside its range. */
        public void validate() {
            if (!(newConnectionsPerSecond >= 0) || Double.isInfinite(newConnectionsPerSecond)) {
                throw new IllegalArgumentException("--new-connections-per-s must be a number ≥ 0, not " + Fmt.g(newConnectionsPerSecond));
            }
            if (!(resumptionRatio >= 0 && resumptionRatio <= 1)) {
                throw new IllegalArgumentException("--resumption-ratio must be between 0 and 1, not " + Fmt.g(resumptionRatio));
            }
            if (!(throughputGbps >= 0) || Double.isInfinite(throughputGbps)) {
                throw new IllegalArgumentException("--throughput-gbps must be a number ≥ 0, not " + Fmt.g(throughputGbps));
            }
            if (recordSize < 1 || recordSize > MAX_RECORD) {
                throw new IllegalArgumentException("--record-size must be between 1 and " + MAX_RECORD + " bytes, not " + recordSize);
            }
            if (!(targetUtilization > 0 && targetUtilization <= 1)) {
                throw new IllegalArgumentException("--target-utilization must be in (0, 1], not " + Fmt.g(targetUtilization));
            }
        }
    }

    /** A record figure at the requested size: bytes per second and how it was obtained. */
    record AtSize(double bytesPerSecond, double recordsPerSecond, String how) {
    }

    /** One provider configuration and stack: the cores per part, the total, and the arithmetic. */
    public record Line(String stack, String config, double full, double resumed, double records, double sum, int cores,
                       List<String> arithmetic) {
        public String name() {
            return stack + " · " + config;
        }
    }

    /** The plan: the suite, a line per configuration that could be planned, what was skipped and why. */
    public record Plan(String suite, String recordSuite, List<Line> lines, List<String> skipped, Line cheapest) {
    }

    /** Plans capacity from a run folder. Throws IllegalArgumentException (exit 2) for bad inputs or missing data. */
    public static Plan plan(RunFolder run, Inputs in) {
        in.validate();
        List<Handshake> hs = Handshakes.of(run);
        if (hs.isEmpty()) {
            throw new IllegalArgumentException("no handshake figures in " + run.dir.resolve("jmh.json")
                    + ": capacity needs a run with the handshake benchmark");
        }
        List<String> suites = new ArrayList<>();
        for (Handshake h : hs) {
            if (!suites.contains(h.suite())) {
                suites.add(h.suite());
            }
        }
        String suite;
        if (in.suite() != null) {
            suite = null;
            for (String s : suites) {
                if (s.equalsIgnoreCase(in.suite().trim())) {
                    suite = s;
                }
            }
            if (suite == null) {
                throw new IllegalArgumentException("unknown suite '" + in.suite() + "': the run has handshake figures for "
                        + String.join(", ", suites));
            }
        } else {
            suite = null;
            for (String s : suites) {
                if (s.equalsIgnoreCase(DEFAULT_SUITE)) {
                    suite = s;
                }
            }
            if (suite == null) {
                for (String s : suites) {
                    if (suite == null && !attempt(run, hs, s, in).lines().isEmpty()) {
                        suite = s;
                    }
                }
            }
            if (suite == null) {
                suite = suites.get(0);
            }
        }
        Plan p = attempt(run, hs, suite, in);
        if (p.lines().isEmpty()) {
            throw new IllegalArgumentException("no provider configuration has both handshake and record figures for " + suite
                    + " (" + String.join("; ", p.skipped()) + ")");
        }
        return p;
    }

    private static Plan attempt(RunFolder run, List<Handshake> hs, String suite, Inputs in) {
        String recordSuite = Suites.recordSuite(suite);
        Map<String, List<Handshake>> byConfig = new LinkedHashMap<>();
        for (Handshake h : hs) {
            if (h.suite().equals(suite)) {
                byConfig.computeIfAbsent(h.stack() + "\u0000" + h.config(), k -> new ArrayList<>()).add(h);
            }
        }
        List<Line> lines = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (List<Handshake> group : byConfig.values()) {
            String stack = group.get(0).stack();
            String config = group.get(0).config();
            String name = stack + " · " + config;
            double n = in.newConnectionsPerSecond();
            double r = in.resumptionRatio();
            Handshake full = choose(group, "full");
            Handshake resumed = choose(group, "resumed");
            if (full == null && n * (1 - r) > 0) {
                skipped.add(name + ": no full-handshake figure");
                continue;
            }
            if (resumed == null && n * r > 0) {
                skipped.add(name + ": no resumed-handshake figure (and --resumption-ratio is " + Fmt.g(r) + ")");
                continue;
            }
            RecordSource src = records(run, stack, config, recordSuite, full != null ? full : resumed);
            if (src.seal().isEmpty()) {
                skipped.add(name + ": no " + recordSuite + " record figures (" + src.description() + ")");
                continue;
            }
            List<String> a = new ArrayList<>();
            double cFull = 0;
            if (full != null) {
                cFull = n * (1 - r) / rate(full);
                a.add("full handshakes:    " + Fmt.g(n) + " × (1 − " + Fmt.g(r) + ") / " + Fmt.g(rate(full))
                        + " per core = " + Fmt.g(cFull) + " cores   [" + side(full) + "]");
            } else {
                a.add("full handshakes:    none needed (--resumption-ratio 1)");
            }
            double cRes = 0;
            if (resumed != null) {
                cRes = n * r / rate(resumed);
                a.add("resumed handshakes: " + Fmt.g(n) + " × " + Fmt.g(r) + " / " + Fmt.g(rate(resumed))
                        + " per core = " + Fmt.g(cRes) + " cores   [" + side(resumed) + "]");
            } else {
                a.add("resumed handshakes: none needed (--resumption-ratio 0)");
            }
            double total = in.throughputGbps() * 1e9 / 8;
            double each = total / 2;
            AtSize seal = at(src.seal(), in.recordSize());
            boolean openMeasured = !src.open().isEmpty();
            AtSize open = openMeasured ? at(src.open(), in.recordSize()) : seal;
            double cSeal = each / seal.bytesPerSecond();
            double cOpen = each / open.bytesPerSecond();
            double cRec = cSeal + cOpen;
            a.add("record protection:  " + Fmt.g(in.throughputGbps()) + " Gbit/s = " + Fmt.g(total) + " B/s, half sealed, half opened = "
                    + Fmt.g(each) + " B/s each way   [" + src.description() + "]");
            a.add("  seal: " + Fmt.g(each) + " / " + Fmt.g(seal.bytesPerSecond()) + " B/s per core = " + Fmt.g(cSeal)
                    + " cores   [" + seal.how() + "]");
            a.add("  open: " + Fmt.g(each) + " / " + Fmt.g(open.bytesPerSecond()) + " B/s per core = " + Fmt.g(cOpen)
                    + " cores   [" + (openMeasured ? open.how() : "no open figure: the seal figure is used") + "]");
            a.add("  records: " + Fmt.g(cSeal) + " + " + Fmt.g(cOpen) + " = " + Fmt.g(cRec) + " cores");
            double sum = cFull + cRes + cRec;
            int cores = (int) Math.ceil(sum / in.targetUtilization() - 1e-9);
            a.add("total: (" + Fmt.g(cFull) + " + " + Fmt.g(cRes) + " + " + Fmt.g(cRec) + ") / " + Fmt.g(in.targetUtilization())
                    + " = " + Fmt.g(sum / in.targetUtilization()) + " → " + cores + " cores");
            lines.add(new Line(stack, config, cFull, cRes, cRec, sum, cores, a));
        }
        Line cheapest = null;
        for (Line l : lines) {
            if (cheapest == null || l.cores() < cheapest.cores() || (l.cores() == cheapest.cores() && l.sum() < cheapest.sum())) {
                cheapest = l;
            }
        }
        return new Plan(suite, recordSuite, lines, skipped, cheapest);
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
    private static Handshake choose(List<Handshake> group, String mode) {
        Handshake best = null;
        int bestScore = -1;
        for (Handshake h : group) {
            if (!h.mode().equals(mode) || !(h.perSecond() > 0)) {
                continue;
            }
            int score = (h.server() ? 4 : h.serverFraction() > 0 ? 2 : 0)
                    + ("tls12".equals(h.other().getOrDefault("version", "tls12")) ? 1 : 0);
            if (score > bestScore) {
                best = h;
                bestScore = score;
            }
        }
        return best;
    }

    /** Record figures per size (records/s) for one stack and configuration, and where they come from. */
    record RecordSource(Map<Integer, Double> seal, Map<Integer, Double> open, String description) {
    }

    /**
     * The record figures that go with a handshake stack: the core's RecordBenchmark for the
     * provider the configuration names (stack core or tlsbench; configuration jdk or default →
     * sunjce, bc-first → bc, ...); the JDK's SSLEngine for JSSE;
     * otherwise an SSLEngine, or a core provider, named like the stack. Version: the handshake's
     * version parameter, else tls12 when measured; buffers: heap when measured.
     */
    static RecordSource records(RunFolder run, String stack, String config, String recordSuite, Handshake h) {
        String s = stack.toLowerCase(Locale.ROOT);
        List<Rec> core = Records.of(run, false, false);
        List<Rec> eng = Records.of(run, true, false);
        List<Rec> pick = new ArrayList<>();
        String from;
        if (s.equals("core") || s.equals("tlsbench")) {
            String provider = null;
            Set<String> providers = new LinkedHashSet<>(Records.distinct(core, Rec::impl));
            if (providers.contains(config)) {
                provider = config;
            } else if (Handshakes.DEFAULT_CONFIG.contains(config.toLowerCase(Locale.ROOT)) && providers.contains("sunjce")) {
                provider = "sunjce";
            } else {
                for (String token : config.split("[+,/ _-]")) {
                    if (provider == null && providers.contains(token.toLowerCase(Locale.ROOT))) {
                        provider = token.toLowerCase(Locale.ROOT);
                    }
                }
            }
            from = "RecordBenchmark provider=" + (provider == null ? config : provider);
            if (provider != null) {
                for (Rec r : core) {
                    if (r.impl().equals(provider)) {
                        pick.add(r);
                    }
                }
            }
        } else if (Handshakes.JSSE.contains(s)) {
            from = "JsseRecordBenchmark engine=jdk" + (Handshakes.DEFAULT_CONFIG.contains(config.toLowerCase(Locale.ROOT)) ? ""
                    : ", measured with the JDK's default providers");
            for (Rec r : eng) {
                if (r.impl().equals("jdk")) {
                    pick.add(r);
                }
            }
        } else {
            for (Rec r : eng) {
                if (r.impl().equalsIgnoreCase(stack)) {
                    pick.add(r);
                }
            }
            from = "JsseRecordBenchmark engine=" + stack;
            if (pick.isEmpty()) {
                for (Rec r : core) {
                    if (r.impl().equalsIgnoreCase(stack)) {
                        pick.add(r);
                    }
                }
                from = pick.isEmpty() ? "neither an SSLEngine nor a core provider named " + stack + " has record figures in this run"
                        : "RecordBenchmark provider=" + stack;
            }
        }
        List<Rec> suiteRecs = new ArrayList<>();
        for (Rec r : pick) {
            if (r.suite().equalsIgnoreCase(recordSuite) && r.rest().isEmpty()) {
                suiteRecs.add(r);
            }
        }
        String version = h != null && h.other().containsKey("version") && Records.distinct(suiteRecs, Rec::version).contains(h.other().get("version"))
                ? h.other().get("version") : Records.prefer(Records.distinct(suiteRecs, Rec::version), "tls12");
        String buffer = Records.prefer(Records.distinct(suiteRecs, Rec::buffer), "heap");
        Map<Integer, Double> seal = new TreeMap<>();
        Map<Integer, Double> open = new TreeMap<>();
        for (Rec r : suiteRecs) {
            if (r.version().equals(version) && r.buffer().equals(buffer) && r.opsPerSecond() > 0) {
                (r.op().equals("seal") ? seal : open).putIfAbsent(r.size(), r.opsPerSecond());
            }
        }
        String desc = from + ", " + recordSuite + (version == null || version.isEmpty() ? "" : ", " + version)
                + (buffer == null || buffer.isEmpty() ? "" : ", " + buffer + " buffers");
        return new RecordSource(seal, open, desc);
    }

    /** The figure at a record size: measured, interpolated (time per record linear in size), or bounded. */
    static AtSize at(Map<Integer, Double> recordsPerSecond, int size) {
        TreeMap<Integer, Double> m = new TreeMap<>(recordsPerSecond);
        Double exact = m.get(size);
        if (exact != null) {
            return new AtSize(exact * size, exact, "measured at " + Fmt.g(size) + " B: " + Fmt.g(exact) + " records/s × " + Fmt.g(size) + " B");
        }
        Map.Entry<Integer, Double> lo = m.floorEntry(size);
        Map.Entry<Integer, Double> hi = m.ceilingEntry(size);
        if (lo != null && hi != null) {
            double t0 = 1 / lo.getValue();
            double t1 = 1 / hi.getValue();
            double t = t0 + (t1 - t0) * (size - lo.getKey()) / (double) (hi.getKey() - lo.getKey());
            double rps = 1 / t;
            return new AtSize(rps * size, rps, "interpolated between " + Fmt.g(lo.getKey()) + " B and " + Fmt.g(hi.getKey())
                    + " B, time per record linear in size: " + Fmt.g(rps) + " records/s × " + Fmt.g(size) + " B");
        }
        if (hi != null) {
            double rps = hi.getValue();
            return new AtSize(rps * size, rps, "below the smallest measured size: " + Fmt.g(hi.getKey())
                    + " B's time per record used (an upper bound): " + Fmt.g(rps) + " records/s × " + Fmt.g(size) + " B");
        }
        double bps = lo.getValue() * lo.getKey();
        return new AtSize(bps, bps / size, "above the largest measured size: " + Fmt.g(lo.getKey()) + " B's bytes/s used");
    }

    /** The plan as text: inputs, a block of arithmetic per configuration, what was skipped, the cheapest. */
    public static String format(RunFolder run, Plan p, Inputs in) {
        StringBuilder sb = new StringBuilder();
        String nl = System.lineSeparator();
        sb.append("capacity plan from ").append(run.dir).append(nl);
        sb.append("suite ").append(p.suite()).append(" (records: ").append(p.recordSuite()).append(')')
                .append(in.suite() == null ? (p.suite().equalsIgnoreCase(DEFAULT_SUITE) ? ", the default" : ", the first suite with figures") : "")
                .append(nl);
        sb.append("load: ").append(Fmt.g(in.newConnectionsPerSecond())).append(" new connections/s, ")
                .append(Fmt.g(in.resumptionRatio() * 100)).append(" % resumed; ").append(Fmt.g(in.throughputGbps()))
                .append(" Gbit/s in both directions together, split evenly (received records opened, sent records sealed); ")
                .append(Fmt.g(in.recordSize())).append("-byte records; target utilization ").append(Fmt.g(in.targetUtilization())).append(nl);
        sb.append("figures are per core (each benchmark runs in one thread); cores = ⌈(full + resumed + records) / utilization⌉")
                .append(nl);
        for (Line l : p.lines()) {
            sb.append(nl).append(l.name()).append(": ").append(l.cores()).append(l.cores() == 1 ? " core" : " cores").append(nl);
            for (String a : l.arithmetic()) {
                sb.append("  ").append(a).append(nl);
            }
        }
        if (!p.skipped().isEmpty()) {
            sb.append(nl).append("not planned:").append(nl);
            for (String s : p.skipped()) {
                sb.append("  ").append(s).append(nl);
            }
        }
        Line c = p.cheapest();
        List<String> ties = new ArrayList<>();
        for (Line l : p.lines()) {
            if (l != c && l.cores() == c.cores()) {
                ties.add(l.name());
            }
        }
        sb.append(nl).append("cheapest: ").append(c.name()).append(", ").append(c.cores()).append(c.cores() == 1 ? " core" : " cores")
                .append(ties.isEmpty() ? "" : " (tied on cores with " + String.join(", ", ties) + "; chosen for the smaller unrounded load)").append(nl);
        return sb.toString();
    }
}
