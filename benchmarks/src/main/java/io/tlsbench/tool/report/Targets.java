package io.tlsbench.tool.report;

import io.tlsbench.tool.report.Handshakes.Handshake;
import io.tlsbench.tool.report.Records.Rec;
import java.util.ArrayList;
import java.util.List;

/**
 * The benchmark issue's performance targets, each computed from one run: the figure, the ratio
 * it is judged by (with JMH's errors propagated), the goal, and whether it is met. A target whose
 * figures the run lacks is left out; a ratio whose error interval straddles the goal says so.
 */
final class Targets {

    static final String RSA = "TLS_RSA_WITH_AES_128_CBC_SHA";
    static final String ECDHE_ECDSA = "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA";

    /**
     * One target: what is compared, the figures, the ratio ± error, the goal it must reach, and
     * (where profiling found it) whose cost holds the ratio down when the goal is missed.
     */
    record Row(String target, String figures, double ratio, double error, double goal, boolean percent, String cause,
               String shortWarmup) {
        Row(String target, String figures, double ratio, double error, double goal, boolean percent) {
            this(target, figures, ratio, error, goal, percent, null, null);
        }

        Row because(String why) {
            return new Row(target, figures, ratio, error, goal, percent, why, shortWarmup);
        }

        /** Notes the first compared figure warmed up for less than its class needs (see {@link #WARM_UP_NEEDED}). */
        Row warmedBy(JmhResult... compared) {
            for (JmhResult r : compared) {
                Double needed = WARM_UP_NEEDED.get(r.className());
                if (needed != null && r.warmupSeconds() < needed) {
                    return new Row(target, figures, ratio, error, goal, percent, cause, String.format(java.util.Locale.ROOT,
                            "%s warmed %.1f s of the %.1f s it needs", r.className(), r.warmupSeconds(), needed));
                }
            }
            return this;
        }

        boolean missed() {
            return verdict().startsWith("missed");
        }

        String verdict() {
            String v = baseVerdict();
            return shortWarmup == null ? v : v + " — indicative only: " + shortWarmup;
        }

        private String baseVerdict() {
            if (Double.isNaN(ratio)) {
                return "—";
            }
            if (ratio >= goal) {
                return !Double.isNaN(error) && ratio - error < goal ? "met (error spans the goal)" : "met";
            }
            return !Double.isNaN(error) && ratio + error >= goal ? "missed (error spans the goal)" : "missed";
        }

        String ratioText() {
            if (percent) {
                return Fmt.pct(ratio) + (Double.isNaN(error) ? "" : " ± " + Fmt.pct(error));
            }
            return Fmt.ratioPm(ratio, error);
        }

        String goalText() {
            return "≥ " + (percent ? Fmt.pct(goal) : Fmt.ratio(goal));
        }
    }

    /**
     * Seconds of warm-up each benchmark class needs before its figures are steady, from traces of
     * cold forks on the 2-core reference machine: SunJCE's 64-byte records and the ceilings ~1.2 s;
     * JSSE's SSLEngine, the JDK's key generators and handshakes step up to their steady rates only
     * after 3.5–6 s. A target judged on a figure warmed less is marked indicative (the quick preset).
     */
    static final java.util.Map<String, Double> WARM_UP_NEEDED = java.util.Map.of("RecordBenchmark", 1.2,
            "CipherCeilingBenchmark", 1.2, "MacCeilingBenchmark", 1.2, "JsseRecordBenchmark", 5.0,
            "KeyScheduleBenchmark", 5.0, "HandshakeBenchmark", 5.0);

    private Targets() {
    }

    static List<Row> of(RunFolder run) {
        List<Row> rows = new ArrayList<>();
        keySchedule(run, rows);
        records(run, rows);
        handshakes(run, rows);
        return rows;
    }

    // ---- key schedule: TLS 1.2 SHA-256 master + key block, best core path vs the JDK and bctls ----

    private static void keySchedule(RunFolder run, List<Row> rows) {
        JmhResult best = null;
        JmhResult jdk = null;
        JmhResult bctls = null;
        for (JmhResult r : run.ofClass("KeyScheduleBenchmark")) {
            if (r.variant() || !r.method().equals("masterAndKeyBlock") || !"tls12-sha256".equals(r.param("schedule"))) {
                continue;
            }
            String impl = String.valueOf(r.param("impl"));
            if (impl.startsWith("core-") && (best == null || r.opsPerSecond() > best.opsPerSecond())) {
                best = r;
            } else if (impl.equals("jdk")) {
                jdk = r;
            } else if (impl.equals("bctls")) {
                bctls = r;
            }
        }
        if (best == null) {
            return;
        }
        String what = "Key schedule, TLS 1.2 SHA-256 master + key block, " + best.param("impl");
        for (JmhResult base : new JmhResult[] {jdk, bctls}) {
            if (base != null) {
                boolean isJdk = base == jdk;
                rows.add(ratioRow(what + (isJdk ? " vs the JDK's generators" : " vs bctls"),
                        Fmt.pm(best.opsPerSecond(), best.opsPerSecondError()) + " vs "
                                + Fmt.pm(base.opsPerSecond(), base.opsPerSecondError()) + " ops/s",
                        best.opsPerSecond(), best.opsPerSecondError(), base.opsPerSecond(), base.opsPerSecondError(),
                        isJdk ? 3 : 2).because(KEY_SCHEDULE_CAUSE).warmedBy(best, base));
            }
        }
    }

    // ---- records: AES-128-CBC-SHA seal 16 KB, best provider ----

    private static void records(RunFolder run, List<Row> rows) {
        String suite = "AES-128-CBC-SHA";
        int size = 16384;
        List<Rec> candidates = new ArrayList<>();
        for (Rec r : Records.of(run, false, false)) {
            if (r.suite().equalsIgnoreCase(suite) && r.op().equals("seal") && r.size() == size && !r.buffer().equals("direct")) {
                candidates.add(r);
            }
        }
        // One version for all three comparisons: TLS 1.2 where measured. The best figure over
        // both versions would pair a TLS 1.0 seal with JSSE's TLS 1.0 wrap, which splits CBC
        // records 1/n-1 against BEAST: a different amount of work.
        String version = Records.prefer(Records.distinct(candidates, Rec::version), "tls12");
        Rec best = null;
        for (Rec r : candidates) {
            if (r.version().equals(version) && (best == null || r.bytesPerSecond() > best.bytesPerSecond())) {
                best = r;
            }
        }
        if (best == null) {
            return;
        }
        String what = suite + " seal, 16 KB, best provider (" + best.impl() + ", " + best.version() + ")";
        String figure = Fmt.mbpsPm(best.bytesPerSecond(), best.bytesError());
        double limit = Records.limit(run, best.impl(), best.suite(), size, "seal", false);
        if (!Double.isNaN(limit)) {
            rows.add(new Row(what + " of its own limit 1/(1/cipher + 1/mac)", figure + " vs " + Fmt.mbps(limit * size),
                    best.opsPerSecond() / limit, best.r().opsPerSecondError() / limit, 0.9, true).warmedBy(best.r()));
        }
        for (Rec e : Records.of(run, true, false)) {
            if (e.impl().equals("jdk") && e.suite().equalsIgnoreCase(suite) && e.op().equals("seal") && e.size() == size
                    && e.version().equals(best.version())) {
                rows.add(ratioRow(what + " vs JSSE wrap", figure + " vs " + Fmt.mbpsPm(e.bytesPerSecond(), e.bytesError()),
                        best.bytesPerSecond(), best.bytesError(), e.bytesPerSecond(), e.bytesError(), 1.2)
                        .because(SEAL_VS_JSSE_CAUSE).warmedBy(best.r(), e.r()));
                break;
            }
        }
        Report.NativeRecord n = Report.nativeRecord(run.natives, suite, "seal", size);
        if (n != null) {
            rows.add(new Row(what + " of " + n.formula(), figure + " vs " + Fmt.mbps(n.bytesPerSecond()),
                    best.bytesPerSecond() / n.bytesPerSecond(), best.bytesError() / n.bytesPerSecond(), 0.5, true)
                    .warmedBy(best.r()));
        }
    }

    // ---- handshakes: full RSA and ECDHE-ECDSA on the best core configuration; resumption ----

    private static void handshakes(RunFolder run, List<Row> rows) {
        List<Handshake> hs = Handshakes.of(run);
        Handshake rsa = bestCore(hs, RSA, "full");
        if (rsa != null) {
            Handshake jsse = jsseDefault(hs, RSA, "full");
            String what = "Full handshakes, " + RSA + ", core " + rsa.config();
            if (jsse != null) {
                rows.add(handshakeRatio(what + " vs JSSE (jdk)", rsa, jsse, 3).because(rsaCause(rsa)));
            }
            Report.NativeHandshake n = Report.nativeHandshake(run.natives, RSA, "full", rsa.other());
            if (n != null) {
                rows.add(new Row(what + " of OpenSSL's 1/(1/sign + 1/verify)",
                        Fmt.pm(rsa.perSecond(), rsa.error()) + " vs " + Fmt.g(n.perSecond()) + "/s",
                        rsa.perSecond() / n.perSecond(), rsa.error() / n.perSecond(), 0.7, true).because(rsaCause(rsa))
                        .warmedBy(rsa.result()));
            }
            Handshake resumed = find(hs, "core", rsa.config(), RSA, "resumed");
            if (resumed != null) {
                rows.add(handshakeRatio("Resumed vs full handshakes, " + RSA + ", core " + rsa.config(), resumed, rsa, 20)
                        .because(String.format(java.util.Locale.ROOT, RESUMPTION_CAUSE, 1e6 / resumed.perSecond())));
            }
        }
        Handshake ec = bestCore(hs, ECDHE_ECDSA, "full");
        Handshake ecJsse = jsseDefault(hs, ECDHE_ECDSA, "full");
        if (ec != null && ecJsse != null) {
            rows.add(handshakeRatio("Full handshakes, " + ECDHE_ECDSA + " (P-256), core " + ec.config() + " vs JSSE (jdk)",
                    ec, ecJsse, 4));
        }
    }

    private static Row handshakeRatio(String what, Handshake a, Handshake b, double goal) {
        return ratioRow(what, Fmt.pm(a.perSecond(), a.error()) + " vs " + Fmt.pm(b.perSecond(), b.error()) + " /s",
                a.perSecond(), a.error(), b.perSecond(), b.error(), goal).warmedBy(a.result(), b.result());
    }

    private static Row ratioRow(String what, String figures, double a, double ea, double b, double eb, double goal) {
        return new Row(what, figures, a / b, Fmt.ratioError(a, ea, b, eb), goal, false);
    }

    /** The core's fastest provider configuration for a suite and mode (client + server pairs). */
    private static Handshake bestCore(List<Handshake> hs, String suite, String mode) {
        Handshake best = null;
        for (Handshake h : hs) {
            if (!h.server() && h.stack().equalsIgnoreCase("core") && h.suite().equals(suite) && h.mode().equals(mode)
                    && (best == null || h.perSecond() > best.perSecond())) {
                best = h;
            }
        }
        return best;
    }

    private static Handshake jsseDefault(List<Handshake> hs, String suite, String mode) {
        for (Handshake h : hs) {
            if (!h.server() && h.jsse() && h.defaultConfig() && h.suite().equals(suite) && h.mode().equals(mode)) {
                return h;
            }
        }
        return null;
    }

    private static Handshake find(List<Handshake> hs, String stack, String config, String suite, String mode) {
        for (Handshake h : hs) {
            if (!h.server() && h.stack().equalsIgnoreCase(stack) && h.config().equals(config) && h.suite().equals(suite)
                    && h.mode().equals(mode)) {
                return h;
            }
        }
        return null;
    }

    /** The section, or nothing when the run has none of the targets' figures. */
    static void render(StringBuilder md, RunFolder run) {
        List<Row> rows = of(run);
        if (rows.isEmpty()) {
            return;
        }
        md.append("## Targets\n\n");
        md.append("The benchmark issue's targets, each judged by a ratio of figures from this run (± propagates both "
                + "figures' JMH errors; n/a where a figure has too few iterations for one). \"Best\" is the fastest core "
                + "provider or configuration in the run. A verdict resting on a figure warmed up for less than its "
                + "benchmark class needs (the quick preset's 1–2 s) is marked indicative only.\n\n");
        md.append("| target | figures | ratio | goal | verdict |\n|---|---|---:|---:|---|\n");
        for (Row r : rows) {
            md.append("| ").append(Fmt.cell(r.target())).append(" | ").append(Fmt.cell(r.figures())).append(" | ")
                    .append(r.ratioText()).append(" | ").append(r.goalText()).append(" | ").append(r.verdict()).append(" |\n");
        }
        md.append('\n');
        boolean first = true;
        for (Row r : rows) {
            if (r.missed() && r.cause() != null) {
                md.append(first ? "Where a target is missed, whose cost holds it (from profiling the benchmarks, JMH -prof stack and gc):\n\n" : "");
                md.append("- ").append(r.target()).append(": ").append(r.cause()).append('\n');
                first = false;
            }
        }
        if (!first) {
            md.append('\n');
        }
        zeroAllocation(md, run);
    }

    static final String KEY_SCHEDULE_CAUSE = "both run the same SHA-256 compressions (RFC 5246's PRF hashes every"
            + " HMAC's key pads again: 47 compressions per master secret + key block) through the same intrinsic, and"
            + " warmed up the JDK's generators do little else; fewer compressions need the hash state after the key pads,"
            + " which JCA offers only through clone(), an allocation per HMAC against the 0 B/op target.";

    static final String SEAL_VS_JSSE_CAUSE = "the seal runs at its provider's own limit (the row above), and JSSE's wrap"
            + " over the same JDK primitives gets close to SunJCE's limit too: the cipher and the HMAC are the cost on both"
            + " sides, so 1.2× is not there to win.";

    static final String RESUMPTION_CAUSE = "a resumed core handshake costs %.0f µs (the four record ciphers' JCA objects"
            + " and keys, the key block, four PRF calls); the faster the provider's RSA, the smaller the ratio.";

    private static String rsaCause(Handshake h) {
        return String.format(java.util.Locale.ROOT, "the pair's cost is mostly the server's RSA-2048 private-key"
                + " operation (the server's share here: %s), so this ratio is mostly one RSA implementation's against"
                + " another's (the provider's against SunRsaSign's or OpenSSL's); the JNI providers free native state only"
                + " when the GC runs, which makes single iterations dip and widens the error.", Double.isNaN(h.serverFraction()) ? "not measured" : Fmt.pct(h.serverFraction()));
    }

    /** B/op under which a seal or key-schedule figure counts as allocation-free (see zeroAllocation). */
    static final double NO_ALLOCATION = 32;

    /**
     * Seal and the key schedule at 0 B/op: which measured paths allocate, by provider. Open is
     * left out: its benchmark replaces the opener each time the ring of sealed records is used up
     * (RecordWorkload), an allocation it adds to open's B/op; open itself is held at 0 B by
     * RecordAllocationTest. A figure under {@link #NO_ALLOCATION} B/op counts as allocation-free:
     * JMH's own bookkeeping allocates a few KB per iteration, which the GC profiler spreads over
     * the iteration's operations (~25 B/op for SunJCE's 3DES at 16 KB, under 300 records per
     * 200 ms iteration), while a path that allocates per record shows tens of bytes at least.
     */
    private static void zeroAllocation(StringBuilder md, RunFolder run) {
        List<String> allocating = new ArrayList<>();
        int zero = 0;
        for (Rec r : Records.of(run, false, false)) {
            double b = r.r().bytesPerOp();
            if (!r.op().equals("seal") || Double.isNaN(b)) {
                continue;
            }
            if (b < NO_ALLOCATION) {
                zero++;
            } else {
                allocating.add(r.impl() + " " + r.suite() + " seal (" + r.buffer() + ")");
            }
        }
        for (JmhResult r : run.ofClass("KeyScheduleBenchmark")) {
            String impl = String.valueOf(r.param("impl"));
            if (!impl.startsWith("core-") || Double.isNaN(r.bytesPerOp())) {
                continue;
            }
            if (r.bytesPerOp() < NO_ALLOCATION) {
                zero++;
            } else {
                allocating.add(impl + " key schedule");
            }
        }
        if (zero + allocating.size() == 0) {
            return;
        }
        md.append("0 B/op: ").append(zero).append(" of ").append(zero + allocating.size())
                .append(" core seal and key-schedule figures are under ").append((int) NO_ALLOCATION)
                .append(" B/op (JMH's own few KB per iteration, spread over its operations).");
        if (!allocating.isEmpty()) {
            md.append(" Paths that allocate (see the B/op columns: the JNI providers' and Bouncy Castle's own objects;"
                    + " with direct buffers, JCA's copies between buffers and arrays): ")
                    .append(String.join(", ", new java.util.TreeSet<>(allocating))).append('.');
        }
        md.append(" Open's B/op includes the benchmark's ring rewind (a fresh opener per ring of records); open "
                + "itself allocates nothing on SunJCE and Bouncy Castle CBC and RC4 (RecordAllocationTest).\n\n");
    }
}
