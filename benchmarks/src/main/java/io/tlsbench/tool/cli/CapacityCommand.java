package io.tlsbench.tool.cli;

import io.tlsbench.tool.capacity.CapacityInputs;
import io.tlsbench.tool.capacity.CapacityPlanner;
import io.tlsbench.tool.capacity.CapacityText;
import io.tlsbench.tool.report.RunFolder;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tlsbench capacity}: cores needed per provider configuration and stack for a load, from a
 * run folder's handshake and record figures, with the arithmetic shown (see {@link CapacityPlanner}).
 */
@Command(name = "capacity", sortOptions = false,
        description = "Plan cores per provider configuration and stack: full and resumed handshakes, record protection, "
                + "total at a target utilization, and the cheapest choice, with the arithmetic shown.")
public final class CapacityCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--results", required = true, paramLabel = "DIR", description = "the run folder (jmh.json with handshake and record figures)")
    Path results;

    @Option(names = "--new-connections-per-s", required = true, paramLabel = "N", description = "new connections per second")
    double newConnections;

    @Option(names = "--resumption-ratio", required = true, paramLabel = "R", description = "share of connections that resume a session, 0..1")
    double resumptionRatio;

    @Option(names = "--throughput-gbps", required = true, paramLabel = "G",
            description = "application data in Gbit/s, both directions together (split evenly: half sealed, half opened)")
    double throughputGbps;

    @Option(names = "--record-size", required = true, paramLabel = "B", description = "plaintext bytes per record, 1..16384")
    int recordSize;

    @Option(names = "--suite", paramLabel = "S",
            description = "cipher suite (default " + CapacityPlanner.DEFAULT_SUITE + ", else the first with figures)")
    String suite;

    @Option(names = "--target-utilization", paramLabel = "U", description = "target CPU utilization, in (0, 1] (default 0.7)")
    double targetUtilization = 0.7;

    @Override
    public Integer call() throws IOException {
        CapacityInputs in = new CapacityInputs(newConnections, resumptionRatio, throughputGbps, recordSize, suite,
                targetUtilization);
        in.validate();
        RunFolder run = RunFolder.load(results);
        CapacityPlanner.Plan plan = CapacityPlanner.plan(run, in);
        spec.commandLine().getOut().print(CapacityText.format(run, plan, in));
        spec.commandLine().getOut().flush();
        return Main.OK;
    }
}
