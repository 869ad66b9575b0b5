package io.tlsbench.tool.cli;

import static io.tlsbench.tool.cli.ReportCommandTest.assertBadArgument;
import static io.tlsbench.tool.cli.ReportCommandTest.fixtureCopy;
import static io.tlsbench.tool.cli.ReportCommandTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tlsbench.tool.cli.ReportCommandTest.Result;
import io.tlsbench.tool.capacity.CapacityPlanner;
import io.tlsbench.tool.capacity.CapacityInputs;
import io.tlsbench.tool.capacity.CapacityPlanner.Line;
import io.tlsbench.tool.capacity.CapacityPlanner.Plan;
import io.tlsbench.tool.report.RunFolder;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tlsbench capacity} over fixtures/run-small, with the cores worked out by hand.
 *
 * <p>The fixture's TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256 figures (handshakes per core-second,
 * client + server pair; records per core-second):
 * <pre>
 *             full (server share)  resumed (server share)  AES-128-GCM seal/open at 1 KB   at 16 KB
 * core · jdk    500 (60 %)            5,000 (50 %)          1,000,000 / 1,000,000        100,000 / 100,000  (RecordBenchmark sunjce)
 * jsse · jdk    400 (—)               4,000 (—)               800,000 /   800,000         80,000 /  80,000  (SSLEngine jdk wrap/unwrap)
 * </pre>
 * With a server share, a server core completes pair / share handshakes per second: core 500 / 0.6 = 833.3 full,
 * 5,000 / 0.5 = 10,000 resumed. JSSE's run has no share counters: its pair figures are used.
 */
class CapacityCommandTest {

    static final double EPS = 1e-9;

    static Result ok(String... args) {
        Result r = run(args);
        assertEquals(0, r.code(), r::err);
        assertEquals("", r.err());
        return r;
    }

    static Line line(Plan p, String name) {
        return p.lines().stream().filter(l -> l.name().equals(name)).findFirst().orElseThrow(() -> new AssertionError(name + " not in " + p));
    }

    /**
     * N = 1,000/s, R = 0.5, G = 10 Gbit/s, B = 16 KB, U = 0.5. Each direction: 10e9 / 8 / 2 = 625,000,000 B/s.
     * core: full 500 / 833.33 = 0.6; resumed 500 / 10,000 = 0.05; seal 625e6 / (100,000 × 16,384 = 1,638,400,000) =
     * 0.381470 and open the same: 0.762939; (0.6 + 0.05 + 0.762939) / 0.5 = 2.8259 → 3 cores.
     * jsse: full 500 / 400 = 1.25; resumed 500 / 4,000 = 0.125; 2 × 625e6 / (80,000 × 16,384 = 1,310,720,000) =
     * 0.953674; (1.25 + 0.125 + 0.953674) / 0.5 = 4.6573 → 5 cores. Cheapest: core · jdk.
     */
    @Test
    void defaultSuiteHandComputed(@TempDir Path tmp) throws IOException {
        Path dir = fixtureCopy(tmp);
        Plan p = CapacityPlanner.plan(RunFolder.load(dir), new CapacityInputs(1000, 0.5, 10, 16384, null, 0.5));
        assertEquals("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", p.suite().name);
        assertEquals("AES-128-GCM", p.recordSuite());
        Line core = line(p, "core · jdk");
        assertEquals(0.6, core.full(), EPS);
        assertEquals(0.05, core.resumed(), EPS);
        assertEquals(2 * 625e6 / 1_638_400_000.0, core.records(), EPS);
        assertEquals(0.762939453125, core.records(), EPS);
        assertEquals(3, core.cores());
        Line jsse = line(p, "jsse · jdk");
        assertEquals(1.25, jsse.full(), EPS);
        assertEquals(0.125, jsse.resumed(), EPS);
        assertEquals(0.95367431640625, jsse.records(), EPS);
        assertEquals(5, jsse.cores());
        assertEquals("core · jdk", p.cheapest().name());

        Result r = ok("capacity", "--results", dir.toString(), "--new-connections-per-s", "1000", "--resumption-ratio", "0.5",
                "--throughput-gbps", "10", "--record-size", "16384", "--target-utilization", "0.5");
        String out = r.out();
        assertTrue(out.contains("suite TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256 (records: AES-128-GCM), the default"), out);
        assertTrue(out.contains("core · jdk: 3 cores"), out);
        assertTrue(out.contains("full handshakes:    1,000 × (1 − 0.5) / 833.3 per core = 0.6 cores   "
                + "[server's share: 500 pair handshakes/s ÷ 0.6 (serverNs / (serverNs + clientNs))]"), out);
        assertTrue(out.contains("resumed handshakes: 1,000 × 0.5 / 10,000 per core = 0.05 cores"), out);
        assertTrue(out.contains("full handshakes:    1,000 × (1 − 0.5) / 400 per core = 1.25 cores   "
                + "[client + server pair in one thread: overstates the server's cost]"), out);
        assertTrue(out.contains("[RecordBenchmark provider=sunjce, AES-128-GCM, tls12, heap buffers]"), out);
        assertTrue(out.contains("record protection:  10 Gbit/s = 1,250,000,000 B/s, half sealed, half opened = 625,000,000 B/s each way"), out);
        assertTrue(out.contains("seal: 625,000,000 / 1,638,400,000 B/s per core = 0.3815 cores   [measured at 16,384 B: 100,000 records/s × 16,384 B]"), out);
        assertTrue(out.contains("records: 0.3815 + 0.3815 = 0.7629 cores"), out);
        assertTrue(out.contains("total: (0.6 + 0.05 + 0.7629) / 0.5 = 2.826 → 3 cores"), out);
        assertTrue(out.contains("jsse · jdk: 5 cores"), out);
        assertTrue(out.contains("JsseRecordBenchmark engine=jdk, AES-128-GCM, tls12, heap buffers"), out);
        assertTrue(out.contains("total: (1.25 + 0.125 + 0.9537) / 0.5 = 4.657 → 5 cores"), out);
        assertTrue(out.strip().endsWith("cheapest: core · jdk, 3 cores"), out);
    }

    /**
     * --suite TLS_RSA_WITH_AES_128_CBC_SHA, N = 100, R = 0, G = 1, B = 16 KB, U = 0.7 (default).
     * core (no share counters for this suite: the pair's figure): full 100 / 1,000 = 0.1; each direction 62,500,000 B/s; seal 62.5e6 / (50,000 × 16,384) = 0.076294,
     * open 62.5e6 / (60,000 × 16,384) = 0.063578; sum 0.239872 / 0.7 = 0.3427 → 1 core.
     * JSSE has handshake figures but no AES-128-CBC-SHA record figures: not planned.
     */
    @Test
    void selectedSuiteWithoutResumption(@TempDir Path tmp) throws IOException {
        Path dir = fixtureCopy(tmp);
        Plan p = CapacityPlanner.plan(RunFolder.load(dir), new CapacityInputs(100, 0, 1, 16384, "tls_rsa_with_aes_128_cbc_sha", 0.7));
        assertEquals("TLS_RSA_WITH_AES_128_CBC_SHA", p.suite().name);
        assertEquals(1, p.lines().size());
        Line core = line(p, "core · jdk");
        assertEquals(0.1, core.full(), EPS);
        assertEquals(0, core.resumed(), EPS);
        assertEquals(62.5e6 / 819_200_000.0 + 62.5e6 / 983_040_000.0, core.records(), EPS);
        assertEquals(1, core.cores());
        assertTrue(p.skipped().get(0).startsWith("jsse · jdk: no AES-128-CBC-SHA record figures"), p.skipped()::toString);

        String out = ok("capacity", "--results", dir.toString(), "--new-connections-per-s", "100", "--resumption-ratio", "0",
                "--throughput-gbps", "1", "--record-size", "16384", "--suite", "TLS_RSA_WITH_AES_128_CBC_SHA").out();
        assertTrue(out.contains("resumed handshakes: none needed (--resumption-ratio 0)"), out);
        assertTrue(out.contains("total: (0.1 + 0 + 0.1399) / 0.7 = 0.3427 → 1 cores"), out);
        assertTrue(out.contains("not planned:"), out);
        assertTrue(out.contains("cheapest: core · jdk, 1 core"), out);
    }

    /**
     * B = 8,704, halfway between the measured 1 KB and 16 KB. Time per record: core 1 µs and 10 µs → 5.5 µs,
     * so 8,704 / 5.5e-6 = 1,582,545,454.5 B/s; 2 × 625e6 / that = 0.789867. JSSE: 1.25 µs and 12.5 µs → 6.875 µs,
     * 1,266,036,363.6 B/s; 0.987337. N = 0: no handshakes. U = 1: 1 core each; core has the smaller load.
     */
    @Test
    void interpolatesBetweenMeasuredSizes(@TempDir Path tmp) throws IOException {
        Path dir = fixtureCopy(tmp);
        Plan p = CapacityPlanner.plan(RunFolder.load(dir), new CapacityInputs(0, 0, 10, 8704, null, 1));
        assertEquals(2 * 625e6 / (8704 / 5.5e-6), line(p, "core · jdk").records(), 1e-9);
        assertEquals(2 * 625e6 / (8704 / 6.875e-6), line(p, "jsse · jdk").records(), 1e-9);
        assertEquals(1, line(p, "core · jdk").cores());
        assertEquals(1, line(p, "jsse · jdk").cores());
        String out = ok("capacity", "--results", dir.toString(), "--new-connections-per-s", "0", "--resumption-ratio", "0",
                "--throughput-gbps", "10", "--record-size", "8704", "--target-utilization", "1").out();
        assertTrue(out.contains("interpolated between 1,024 B and 16,384 B, time per record linear in size: 181,818 records/s × 8,704 B"), out);
        assertTrue(out.contains("cheapest: core · jdk, 1 core (tied on cores with jsse · jdk; chosen for the smaller unrounded load)"), out);
    }

    /** Below the smallest measured size the smallest size's time per record is used: 100 B at 1 µs = 100,000,000 B/s. */
    @Test
    void belowTheSmallestMeasuredSize(@TempDir Path tmp) throws IOException {
        Path dir = fixtureCopy(tmp);
        Plan p = CapacityPlanner.plan(RunFolder.load(dir), new CapacityInputs(0, 0, 1, 100, null, 1));
        assertEquals(2 * 62.5e6 / 100e6, line(p, "core · jdk").records(), EPS);
        String out = ok("capacity", "--results", dir.toString(), "--new-connections-per-s", "0", "--resumption-ratio", "0",
                "--throughput-gbps", "1", "--record-size", "100").out();
        assertTrue(out.contains("below the smallest measured size"), out);
    }

    /**
     * A measured server's-share figure (a side=server entry, 1,000/s) for core's full handshake is preferred
     * over the pair figure and its share counters: 500 / 1,000 = 0.5 cores.
     */
    @Test
    void serversShareIsPreferred(@TempDir Path tmp) throws IOException {
        Path dir = fixtureCopy(tmp);
        ObjectMapper mapper = new ObjectMapper();
        ArrayNode all = (ArrayNode) mapper.readTree(dir.resolve("jmh.json").toFile());
        ObjectNode server = null;
        for (JsonNode n : all) {
            if (n.path("benchmark").asText().endsWith("HandshakeBenchmark.handshake") && n.path("params").path("stack").asText().equals("core")
                    && n.path("params").path("mode").asText().equals("full")) {
                server = n.deepCopy();
                break;
            }
        }
        ((ObjectNode) server.path("params")).put("side", "server");
        ((ObjectNode) server.path("primaryMetric")).put("score", 1000.0);
        all.add(server);
        mapper.writeValue(dir.resolve("jmh.json").toFile(), all);
        Plan p = CapacityPlanner.plan(RunFolder.load(dir), new CapacityInputs(1000, 0.5, 10, 16384, null, 0.5));
        assertEquals(0.5, line(p, "core · jdk").full(), EPS);
        String out = ok("capacity", "--results", dir.toString(), "--new-connections-per-s", "1000", "--resumption-ratio", "0.5",
                "--throughput-gbps", "10", "--record-size", "16384").out();
        assertTrue(out.contains("/ 1,000 per core = 0.5 cores   [server's share, measured]"), out);
    }

    // ---- bad or missing inputs: one line, exit 2 ----

    static String[] args(Path dir, String n, String r, String g, String b, String... more) {
        String[] base = {"capacity", "--results", dir.toString(), "--new-connections-per-s", n, "--resumption-ratio", r,
            "--throughput-gbps", g, "--record-size", b};
        String[] all = new String[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    @Test
    void missingResults() {
        assertBadArgument(run("capacity", "--new-connections-per-s", "1", "--resumption-ratio", "0", "--throughput-gbps", "1",
                "--record-size", "1024"), "--results");
    }

    @Test
    void nonexistentFolder(@TempDir Path tmp) {
        assertBadArgument(run(args(tmp.resolve("nope"), "1", "0", "1", "1024")), "no such run folder");
    }

    @Test
    void resumptionRatioOutOfRange(@TempDir Path tmp) throws IOException {
        Path dir = fixtureCopy(tmp);
        assertBadArgument(run(args(dir, "1", "1.5", "1", "1024")), "--resumption-ratio must be between 0 and 1");
        assertBadArgument(run(args(dir, "1", "-0.1", "1", "1024")), "--resumption-ratio must be between 0 and 1");
    }

    @Test
    void negativeOrNonNumericConnections(@TempDir Path tmp) throws IOException {
        Path dir = fixtureCopy(tmp);
        assertBadArgument(run(args(dir, "-1", "0", "1", "1024")), "--new-connections-per-s must be a number ≥ 0");
        assertBadArgument(run(args(dir, "lots", "0", "1", "1024")), "--new-connections-per-s");
        assertBadArgument(run(args(dir, "1", "0", "-2", "1024")), "--throughput-gbps must be a number ≥ 0");
    }

    @Test
    void utilizationOutOfRange(@TempDir Path tmp) throws IOException {
        Path dir = fixtureCopy(tmp);
        assertBadArgument(run(args(dir, "1", "0", "1", "1024", "--target-utilization", "0")), "--target-utilization must be in (0, 1]");
        assertBadArgument(run(args(dir, "1", "0", "1", "1024", "--target-utilization", "1.5")), "--target-utilization must be in (0, 1]");
    }

    @Test
    void recordSizeOutOfRange(@TempDir Path tmp) throws IOException {
        Path dir = fixtureCopy(tmp);
        assertBadArgument(run(args(dir, "1", "0", "1", "0")), "--record-size must be between 1 and 16384");
        assertBadArgument(run(args(dir, "1", "0", "1", "20000")), "--record-size must be between 1 and 16384");
    }

    @Test
    void unknownSuite(@TempDir Path tmp) throws IOException {
        Path dir = fixtureCopy(tmp);
        assertBadArgument(run(args(dir, "1", "0", "1", "1024", "--suite", "TLS_NULL_WITH_NULL_NULL")),
                "unknown suite 'TLS_NULL_WITH_NULL_NULL': the run has handshake figures for TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256");
    }

    @Test
    void noHandshakeData(@TempDir Path tmp) throws IOException {
        Path dir = fixtureCopy(tmp);
        ObjectMapper mapper = new ObjectMapper();
        ArrayNode all = (ArrayNode) mapper.readTree(dir.resolve("jmh.json").toFile());
        ArrayNode none = mapper.createArrayNode();
        for (JsonNode n : all) {
            if (!n.path("benchmark").asText().contains("Handshake")) {
                none.add(n);
            }
        }
        mapper.writeValue(dir.resolve("jmh.json").toFile(), none);
        assertBadArgument(run(args(dir, "1", "0", "1", "1024")), "no handshake figures in");
    }

    @Test
    void noRecordData(@TempDir Path tmp) throws IOException {
        Path dir = fixtureCopy(tmp);
        ObjectMapper mapper = new ObjectMapper();
        ArrayNode all = (ArrayNode) mapper.readTree(dir.resolve("jmh.json").toFile());
        ArrayNode handshakesOnly = mapper.createArrayNode();
        for (JsonNode n : all) {
            if (!n.path("benchmark").asText().contains("RecordBenchmark")) {
                handshakesOnly.add(n);
            }
        }
        mapper.writeValue(dir.resolve("jmh.json").toFile(), handshakesOnly);
        assertBadArgument(run(args(dir, "1", "0", "1", "1024")),
                "no provider configuration has both handshake and record figures for TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256");
    }
}
