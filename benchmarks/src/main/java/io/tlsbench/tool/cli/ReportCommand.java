package io.tlsbench.tool.cli;

import io.tlsbench.tool.report.Report;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tlsbench report DIR}: renders report.md and the SVG charts again from a run folder. */
@Command(name = "report", sortOptions = false,
        description = "Render report.md and the SVG charts of a run folder (jmh.json, env.json, openssl.json) again.")
public final class ReportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "the run folder, e.g. results/2025-01-01T1200-host")
    Path dir;

    @Override
    public Integer call() throws IOException {
        List<Path> written = Report.renderFiles(dir);
        var out = spec.commandLine().getOut();
        out.println("wrote " + written.get(0) + (written.size() > 1 ? " and " + (written.size() - 1) + " charts" : ""));
        return Main.OK;
    }
}
