package io.tlsbench.tool.capacity;

import io.tlsbench.tool.capacity.CapacityPlanner.Line;
import io.tlsbench.tool.capacity.CapacityPlanner.Plan;
import io.tlsbench.tool.report.Fmt;
import io.tlsbench.tool.report.RunFolder;
import java.util.ArrayList;
import java.util.List;

/** A capacity plan as text: inputs, a block of arithmetic per configuration, what was skipped, the cheapest. */
public final class CapacityText {

    private CapacityText() {
    }

    public static String format(RunFolder run, Plan p, CapacityInputs in) {
        StringBuilder sb = new StringBuilder();
        String nl = System.lineSeparator();
        sb.append("capacity plan from ").append(run.dir).append(nl);
        sb.append("suite ").append(p.suite()).append(" (records: ").append(p.recordSuite()).append(')')
                .append(in.suite() == null ? (p.suite().name.equals(CapacityPlanner.DEFAULT_SUITE) ? ", the default" : ", the first suite with figures") : "")
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
