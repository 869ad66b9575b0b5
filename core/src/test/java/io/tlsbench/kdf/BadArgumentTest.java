package io.tlsbench.kdf;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tlsbench.provider.ProviderId;
import io.tlsbench.provider.Providers;
import io.tlsbench.suite.CipherSuite;
import io.tlsbench.suite.ConnectionEnd;
import io.tlsbench.suite.ProtocolVersion;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.function.Executable;

/** Every bad argument is an IllegalArgumentException whose message names the problem. */
class BadArgumentTest {

    private static final KeySchedule KS = new KeySchedule(Providers.require(ProviderId.SUNJCE));
    private static final byte[] R32 = new byte[32];
    private static final byte[] M48 = new byte[48];
    private static final byte[] OUT48 = new byte[48];
    private static final CipherSuite CBC = CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA;
    private static final CipherSuite GCM = CipherSuite.TLS_RSA_WITH_AES_128_GCM_SHA256;
    private static final CipherSuite SHA384 = CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384;

    record Case(String name, String expectedInMessage, Executable call) {
    }

    static List<Case> cases() {
        return List.of(
                new Case("null pre-master", "pre-master secret is null",
                        () -> KS.masterSecret(ProtocolVersion.TLS12, CBC, null, R32, R32, OUT48)),
                new Case("empty pre-master", "pre-master secret is empty",
                        () -> KS.masterSecret(ProtocolVersion.TLS12, CBC, new byte[0], R32, R32, OUT48)),
                new Case("oversized pre-master", "pre-master secret is 5000 bytes",
                        () -> KS.masterSecret(ProtocolVersion.TLS12, CBC, new byte[5000], R32, R32, OUT48)),
                new Case("null client random", "client random is null",
                        () -> KS.masterSecret(ProtocolVersion.TLS12, CBC, M48, null, R32, OUT48)),
                new Case("short client random", "client random is 31 bytes",
                        () -> KS.masterSecret(ProtocolVersion.TLS12, CBC, M48, new byte[31], R32, OUT48)),
                new Case("long server random", "server random is 33 bytes",
                        () -> KS.masterSecret(ProtocolVersion.TLS12, CBC, M48, R32, new byte[33], OUT48)),
                new Case("empty server random", "server random is 0 bytes",
                        () -> KS.masterSecret(ProtocolVersion.TLS10, CBC, M48, R32, new byte[0], OUT48)),
                new Case("short master output", "master secret output is 47 bytes",
                        () -> KS.masterSecret(ProtocolVersion.TLS12, CBC, M48, R32, R32, new byte[47])),
                new Case("null suite", "cipher suite is missing",
                        () -> KS.masterSecret(ProtocolVersion.TLS12, null, M48, R32, R32, OUT48)),
                new Case("null version", "protocol version is missing",
                        () -> KS.masterSecret(null, CBC, M48, R32, R32, OUT48)),
                new Case("GCM suite in TLS 1.0", "TLS_RSA_WITH_AES_128_GCM_SHA256 is not allowed in TLSv1",
                        () -> KS.masterSecret(ProtocolVersion.TLS10, GCM, M48, R32, R32, OUT48)),
                new Case("SHA-384 suite in TLS 1.1", "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384 is not allowed in TLSv1.1",
                        () -> KS.masterSecret(ProtocolVersion.TLS11, SHA384, M48, R32, R32, OUT48)),
                new Case("ECDHE suite in SSLv3", "is not allowed in SSLv3",
                        () -> KeyBlockLayout.of(CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA, ProtocolVersion.SSL3)),
                new Case("GCM key block in TLS 1.1", "is not allowed in TLSv1.1",
                        () -> KeyBlockLayout.of(GCM, ProtocolVersion.TLS11)),
                new Case("unknown suite id", "unknown cipher suite 0xfeed", () -> CipherSuite.forId(0xfeed)),
                new Case("unknown suite name", "unknown cipher suite 'TLS_NOPE'", () -> CipherSuite.forName("TLS_NOPE")),
                new Case("bad hex suite id", "is not hex", () -> CipherSuite.forName("0xzz")),
                new Case("unknown version", "unknown protocol version 'tls13'", () -> ProtocolVersion.parse("tls13")),
                new Case("null master for key block", "master secret is null",
                        () -> KS.keyBlock(ProtocolVersion.TLS12, CBC, null, R32, R32,
                                new SessionKeys(KeyBlockLayout.of(CBC, ProtocolVersion.TLS12)))),
                new Case("wrong-length master for key block", "master secret is 20 bytes",
                        () -> KS.keyBlock(ProtocolVersion.TLS12, CBC, new byte[20], R32, R32,
                                new SessionKeys(KeyBlockLayout.of(CBC, ProtocolVersion.TLS12)))),
                new Case("session keys of another layout", "session keys sized for",
                        () -> KS.keyBlock(ProtocolVersion.TLS10, CBC, M48, R32, R32,
                                new SessionKeys(KeyBlockLayout.of(CBC, ProtocolVersion.TLS12)))),
                new Case("export layout in TLS 1.1", "export suites are not allowed in TLSv1.1",
                        () -> KS.keyBlock(ProtocolVersion.TLS11, PrfAlgorithm.MD5_SHA1, M48, R32, R32,
                                new SessionKeys(new KeyBlockLayout(16, 5, 0, 16)))),
                new Case("negative PRF length", "output length -1 is negative",
                        () -> KS.prf(PrfAlgorithm.SHA256).derive(M48, new byte[1], R32, -1)),
                new Case("huge PRF length", "output length 100000000 exceeds",
                        () -> KS.prf(PrfAlgorithm.SHA256).derive(M48, new byte[1], R32, 100_000_000)),
                new Case("SSLv3 PRF beyond 416 bytes", "output length 417 exceeds the ssl3 PRF's limit of 416",
                        () -> KS.prf(PrfAlgorithm.SSL3).derive(M48, null, R32, 417)),
                new Case("SSLv3 PRF with a label", "the SSLv3 PRF takes no label",
                        () -> KS.prf(PrfAlgorithm.SSL3).derive(M48, new byte[] {'x'}, R32, 16)),
                new Case("null PRF secret", "secret is null",
                        () -> KS.prf(PrfAlgorithm.SHA256).derive(null, new byte[1], R32, 16)),
                new Case("PRF output range outside array", "output range",
                        () -> KS.prf(PrfAlgorithm.SHA256).derive(M48, 0, 48, null, R32, null, null, new byte[10], 5, 10)),
                new Case("EMS in SSLv3", "not defined for SSLv3",
                        () -> KS.extendedMasterSecret(ProtocolVersion.SSL3, CBC, M48, new byte[36], OUT48)),
                new Case("EMS with empty session hash", "session hash is empty",
                        () -> KS.extendedMasterSecret(ProtocolVersion.TLS12, CBC, M48, new byte[0], OUT48)),
                new Case("EMS with wrong-length session hash", "session hash is 20 bytes",
                        () -> KS.extendedMasterSecret(ProtocolVersion.TLS12, CBC, M48, new byte[20], OUT48)),
                new Case("Finished with wrong hash length", "handshake hash is 20 bytes",
                        () -> KS.verifyData(PrfAlgorithm.SHA256, M48, ConnectionEnd.CLIENT, new byte[20], 20, new byte[12], 0)),
                new Case("Finished without sender", "sender is missing",
                        () -> KS.verifyData(PrfAlgorithm.SHA256, M48, null, new byte[32], 32, new byte[12], 0)),
                new Case("Finished output too short", "verify_data output range",
                        () -> KS.verifyData(PrfAlgorithm.SHA256, M48, ConnectionEnd.CLIENT, new byte[32], 32, new byte[11], 0)),
                new Case("Finished null messages", "handshake messages are null",
                        () -> KS.verifyData(ProtocolVersion.TLS12, PrfAlgorithm.SHA256, M48, ConnectionEnd.CLIENT, null)),
                new Case("exporter in SSLv3", "not defined for SSLv3",
                        () -> KS.exportKeyingMaterial(PrfAlgorithm.SSL3, M48, "l", R32, R32, null, 16)),
                new Case("exporter empty label", "exporter label is empty",
                        () -> KS.exportKeyingMaterial(PrfAlgorithm.SHA256, M48, "", R32, R32, null, 16)),
                new Case("exporter negative length", "exporter length -5",
                        () -> KS.exportKeyingMaterial(PrfAlgorithm.SHA256, M48, "l", R32, R32, null, -5)),
                new Case("exporter context too long", "longer than 65535",
                        () -> KS.exportKeyingMaterial(PrfAlgorithm.SHA256, M48, "l", R32, R32, new byte[70000], 16)),
                new Case("negative layout length", "negative length",
                        () -> new KeyBlockLayout(-1, 16, 0, 0)),
                new Case("unknown PRF name", "unknown PRF 'md4'", () -> PrfAlgorithm.parse("md4")));
    }

    @TestFactory
    Stream<DynamicTest> eachBadInputNamesItsProblem() {
        return cases().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, c.call());
            assertTrue(e.getMessage() != null && e.getMessage().contains(c.expectedInMessage()),
                    "message '" + e.getMessage() + "' should contain '" + c.expectedInMessage() + "'");
        }));
    }
}
