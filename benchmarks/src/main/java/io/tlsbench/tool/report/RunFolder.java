package io.tlsbench.tool.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.tlsbench.bench.jmh.BenchmarkClass;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A run folder as {@code tlsbench run} writes it: jmh.json (required), env.json and openssl.json
 * (optional). Any subset of the benchmarks may be present.
 */
public final class RunFolder {

    public final Path dir;
    public final List<JmhResult> results;
    /** env.json, or a missing node. */
    public final JsonNode env;
    /** openssl.json, or a missing node. */
    public final JsonNode openssl;
    public final NativeFigures natives;

    private RunFolder(Path dir, List<JmhResult> results, JsonNode env, JsonNode openssl) {
        this.dir = dir;
        this.results = List.copyOf(results);
        this.env = env;
        this.openssl = openssl;
        this.natives = new NativeFigures(openssl);
    }

    /**
     * Reads a run folder. Throws IllegalArgumentException (a bad argument: exit 2) when the folder or
     * its jmh.json is missing or jmh.json is not JMH's JSON array.
     */
    public static RunFolder load(Path dir) throws IOException {
        if (dir == null) {
            throw new IllegalArgumentException("no run folder given");
        }
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("no such run folder: " + dir);
        }
        Path jmh = dir.resolve("jmh.json");
        if (!Files.isRegularFile(jmh)) {
            throw new IllegalArgumentException("no jmh.json in " + dir);
        }
        ObjectMapper mapper = new ObjectMapper();
        JsonNode root;
        try {
            root = mapper.readTree(jmh.toFile());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(jmh + " is not JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isArray()) {
            throw new IllegalArgumentException(jmh + " is not JMH's JSON result array");
        }
        List<JmhResult> results = new ArrayList<>();
        for (JsonNode n : root) {
            try {
                results.add(JmhResult.of(n));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(jmh + ": " + e.getMessage());
            }
        }
        return new RunFolder(dir, results, optional(mapper, dir.resolve("env.json")),
                optional(mapper, dir.resolve("openssl.json")));
    }

    private static JsonNode optional(ObjectMapper mapper, Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return MissingNode.getInstance();
        }
        try {
            JsonNode n = mapper.readTree(file.toFile());
            return n == null ? MissingNode.getInstance() : n;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(file + " is not JSON: " + e.getOriginalMessage());
        }
    }

    /** The results of one benchmark class, in file order. */
    public List<JmhResult> of(BenchmarkClass benchmark) {
        List<JmhResult> out = new ArrayList<>();
        for (JmhResult r : results) {
            if (r.benchmarkClass() == benchmark) {
                out.add(r);
            }
        }
        return out;
    }
}
