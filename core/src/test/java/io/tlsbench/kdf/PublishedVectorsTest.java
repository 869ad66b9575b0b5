package io.tlsbench.kdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tlsbench.suite.ConnectionEnd;
import io.tlsbench.suite.ProtocolVersion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every vector in ../shared/vectors/*.json (read in place, never copied), each checked over every
 * available provider in both HMAC styles. Skips, saying why, when the folder is absent.
 */
class PublishedVectorsTest {

    static final int EXPECTED_VECTORS = 489;
    private static final List<KeySchedule> SCHEDULES = TestProviders.schedules();

    static Path vectorDir() {
        String prop = System.getProperty("tlsbench.vectors");
        List<Path> candidates = new ArrayList<>();
        if (prop != null) {
            candidates.add(Paths.get(prop));
        }
        candidates.add(Paths.get("../../shared/vectors"));
        candidates.add(Paths.get("../shared/vectors"));
        for (Path p : candidates) {
            if (Files.isDirectory(p)) {
                return p.toAbsolutePath().normalize();
            }
        }
        return null;
    }

    static List<JsonNode> loadAll() throws IOException {
        Path dir = vectorDir();
        Assumptions.assumeTrue(dir != null, "published vectors not found (../shared/vectors beside the checkout,"
                + " or -Dtlsbench.vectors=DIR): skipping; the inline known-answer tests still run");
        ObjectMapper om = new ObjectMapper();
        List<JsonNode> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".json")).sorted()::iterator) {
                JsonNode root = om.readTree(f.toFile());
                for (JsonNode v : root.get("vectors")) {
                    out.add(v);
                }
            }
        }
        return out;
    }

    @Test
    void allVectorsArePresent() throws IOException {
        assertEquals(EXPECTED_VECTORS, loadAll().size(), "vector count in ../shared/vectors");
    }

    @TestFactory
    Stream<DynamicTest> everyVectorOverEveryProvider() throws IOException {
        return loadAll().stream().map(v -> DynamicTest.dynamicTest(
                v.get("kind").asText() + " " + v.get("id").asText(), () -> check(v)));
    }

    private static void check(JsonNode v) {
        PrfAlgorithm prf = v.has("prf_hash") ? PrfAlgorithm.parse(v.get("prf_hash").asText())
                : PrfAlgorithm.SSL3; // ssl3_prf
        if (v.get("kind").asText().equals("split_premaster")) {
            checkSplit(v);
            return;
        }
        int ran = 0;
        for (KeySchedule ks : SCHEDULES) {
            if (!TestProviders.supports(ks, prf)) {
                continue;
            }
            try {
                checkOne(ks, prf, v);
            } catch (AssertionError e) {
                throw new AssertionError(TestProviders.name(ks) + ": " + e.getMessage(), e);
            }
            ran++;
        }
        assertTrue(ran >= 2, "vector ran over " + ran + " provider paths; SunJCE's two at least are expected");
    }

    private static void checkOne(KeySchedule ks, PrfAlgorithm prf, JsonNode v) {
        String kind = v.get("kind").asText();
        switch (kind) {
            case "tls_kdf": {
                byte[] master = new byte[48];
                ks.masterSecret(prf, hex(v, "premaster"), hex(v, "clienthello_random"), hex(v, "serverhello_random"), master);
                assertHex(v, "master", master);
                byte[] kb = new byte[v.get("key_block_len").asInt()];
                ks.prf(prf).derive(master, 0, 48, KeySchedule.KEY_EXPANSION, hex(v, "server_random"),
                        hex(v, "client_random"), null, kb, 0, kb.length);
                assertHex(v, "key_block", kb);
                break;
            }
            case "ems_kdf": {
                byte[] master = new byte[48];
                ks.extendedMasterSecret(prf, hex(v, "premaster"), hex(v, "session_hash"), master);
                assertHex(v, "master", master);
                byte[] kb = new byte[v.get("key_block_len").asInt()];
                ks.prf(prf).derive(master, 0, 48, KeySchedule.KEY_EXPANSION, hex(v, "server_random"),
                        hex(v, "client_random"), null, kb, 0, kb.length);
                assertHex(v, "key_block", kb);
                break;
            }
            case "key_material":
            case "pms_to_keys": {
                byte[] master = hex(v, "master");
                if (v.has("premaster")) {
                    byte[] m = new byte[48];
                    ks.masterSecret(prf, hex(v, "premaster"), hex(v, "client_random"), hex(v, "server_random"), m);
                    assertHex(v, "master", m);
                }
                KeyBlockLayout layout = new KeyBlockLayout(v.get("mac_len").asInt(), v.get("key_len").asInt(),
                        v.get("iv_len").asInt(), v.path("export_key_len").asInt(0));
                SessionKeys keys = new SessionKeys(layout);
                ks.keyBlock(ProtocolVersion.parse(v.get("version").asText()), prf, master,
                        hex(v, "client_random"), hex(v, "server_random"), keys);
                assertHex(v, "client_mac", keys.clientMacKey);
                assertHex(v, "server_mac", keys.serverMacKey);
                assertHex(v, "client_key", keys.clientWriteKey);
                assertHex(v, "server_key", keys.serverWriteKey);
                if (v.has("client_iv")) {
                    assertHex(v, "client_iv", keys.clientIv);
                    assertHex(v, "server_iv", keys.serverIv);
                }
                break;
            }
            case "exporter": {
                byte[] out = ks.exportKeyingMaterial(prf, hex(v, "master"), v.get("label").asText(),
                        hex(v, "client_random"), hex(v, "server_random"), hex(v, "context"), v.get("out_len").asInt());
                assertHex(v, "expected", out);
                break;
            }
            case "prf": {
                byte[] out = ks.prf(prf).derive(hex(v, "secret"), v.get("label").asText().getBytes(StandardCharsets.US_ASCII),
                        hex(v, "seed"), v.get("out_len").asInt());
                assertHex(v, "expected", out);
                break;
            }
            case "ssl3_prf": {
                byte[] out = ks.prf(PrfAlgorithm.SSL3).derive(hex(v, "secret"), null, hex(v, "seed"), v.get("out_len").asInt());
                assertHex(v, "expected", out);
                break;
            }
            case "master_secret": {
                byte[] master = new byte[48];
                ks.masterSecret(prf, hex(v, "premaster"), hex(v, "client_random"), hex(v, "server_random"), master);
                assertHex(v, "expected", master);
                break;
            }
            case "ems": {
                byte[] sessionHash = new byte[64];
                int n = ks.handshakeHash(prf, hex(v, "handshake_messages"), sessionHash);
                byte[] master = new byte[48];
                ks.extendedMasterSecret(prf, hex(v, "premaster"), java.util.Arrays.copyOf(sessionHash, n), master);
                assertHex(v, "expected", master);
                break;
            }
            case "finished": {
                ConnectionEnd side = ConnectionEnd.valueOf(v.get("side").asText().toUpperCase(java.util.Locale.ROOT));
                byte[] out = ks.verifyData(ProtocolVersion.parse(v.get("version").asText()), prf, hex(v, "master"),
                        side, hex(v, "handshake_messages"));
                assertEquals(v.get("out_len").asInt(), out.length);
                assertHex(v, "expected", out);
                break;
            }
            default:
                fail("unknown vector kind " + kind + " in " + v.get("id").asText());
        }
    }

    private static void checkSplit(JsonNode v) {
        byte[] secret = hex(v, "secret");
        int half = Prf.halfLength(secret.length);
        assertHex(v, "s1", java.util.Arrays.copyOfRange(secret, 0, half));
        assertHex(v, "s2", java.util.Arrays.copyOfRange(secret, secret.length - half, secret.length));
    }

    private static byte[] hex(JsonNode v, String field) {
        JsonNode n = v.get(field);
        return n == null || n.isNull() ? null : HexFormat.of().parseHex(n.asText());
    }

    private static void assertHex(JsonNode v, String field, byte[] actual) {
        JsonNode n = v.get(field);
        String expected = n == null || n.isNull() ? "" : n.asText();
        assertEquals(expected, HexFormat.of().formatHex(actual), v.get("id").asText() + " " + field);
    }
}
