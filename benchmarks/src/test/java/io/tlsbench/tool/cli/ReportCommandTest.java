package io.tlsbench.tool.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/**
 * {@code tlsbench report} over the hand-made run folder fixtures/run-small. Its figures are round
 * so that every expected value below is worked out by hand in the comments.
 */
class ReportCommandTest {

    record Result(int code, String out, String err) {
    }

    static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), args);
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** A copy of fixtures/run-small in a temporary folder (rendering writes into the run folder). */
    static Path fixtureCopy(Path tmp) throws IOException {
        Path src;
        try {
            src = Paths.get(ReportCommandTest.class.getResource("/fixtures/run-small/jmh.json").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
        Path dst = tmp.resolve("run-small");
        Files.createDirectories(dst);
        try (Stream<Path> files = Files.list(src)) {
            for (Path f : files.toList()) {
                Files.copy(f, dst.resolve(f.getFileName()));
            }
        }
        return dst;
    }

    static void assertBadArgument(Result r, String fragment) {
        assertEquals(2, r.code(), () -> "exit code; stderr: " + r.err());
        List<String> lines = r.err().lines().toList();
        assertEquals(1, lines.size(), r::err);
        assertTrue(lines.get(0).startsWith("tlsbench: "), r::err);
        assertTrue(lines.get(0).contains(fragment), () -> "'" + fragment + "' not in: " + r.err());
    }

    static Document xml(Path svg) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(svg.toFile());
    }

    static final List<String> CHARTS = List.of("chart-records-by-suite.svg", "chart-throughput-vs-size.svg",
            "chart-handshakes.svg", "chart-handshakes-resumed.svg", "chart-native.svg");

    @Test
    void rendersTheFixture(@TempDir Path tmp) throws Exception {
        Path dir = fixtureCopy(tmp);
        Result r = run("report", dir.toString());
        assertEquals(0, r.code(), r::err);
        assertEquals("", r.err());
        assertEquals("wrote " + dir.resolve("report.md") + " and 5 charts", r.out().trim());
        String md = Files.readString(dir.resolve("report.md"));

        for (String section : List.of("## Machine", "## Key schedule", "## Records", "### AES-128-CBC-SHA", "### AES-128-GCM",
                "## AES-NI share", "## SSLEngine peers (JSSE, Conscrypt)", "### Side by side with the core", "## Handshakes",
                "## Native reference (openssl speed)", "### % of native", "## Other benchmarks", "### CipherCeilingBenchmark",
                "### MacCeilingBenchmark")) {
            assertTrue(md.contains("\n" + section + "\n"), () -> section + " missing:\n" + md);
        }
        // machine summary from env.json
        assertTrue(md.contains("| CPU | Intel(R) Xeon(R) Fixture CPU @ 2.80GHz (2 cores) |"), md);
        assertTrue(md.contains("| CPU flags | aes yes, sha_ni no, avx2 yes, avx512f yes"), md);
        assertTrue(md.contains("UseAES=true"), md);
        assertTrue(md.contains("| accp | no | ACCP is not available on this platform (fixture) |"), md);

        // key schedule: core-sunjce 200,000 ± 10,000 over jdk 100,000 ± 5,000 = 2.00, error 2·√(0.05² + 0.05²) = 0.14;
        // over bctls 50,000 (error NaN) = 4.00 ± n/a. core-bc 150,000: 1.50 ± 0.11, 3.00.
        assertTrue(md.contains("| tls12-sha256 | core-sunjce | 200,000 ± 10,000 | 0 | 2.00× ± 0.14 | 4.00× ± n/a |"), md);
        assertTrue(md.contains("| tls12-sha256 | core-bc | 150,000 ± 7,500 | 0 | 1.50× ± 0.11 | 3.00× ± n/a |"), md);
        assertTrue(md.contains("| tls12-sha256 | bctls | 50,000 ± n/a | 800 |"), md);
        // no jdk/bctls figure for masterSecret: no ratio
        assertTrue(md.contains("| tls10 | core-sunjce | 180,000 ± 9,000 | 0 | — | — |"), md);

        // records, AES-128-CBC-SHA over SunJCE at 16 KB:
        // seal 50,000 records/s × 16,384 B = 819.2 MB/s (± 1,000 × 16,384 = 16.4);
        //   limit 1/(1/100,000 + 1/150,000) = 60,000 → 83.3 %; native aes-128-cbc-hmac-sha1 1,638.4 MB/s → 50.0 %
        // open 60,000 × 16,384 = 983.0 MB/s; limit 1/(1/400,000 + 1/150,000) = 109,090.9 → 55.0 %;
        //   native 1/(1/4,000 + 1/2,000 MB/s) = 1,333.3 MB/s → 73.7 %
        assertTrue(md.contains("| tls12 | heap | 16 KB | sunjce | 819.2 ± 16.4 | 0 | 83.3 % | 50.0 % | 983.0 ± 19.7 | 350 | 55.0 % | 73.7 % |"), md);
        // BC has no ceilings in the run (no limit), native 409.6 / 1,638.4 = 25.0 %; its 1 KB error is NaN
        assertTrue(md.contains("| tls12 | heap | 16 KB | bc | 409.6 ± 8.2 | 0 | — | 25.0 % | — | — | — | — |"), md);
        assertTrue(md.contains("| tls12 | heap | 1 KB | bc | 307.2 ± n/a | 0 | — | — |"), md);
        // GCM: 100,000 × 16,384 = 1,638.4 MB/s; limit = the GCM ceiling 125,000 → 80.0 %; native 4,096 MB/s → 40.0 %
        assertTrue(md.contains("| tls12 | heap | 16 KB | sunjce | 1,638.4 ± 32.8 | 96 | 80.0 % | 40.0 % | 1,638.4 ± 32.8 | 96 | 80.0 % | 40.0 % |"), md);
        assertTrue(md.contains("- AES-128-CBC-SHA open: 1/(1/aes-128-cbc decrypt + 1/hmac-sha1)"), md);

        // AES-NI share: 50,000 with the intrinsics, 10,000 without: 5.00×, error 5·√(0.02² + 0.02²) = 0.14; 80 % of the time saved
        assertTrue(md.contains("| 819.2 MB/s | 163.8 MB/s | 5.00× ± 0.14 | 80.0 % |"), md);

        // SSLEngine peers and the side-by-side table
        assertTrue(md.contains("| tls12 | heap | 16 KB | jdk | 1,310.7 ± 26.2 | 100 | 1,310.7 ± 26.2 | 300 |"), md);
        assertTrue(md.contains("| AES-128-GCM | tls12 | heap | 16 KB | seal | 1,638.4 ± 32.8 | — | 1,310.7 ± 26.2 |"), md);

        // handshakes: core 500 over JSSE (configuration jdk) 400 = 1.25 (± 1.25·√(0.04² + 0.04²) = 0.07);
        // server share serverNs / (serverNs + clientNs) = 5.7e8 / 9.5e8 = 60.0 %;
        // native ECDHE-RSA 1/(1/2,000 + 1/60,000 + 2/25,000) = 1,676/s → 500 / 1,676 = 29.8 %
        assertTrue(md.contains("| TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256 | core | jdk | full | pair | 500 ± 20 | 150,000 | 60.0 % | 1.25× ± 0.07 | 29.8 % |"), md);
        assertTrue(md.contains("| TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256 | jsse | jdk | full | pair | 400 ± 16 | 250,000 | — | baseline | 23.9 % |"), md);
        // resumed: 5,000 / 4,000 = 1.25; server share 4.9e8 / 9.8e8 = 50 %; no native figure for a resumption
        assertTrue(md.contains("| TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256 | core | jdk | resumed | pair | 5,000 ± 100 | 20,000 | 50.0 % | 1.25× ± 0.04 | — |"), md);
        // RSA: 1,000 / 500 = 2.00; native 1/(1/2,000 + 1/60,000) = 1,935.5/s → 51.7 %
        assertTrue(md.contains("| TLS_RSA_WITH_AES_128_CBC_SHA | core | jdk | full | pair | 1,000 ± 30 | 90,000 | — | 2.00× ± 0.08 | 51.7 % |"), md);
        // ECDHE-ECDSA: native 1/(1/50,000 + 1/20,000 + 2/25,000) = 6,666.7/s → 2,000 / 6,666.7 = 30.0 %; no JSSE figure
        assertTrue(md.contains("| TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA | core | jdk | full | pair | 2,000 ± 50 | 60,000 | — | — | 30.0 % |"), md);
        assertTrue(md.contains("- RSA: 1/(1/sign + 1/verify), openssl rsa2048: 1/(1/2,000 + 1/60,000) = 1,935/s"), md);
        assertTrue(md.contains("- ECDHE_ECDSA: 1/(1/sign + 1/verify + 2/ecdh), openssl ecdsap256 and ecdhp256"), md);

        // native reference table, with the algorithm openssl could not measure
        assertTrue(md.contains("| rsa2048 |  |  |  | 2,000 | 60,000 |  |"), md);
        assertTrue(md.contains("| rc4 | not measured: exit 1: Couldn't init the context |"), md);

        // charts: present, linked relatively, well-formed SVG
        for (String c : CHARTS) {
            Path svg = dir.resolve(c);
            assertTrue(Files.isRegularFile(svg), c);
            assertTrue(md.contains("](" + c + ")"), () -> c + " not linked");
            Document d = xml(svg);
            assertEquals("svg", d.getDocumentElement().getLocalName(), c);
            assertEquals("http://www.w3.org/2000/svg", d.getDocumentElement().getNamespaceURI(), c);
            assertTrue(d.getElementsByTagNameNS("http://www.w3.org/2000/svg", "text").getLength() > 5, c);
        }
        String bySuite = Files.readString(dir.resolve("chart-records-by-suite.svg"));
        assertTrue(bySuite.contains(">core sunjce<") && bySuite.contains(">SSLEngine jdk<") && bySuite.contains(">819<"), bySuite);
        assertTrue(bySuite.contains("throughput (MB/s"), "y axis label with unit");
    }

    @Test
    void partialRunRendersWhatIsThereAndDropsStaleCharts(@TempDir Path tmp) throws Exception {
        Path dir = fixtureCopy(tmp);
        assertEquals(0, run("report", dir.toString()).code());
        assertTrue(Files.exists(dir.resolve("chart-native.svg")));
        // keep only the key-schedule entries; drop env.json and openssl.json
        ObjectMapper mapper = new ObjectMapper();
        ArrayNode all = (ArrayNode) mapper.readTree(dir.resolve("jmh.json").toFile());
        ArrayNode ks = mapper.createArrayNode();
        for (JsonNode n : all) {
            if (n.path("benchmark").asText().contains("KeySchedule")) {
                ks.add(n);
            }
        }
        mapper.writeValue(dir.resolve("jmh.json").toFile(), ks);
        Files.delete(dir.resolve("env.json"));
        Files.delete(dir.resolve("openssl.json"));

        Result r = run("report", dir.toString());
        assertEquals(0, r.code(), r::err);
        assertEquals("wrote " + dir.resolve("report.md"), r.out().trim());
        String md = Files.readString(dir.resolve("report.md"));
        assertTrue(md.contains("## Key schedule"), md);
        assertTrue(md.contains("2.00× ± 0.14"), md);
        assertTrue(md.contains("No env.json in this run."), md);
        assertTrue(md.contains("no openssl.json in this run"), md);
        for (String absent : List.of("## Records", "## Handshakes", "## AES-NI share", "## SSLEngine peers", "## Other benchmarks", ".svg")) {
            assertFalse(md.contains(absent), () -> absent + " in a key-schedule-only report:\n" + md);
        }
        for (String c : CHARTS) {
            assertFalse(Files.exists(dir.resolve(c)), () -> c + " left over from the earlier rendering");
        }
    }

    /**
     * New runs give JMH the axes' enum constants, so their jmh.json holds SUNJCE, AES_128_CBC_SHA,
     * TLS12, B16384 where earlier runs hold sunjce, AES-128-CBC-SHA, tls12, 16384: both render the
     * same report.
     */
    @Test
    void constantNamesRenderAsEarlierRunsSpelling(@TempDir Path tmp) throws Exception {
        Path earlier = fixtureCopy(tmp.resolve("a"));
        Path renamed = fixtureCopy(tmp.resolve("b"));
        java.util.Map<String, String> constants = java.util.Map.ofEntries(java.util.Map.entry("sunjce", "SUNJCE"),
                java.util.Map.entry("bc", "BC"), java.util.Map.entry("AES-128-CBC-SHA", "AES_128_CBC_SHA"),
                java.util.Map.entry("AES-128-GCM", "AES_128_GCM"), java.util.Map.entry("AES-128-CBC", "AES_128_CBC"),
                java.util.Map.entry("HmacSHA1", "HMAC_SHA1"), java.util.Map.entry("tls12", "TLS12"),
                java.util.Map.entry("tls10", "TLS10"), java.util.Map.entry("tls12-sha256", "TLS12_SHA256"),
                java.util.Map.entry("heap", "HEAP"), java.util.Map.entry("1024", "B1024"), java.util.Map.entry("16384", "B16384"),
                java.util.Map.entry("jdk", "JDK"), java.util.Map.entry("core", "CORE"), java.util.Map.entry("jsse", "JSSE"),
                java.util.Map.entry("full", "FULL"), java.util.Map.entry("resumed", "RESUMED"),
                java.util.Map.entry("core-sunjce", "CORE_SUNJCE"), java.util.Map.entry("core-bc", "CORE_BC"),
                java.util.Map.entry("bctls", "BCTLS"));
        ObjectMapper mapper = new ObjectMapper();
        ArrayNode all = (ArrayNode) mapper.readTree(renamed.resolve("jmh.json").toFile());
        int changed = 0;
        for (JsonNode n : all) {
            com.fasterxml.jackson.databind.node.ObjectNode params = (com.fasterxml.jackson.databind.node.ObjectNode) n.path("params");
            for (String k : names(params.fieldNames())) {
                String c = constants.get(params.path(k).asText());
                if (c != null) {
                    params.put(k, c);
                    changed++;
                }
            }
        }
        assertTrue(changed > 100, "values respelled: " + changed);
        mapper.writeValue(renamed.resolve("jmh.json").toFile(), all);
        assertEquals(0, run("report", earlier.toString()).code());
        Result r = run("report", renamed.toString());
        assertEquals(0, r.code(), r::err);
        assertEquals(Files.readString(earlier.resolve("report.md")), Files.readString(renamed.resolve("report.md")));
        for (String c : CHARTS) {
            assertEquals(Files.readString(earlier.resolve(c)), Files.readString(renamed.resolve(c)), c);
        }
    }

    private static <T> List<T> names(java.util.Iterator<T> it) {
        List<T> out = new java.util.ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }

    /** A value the axis does not know is refused, naming the parameter, rather than dropped from its section. */
    @Test
    void unknownParameterValueIsABadArgument(@TempDir Path tmp) throws Exception {
        Path dir = fixtureCopy(tmp);
        String json = Files.readString(dir.resolve("jmh.json"));
        Files.writeString(dir.resolve("jmh.json"), json.replaceFirst("\"AES-128-GCM\"", "\"CHACHA20-POLY1305\""));
        assertBadArgument(run("report", dir.toString()), "unknown record suite 'CHACHA20-POLY1305'");
    }

    @Test
    void emptyRunRenders(@TempDir Path tmp) throws IOException {
        Files.writeString(tmp.resolve("jmh.json"), "[]");
        Result r = run("report", tmp.toString());
        assertEquals(0, r.code(), r::err);
        assertTrue(Files.readString(tmp.resolve("report.md")).contains("(0 results)"));
    }

    @Test
    void missingFolder(@TempDir Path tmp) {
        assertBadArgument(run("report", tmp.resolve("nope").toString()), "no such run folder");
    }

    @Test
    void missingJmhJson(@TempDir Path tmp) {
        assertBadArgument(run("report", tmp.toString()), "no jmh.json in");
    }

    @Test
    void malformedJmhJson(@TempDir Path tmp) throws IOException {
        Files.writeString(tmp.resolve("jmh.json"), "{ not json");
        assertBadArgument(run("report", tmp.toString()), "is not JSON");
        Files.writeString(tmp.resolve("jmh.json"), "{\"benchmark\": 1}");
        assertBadArgument(run("report", tmp.toString()), "is not JMH's JSON result array");
    }

    @Test
    void missingArgument() {
        assertBadArgument(run("report"), "DIR");
    }
}
