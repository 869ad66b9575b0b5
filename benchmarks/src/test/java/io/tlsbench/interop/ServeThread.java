package io.tlsbench.interop;

import io.tlsbench.tool.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code tlsbench serve ...} run in-process on its own thread, with its stdout and stderr
 * captured: the port comes from the "listening on" line. Closing it interrupts a serve that is
 * still running (its accept is interruptible) and waits for the thread.
 */
public final class ServeThread implements AutoCloseable {

    private static final Pattern LISTENING = Pattern.compile("^listening on 127\\.0\\.0\\.1:(\\d+)$", Pattern.MULTILINE);

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final Thread thread;
    private volatile Integer exit;
    private volatile Throwable crash;

    private ServeThread(String... args) {
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        thread = new Thread(() -> {
            try {
                exit = Main.run(o, e, args);
            } catch (Throwable t) {
                crash = t;
            }
        }, "serve");
        thread.setDaemon(true);
        thread.start();
    }

    /** Starts serve with these arguments (after "serve") and waits until it listens. */
    public static ServeThread start(String... args) throws Exception {
        String[] all = new String[args.length + 1];
        all[0] = "serve";
        System.arraycopy(args, 0, all, 1, args.length);
        ServeThread s = new ServeThread(all);
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (s.listeningPort() < 0) {
            if (!s.thread.isAlive() || System.nanoTime() > end) {
                s.close();
                throw new IllegalStateException("serve did not start listening (exit " + s.exit + ", crash " + s.crash
                        + "); stdout: " + s.stdout() + " stderr: " + s.stderr());
            }
            Thread.sleep(10);
        }
        return s;
    }

    private int listeningPort() {
        Matcher m = LISTENING.matcher(stdout());
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }

    public int port() {
        return listeningPort();
    }

    /** Waits for serve to return; its exit code. */
    public int exitCode(Duration timeout) throws InterruptedException, TimeoutException {
        thread.join(timeout.toMillis());
        if (thread.isAlive()) {
            throw new TimeoutException("serve still running after " + timeout + "; stderr: " + stderr());
        }
        if (crash != null) {
            throw new IllegalStateException("serve threw", crash);
        }
        return exit;
    }

    public String stdout() {
        synchronized (out) {
            return out.toString(StandardCharsets.UTF_8);
        }
    }

    public String stderr() {
        synchronized (err) {
            return err.toString(StandardCharsets.UTF_8);
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (thread.isAlive()) {
            thread.interrupt();
            thread.join(10_000);
        }
    }
}
