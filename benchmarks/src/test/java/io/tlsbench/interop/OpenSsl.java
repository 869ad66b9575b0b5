package io.tlsbench.interop;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The openssl command line as a test peer: whether it is on PATH, its cipher names, and its
 * processes. Every process started here is registered and {@link #killAll} destroys the
 * survivors, so a failing test never leaves one behind.
 */
public final class OpenSsl {

    private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();
    private static String version;
    private static boolean probed;

    private OpenSsl() {
    }

    /** "OpenSSL 3.0.x ..." or null when there is no usable openssl on PATH. */
    public static synchronized String version() {
        if (!probed) {
            probed = true;
            try {
                Process p = new ProcessBuilder("openssl", "version").redirectErrorStream(true).start();
                LIVE.add(p);
                try {
                    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
                    if (p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0 && out.startsWith("OpenSSL")) {
                        version = out;
                    }
                } finally {
                    p.destroyForcibly();
                    LIVE.remove(p);
                }
            } catch (IOException | InterruptedException e) {
                version = null;
            }
        }
        return version;
    }

    /** IANA name → OpenSSL name for every TLS 1.2-and-earlier suite this openssl knows, at security level 0. */
    public static Map<String, String> cipherNames(Path workDir) throws IOException, InterruptedException {
        Map<String, String> names = new LinkedHashMap<>();
        try (Proc p = start(workDir, "ciphers", null, "ciphers", "-stdname", "ALL:COMPLEMENTOFALL:@SECLEVEL=0")) {
            if (!p.waitFor(Duration.ofSeconds(10)) || p.exitValue() != 0) {
                throw new IOException("openssl ciphers failed: " + p.stderr());
            }
            // "TLS_RSA_WITH_AES_128_CBC_SHA - AES128-SHA TLSv1 Kx=RSA Au=RSA Enc=AES(128) Mac=SHA1"
            Pattern line = Pattern.compile("^(TLS_\\S+|SSL_\\S+)\\s+-\\s+(\\S+)\\s", Pattern.MULTILINE);
            Matcher m = line.matcher(p.stdout());
            while (m.find()) {
                names.put(m.group(1), m.group(2));
            }
        }
        return Collections.unmodifiableMap(names);
    }

    /**
     * Starts openssl with the arguments; stdout and stderr go to files in workDir (named after
     * tag), stdin comes from the file given or from nothing.
     */
    public static Proc start(Path workDir, String tag, Path stdin, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add("openssl");
        Collections.addAll(cmd, args);
        Path out = Files.createTempFile(workDir, tag + "-", ".out");
        Path err = Files.createTempFile(workDir, tag + "-", ".err");
        ProcessBuilder b = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile());
        b.redirectInput(stdin != null ? ProcessBuilder.Redirect.from(stdin.toFile())
                : ProcessBuilder.Redirect.from(new File("/dev/null")));
        Process p = b.start();
        LIVE.add(p);
        return new Proc(p, cmd, out, err);
    }

    /** Destroys every process still running. */
    public static void killAll() {
        for (Process p : LIVE) {
            p.destroyForcibly();
        }
        LIVE.clear();
    }

    /** One openssl process; closing it kills it if it still runs. */
    public static final class Proc implements AutoCloseable {
        private final Process process;
        private final List<String> command;
        private final Path out;
        private final Path err;

        Proc(Process process, List<String> command, Path out, Path err) {
            this.process = process;
            this.command = command;
            this.out = out;
            this.err = err;
        }

        public String stdout() {
            return read(out);
        }

        public byte[] stdoutBytes() throws IOException {
            return Files.readAllBytes(out);
        }

        public String stderr() {
            return read(err);
        }

        public boolean waitFor(Duration d) throws InterruptedException {
            return process.waitFor(d.toMillis(), TimeUnit.MILLISECONDS);
        }

        public int exitValue() {
            return process.exitValue();
        }

        public boolean alive() {
            return process.isAlive();
        }

        /** Polls stdout for the first match of a pattern; group 1 of it, or an exception naming what was seen. */
        public String awaitStdout(Pattern p, Duration d) throws IOException, InterruptedException {
            long end = System.nanoTime() + d.toNanos();
            while (true) {
                Matcher m = p.matcher(stdout());
                if (m.find()) {
                    return m.groupCount() > 0 ? m.group(1) : m.group();
                }
                if (!process.isAlive() || System.nanoTime() > end) {
                    throw new IOException("openssl never printed " + p + (process.isAlive() ? " (timed out)"
                            : " (exited " + process.exitValue() + ")") + "; stdout: " + stdout() + "; stderr: " + stderr());
                }
                Thread.sleep(10);
            }
        }

        public String describe() {
            return String.join(" ", command);
        }

        @Override
        public void close() {
            process.destroyForcibly();
            try {
                process.waitFor(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            LIVE.remove(process);
            try {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            } catch (IOException ignored) {
                // the temp dir goes at exit anyway
            }
        }

        private static String read(Path p) {
            try {
                return new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1);
            } catch (IOException e) {
                return "";
            }
        }
    }
}
