package io.tlsbench.tool.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.tlsbench.tool.report.Handshakes.Handshake;
import io.tlsbench.tool.report.Records.Rec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.DoubleFunction;

/**
 * Renders report.md and its SVG charts from a run folder (jmh.json, env.json, openssl.json).
 * Every section and chart appears only when its data is in the run, so a partial run renders.
 *
 * <p>Conventions: ± is JMH's score error (the half-width of the 99.9 % confidence interval), "n/a"
 * where JMH could not compute one; B/op is the GC profiler's gc.alloc.rate.norm; ratios are
 * against baselines measured in the same run, their error the two relative errors added in
 * quadrature. Records are reported in bytes per second (records/s × record size; MB = 10^6 bytes).
 */
public final class Report {

    static final String CHART_RECORDS = "chart-records-by-suite.svg";
    static final String CHART_SIZES = "chart-throughput-vs-size.svg";
    static final String CHART_HANDSHAKES = "chart-handshakes.svg";
    static final String CHART_HANDSHAKES_RESUMED = "chart-handshakes-resumed.svg";
    static final String CHART_NATIVE = "chart-native.svg";

    private final RunFolder run;
    private final StringBuilder md = new StringBuilder();
    private final Map<String, String> charts = new LinkedHashMap<>();
    /** "% of native" bars gathered while writing the sections: label, fraction, group. */
    private final List<String> nativeLabels = new ArrayList<>();
    private final List<Double> nativeValues = new ArrayList<>();
    private final List<String> nativeGroups = new ArrayList<>();

    private Report(RunFolder run) {
        this.run = run;
    }

    /**
     * Reads {@code runDir} and writes {@code runDir/report.md} and its charts ({@code chart-*.svg};
     * charts of an earlier rendering that no longer have data are removed). Throws
     * IllegalArgumentException when the folder or its jmh.json is missing or unreadable.
     */
    public static void render(Path runDir) throws IOException {
        renderFiles(runDir);
    }

    /** As {@link #render}, returning the files written: report.md first, then the charts. */
    public static List<Path> renderFiles(Path runDir) throws IOException {
        RunFolder run = RunFolder.load(runDir);
        Report r = new Report(run);
        String text = r.build();
        List<Path> written = new ArrayList<>();
        Path md = runDir.resolve("report.md");
        Files.writeString(md, text, StandardCharsets.UTF_8);
        written.add(md);
        try (DirectoryStream<Path> old = Files.newDirectoryStream(runDir, "chart-*.svg")) {
            for (Path p : old) {
                if (!r.charts.containsKey(p.getFileName().toString())) {
                    Files.delete(p);
                }
            }
        }
        for (Map.Entry<String, String> c : r.charts.entrySet()) {
            Path p = runDir.resolve(c.getKey());
            Files.writeString(p, c.getValue(), StandardCharsets.UTF_8);
            written.add(p);
        }
        return written;
    }

    // ---- the document ----

    private String build() {
        Path name = run.dir.toAbsolutePath().normalize().getFileName();
        md.append("# tlsbench report: ").append(name == null ? run.dir : name).append("\n\n");
        md.append("Rendered from `jmh.json` (").append(run.results.size()).append(" results)")
                .append(run.env.isMissingNode() ? "" : ", `env.json`")
                .append(run.openssl.isMissingNode() ? "" : ", `openssl.json`")
                .append(" by `tlsbench report`.\n\n");
        md.append("How to read it: ± is JMH's score error, the half-width of the 99.9 % confidence interval "
                + "(n/a where there were too few iterations to compute one). B/op is the bytes allocated per "
                + "operation (the GC profiler's gc.alloc.rate.norm; — where the run had no GC profiler). Ratios "
                + "compare figures measured in this same run; a ratio's ± adds the two relative errors in quadrature. "
                + "Record throughput is plaintext bytes per second = records/s × record size (MB = 10⁶ bytes). "
                + "Every benchmark runs in one thread, so a figure is per core.\n\n");
        machine();
        Targets.render(md, run);
        keySchedule();
        records();
        intrinsics();
        constantTimeMac();
        engines();
        handshakes();
        nativeSection();
        others();
        return md.toString();
    }

    private void machine() {
        JsonNode env = run.env;
        md.append("## Machine\n\n");
        if (env.isMissingNode()) {
            md.append("No env.json in this run.\n\n");
        } else {
            List<String[]> rows = new ArrayList<>();
            JsonNode cpu = env.path("cpu");
            rows.add(new String[] {"CPU", cpu.path("model").asText("?") + (cpu.has("cores") ? " (" + cpu.path("cores").asInt() + " cores)" : "")});
            StringBuilder flags = new StringBuilder();
            JsonNode f = cpu.path("flags");
            for (String k : List.of("aes", "sha_ni", "avx2", "avx512f")) {
                flags.append(flags.length() == 0 ? "" : ", ").append(k).append(' ')
                        .append(f.has(k) ? (f.path(k).asBoolean() ? "yes" : "no") : "?");
            }
            for (Iterator<String> it = f.fieldNames(); it.hasNext(); ) {
                String k = it.next();
                if (!List.of("aes", "sha_ni", "avx2", "avx512f").contains(k)) {
                    flags.append(", ").append(k).append(' ').append(f.path(k).asBoolean() ? "yes" : "no");
                }
            }
            rows.add(new String[] {"CPU flags", flags.toString()});
            if (env.has("memory_bytes") && env.path("memory_bytes").asLong() > 0) {
                rows.add(new String[] {"Memory", String.format(Locale.ROOT, "%.1f GiB", env.path("memory_bytes").asLong() / (double) (1L << 30))});
            }
            if (env.has("os")) {
                rows.add(new String[] {"OS", env.path("os").asText()});
            }
            JsonNode jvm = env.path("jvm");
            rows.add(new String[] {"JVM", jvm.path("version").asText("?") + " (" + jvm.path("vendor").asText("?") + ", "
                    + jvm.path("vm").asText("?") + ")"});
            StringBuilder intr = new StringBuilder();
            for (Iterator<Map.Entry<String, JsonNode>> it = jvm.path("intrinsics").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                intr.append(intr.length() == 0 ? "" : ", ").append(e.getKey()).append('=').append(e.getValue().asText());
            }
            if (intr.length() > 0) {
                rows.add(new String[] {"HotSpot intrinsics", intr.toString()});
            }
            rows.add(new String[] {"openssl", run.natives.available() ? run.natives.version() : run.natives.absence()});
            md.append("| | |\n|---|---|\n");
            for (String[] r : rows) {
                md.append("| ").append(r[0]).append(" | ").append(Fmt.cell(r[1])).append(" |\n");
            }
            md.append('\n');
            JsonNode providers = env.path("providers");
            if (providers.isArray() && providers.size() > 0) {
                md.append("| provider | available | version / reason |\n|---|---|---|\n");
                for (JsonNode p : providers) {
                    boolean ok = p.path("available").asBoolean(false);
                    md.append("| ").append(Fmt.cell(p.path("id").asText("?"))).append(" | ").append(ok ? "yes" : "no").append(" | ")
                            .append(Fmt.cell(ok ? p.path("describe").asText("") : p.path("reason").asText(p.path("describe").asText(""))))
                            .append(" |\n");
                }
                md.append('\n');
            }
        }
        if (env.isMissingNode()) {
            md.append("openssl: ").append(run.natives.available() ? run.natives.version() : run.natives.absence()).append("\n\n");
        }
    }

    // ---- key schedule ----

    private void keySchedule() {
        List<JmhResult> ks = new ArrayList<>();
        for (JmhResult r : run.ofClass("KeyScheduleBenchmark")) {
            if (!r.variant()) {
                ks.add(r);
            }
        }
        if (ks.isEmpty()) {
            return;
        }
        md.append("## Key schedule\n\n");
        md.append("Derivations per second per implementation and schedule. `core-*` is tlsbench's key schedule over "
                + "each provider; `jdk` the JDK's internal SunJCE TLS key generators; `bctls` Bouncy Castle's TLS PRF. "
                + "× jdk and × bctls: the core's figure over the peer's, same schedule, same run.\n\n");
        for (String method : distinctStrings(ks, JmhResult::method)) {
            md.append("### ").append(method).append("\n\n");
            md.append("| schedule | impl | ops/s | B/op | × jdk | × bctls |\n|---|---|---:|---:|---:|---:|\n");
            List<JmhResult> rows = new ArrayList<>();
            for (JmhResult r : ks) {
                if (r.method().equals(method)) {
                    rows.add(r);
                }
            }
            List<String> schedules = distinctStrings(rows, r -> key(r.params(), "impl"));
            for (String sched : schedules) {
                for (JmhResult r : rows) {
                    if (!key(r.params(), "impl").equals(sched)) {
                        continue;
                    }
                    String impl = String.valueOf(r.param("impl"));
                    String vsJdk = "";
                    String vsBc = "";
                    if (impl.startsWith("core-")) {
                        vsJdk = ratioAgainst(r, rows, "impl", "jdk");
                        vsBc = ratioAgainst(r, rows, "impl", "bctls");
                    }
                    md.append("| ").append(Fmt.cell(sched)).append(" | ").append(Fmt.cell(impl)).append(" | ")
                            .append(Fmt.pm(r.opsPerSecond(), r.opsPerSecondError())).append(" | ").append(Fmt.bop(r.bytesPerOp()))
                            .append(" | ").append(vsJdk).append(" | ").append(vsBc).append(" |\n");
                }
            }
            md.append('\n');
        }
    }

    /** r over the row whose {@code param} is {@code baseline} and whose other params equal r's; "—" when absent. */
    private static String ratioAgainst(JmhResult r, List<JmhResult> rows, String param, String baseline) {
        String k = key(r.params(), param);
        for (JmhResult b : rows) {
            if (baseline.equals(b.param(param)) && key(b.params(), param).equals(k) && b.method().equals(r.method())) {
                double ratio = r.opsPerSecond() / b.opsPerSecond();
                return Fmt.ratioPm(ratio, Fmt.ratioError(r.opsPerSecond(), r.opsPerSecondError(), b.opsPerSecond(), b.opsPerSecondError()));
            }
        }
        return "—";
    }

    /** The parameters other than {@code without}, as "k=v k=v". */
    private static String key(Map<String, String> params, String... without) {
        StringBuilder sb = new StringBuilder();
        params.forEach((k, v) -> {
            for (String w : without) {
                if (w.equals(k)) {
                    return;
                }
            }
            sb.append(sb.length() == 0 ? "" : " ").append(k.equals("schedule") ? "" : k + "=").append(v);
        });
        return sb.toString();
    }

    // ---- records ----

    /** The openssl figure a record is compared with, and how it is formed. */
    record NativeRecord(String formula, double bytesPerSecond) {
    }

    /**
     * The native counterpart of a record: the stitched AES-128-CBC-HMAC-SHA1 for AES-128-CBC-SHA seal;
     * otherwise cipher and MAC combined as 1/(1/cipher + 1/mac) over openssl's bytes/s at the same
     * size. Null when openssl.json has no matching figure.
     */
    static NativeRecord nativeRecord(NativeFigures nf, String suite, String op, int size) {
        if (!nf.available()) {
            return null;
        }
        boolean seal = op.equals("seal");
        switch (suite.toUpperCase(Locale.ROOT)) {
            case "AES-128-CBC-SHA":
                return seal ? single(nf, "aes-128-cbc-hmac-sha1", size, "openssl aes-128-cbc-hmac-sha1 (stitched, encrypt)")
                        : combined(nf, "aes-128-cbc-decrypt", "hmac-sha1", size,
                                "1/(1/aes-128-cbc decrypt + 1/hmac-sha1)");
            case "RC4-128-SHA":
                return combined(nf, "rc4", "hmac-sha1", size, "1/(1/rc4 + 1/hmac-sha1)");
            case "RC4-128-MD5":
                return combined(nf, "rc4", "md5", size, "1/(1/rc4 + 1/md5) (md5 digest for HMAC-MD5)");
            case "3DES-EDE-CBC-SHA":
                return combined(nf, "des-ede3-cbc", "hmac-sha1", size,
                        "1/(1/des-ede3-cbc + 1/hmac-sha1) (encrypt figure for both directions)");
            case "AES-128-GCM":
                return single(nf, "aes-128-gcm", size, "openssl aes-128-gcm (encrypt figure for both directions)");
            default:
                return null;
        }
    }

    private static NativeRecord single(NativeFigures nf, String alg, int size, String formula) {
        double v = nf.bytesPerSecond(alg, size);
        return Double.isNaN(v) ? null : new NativeRecord(formula, v);
    }

    private static NativeRecord combined(NativeFigures nf, String cipher, String mac, int size, String formula) {
        double c = nf.bytesPerSecond(cipher, size);
        double m = nf.bytesPerSecond(mac, size);
        return Double.isNaN(c) || Double.isNaN(m) ? null : new NativeRecord(formula, 1 / (1 / c + 1 / m));
    }

    private void records() {
        List<Rec> recs = Records.of(run, false, false);
        if (recs.isEmpty()) {
            return;
        }
        md.append("## Records\n\n");
        md.append("tlsbench's core record layer: one record sealed or opened per operation. **of limit** is the figure "
                + "as a fraction of its provider's own limit for that record, 1/(1/cipher + 1/mac) in records/s from the "
                + "cipher (encrypt for seal, decrypt for open) and MAC ceiling benchmarks of this run at the same size "
                + "(the cipher alone for GCM); shown where both ceilings were measured. **of native** is the figure as a "
                + "fraction of the matching `openssl speed` figure of this run (formulas below).\n\n");
        for (String suite : Records.distinct(recs, Rec::suite)) {
            md.append("### ").append(suite).append("\n\n");
            List<Rec> s = new ArrayList<>();
            for (Rec r : recs) {
                if (r.suite().equals(suite)) {
                    s.add(r);
                }
            }
            recordTable(s, false);
        }
        List<String> formulas = new ArrayList<>();
        for (String suite : Records.distinct(recs, Rec::suite)) {
            for (String op : List.of("seal", "open")) {
                for (int size : Records.distinct(recs, Rec::size)) {
                    NativeRecord n = nativeRecord(run.natives, suite, op, size);
                    if (n != null) {
                        String line = "- " + suite + " " + op + ": " + n.formula();
                        if (!formulas.contains(line)) {
                            formulas.add(line);
                        }
                    }
                }
            }
        }
        if (!formulas.isEmpty()) {
            md.append("Native figures used for **of native**:\n\n");
            formulas.forEach(l -> md.append(l).append('\n'));
            md.append('\n');
        } else {
            md.append("No **of native** column: ").append(run.natives.available()
                    ? "openssl.json has no figure matching these records" : run.natives.absence()).append(".\n\n");
        }
        chartRecordsBySuite(recs);
        chartThroughputVsSize(recs);
        // the "% of native" chart: records at 16 KB (or the largest size), preferred version and buffer
        int size = Records.distinct(recs, Rec::size).stream().max(Integer::compare).orElse(0);
        String version = Records.prefer(Records.distinct(recs, Rec::version), "tls12");
        String buffer = Records.prefer(Records.distinct(recs, Rec::buffer), "heap");
        for (Rec r : recs) {
            if (r.size() == size && r.version().equals(version) && r.buffer().equals(buffer) && r.rest().isEmpty()) {
                NativeRecord n = nativeRecord(run.natives, r.suite(), r.op(), r.size());
                if (n != null) {
                    addNative(r.suite() + " " + r.op() + " · " + r.impl() + " (" + Fmt.size(size) + ")",
                            r.bytesPerSecond() / n.bytesPerSecond(), "records, " + Fmt.size(size) + " " + version + " " + buffer);
                }
            }
        }
    }

    /** Rows of one suite: seal and open side by side per provider / version / buffer / size. */
    private void recordTable(List<Rec> s, boolean engines) {
        String implName = engines ? "engine" : "provider";
        boolean hasRest = false;
        for (Rec r : s) {
            hasRest |= !r.rest().isEmpty();
        }
        md.append("| version | buffer | size | ").append(implName).append(hasRest ? " | params" : "")
                .append(engines ? " | wrap MB/s | B/op | unwrap MB/s | B/op |\n" : " | seal MB/s | B/op | of limit | of native | open MB/s | B/op | of limit | of native |\n");
        md.append("|---|---|---:|---").append(hasRest ? "|---" : "")
                .append(engines ? "|---:|---:|---:|---:|\n" : "|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        // rows: one per (version, buffer, size, impl, rest), ordered by version, buffer, size, impl
        Map<String, Rec[]> rows = new LinkedHashMap<>();
        List<Rec> sorted = new ArrayList<>(s);
        List<String> versions = Records.distinct(s, Rec::version);
        List<String> buffers = Records.distinct(s, Rec::buffer);
        List<String> impls = Records.distinct(s, Rec::impl);
        sorted.sort(Comparator.<Rec>comparingInt(r -> versions.indexOf(r.version()))
                .thenComparingInt(r -> buffers.indexOf(r.buffer()))
                .thenComparingInt(Rec::size)
                .thenComparingInt(r -> impls.indexOf(r.impl())));
        for (Rec r : sorted) {
            String k = r.version() + "|" + r.buffer() + "|" + r.size() + "|" + r.impl() + "|" + r.restText();
            rows.computeIfAbsent(k, x -> new Rec[2])[r.op().equals("seal") ? 0 : 1] = r;
        }
        for (Rec[] pair : rows.values()) {
            Rec any = pair[0] != null ? pair[0] : pair[1];
            md.append("| ").append(any.version()).append(" | ").append(any.buffer()).append(" | ").append(Fmt.size(any.size()))
                    .append(" | ").append(Fmt.cell(any.impl()));
            if (hasRest) {
                md.append(" | ").append(Fmt.cell(any.restText()));
            }
            for (Rec r : pair) {
                if (r == null) {
                    md.append(engines ? " | — | —" : " | — | — | — | —");
                    continue;
                }
                md.append(" | ").append(Fmt.mbpsPm(r.bytesPerSecond(), r.bytesError())).append(" | ").append(Fmt.bop(r.r().bytesPerOp()));
                if (!engines) {
                    double limit = Records.limit(run, r.impl(), r.suite(), r.size(), r.op(), false);
                    md.append(" | ").append(Double.isNaN(limit) ? "—" : Fmt.pct(r.opsPerSecond() / limit));
                    NativeRecord n = nativeRecord(run.natives, r.suite(), r.op(), r.size());
                    md.append(" | ").append(n == null ? "—" : Fmt.pct(r.bytesPerSecond() / n.bytesPerSecond()));
                }
            }
            md.append(" |\n");
        }
        md.append('\n');
    }

    /** Chart (a): providers side by side per suite, seal at the largest size (16 KB). */
    private void chartRecordsBySuite(List<Rec> recs) {
        List<Rec> all = new ArrayList<>(recs);
        all.addAll(Records.of(run, true, false));
        int size = Records.distinct(all, Rec::size).stream().max(Integer::compare).orElse(0);
        String version = Records.prefer(Records.distinct(all, Rec::version), "tls12");
        String buffer = Records.prefer(Records.distinct(all, Rec::buffer), "heap");
        List<Rec> pick = new ArrayList<>();
        for (Rec r : all) {
            if (r.op().equals("seal") && r.size() == size && r.version().equals(version) && r.buffer().equals(buffer)
                    && r.rest().isEmpty()) {
                pick.add(r);
            }
        }
        if (pick.isEmpty()) {
            return;
        }
        List<String> suites = Records.distinct(pick, Rec::suite);
        List<String> series = Records.distinct(pick, Rec::label);
        double[][] v = nan(series.size(), suites.size());
        for (Rec r : pick) {
            v[series.indexOf(r.label())][suites.indexOf(r.suite())] = r.bytesPerSecond() / 1e6;
        }
        String title = "Records sealed per second by suite, " + Fmt.size(size) + " records (" + version + ", " + buffer + " buffers)";
        charts.put(CHART_RECORDS, SvgChart.groupedBars(title, "cipher suite", "throughput (MB/s, 10⁶ bytes/s)", suites, series, v, Report::mb));
        md.append("![").append(title).append("](").append(CHART_RECORDS).append(")\n\n");
    }

    /** Chart (b): throughput against record size, a line per provider, AES-128-CBC-SHA seal (or the first suite). */
    private void chartThroughputVsSize(List<Rec> recs) {
        List<Rec> all = new ArrayList<>(recs);
        all.addAll(Records.of(run, true, false));
        String suite = Records.prefer(Records.distinct(all, Rec::suite), "AES-128-CBC-SHA");
        String version = Records.prefer(Records.distinct(filter(all, r -> r.suite().equals(suite)), Rec::version), "tls12");
        String buffer = Records.prefer(Records.distinct(all, Rec::buffer), "heap");
        List<Rec> pick = filter(all, r -> r.suite().equals(suite) && r.op().equals("seal") && r.version().equals(version)
                && r.buffer().equals(buffer) && r.rest().isEmpty());
        if (pick.isEmpty()) {
            return;
        }
        List<Integer> sizes = Records.distinct(pick, Rec::size);
        sizes.sort(Integer::compare);
        List<String> series = Records.distinct(pick, Rec::label);
        double[][] v = nan(series.size(), sizes.size());
        for (Rec r : pick) {
            v[series.indexOf(r.label())][sizes.indexOf(r.size())] = r.bytesPerSecond() / 1e6;
        }
        String title = suite + " seal: throughput against record size (" + version + ", " + buffer + " buffers)";
        charts.put(CHART_SIZES, SvgChart.lines(title, "record size (bytes, log scale)", "throughput (MB/s, 10⁶ bytes/s)",
                sizes, series, v, Report::mb));
        md.append("![").append(title).append("](").append(CHART_SIZES).append(")\n\n");
    }

    // ---- reruns under other JVM settings: AES-NI share, constant-time CBC MAC ----

    private void intrinsics() {
        variantSection(JmhResult::intrinsicsOff, "AES-NI share", "The same benchmarks rerun in JVMs started with the AES, "
                + "GHASH and SHA intrinsics off (`-XX:-UseAES` and friends in the fork's JVM arguments). **speed-up** = with "
                + "/ without; **time saved** = 1 − without / with, the share of the plain-Java time that the CPU's "
                + "instructions remove.", "with intrinsics", "without", "speed-up", "time saved");
    }

    private void constantTimeMac() {
        variantSection(JmhResult::constantTimeMac, "CBC open with the constant-time MAC check", "CBC open rerun with "
                + "`" + JmhResult.CONSTANT_TIME_MAC_ARG + "`: the MAC is checked by tlsbench's own HMAC, whose time "
                + "depends only on the record's public length (`tlsbench leakcheck --mac-check constant-time`), instead "
                + "of the provider's HMAC topped up with dummy hashing (the default). The provider still decrypts. "
                + "**cost** = provider check / constant-time check; **check's share** = 1 − constant-time / provider, the "
                + "part of a constant-time open's time that the slower check adds.",
                "provider MAC check", "constant-time", "cost", "check's share");
    }

    /** A table of each variant figure beside the same benchmark and parameters in the main run. */
    private void variantSection(java.util.function.Predicate<JmhResult> isVariant, String title, String intro,
                                String mainColumn, String variantColumn, String ratioColumn, String shareColumn) {
        List<JmhResult> variants = new ArrayList<>();
        for (JmhResult r : run.results) {
            if (isVariant.test(r)) {
                variants.add(r);
            }
        }
        if (variants.isEmpty()) {
            return;
        }
        md.append("## ").append(title).append("\n\n").append(intro).append("\n\n");
        md.append("| benchmark | params | ").append(mainColumn).append(" | ").append(variantColumn).append(" | ")
                .append(ratioColumn).append(" | ").append(shareColumn).append(" |\n|---|---|---:|---:|---:|---:|\n");
        for (JmhResult o : variants) {
            JmhResult on = null;
            for (JmhResult r : run.results) {
                if (!r.variant() && r.benchmark().equals(o.benchmark()) && r.params().equals(o.params())) {
                    on = r;
                    break;
                }
            }
            int size = o.intParam("size");
            DoubleFunction<String> f = size > 0 ? v -> Fmt.mbps(v * size) + " MB/s" : v -> Fmt.num(v) + " ops/s";
            md.append("| ").append(o.className()).append('.').append(o.method()).append(" | ").append(Fmt.cell(key(o.params())))
                    .append(" | ").append(on == null ? "—" : f.apply(on.opsPerSecond())).append(" | ").append(f.apply(o.opsPerSecond()));
            if (on == null) {
                md.append(" | — | — |\n");
            } else {
                double sp = on.opsPerSecond() / o.opsPerSecond();
                md.append(" | ").append(Fmt.ratioPm(sp, Fmt.ratioError(on.opsPerSecond(), on.opsPerSecondError(), o.opsPerSecond(),
                        o.opsPerSecondError()))).append(" | ").append(Fmt.pct(1 - o.opsPerSecond() / on.opsPerSecond())).append(" |\n");
            }
        }
        md.append('\n');
    }

    // ---- SSLEngine peers ----

    private void engines() {
        List<Rec> eng = Records.of(run, true, false);
        if (eng.isEmpty()) {
            return;
        }
        md.append("## SSLEngine peers (JSSE, Conscrypt)\n\n");
        md.append("An SSLEngine pair wrapping and unwrapping application data of the record size: what a Java program gets "
                + "from the JDK's JSSE or Conscrypt instead of tlsbench's core. Unwrap's B/op includes the refill's wraps "
                + "(subtract wrap's B/op for unwrap's own).\n\n");
        for (String suite : Records.distinct(eng, Rec::suite)) {
            md.append("### ").append(suite).append("\n\n");
            recordTable(filter(eng, r -> r.suite().equals(suite)), true);
        }
        List<Rec> core = Records.of(run, false, false);
        if (core.isEmpty()) {
            return;
        }
        md.append("### Side by side with the core\n\n");
        md.append("MB/s ± error; seal = wrap, open = unwrap; rows where an engine was measured.\n\n");
        List<Rec> all = new ArrayList<>(core);
        all.addAll(eng);
        List<String> cols = Records.distinct(all, Rec::label);
        md.append("| suite | version | buffer | size | op |");
        cols.forEach(c -> md.append(' ').append(c).append(" |"));
        md.append("\n|---|---|---|---:|---|");
        cols.forEach(c -> md.append("---:|"));
        md.append('\n');
        Set<String> seen = new LinkedHashSet<>();
        List<Rec> rows = new ArrayList<>(eng);
        List<String> suites = Records.distinct(eng, Rec::suite);
        List<String> versions = Records.distinct(eng, Rec::version);
        List<String> buffers = Records.distinct(eng, Rec::buffer);
        rows.sort(Comparator.<Rec>comparingInt(r -> suites.indexOf(r.suite()))
                .thenComparingInt(r -> versions.indexOf(r.version()))
                .thenComparingInt(r -> buffers.indexOf(r.buffer()))
                .thenComparingInt(Rec::size)
                .thenComparing(Rec::op, Comparator.reverseOrder()));
        for (Rec e : rows) {
            String k = e.suite() + "|" + e.version() + "|" + e.buffer() + "|" + e.size() + "|" + e.op();
            if (!seen.add(k)) {
                continue;
            }
            md.append("| ").append(e.suite()).append(" | ").append(e.version()).append(" | ").append(e.buffer()).append(" | ")
                    .append(Fmt.size(e.size())).append(" | ").append(e.op()).append(" |");
            for (String c : cols) {
                Rec m = null;
                for (Rec r : all) {
                    if (r.label().equals(c) && r.suite().equals(e.suite()) && r.version().equals(e.version())
                            && r.buffer().equals(e.buffer()) && r.size() == e.size() && r.op().equals(e.op()) && r.rest().isEmpty()) {
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

    // ---- handshakes ----

    /** The openssl figure a full handshake is compared with, and how it is formed. */
    record NativeHandshake(String formula, double perSecond) {
    }

    /**
     * Native handshakes per second for a full handshake of this suite, from openssl speed:
     * RSA key exchange 1/(1/sign + 1/verify) of rsa2048; ECDHE-ECDSA 1/(1/sign + 1/verify + 2/ecdh)
     * of ecdsap256 and the ECDH group's derivation (x25519 when a group/curve parameter says so,
     * else P-256, the engine's first group); ECDHE-RSA 1/(1/rsa sign + 1/rsa verify + 2/ecdh).
     * Null for other key exchanges, other modes, or missing figures.
     */
    static NativeHandshake nativeHandshake(NativeFigures nf, String suite, String mode, Map<String, String> other) {
        if (!nf.available() || !"full".equals(mode)) {
            return null;
        }
        String kx = Suites.keyExchange(suite);
        String group = String.valueOf(other.getOrDefault("group", other.getOrDefault("curve", ""))).toLowerCase(Locale.ROOT);
        String ecdh = group.contains("25519") ? "ecdhx25519" : "ecdhp256";
        double rs = nf.signPerSecond("rsa2048");
        double rv = nf.verifyPerSecond("rsa2048");
        double es = nf.signPerSecond("ecdsap256");
        double ev = nf.verifyPerSecond("ecdsap256");
        double dh = nf.derivePerSecond(ecdh);
        double v;
        String formula;
        switch (kx) {
            case "RSA":
                v = 1 / (1 / rs + 1 / rv);
                formula = "1/(1/sign + 1/verify), openssl rsa2048: 1/(1/" + Fmt.g(rs) + " + 1/" + Fmt.g(rv) + ") = " + Fmt.g(v) + "/s";
                break;
            case "ECDHE_ECDSA":
                v = 1 / (1 / es + 1 / ev + 2 / dh);
                formula = "1/(1/sign + 1/verify + 2/ecdh), openssl ecdsap256 and " + ecdh + ": 1/(1/" + Fmt.g(es) + " + 1/"
                        + Fmt.g(ev) + " + 2/" + Fmt.g(dh) + ") = " + Fmt.g(v) + "/s";
                break;
            case "ECDHE_RSA":
                v = 1 / (1 / rs + 1 / rv + 2 / dh);
                formula = "1/(1/sign + 1/verify + 2/ecdh), openssl rsa2048 and " + ecdh + ": 1/(1/" + Fmt.g(rs) + " + 1/"
                        + Fmt.g(rv) + " + 2/" + Fmt.g(dh) + ") = " + Fmt.g(v) + "/s";
                break;
            default:
                return null;
        }
        return Double.isNaN(v) ? null : new NativeHandshake(formula, v);
    }

    /** The JSSE row to compare a handshake with: same suite, mode, side and other params; the JDK's default providers first. */
    static Handshake jsseBaseline(Handshake h, List<Handshake> all) {
        Handshake first = null;
        for (Handshake b : all) {
            if (b.jsse() && b.suite().equals(h.suite()) && b.mode().equals(h.mode()) && b.server() == h.server()
                    && b.other().equals(h.other()) && b.result().method().equals(h.result().method())) {
                if (b.defaultConfig()) {
                    return b;
                }
                if (first == null) {
                    first = b;
                }
            }
        }
        return first;
    }

    private void handshakes() {
        List<Handshake> hs = Handshakes.of(run);
        if (hs.isEmpty()) {
            return;
        }
        md.append("## Handshakes\n\n");
        md.append("Handshakes per second, client and server in one thread (a full in-memory handshake pays both sides' "
                + "cryptography) unless **side** says server. **server share** is the server's part of that time, "
                + "serverNs / (serverNs + clientNs) from the benchmark's counters of the time spent in each side's engine "
                + "calls (the capacity planner divides by it). **× JSSE** is the figure over the JDK's JSSE with its "
                + "default providers (configuration jdk) for the same suite and mode in this run. **of native** compares a "
                + "full handshake with the openssl speed figures of this run (formulas below).\n\n");
        boolean hasOther = false;
        for (Handshake h : hs) {
            hasOther |= !h.other().isEmpty();
        }
        md.append("| suite | stack | providers | mode | side | ").append(hasOther ? "params | " : "")
                .append("handshakes/s | B/op | server share | × JSSE | of native |\n|---|---|---|---|---|").append(hasOther ? "---|" : "")
                .append("---:|---:|---:|---:|---:|\n");
        List<String> suites = distinctStrings(hs, Handshake::suite);
        List<String> modes = distinctStrings(hs, Handshake::mode);
        List<Handshake> sorted = new ArrayList<>(hs);
        sorted.sort(Comparator.<Handshake>comparingInt(h -> suites.indexOf(h.suite())).thenComparingInt(h -> modes.indexOf(h.mode())));
        Set<String> formulas = new LinkedHashSet<>();
        for (Handshake h : sorted) {
            Handshake b = jsseBaseline(h, hs);
            String vs = b == null ? "—" : b == h ? "baseline" : Fmt.ratioPm(h.perSecond() / b.perSecond(),
                    Fmt.ratioError(h.perSecond(), h.error(), b.perSecond(), b.error()));
            NativeHandshake n = nativeHandshake(run.natives, h.suite(), h.mode(), h.other());
            if (n != null) {
                formulas.add("- " + Suites.keyExchange(h.suite()) + ": " + n.formula());
                addNative(h.suite() + " · " + h.stack() + " " + h.config() + (h.server() ? " (server)" : ""),
                        h.perSecond() / n.perSecond(), "full handshakes");
            }
            md.append("| ").append(Fmt.cell(h.suite())).append(" | ").append(Fmt.cell(h.stack())).append(" | ")
                    .append(Fmt.cell(h.config())).append(" | ").append(Fmt.cell(h.mode())).append(" | ")
                    .append(h.server() ? "server" : "pair").append(" | ");
            if (hasOther) {
                md.append(Fmt.cell(h.otherText())).append(" | ");
            }
            md.append(Fmt.pm(h.perSecond(), h.error())).append(" | ").append(Fmt.bop(h.result().bytesPerOp())).append(" | ")
                    .append(h.server() || Double.isNaN(h.serverFraction()) ? "—" : Fmt.pct(h.serverFraction())).append(" | ")
                    .append(vs).append(" | ").append(n == null ? "—" : Fmt.pct(h.perSecond() / n.perSecond())).append(" |\n");
        }
        md.append('\n');
        if (!formulas.isEmpty()) {
            md.append("Native handshakes per second used for **of native** (full handshakes; the client's and the "
                    + "server's operations both counted, as the benchmark runs both):\n\n");
            formulas.forEach(f -> md.append(f).append('\n'));
            md.append('\n');
        }
        chartHandshakes(hs, "full", CHART_HANDSHAKES);
        chartHandshakes(hs, "resumed", CHART_HANDSHAKES_RESUMED);
    }

    /** Chart (c): handshakes per second per suite (groups) and stack + providers (bars), for one mode. */
    private void chartHandshakes(List<Handshake> hs, String mode, String file) {
        List<Handshake> m = new ArrayList<>();
        boolean pairs = false;
        for (Handshake h : hs) {
            if (h.mode().equals(mode)) {
                m.add(h);
                pairs |= !h.server();
            }
        }
        final boolean usePairs = pairs;
        m.removeIf(h -> h.server() == usePairs);
        if (m.isEmpty()) {
            return;
        }
        List<String> suites = distinctStrings(m, Handshake::suite);
        List<String> series = distinctStrings(m, h -> h.stack() + " · " + h.config());
        double[][] v = nan(series.size(), suites.size());
        for (Handshake h : m) {
            int s = series.indexOf(h.stack() + " · " + h.config());
            int c = suites.indexOf(h.suite());
            if (Double.isNaN(v[s][c])) {
                v[s][c] = h.perSecond();
            }
        }
        String title = (mode.equals("full") ? "Full" : "Resumed") + " handshakes per second by suite and stack"
                + (usePairs ? " (client + server, one thread)" : " (server's share)");
        charts.put(file, SvgChart.groupedBars(title, "cipher suite", "handshakes per second (1/s)", suites, series, v, Fmt::num));
        md.append("![").append(title).append("](").append(file).append(")\n\n");
    }

    // ---- % of native ----

    private void addNative(String label, double fraction, String group) {
        nativeLabels.add(label);
        nativeValues.add(fraction);
        nativeGroups.add(group);
    }

    private void nativeSection() {
        NativeFigures nf = run.natives;
        md.append("## Native reference (openssl speed)\n\n");
        if (!nf.available()) {
            md.append(nf.absence()).append(": no % of native in this report.\n\n");
            return;
        }
        md.append(nf.version()).append(", measured in this run. Bulk figures in MB/s by block size; asymmetric "
                + "operations per second.\n\n");
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
        if (nativeLabels.isEmpty()) {
            return;
        }
        md.append("### % of native\n\n");
        List<String> groups = new ArrayList<>(new LinkedHashSet<>(nativeGroups));
        int[] g = new int[nativeGroups.size()];
        double[] v = new double[nativeValues.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = nativeValues.get(i);
            g[i] = groups.indexOf(nativeGroups.get(i));
        }
        String title = "tlsbench figures as a percentage of openssl speed (this run)";
        charts.put(CHART_NATIVE, SvgChart.horizontalBars(title, "% of the native figure (100 % = openssl)", nativeLabels, v, g,
                groups, 1.0, "openssl = 100 %", x -> String.format(Locale.ROOT, "%.0f %%", x * 100)));
        md.append("![").append(title).append("](").append(CHART_NATIVE).append(")\n\n");
    }

    // ---- everything else, generically ----

    private void others() {
        Set<String> special = Set.of("KeyScheduleBenchmark", Records.CORE, Records.ENGINE);
        Map<String, List<JmhResult>> byClass = new LinkedHashMap<>();
        for (JmhResult r : run.results) {
            if (special.contains(r.className()) || r.className().contains("Handshake") || r.variant()) {
                continue;
            }
            byClass.computeIfAbsent(r.className(), k -> new ArrayList<>()).add(r);
        }
        if (byClass.isEmpty()) {
            return;
        }
        md.append("## Other benchmarks\n\n");
        md.append("Every other benchmark of the run, by class and parameters (the ceiling benchmarks give the records' "
                + "limits). MB/s = ops/s × size where there is a size parameter.\n\n");
        for (Map.Entry<String, List<JmhResult>> e : byClass.entrySet()) {
            md.append("### ").append(e.getKey()).append("\n\n");
            md.append("| method | params | score | unit | MB/s | B/op |\n|---|---|---:|---|---:|---:|\n");
            for (JmhResult r : e.getValue()) {
                int size = r.intParam("size");
                md.append("| ").append(r.method()).append(" | ").append(Fmt.cell(key(r.params()))).append(" | ")
                        .append(Fmt.pm(r.score(), r.error())).append(" | ").append(Fmt.cell(r.unit())).append(" | ")
                        .append(size > 0 && !Double.isNaN(r.opsPerSecond())
                                ? Fmt.mbpsPm(r.opsPerSecond() * size, r.opsPerSecondError() * size) : "")
                        .append(" | ").append(Fmt.bop(r.bytesPerOp())).append(" |\n");
            }
            md.append('\n');
        }
    }

    // ---- helpers ----

    private static String mb(double v) {
        return v == 0 ? "0" : v >= 100 ? String.format(Locale.ROOT, "%,.0f", v) : v >= 10 ? String.format(Locale.ROOT, "%.1f", v)
                : String.format(Locale.ROOT, "%.2f", v);
    }

    private static double[][] nan(int rows, int cols) {
        double[][] v = new double[rows][cols];
        for (double[] r : v) {
            java.util.Arrays.fill(r, Double.NaN);
        }
        return v;
    }

    private static <T> List<String> distinctStrings(List<T> xs, java.util.function.Function<T, String> f) {
        Set<String> s = new LinkedHashSet<>();
        for (T x : xs) {
            s.add(Objects.toString(f.apply(x)));
        }
        return new ArrayList<>(s);
    }

    private static <T> List<T> filter(List<T> xs, java.util.function.Predicate<T> p) {
        List<T> out = new ArrayList<>();
        for (T x : xs) {
            if (p.test(x)) {
                out.add(x);
            }
        }
        return out;
    }
}
