package io.tlsbench.tool.report;

/** One section of report.md; a section whose figures the run lacks writes nothing (or says so). */
interface Section {
    void write(ReportDocument doc);
}
