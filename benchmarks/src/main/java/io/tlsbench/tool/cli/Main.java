package io.tlsbench.tool.cli;

import io.tlsbench.tool.Messages;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The tlsbench command line. A new subcommand is one more line in {@code subcommands}.
 * Exit codes: 0 success, 2 bad argument (one "tlsbench: ..." line on stderr), 1 any other failure.
 */
@Command(name = "tlsbench",
        description = "TLS 1.0-1.2 key schedule and record-layer benchmarks across JCA providers.",
        subcommands = {
            KdfCommand.class,
            KeysCommand.class,
            ProvidersCommand.class,
            RunCommand.class,
            ServeCommand.class, ConnectCommand.class,
            ReportCommand.class,
            CapacityCommand.class,
            LeakCheckCommand.class,
        })
public final class Main implements Callable<Integer> {

    public static final int OK = 0;
    public static final int FAILURE = 1;
    public static final int BAD_ARGUMENT = 2;

    @Spec
    CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, scope = ScopeType.INHERIT, description = "Show help and exit.")
    boolean help;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "a subcommand is required: "
                + String.join(", ", spec.subcommands().keySet()));
    }

    public static void main(String... args) {
        System.exit(run(System.out, System.err, args));
    }

    /** Runs one command line in-process and returns its exit code. */
    public static int run(PrintStream out, PrintStream err, String... args) {
        PrintWriter o = new PrintWriter(out, true);
        PrintWriter e = new PrintWriter(err, true);
        try {
            return commandLine(o, e).execute(args);
        } finally {
            o.flush();
            e.flush();
        }
    }

    /** The configured command line: bad arguments and failures become one stderr line. */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(out);
        cl.setErr(err);
        // No "@file" argument files: picocli would read a file for any argument starting with '@'
        // (a label, a host), and an unreadable one failed outside the one-line error path with a
        // stack trace (found by CliFuzzTest: "@/"). An '@' argument is now just a value.
        cl.setExpandAtFiles(false);
        cl.setParameterExceptionHandler((ex, args) -> {
            CommandLine c = ex.getCommandLine();
            c.getErr().println("tlsbench: " + message(ex) + " (see '" + c.getCommandSpec().qualifiedName() + " --help')");
            return BAD_ARGUMENT;
        });
        cl.setExecutionExceptionHandler((ex, c, parseResult) -> {
            boolean bad = ex instanceof IllegalArgumentException;
            c.getErr().println("tlsbench: " + (bad ? "" : ex.getClass().getSimpleName() + ": ") + message(ex));
            return bad ? BAD_ARGUMENT : FAILURE;
        });
        return cl;
    }

    /** The exception's message on one line, without picocli's "Error: " prefix. */
    static String message(Throwable t) {
        return Messages.oneLine(t);
    }
}
