package io.tlsbench.tool.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** leakcheck runs end to end on a few samples and refuses bad arguments; no timing is asserted. */
class LeakCheckCommandTest {

    @Test
    void tinyRunWritesJsonAndMarkdown(@TempDir Path dir) throws Exception {
        CliTest.Result r = CliTest.run("leakcheck", "--samples", "100", "--providers", "sunjce,bc", "--out", dir.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("tlsbench leakcheck: TLS_RSA_WITH_AES_128_CBC_SHA"), r.err());
        assertTrue(r.out().contains("SunJCE") && r.out().contains("bad padding vs bad MAC, pad 255"), r.out());
        JsonNode json = new ObjectMapper().readTree(dir.resolve("leakcheck.json").toFile());
        assertEquals(2, json.get("providers").size());
        for (JsonNode p : json.get("providers")) {
            assertEquals("TLS_RSA_WITH_AES_128_CBC_SHA", p.get("suite").asText());
            assertEquals(12, p.get("classes").size()); // 3 kinds × paddings 0, 1, 15, 255
            assertEquals(15, p.get("comparisons").size());
            for (JsonNode c : p.get("comparisons")) {
                assertTrue(c.get("samples").asLong() >= 100, c.toString());
                assertTrue(c.get("verdict").asText().matches("PASS|FAIL|inconclusive"), c.toString());
                assertTrue(c.get("max_abs_t").asDouble() >= Math.abs(c.get("t_uncropped").asDouble()) - 1e-3, c.toString());
            }
            assertEquals(p.get("measured_opens").asLong(), 12 * 50);
        }
        assertTrue(json.get("env").get("jvm").has("version"));
        String md = Files.readString(dir.resolve("leakcheck.md"));
        assertTrue(md.startsWith("# tlsbench leakcheck"), md);
        assertTrue(md.contains("## SunJCE") && md.contains("## BC"), md);
    }

    @Test
    void anyCbcSuiteAndPaddings(@TempDir Path dir) throws Exception {
        CliTest.Result r = CliTest.run("leakcheck", "--samples", "20", "--providers", "sunjce", "--suite",
                "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384", "--paddings", "0,7", "--out", dir.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode p = new ObjectMapper().readTree(dir.resolve("leakcheck.json").toFile()).get("providers").get(0);
        assertEquals("TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384", p.get("suite").asText());
        assertEquals(6, p.get("classes").size());
        assertEquals(7, p.get("comparisons").size()); // 3 per padding + bad MAC 0 vs 7
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--samples|abc",
        "--samples|0",
        "--samples|-5",
        "--suite|TLS_NOPE",
        "--suite|TLS_RSA_WITH_AES_128_GCM_SHA256",
        "--suite|TLS_RSA_WITH_RC4_128_SHA",
        "--providers|nope",
        "--paddings|256",
        "--mac-check|sometimes",
    })
    void badArgumentsExitTwoWithOneLine(String option, String value, @TempDir Path dir) {
        CliTest.Result r = CliTest.run("leakcheck", option, value, "--out",
                dir.resolve("x").toString());
        assertEquals(2, r.code(), r.err());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.err().startsWith("tlsbench: "), r.err());
        assertEquals("", r.out());
    }
}
