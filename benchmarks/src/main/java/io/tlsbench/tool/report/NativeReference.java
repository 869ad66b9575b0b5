package io.tlsbench.tool.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.tlsbench.tool.Messages;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The native reference: {@code openssl speed} figures measured in the same run, written to
 * openssl.json beside jmh.json.
 *
 * <p>Every measurement is {@code openssl speed -mr -seconds N ...} (machine-readable output; N =
 * {@code perAlgorithm}, at least 1 s). Bulk algorithms (ciphers, HMAC, digests) are measured once
 * per record size of the record benchmarks ({@link #SIZES}, one {@code -bytes} run each) rather
 * than at openssl's six default sizes, which keeps the whole reference near 30 s at 1 s each:
 * 8 bulk algorithms × 3 sizes, RSA and ECDSA sign + verify, two ECDH derivations.
 *
 * <p>Output ({@code -mr}): {@code +H:16:64:...} names the block sizes and {@code +F:idx:name:v1:v2...}
 * gives bytes per second at each; {@code +F2:idx:bits:sign/s:verify/s} is RSA, {@code +F3} DSA,
 * {@code +F4} ECDSA (sign/s, verify/s), {@code +F5:idx:bits:ops/s:s/op} ECDH, {@code +F6} EdDSA.
 * When a run was cut short and has no {@code +F} line, the per-size {@code +DT}/{@code +R} lines
 * (count and seconds) are used instead.
 *
 * <p>openssl missing (or not runnable) is not an error: openssl.json then says
 * {@code {"available": false, "reason": ...}}. An algorithm this openssl lacks (RC4 without the
 * legacy provider, the stitched AES-CBC-HMAC-SHA1 without AES-NI) gets an {@code error} entry and
 * the rest carry on.
 */
public final class NativeReference {

    /** Block sizes measured for bulk algorithms: the record benchmarks' sizes. */
    public static final List<Integer> SIZES = List.of(64, 1024, 16384);

    /** What a measurement yields. */
    public enum Kind { BULK, SIGN, DERIVE }

    /**
     * One algorithm of the reference: its openssl.json name, its kind, and the {@code openssl speed}
     * arguments to try in order (the first that yields figures wins: OpenSSL 3 needs the legacy
     * provider for RC4, 1.1 has no {@code -provider}).
     */
    public record Algorithm(String name, Kind kind, List<List<String>> alternatives) {
        static Algorithm of(String name, Kind kind, String... args) {
            return new Algorithm(name, kind, List.of(List.of(args)));
        }
    }

    /** The algorithms of issue #5, plus AES-128-GCM (the modern baseline of the record benchmarks). */
    public static final List<Algorithm> ALGORITHMS = List.of(
            Algorithm.of("aes-128-cbc", Kind.BULK, "-evp", "aes-128-cbc"),
            Algorithm.of("aes-128-cbc-decrypt", Kind.BULK, "-decrypt", "-evp", "aes-128-cbc"),
            Algorithm.of("aes-128-cbc-hmac-sha1", Kind.BULK, "-evp", "aes-128-cbc-hmac-sha1"),
            Algorithm.of("aes-128-gcm", Kind.BULK, "-evp", "aes-128-gcm"),
            new Algorithm("rc4", Kind.BULK, List.of(List.of("-provider", "legacy", "-provider", "default", "-evp", "rc4"),
                    List.of("-evp", "rc4"))),
            Algorithm.of("des-ede3-cbc", Kind.BULK, "-evp", "des-ede3-cbc"),
            Algorithm.of("hmac-sha1", Kind.BULK, "-hmac", "sha1"),
            Algorithm.of("md5", Kind.BULK, "md5"),
            Algorithm.of("rsa2048", Kind.SIGN, "rsa2048"),
            Algorithm.of("ecdsap256", Kind.SIGN, "ecdsap256"),
            Algorithm.of("ecdhp256", Kind.DERIVE, "ecdhp256"),
            Algorithm.of("ecdhx25519", Kind.DERIVE, "ecdhx25519"));

    private NativeReference() {
    }

    /**
     * Runs the reference with the {@code openssl} on the PATH (or {@code -Dtlsbench.openssl=PATH}),
     * writes {@code dir/openssl.json} and returns what it wrote. Never fails for a missing or broken
     * openssl; throws IOException only when openssl.json cannot be written.
     *
     * @param perAlgorithm openssl's {@code -seconds} for each measurement (each block size, each of
     *                     sign and verify), rounded up to whole seconds, at least 1
     */
    public static Map<String, Object> collect(Path dir, Duration perAlgorithm) throws IOException {
        return collect(dir, perAlgorithm, openssl(), ALGORITHMS, SIZES);
    }

    /** As {@link #collect(Path, Duration)} with an explicit executable, algorithms and sizes. */
    static Map<String, Object> collect(Path dir, Duration perAlgorithm, String openssl, List<Algorithm> algorithms,
                                       List<Integer> sizes) throws IOException {
        long seconds = Math.max(1, (perAlgorithm.toMillis() + 999) / 1000);
        long start = System.nanoTime();
        Map<String, Object> out = new LinkedHashMap<>();
        String version;
        try {
            Run v = exec(List.of(openssl, "version"), 30);
            if (v.exit != 0 || v.output.isBlank()) {
                throw new IOException("'" + openssl + " version' exited with " + v.exit + ": " + firstLine(v.output));
            }
            version = v.output.trim();
        } catch (IOException e) {
            out.put("available", false);
            out.put("reason", "openssl is not available: " + Messages.describe(e));
            write(dir, out);
            return out;
        }
        out.put("available", true);
        out.put("version", version);
        out.put("executable", openssl);
        out.put("seconds_per_measurement", seconds);
        out.put("sizes", sizes);
        Map<String, String> units = new LinkedHashMap<>();
        units.put("bytes_per_second", "input bytes per second at each block size (-bytes N)");
        units.put("sign_per_second", "signatures per second");
        units.put("verify_per_second", "verifications per second");
        units.put("derive_per_second", "key agreements (derivations) per second");
        out.put("units", units);
        Map<String, Object> algs = new LinkedHashMap<>();
        for (Algorithm a : algorithms) {
            algs.put(a.name(), measure(openssl, a, seconds, sizes));
        }
        out.put("algorithms", algs);
        out.put("elapsed_seconds", Math.round((System.nanoTime() - start) / 1e7) / 100.0);
        write(dir, out);
        return out;
    }

    /** One algorithm: the first argument list that yields figures, or the last error. */
    private static Map<String, Object> measure(String openssl, Algorithm a, long seconds, List<Integer> sizes) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", a.kind().name().toLowerCase(java.util.Locale.ROOT));
        String error = null;
        for (List<String> args : a.alternatives()) {
            Attempt t = attempt(commands(openssl, a.kind(), args, seconds, sizes), seconds);
            m.put("commands", t.commands());
            if (t.error() == null && t.last() != null) {
                putFigures(m, a.kind(), t);
                return m;
            }
            error = t.error();
        }
        m.put("error", error);
        return m;
    }

    /** The {@code openssl speed} command lines of one argument list: one per block size for a bulk algorithm. */
    private static List<List<String>> commands(String openssl, Kind kind, List<String> args, long seconds,
                                               List<Integer> sizes) {
        List<List<String>> runs = new ArrayList<>();
        if (kind == Kind.BULK) {
            for (int size : sizes) {
                List<String> cmd = new ArrayList<>(List.of(openssl, "speed", "-mr", "-seconds", Long.toString(seconds),
                        "-bytes", Integer.toString(size)));
                cmd.addAll(args);
                runs.add(cmd);
            }
        } else {
            List<String> cmd = new ArrayList<>(List.of(openssl, "speed", "-mr", "-seconds", Long.toString(seconds)));
            cmd.addAll(args);
            runs.add(cmd);
        }
        return runs;
    }

    /** What one argument list gave: the commands run (as shown), the bulk figures, the last output's figures, or an error. */
    private record Attempt(List<String> commands, Map<Integer, Double> bulk, Figures last, String error) {
    }

    /** Runs the command lines in turn; the first that fails or yields no figures ends the attempt with its error. */
    private static Attempt attempt(List<List<String>> runs, long seconds) {
        List<String> commands = new ArrayList<>();
        Map<Integer, Double> bulk = new TreeMap<>();
        Figures last = null;
        for (List<String> cmd : runs) {
            commands.add("openssl " + String.join(" ", cmd.subList(1, cmd.size())));
            Run r;
            try {
                r = exec(cmd, seconds * 4 + 60);
            } catch (IOException e) {
                return new Attempt(commands, bulk, last, Messages.describe(e));
            }
            Figures f = parse(r.output);
            if (f.isEmpty()) {
                return new Attempt(commands, bulk, last, "exit " + r.exit + ": " + errorLine(r.output));
            }
            bulk.putAll(f.bytesPerSecond());
            last = f;
        }
        return new Attempt(commands, bulk, last, null);
    }

    /** openssl.json's figures for one algorithm of the kind. */
    private static void putFigures(Map<String, Object> m, Kind kind, Attempt t) {
        switch (kind) {
            case BULK:
                Map<String, Double> b = new LinkedHashMap<>();
                t.bulk().forEach((k, v) -> b.put(Integer.toString(k), v));
                m.put("bytes_per_second", b);
                break;
            case SIGN:
                m.put("sign_per_second", t.last().signPerSecond());
                m.put("verify_per_second", t.last().verifyPerSecond());
                break;
            default:
                m.put("derive_per_second", t.last().derivePerSecond());
        }
    }

    /** Figures of one {@code openssl speed -mr} output. Absent figures are null; bytesPerSecond may be empty. */
    public record Figures(Map<Integer, Double> bytesPerSecond, Double signPerSecond, Double verifyPerSecond,
                          Double derivePerSecond) {
        public boolean isEmpty() {
            return bytesPerSecond.isEmpty() && signPerSecond == null && verifyPerSecond == null && derivePerSecond == null;
        }
    }

    /** Parses {@code openssl speed -mr} output (see {@link SpeedOutput}). */
    public static Figures parse(String output) {
        return SpeedOutput.parse(output);
    }

    /** The openssl executable: -Dtlsbench.openssl, else "openssl" found on the PATH, else "openssl". */
    static String openssl() {
        String p = System.getProperty("tlsbench.openssl");
        if (p != null && !p.isBlank()) {
            return p;
        }
        String path = System.getenv("PATH");
        if (path != null) {
            for (String d : path.split(File.pathSeparator)) {
                if (d.isEmpty()) {
                    continue;
                }
                Path c = Paths.get(d, "openssl");
                if (Files.isExecutable(c)) {
                    return c.toString();
                }
            }
        }
        return "openssl";
    }

    private record Run(int exit, String output) {
    }

    private static Run exec(List<String> cmd, long timeoutSeconds) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.redirectInput(ProcessBuilder.Redirect.from(new File(File.separatorChar == '/' ? "/dev/null" : "NUL")));
        Process p = pb.start();
        AtomicReference<String> text = new AtomicReference<>("");
        Thread reader = new Thread(() -> {
            try (InputStream in = p.getInputStream()) {
                text.set(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                // the process went away
            }
        }, "openssl-output");
        reader.setDaemon(true);
        reader.start();
        try {
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                reader.join(2000);
                return new Run(-1, text.get() + "\n(timed out after " + timeoutSeconds + " s)");
            }
            reader.join(5000);
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        }
        return new Run(p.exitValue(), text.get());
    }

    private static void write(Path dir, Map<String, Object> out) throws IOException {
        Files.createDirectories(dir);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(dir.resolve("openssl.json").toFile(), out);
    }

    /** The most telling line of a failed run: openssl's own message before its error-stack lines. */
    static String errorLine(String output) {
        String fallback = null;
        for (String raw : output.split("\\R")) {
            String l = raw.trim();
            if (l.isEmpty() || l.startsWith("+")) {
                continue;
            }
            if (l.matches("^[0-9A-F]{8,}:error:.*")) {
                if (fallback == null) {
                    fallback = l;
                }
                continue;
            }
            return l;
        }
        return fallback != null ? fallback : "no figures in openssl's output";
    }

    private static String firstLine(String s) {
        String t = s.trim();
        int nl = t.indexOf('\n');
        return nl < 0 ? t : t.substring(0, nl);
    }
}
