package io.tlsbench.kdf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tlsbench.suite.CipherSuite;
import io.tlsbench.suite.ConnectionEnd;
import io.tlsbench.suite.ProtocolVersion;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * A handful of published vectors typed inline (sources in each name), so that a fresh clone
 * without ../shared/vectors still checks every construction: SSLv3, TLS 1.0 and TLS 1.2 PRFs,
 * master secret, key block split, extended master secret, both Finished forms and the exporter.
 */
class InlineKnownAnswerTest {

    private static final HexFormat HEX = HexFormat.of();

    private static final String ZERO48 = "00".repeat(48);
    /** mbed TLS 2.28 test_suite_ssl.data: 48-byte secret and 64-byte seed of a repeated pattern. */
    private static final String MBED_SECRET = "1234567890abcdef".repeat(6);
    private static final String MBED_SEED = "1234567890abcdef".repeat(8);

    @TestFactory
    Stream<DynamicTest> inlineVectorsOverEveryProvider() {
        return TestProviders.schedules().stream().flatMap(ks -> Stream.of(
                DynamicTest.dynamicTest(TestProviders.name(ks) + " IETF TLS 1.2 PRF SHA-256", () -> assertEquals(
                        "e3f229ba727be17b8d122620557cd453c2aab21d07c3d495329b52d4e61edb5a6b301791e90d35c9c9a46b4e14baf9af"
                                + "0fa022f7077def17abfd3797c0564bab4fbc91666e9def9b97fce34f796789baa48082d122ee42c5a72e5a51"
                                + "10fff70187347b66",
                        HEX.formatHex(ks.prf(PrfAlgorithm.SHA256).derive(HEX.parseHex("9bbe436ba940f017b17652849a71db35"),
                                ascii("test label"), HEX.parseHex("a0ba9f936cda311827a6f796ffd5198c"), 100)))),
                DynamicTest.dynamicTest(TestProviders.name(ks) + " mbed TLS SSLv3 PRF", () -> assertEquals(
                        "3ff3d192aa599255339def5a9723444a",
                        HEX.formatHex(ks.prf(PrfAlgorithm.SSL3).derive(HEX.parseHex(MBED_SECRET), null, HEX.parseHex(MBED_SEED), 16)))),
                DynamicTest.dynamicTest(TestProviders.name(ks) + " mbed TLS TLS 1.0 PRF", () -> assertEquals(
                        "8defca540d41d4c79d390027295bb4e6",
                        HEX.formatHex(ks.prf(PrfAlgorithm.MD5_SHA1).derive(HEX.parseHex(MBED_SECRET), ascii("test tls_prf label"),
                                HEX.parseHex(MBED_SEED), 16)))),
                DynamicTest.dynamicTest(TestProviders.name(ks) + " mbed TLS TLS 1.2 PRF SHA-384", () -> assertEquals(
                        "a4206a36eef93f496611c2b7806625c3",
                        HEX.formatHex(ks.prf(PrfAlgorithm.SHA384).derive(HEX.parseHex(MBED_SECRET), ascii("test tls_prf label"),
                                HEX.parseHex(MBED_SEED), 16)))),
                DynamicTest.dynamicTest(TestProviders.name(ks) + " Go TLS 1.0 premaster to keys", () -> goTls10(ks)),
                DynamicTest.dynamicTest(TestProviders.name(ks) + " tlslite SSLv3 client Finished", () -> assertEquals(
                        "15a9d7f18b56ec59abeeba539c7dff57a0a85c71e5783822f4ed70ab6c8a56d947ab0f7a",
                        HEX.formatHex(ks.verifyData(ProtocolVersion.SSL3, PrfAlgorithm.SSL3, HEX.parseHex(ZERO48),
                                ConnectionEnd.CLIENT, new byte[10])))),
                DynamicTest.dynamicTest(TestProviders.name(ks) + " tlslite TLS 1.0 server Finished", () -> assertEquals(
                        "6b5942ce207fbbeee5e73c9d",
                        HEX.formatHex(ks.verifyData(ProtocolVersion.TLS10, PrfAlgorithm.MD5_SHA1, HEX.parseHex(ZERO48),
                                ConnectionEnd.SERVER, new byte[10])))),
                DynamicTest.dynamicTest(TestProviders.name(ks) + " tlslite TLS 1.2 client Finished", () -> assertEquals(
                        "8e8c7e036c5524539f7a5ccc",
                        HEX.formatHex(ks.verifyData(ProtocolVersion.TLS12, PrfAlgorithm.SHA256, HEX.parseHex(ZERO48),
                                ConnectionEnd.CLIENT, new byte[10])))),
                DynamicTest.dynamicTest(TestProviders.name(ks) + " tlslite TLS 1.2 extended master secret", () -> {
                    byte[] hash = new byte[32];
                    ks.handshakeHash(PrfAlgorithm.SHA256, new byte[48], hash);
                    byte[] master = new byte[48];
                    ks.extendedMasterSecret(PrfAlgorithm.SHA256, new byte[48], hash, master);
                    assertEquals("03c9335978cb6a53456d7a2a0bc3c03447f3e37bee138bacd7b7e6ba5986d5f26f3f8fc6f2191d06"
                            + "e04eb5ca4a58e81d", HEX.formatHex(master));
                }),
                DynamicTest.dynamicTest(TestProviders.name(ks) + " Go RFC 5705 exporter", () -> assertEquals(
                        "4d1bb6fc278c37d27aa6e2a13c2e079095d143272c2aa939da33d88c1c0cec22",
                        HEX.formatHex(ks.exportKeyingMaterial(PrfAlgorithm.MD5_SHA1, HEX.parseHex(GO_MASTER), "label",
                                HEX.parseHex(GO_CR), HEX.parseHex(GO_SR), ascii("context"), 32))))));
    }

    private static final String GO_CR = "4ae66303755184a3917fcb44880605fcc53baa01912b22ed94473fc69cebd558";
    private static final String GO_SR = "4ae663020ec16e6bb5130be918cfcafd4d765979a3136a5d50c593446e4e44db";
    private static final String GO_MASTER =
            "3d851bab6e5556e959a16bc36d66cfae32f672bfa9ecdef6096cbb1b23472df1da63dbbd9827606413221d149ed08ceb";

    /** Go's crypto/tls prf_test.go, TLS 1.0 TLS_RSA_WITH_RC4_128_SHA (GnuTLS-generated). */
    private static void goTls10(KeySchedule ks) {
        byte[] master = new byte[48];
        ks.masterSecret(ProtocolVersion.TLS10, CipherSuite.TLS_RSA_WITH_RC4_128_SHA,
                HEX.parseHex("0302cac83ad4b1db3b9ab49ad05957de2a504a634a386fc600889321e1a971f57479466830ac3e6f468e87f5385fa0c5"),
                HEX.parseHex(GO_CR), HEX.parseHex(GO_SR), master);
        assertEquals(GO_MASTER, HEX.formatHex(master));
        KeyBlockLayout layout = KeyBlockLayout.of(CipherSuite.TLS_RSA_WITH_RC4_128_SHA, ProtocolVersion.TLS10);
        SessionKeys keys = new SessionKeys(layout);
        ks.keyBlock(ProtocolVersion.TLS10, CipherSuite.TLS_RSA_WITH_RC4_128_SHA, master, HEX.parseHex(GO_CR), HEX.parseHex(GO_SR), keys);
        assertEquals("805aaa19b3d2c0a0759a4b6c9959890e08480119", HEX.formatHex(keys.clientMacKey));
        assertEquals("2d22f9fe519c075c16448305ceee209fc24ad109", HEX.formatHex(keys.serverMacKey));
        assertEquals("d50b5771244f850cd8117a9ccafe2cf1", HEX.formatHex(keys.clientWriteKey));
        assertEquals("e076e33206b30507a85c32855acd0919", HEX.formatHex(keys.serverWriteKey));
        assertEquals(0, keys.clientIv.length);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
