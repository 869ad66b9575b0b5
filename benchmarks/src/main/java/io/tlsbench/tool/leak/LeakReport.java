package io.tlsbench.tool.leak;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.tlsbench.tool.leak.LeakCheck.ClassFigures;
import io.tlsbench.tool.leak.LeakCheck.Comparison;
import io.tlsbench.tool.leak.LeakCheck.Outcome;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** leakcheck.json and leakcheck.md of a run, and the summary the command prints. */
public final class LeakReport {

    private final List<Outcome> outcomes;
    private final Map<String, Object> env;
    private final List<String> notes;

    public LeakReport(List<Outcome> outcomes, Map<String, Object> env, List<String> notes) {
        this.outcomes = List.copyOf(outcomes);
        this.env = env;
        this.notes = List.copyOf(notes);
    }

    /**
     * A provider's verdict over the comparisons whose classes are all refused (their difference
     * is what an attacker must not learn): FAIL if any fails, else inconclusive if any is, else PASS.
     */
    public static String verdict(Outcome o, boolean refusedOnly) {
        boolean inconclusive = false;
        for (Comparison c : o.comparisons()) {
            if (refusedOnly && c.pair().outcomeDiffers()) {
                continue;
            }
            if (c.verdict().equals("FAIL")) {
                return "FAIL";
            }
            inconclusive |= c.verdict().equals("inconclusive");
        }
        return inconclusive ? "inconclusive" : "PASS";
    }

    public void write(Path dir) throws IOException {
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(dir.resolve("leakcheck.json").toFile(), json());
        Files.writeString(dir.resolve("leakcheck.md"), markdown(), StandardCharsets.UTF_8);
    }

    Map<String, Object> json() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("tool", "tlsbench leakcheck");
        root.put("method", method());
        root.put("notes", notes);
        List<Object> providers = new ArrayList<>();
        for (Outcome o : outcomes) {
            providers.add(provider(o));
        }
        root.put("providers", providers);
        root.put("env", env);
        return root;
    }

    /** How every figure was obtained and judged. */
    private static Map<String, Object> method() {
        Map<String, Object> method = new LinkedHashMap<>();
        method.put("test", "Welch's t between two input classes, uncropped and cropped at dudect's percentiles");
        method.put("cropping_thresholds", CroppedTTest.DEFAULT_THRESHOLDS);
        method.put("t_threshold", LeakCheck.T_THRESHOLD);
        method.put("conclusive_samples", LeakCheck.CONCLUSIVE_SAMPLES);
        method.put("timer", "System.nanoTime() around one RecordOpener.open per measurement");
        method.put("protocol", "TLS 1.2");
        return method;
    }

    /** One provider's run: counts, verdicts, each class's timing and each comparison. */
    private static Map<String, Object> provider(Outcome o) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("provider", o.provider().toString());
        p.put("describe", o.describe());
        p.put("suite", o.suite().name);
        p.put("record_length", o.recordLength());
        p.put("samples_per_comparison", o.samples());
        p.put("warmup_opens", o.warmupOpens());
        p.put("calibration_opens", o.calibrationOpens());
        p.put("measured_opens", o.measuredOpens());
        p.put("seconds", round(o.seconds(), 1));
        p.put("max_abs_t", round(o.maxAbsT(), 3));
        p.put("verdict_refused_vs_refused", verdict(o, true));
        p.put("verdict_all", verdict(o, false));
        List<Object> classes = new ArrayList<>();
        for (ClassFigures f : o.classes()) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("class", f.inputClass().kind().name().toLowerCase(Locale.ROOT));
            c.put("padding", f.inputClass().padding());
            c.put("count", f.count());
            c.put("mean_ns", round(f.meanNs(), 1));
            c.put("sd_ns", round(f.sdNs(), 1));
            classes.add(c);
        }
        p.put("classes", classes);
        List<Object> comparisons = new ArrayList<>();
        for (Comparison c : o.comparisons()) {
            comparisons.add(comparison(c));
        }
        p.put("comparisons", comparisons);
        return p;
    }

    private static Map<String, Object> comparison(Comparison c) {
        Map<String, Object> m = new LinkedHashMap<>();
        CroppedTTest.Result r = c.result();
        m.put("comparison", c.pair().label());
        m.put("outcome_differs", c.pair().outcomeDiffers());
        m.put("samples", r.samples());
        m.put("max_abs_t", round(r.maxAbsT(), 3));
        m.put("max_t_crop_percentile", c.crop());
        m.put("max_t_crop_samples", r.maxCropCount());
        m.put("max_t_crop_mean_a_ns", round(r.cropMeanA(), 2));
        m.put("max_t_crop_mean_b_ns", round(r.cropMeanB(), 2));
        m.put("t_uncropped", round(r.t(), 3));
        m.put("mean_a_ns", round(r.meanA(), 1));
        m.put("mean_b_ns", round(r.meanB(), 1));
        m.put("verdict", c.verdict());
        return m;
    }

    String markdown() {
        StringBuilder sb = new StringBuilder();
        sb.append("# tlsbench leakcheck\n\n");
        if (!outcomes.isEmpty()) {
            Outcome first = outcomes.get(0);
            sb.append(String.format("Suite %s, TLS 1.2, records of %d bytes; %,d measurements per comparison asked.%n%n",
                    first.suite().name, first.recordLength(), first.samples()));
        }
        sb.append("Machine: ").append(machine()).append(".\n\n");
        sb.append("A dudect-style test (Welch's t-test, uncropped and cropped at ").append(CroppedTTest.DEFAULT_THRESHOLDS)
                .append(" percentile thresholds; max |t| reported) of tlsbench's CBC record open. Each measurement is one ")
                .append("`RecordOpener.open` timed with `System.nanoTime()`; the classes are interleaved at random. ")
                .append("A comparison passes at |t| < ").append(LeakCheck.T_THRESHOLD).append(" with at least ")
                .append(String.format("%,d", LeakCheck.CONCLUSIVE_SAMPLES)).append(" measurements, is inconclusive ")
                .append("below that, and fails at |t| ≥ ").append(LeakCheck.T_THRESHOLD).append(" whatever the count.\n\n")
                .append("Comparisons between two refused classes (bad padding vs bad MAC, bad MAC at two padding lengths) ")
                .append("are the ones that matter: a receiver answers both with the same bad_record_mac alert, and ")
                .append("telling them apart by time is the Lucky 13 padding oracle. Comparisons with the valid class ")
                .append("differ in an outcome the peer sees anyway (the record is accepted and its data delivered, or ")
                .append("the connection ends with an alert); they are reported, and judged separately.\n\n")
                .append("This machine is shared and noisy (2 cores, other jobs running): noise makes a t-test ")
                .append("less sensitive, and can also produce a large |t| on its own if it falls unevenly on the ")
                .append("classes, which the random interleaving is there to prevent.\n\n");
        for (String n : notes) {
            sb.append("- ").append(n).append('\n');
        }
        if (!notes.isEmpty()) {
            sb.append('\n');
        }
        sb.append("| provider | refused vs refused | all comparisons | max \\|t\\| | measured opens | time |\n");
        sb.append("|---|---|---|---:|---:|---:|\n");
        for (Outcome o : outcomes) {
            sb.append(String.format("| %s | %s | %s | %.2f | %,d | %.0f s |%n", o.provider(), verdict(o, true),
                    verdict(o, false), o.maxAbsT(), o.measuredOpens(), o.seconds()));
        }
        for (Outcome o : outcomes) {
            sb.append(String.format("%n## %s (%s)%n%n", o.provider(), o.describe()));
            sb.append(String.format("%,d warm-up and %,d calibration opens discarded, %,d measured, %.0f s.%n%n",
                    o.warmupOpens(), o.calibrationOpens(), o.measuredOpens(), o.seconds()));
            sb.append("| comparison | samples | max \\|t\\| | at crop | mean ns there (a / b) | uncropped t | mean ns (a / b) | verdict |\n");
            sb.append("|---|---:|---:|---|---:|---:|---:|---|\n");
            for (Comparison c : o.comparisons()) {
                CroppedTTest.Result r = c.result();
                sb.append(String.format("| %s%s | %,d | %.2f | %s | %.1f / %.1f | %.2f | %.0f / %.0f | %s |%n",
                        c.pair().label(), c.pair().outcomeDiffers() ? " ¹" : "", r.samples(), r.maxAbsT(), c.crop(),
                        r.cropMeanA(), r.cropMeanB(), r.t(), r.meanA(), r.meanB(), c.verdict()));
            }
            sb.append("\n¹ valid against refused: the outcome differs and is visible to the peer.\n\n");
            sb.append("| class | measurements | mean ns | sd ns |\n|---|---:|---:|---:|\n");
            for (ClassFigures f : o.classes()) {
                sb.append(String.format("| %s | %,d | %.0f | %.0f |%n", f.inputClass().label(), f.count(), f.meanNs(), f.sdNs()));
            }
        }
        return sb.toString();
    }

    @SuppressWarnings("unchecked")
    private String machine() {
        Object jvm = env.get("jvm");
        Object cpu = env.get("cpu");
        String v = jvm instanceof Map ? String.valueOf(((Map<String, Object>) jvm).get("version")) : "?";
        String model = cpu instanceof Map ? String.valueOf(((Map<String, Object>) cpu).get("model")) : "?";
        String cores = cpu instanceof Map ? String.valueOf(((Map<String, Object>) cpu).get("cores")) : "?";
        return model + ", " + cores + " cores, JDK " + v + " (env in leakcheck.json)";
    }

    /** One line per provider: verdicts and the largest |t|. */
    public void summary(PrintWriter out) {
        for (Outcome o : outcomes) {
            out.printf("%-10s refused vs refused: %-12s all: %-12s max |t| %.2f over %,d opens, %.0f s%n", o.provider(),
                    verdict(o, true), verdict(o, false), o.maxAbsT(), o.measuredOpens(), o.seconds());
            for (Comparison c : o.comparisons()) {
                out.printf("    %-42s |t| %8.2f  %,d samples  %s%n", c.pair().label(), c.result().maxAbsT(),
                        c.result().samples(), c.verdict());
            }
        }
    }

    private static double round(double x, int digits) {
        double f = Math.pow(10, digits);
        return Math.round(x * f) / f;
    }
}
