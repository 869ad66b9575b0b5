package io.tlsbench.tool.report;

import io.tlsbench.bench.RecordWorkload;
import io.tlsbench.bench.axis.Axis;
import java.util.List;
import java.util.function.DoubleFunction;
import java.util.function.Predicate;

/**
 * Reruns under other JVM settings beside the same benchmark and parameters in the main run: the
 * AES-NI share (intrinsics off) and CBC open with the constant-time MAC check.
 */
final class VariantSection implements Section {

    private final Predicate<JmhResult> isVariant;
    private final String title;
    private final String intro;
    private final String[] columns;

    private VariantSection(Predicate<JmhResult> isVariant, String title, String intro, String... columns) {
        this.isVariant = isVariant;
        this.title = title;
        this.intro = intro;
        this.columns = columns;
    }

    static VariantSection intrinsics() {
        return new VariantSection(JmhResult::intrinsicsOff, "AES-NI share", "The same benchmarks rerun in JVMs started with "
                + "the AES, GHASH and SHA intrinsics off (`-XX:-UseAES` and friends in the fork's JVM arguments). **speed-up** = "
                + "with / without; **time saved** = 1 − without / with, the share of the plain-Java time that the CPU's "
                + "instructions remove.", "with intrinsics", "without", "speed-up", "time saved");
    }

    static VariantSection constantTimeMac() {
        return new VariantSection(JmhResult::constantTimeMac, "CBC open with the constant-time MAC check", "CBC open rerun with "
                + "`" + RecordWorkload.CONSTANT_TIME_MAC_ARG + "`: the MAC is checked by tlsbench's own HMAC, whose time "
                + "depends only on the record's public length (`tlsbench leakcheck --mac-check constant-time`), instead "
                + "of the provider's HMAC topped up with dummy hashing (the default). The provider still decrypts. "
                + "**cost** = provider check / constant-time check; **check's share** = 1 − constant-time / provider, the "
                + "part of a constant-time open's time that the slower check adds.",
                "provider MAC check", "constant-time", "cost", "check's share");
    }

    @Override
    public void write(ReportDocument doc) {
        List<JmhResult> variants = Lists.filter(doc.run.results, isVariant);
        if (variants.isEmpty()) {
            return;
        }
        StringBuilder md = doc.md;
        md.append("## ").append(title).append("\n\n").append(intro).append("\n\n");
        md.append("| benchmark | params | ").append(columns[0]).append(" | ").append(columns[1]).append(" | ")
                .append(columns[2]).append(" | ").append(columns[3]).append(" |\n|---|---|---:|---:|---:|---:|\n");
        for (JmhResult o : variants) {
            JmhResult on = null;
            for (JmhResult r : doc.run.results) {
                if (!r.variant() && r.benchmark().equals(o.benchmark()) && r.params().equals(o.params())) {
                    on = r;
                    break;
                }
            }
            int size = o.intParam(Axis.SIZE.name());
            DoubleFunction<String> f = size > 0 ? v -> Fmt.mbps(v * size) + " MB/s" : v -> Fmt.num(v) + " ops/s";
            md.append("| ").append(o.className()).append('.').append(o.method()).append(" | ").append(Fmt.cell(ParamText.of(o.params())))
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
}
