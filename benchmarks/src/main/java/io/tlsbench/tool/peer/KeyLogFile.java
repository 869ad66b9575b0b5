package io.tlsbench.tool.peer;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * An NSS key log file (the SSLKEYLOGFILE format Wireshark reads): lines are appended, one
 * {@code CLIENT_RANDOM <client_random> <master_secret>} per handshake, flushed at once. Thread-safe.
 */
public final class KeyLogFile implements Consumer<String>, AutoCloseable {

    private final String path;
    private final OutputStream out;
    private final PrintWriter err;
    private boolean failed;

    private KeyLogFile(String path, OutputStream out, PrintWriter err) {
        this.path = path;
        this.out = out;
        this.err = err;
    }

    /** Opens for appending; a path that cannot be opened is a bad argument. */
    public static KeyLogFile open(String option, String path, PrintWriter err) {
        try {
            return new KeyLogFile(path, new FileOutputStream(path, true), err);
        } catch (IOException e) {
            throw new IllegalArgumentException(option + " " + path + " cannot be opened for appending: " + e.getMessage());
        }
    }

    @Override
    public synchronized void accept(String line) {
        try {
            out.write((line + "\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
        } catch (IOException e) {
            if (!failed) {
                failed = true; // said once; the connection goes on without its key log
                err.println("tlsbench: key log " + path + ": " + e.getMessage());
            }
        }
    }

    @Override
    public synchronized void close() {
        try {
            out.close();
        } catch (IOException ignored) {
            // nothing left to write
        }
    }
}
