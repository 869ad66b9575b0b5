package io.tlsbench.tool.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Renders report.md and its SVG charts from a run folder (jmh.json, env.json, openssl.json): the
 * sections in order, each writing only what the run has data for, so a partial run renders.
 *
 * <p>Conventions: ± is JMH's score error (the half-width of the 99.9 % confidence interval), "n/a"
 * where JMH could not compute one; B/op is the GC profiler's gc.alloc.rate.norm; ratios are
 * against baselines measured in the same run, their error the two relative errors added in
 * quadrature. Records are reported in bytes per second (records/s × record size; MB = 10^6 bytes).
 */
public final class Report {

    /** The sections in report order (the native section reads the bars the records and handshakes gathered). */
    private static final List<Section> SECTIONS = List.of(new HeaderSection(), new MachineSection(), new TargetsSection(),
            new KeyScheduleSection(), new RecordsSection(), VariantSection.intrinsics(), VariantSection.constantTimeMac(),
            new EnginesSection(), new HandshakesSection(), new NativeSection(), new OtherBenchmarksSection());

    private Report() {
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
        ReportDocument doc = new ReportDocument(RunFolder.load(runDir));
        for (Section s : SECTIONS) {
            s.write(doc);
        }
        List<Path> written = new ArrayList<>();
        Path md = runDir.resolve("report.md");
        Files.writeString(md, doc.md.toString(), StandardCharsets.UTF_8);
        written.add(md);
        try (DirectoryStream<Path> old = Files.newDirectoryStream(runDir, "chart-*.svg")) {
            for (Path p : old) {
                if (!doc.charts.containsKey(p.getFileName().toString())) {
                    Files.delete(p);
                }
            }
        }
        for (Map.Entry<String, String> c : doc.charts.entrySet()) {
            Path p = runDir.resolve(c.getKey());
            Files.writeString(p, c.getValue(), StandardCharsets.UTF_8);
            written.add(p);
        }
        return written;
    }
}
