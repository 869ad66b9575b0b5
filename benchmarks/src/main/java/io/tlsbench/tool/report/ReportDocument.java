package io.tlsbench.tool.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * report.md as the sections write it: the run they read, the Markdown, the SVG charts by file
 * name, and the "% of native" bars the record and handshake sections gather for the native section.
 */
public final class ReportDocument {

    public final RunFolder run;
    public final StringBuilder md = new StringBuilder();
    final Map<String, String> charts = new LinkedHashMap<>();
    /** "% of native" bars: label, fraction of the native figure, group. */
    final List<String> nativeLabels = new ArrayList<>();
    final List<Double> nativeValues = new ArrayList<>();
    final List<String> nativeGroups = new ArrayList<>();

    ReportDocument(RunFolder run) {
        this.run = run;
    }

    /** Adds a chart and its link below the text so far. */
    void chart(String file, String title, String svg) {
        charts.put(file, svg);
        md.append("![").append(title).append("](").append(file).append(")\n\n");
    }

    void addNative(String label, double fraction, String group) {
        nativeLabels.add(label);
        nativeValues.add(fraction);
        nativeGroups.add(group);
    }
}
