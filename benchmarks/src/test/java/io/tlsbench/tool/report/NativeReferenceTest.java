package io.tlsbench.tool.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tlsbench.tool.report.NativeReference.Algorithm;
import io.tlsbench.tool.report.NativeReference.Figures;
import io.tlsbench.tool.report.NativeReference.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The openssl speed -mr parser on output captured from OpenSSL 3.0 (fixtures/openssl), and one real run. */
class NativeReferenceTest {

    static String fixture(String name) throws IOException {
        try (InputStream in = NativeReferenceTest.class.getResourceAsStream("/fixtures/openssl/" + name)) {
            assertNotNull(in, name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void bulkAtOpensslsSixDefaultSizes() throws IOException {
        Figures f = NativeReference.parse(fixture("aes-128-cbc-all-sizes.txt"));
        assertEquals(List.of(16, 64, 256, 1024, 8192, 16384), List.copyOf(f.bytesPerSecond().keySet()));
        assertEquals(1065608048.48, f.bytesPerSecond().get(16), 1e-3);
        assertEquals(1217141312.00, f.bytesPerSecond().get(64), 1e-3);
        assertEquals(1255529472.00, f.bytesPerSecond().get(1024), 1e-3);
        assertEquals(1261731840.00, f.bytesPerSecond().get(16384), 1e-3);
        assertNull(f.signPerSecond());
        assertNull(f.derivePerSecond());
    }

    @Test
    void bulkAtOneSize() throws IOException {
        assertEquals(Map.of(16384, 10484449280.00), NativeReference.parse(fixture("aes-128-cbc-dec-16384.txt")).bytesPerSecond());
        assertEquals(Map.of(16384, 1274724352.00), NativeReference.parse(fixture("aes-128-cbc-hmac-sha1-16384.txt")).bytesPerSecond());
        assertEquals(Map.of(1024, 661255168.00), NativeReference.parse(fixture("rc4-1024.txt")).bytesPerSecond());
        assertEquals(Map.of(64, 277016320.00), NativeReference.parse(fixture("hmac-sha1-64.txt")).bytesPerSecond());
    }

    @Test
    void rsaSignAndVerify() throws IOException {
        Figures f = NativeReference.parse(fixture("rsa2048.txt"));
        assertEquals(3852.0, f.signPerSecond(), 1e-9);
        assertEquals(64865.0, f.verifyPerSecond(), 1e-9);
        assertTrue(f.bytesPerSecond().isEmpty());
    }

    @Test
    void ecdsaSignAndVerify() throws IOException {
        Figures f = NativeReference.parse(fixture("ecdsap256.txt"));
        assertEquals(52072.448980, f.signPerSecond(), 1e-6);
        assertEquals(19376.0, f.verifyPerSecond(), 1e-9);
    }

    @Test
    void ecdhDerivationsTheFirstCurveOfTheOutput() throws IOException {
        Figures f = NativeReference.parse(fixture("ecdh-p256-x25519.txt"));
        assertEquals(24957.0, f.derivePerSecond(), 1e-9);
        assertNull(f.signPerSecond());
    }

    @Test
    void failedRunHasNoFiguresAndATellingLine() throws IOException {
        String out = fixture("rc4-without-legacy.txt");
        assertTrue(NativeReference.parse(out).isEmpty());
        assertEquals("Couldn't init the context", NativeReference.errorLine(out));
    }

    @Test
    void runCutShortFallsBackToCountAndSeconds() throws IOException {
        // the per-size lines of a run with no +H/+F summary (killed before the end)
        String out = "+DT:AES-128-CBC:1:16\n+R:65934498:AES-128-CBC:0.990000\n+DT:AES-128-CBC:1:64\n+R:19017833:AES-128-CBC:1.000000\n";
        Figures f = NativeReference.parse(out);
        assertEquals(65934498.0 * 16 / 0.99, f.bytesPerSecond().get(16), 1e-3);
        assertEquals(19017833.0 * 64, f.bytesPerSecond().get(64), 1e-3);
    }

    @Test
    void garbageIsIgnored() {
        Figures f = NativeReference.parse("hello\n+F:oops\n+F2:1\n+H:x:y\n+F5:3:256:notanumber:0.1\n");
        assertTrue(f.isEmpty());
    }

    @Test
    void missingOpensslIsNotAFailure(@TempDir Path dir) throws IOException {
        Map<String, Object> m = NativeReference.collect(dir, Duration.ofSeconds(1), dir.resolve("no-such-openssl").toString(),
                NativeReference.ALGORITHMS, NativeReference.SIZES);
        assertEquals(false, m.get("available"));
        assertTrue(String.valueOf(m.get("reason")).startsWith("openssl is not available"), () -> String.valueOf(m.get("reason")));
        JsonNode json = new ObjectMapper().readTree(dir.resolve("openssl.json").toFile());
        assertFalse(json.path("available").asBoolean(true));
        assertFalse(new NativeFigures(json).available());
    }

    @Test
    void referenceListHasTheIssuesAlgorithms() {
        List<String> names = NativeReference.ALGORITHMS.stream().map(Algorithm::name).toList();
        assertTrue(names.containsAll(List.of("aes-128-cbc", "aes-128-cbc-decrypt", "aes-128-cbc-hmac-sha1", "rc4",
                "des-ede3-cbc", "hmac-sha1", "md5", "rsa2048", "ecdsap256", "ecdhp256", "ecdhx25519")), names::toString);
    }

    /** One quick real measurement (md5 at 64 bytes, 1 s) and one unknown cipher, with the machine's openssl. */
    @Test
    void realOpensslQuickAlgorithm(@TempDir Path dir) throws IOException {
        String openssl = NativeReference.openssl();
        Assumptions.assumeTrue(openssl.contains("/") ? Files.isExecutable(Paths.get(openssl)) : false,
                "openssl is not on the PATH: skipping the real run");
        Map<String, Object> m = NativeReference.collect(dir, Duration.ofMillis(200), openssl,
                List.of(Algorithm.of("md5", Kind.BULK, "md5"), Algorithm.of("nosuch", Kind.BULK, "-evp", "no-such-cipher")),
                List.of(64));
        assertEquals(true, m.get("available"));
        JsonNode json = new ObjectMapper().readTree(dir.resolve("openssl.json").toFile());
        assertFalse(json.path("version").asText().isBlank());
        assertEquals(1, json.path("seconds_per_measurement").asInt());
        NativeFigures nf = new NativeFigures(json);
        assertTrue(nf.bytesPerSecond("md5", 64) > 1e6, json::toString);
        assertNotNull(nf.error("nosuch"), json::toString);
        assertEquals("openssl speed -mr -seconds 1 -bytes 64 md5", json.path("algorithms").path("md5").path("commands").get(0).asText());
    }
}
