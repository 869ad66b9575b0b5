package io.tlsbench.tool.cli;

import io.tlsbench.tool.run.Environment;
import io.tlsbench.tool.leak.CbcInputs;
import io.tlsbench.tool.leak.LeakCheck;
import io.tlsbench.tool.leak.LeakReport;
import io.tlsbench.provider.ProviderId;
import io.tlsbench.provider.SuiteSupport;
import io.tlsbench.record.CbcMacCheck;
import io.tlsbench.suite.CipherSuite;
import io.tlsbench.suite.ProtocolVersion;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tlsbench leakcheck}: the dudect-style timing test of CBC record open ({@link LeakCheck})
 * over each provider, written to leakcheck.json and leakcheck.md.
 */
@Command(name = "leakcheck", sortOptions = false,
        description = "Timing-leak test (dudect: Welch's t with cropping) of CBC record open: valid records vs bad "
                + "padding vs bad MAC at several padding lengths, per provider; writes "
                + "results/<yyyy-mm-ddThhmm>-leakcheck/ (leakcheck.json, leakcheck.md).")
public final class LeakCheckCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--suite", paramLabel = "S", description = "a CBC suite: IANA name, SSL_ alias or 0xHHHH "
            + "(default: ${DEFAULT-VALUE}); TLS 1.2")
    String suite = "TLS_RSA_WITH_AES_128_CBC_SHA";

    @Option(names = "--samples", paramLabel = "N", description = "measurements per comparison (default: ${DEFAULT-VALUE}); "
            + "|t| < " + LeakCheck.T_THRESHOLD + " passes from 1,000,000")
    long samples = 1_000_000;

    @Option(names = "--providers", paramLabel = "LIST", split = ",",
            description = "sunjce, bc, accp, conscrypt (default: all available)")
    List<String> providers;

    @Option(names = "--paddings", paramLabel = "LIST", split = ",",
            description = "padding lengths 0..255 (default: 0,1,15,255)")
    List<Integer> paddings;

    @Option(names = "--out", paramLabel = "DIR", description = "output folder (default: results/<stamp>-leakcheck)")
    Path out;

    @Option(names = "--mac-check", paramLabel = "provider|constant-time",
            description = "how CBC open computes the MAC (default: ${DEFAULT-VALUE}; see CbcMacCheck)")
    String macCheck = "provider";

    @Override
    public Integer call() throws Exception {
        CipherSuite s = CipherSuite.forName(suite);
        List<Integer> pads = paddings == null || paddings.isEmpty() ? CbcInputs.DEFAULT_PADDINGS : paddings;
        CbcMacCheck macCheckMode = CbcMacCheck.parse(macCheck);
        LeakCheck check = new LeakCheck(s, pads, samples, macCheckMode,
                line -> spec.commandLine().getErr().println("tlsbench leakcheck: " + line));
        List<String> notes = new ArrayList<>();
        notes.add("CBC MAC check: " + macCheckMode.label());
        List<ProviderId> ids = new ArrayList<>();
        for (ProviderId id : ProviderList.available(providers, notes)) {
            String why = SuiteSupport.of(id).records(s, ProtocolVersion.TLS12);
            if (why == null) {
                ids.add(id);
            } else if (providers != null && !providers.isEmpty()) {
                throw new IllegalArgumentException(id + " cannot open " + s + " records: " + why);
            } else {
                notes.add("skipping " + id + ": " + why);
            }
        }
        if (ids.isEmpty()) {
            throw new IllegalArgumentException("no available provider can open " + s + " records"
                    + (notes.isEmpty() ? "" : " (" + String.join("; ", notes) + ")"));
        }
        PrintWriter err = spec.commandLine().getErr();
        Path dir = out != null ? out : ResultFolders.stamped("leakcheck");
        Files.createDirectories(dir);
        notes.forEach(n -> err.println("tlsbench leakcheck: " + n));
        err.printf("tlsbench leakcheck: %s, TLS 1.2, %,d measurements per comparison, %s; writing %s%n", s, samples,
                ids, dir);
        List<LeakCheck.Outcome> outcomes = new ArrayList<>();
        for (ProviderId id : ids) {
            LeakCheck.Outcome o = check.run(id);
            outcomes.add(o);
            err.printf("tlsbench leakcheck: %s done in %.0f s, max |t| %.2f%n", id, o.seconds(), o.maxAbsT());
        }
        LeakReport report = new LeakReport(outcomes, Environment.describe(), notes);
        report.write(dir);
        report.summary(spec.commandLine().getOut());
        return Main.OK;
    }
}
