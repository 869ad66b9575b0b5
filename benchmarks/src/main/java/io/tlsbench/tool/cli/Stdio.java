package io.tlsbench.tool.cli;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;

/**
 * Standard input and the raw standard output for commands that move bytes rather than text
 * ({@code connect}): picocli's writers are character streams, application data is binary.
 * In-process callers (tests) replace both for the current thread with {@link #run}.
 */
public final class Stdio {

    private static final ThreadLocal<InputStream> IN = new ThreadLocal<>();
    private static final ThreadLocal<OutputStream> OUT = new ThreadLocal<>();

    private Stdio() {
    }

    /** Like {@link Main#run}, with stdin and the raw data output replaced for this thread. */
    public static int run(InputStream stdin, OutputStream data, PrintStream out, PrintStream err, String... args) {
        InputStream oldIn = IN.get();
        OutputStream oldOut = OUT.get();
        IN.set(stdin);
        OUT.set(data);
        try {
            return Main.run(out, err, args);
        } finally {
            IN.set(oldIn);
            OUT.set(oldOut);
        }
    }

    static InputStream in() {
        InputStream in = IN.get();
        return in != null ? in : System.in;
    }

    static OutputStream out() {
        OutputStream out = OUT.get();
        return out != null ? out : System.out;
    }
}
