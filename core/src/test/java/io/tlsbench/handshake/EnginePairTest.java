package io.tlsbench.handshake;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tlsbench.alert.TlsAlertException;
import io.tlsbench.handshake.message.HandshakeType;
import io.tlsbench.provider.ProviderId;
import io.tlsbench.provider.ProviderSet;
import io.tlsbench.provider.Providers;
import io.tlsbench.provider.SuiteSupport;
import io.tlsbench.suite.CipherSuite;
import io.tlsbench.suite.ProtocolVersion;
import io.tlsbench.testing.TestPki;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** tlsbench client ↔ tlsbench server in memory: every suite × version, full and resumed. */
class EnginePairTest {

    static final ProviderSet JDK = Providers.require(ProviderId.SUNJCE);

    static TlsConfig.Builder serverConfig(ProviderSet p) {
        TestPki pki = TestPki.INSTANCE;
        return TlsConfig.builder(p).versions(ProtocolVersion.SSL3, ProtocolVersion.TLS12)
                .credential(pki.rsa).credential(pki.ecdsa).credential(pki.dsa)
                .trust(pki.ca).sessionCache(new SessionCache(100, 60_000));
    }

    static TlsConfig.Builder clientConfig(ProviderSet p, CipherSuite s, ProtocolVersion v) {
        return TlsConfig.builder(p).versions(v, v).suites(List.of(s)).trust(TestPki.INSTANCE.ca)
                .serverName("localhost", true);
    }

    /** Moves bytes both ways until neither side has anything to send. */
    static void pump(TlsEngine a, TlsEngine b) throws TlsAlertException {
        ByteBuffer buf = ByteBuffer.allocate(1 << 17);
        for (int i = 0; i < 100; i++) {
            boolean moved = false;
            for (TlsEngine[] pair : new TlsEngine[][] {{a, b}, {b, a}}) {
                buf.clear();
                if (pair[0].send(buf) > 0) {
                    buf.flip();
                    pair[1].receive(buf);
                    moved = true;
                }
            }
            if (!moved) {
                return;
            }
        }
        throw new AssertionError("engines did not settle");
    }

    static void exchange(TlsEngine client, TlsEngine server, int bytes) throws TlsAlertException {
        byte[] data = new byte[bytes];
        new Random(bytes).nextBytes(data);
        client.write(ByteBuffer.wrap(data));
        pump(client, server);
        ByteBuffer got = ByteBuffer.allocate(bytes);
        server.read(got);
        assertArrayEquals(data, got.array());
        server.write(ByteBuffer.wrap(data));
        pump(client, server);
        got.clear();
        client.read(got);
        assertArrayEquals(data, got.array());
    }

    @TestFactory
    Stream<DynamicTest> everySuiteAndVersionFullAndResumed() {
        List<DynamicTest> tests = new ArrayList<>();
        for (CipherSuite s : CipherSuite.all()) {
            for (ProtocolVersion v : ProtocolVersion.values()) {
                if (s.allows(v)) {
                    tests.add(DynamicTest.dynamicTest(s + " " + v, () -> fullAndResumed(JDK, s, v)));
                }
            }
        }
        return tests.stream();
    }

    static void fullAndResumed(ProviderSet p, CipherSuite s, ProtocolVersion v) throws TlsAlertException {
        TlsConfig serverConfig = serverConfig(p).build();
        TlsConfig clientConfig = clientConfig(p, s, v).build();
        TlsClient client = new TlsClient(clientConfig);
        TlsServer server = new TlsServer(serverConfig);
        client.start();
        pump(client, server);
        assertTrue(client.handshakeComplete() && server.handshakeComplete(), "handshake incomplete");
        assertEquals(s, client.suite());
        assertEquals(v, server.version());
        assertFalse(client.resumed());
        exchange(client, server, 40_000);
        Session session = client.session();
        client.close();
        pump(client, server);
        assertTrue(client.closed() && server.closed());

        TlsClient again = new TlsClient(clientConfig, session);
        TlsServer server2 = new TlsServer(serverConfig);
        again.start();
        pump(again, server2);
        assertTrue(again.handshakeComplete() && server2.handshakeComplete());
        assertTrue(again.resumed() && server2.resumed(), "second connection should resume");
        exchange(again, server2, 1000);
    }

    /** Each provider runs whole handshakes with its own primitives; what it lacks is not offered. */
    @TestFactory
    Stream<DynamicTest> everyProviderHandshakesWithItsOwnPrimitives() {
        List<DynamicTest> tests = new ArrayList<>();
        for (ProviderSet p : Providers.all()) {
            if (!p.available()) {
                continue;
            }
            for (CipherSuite s : List.of(CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA,
                    CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA,
                    CipherSuite.TLS_DHE_RSA_WITH_AES_128_CBC_SHA, CipherSuite.TLS_RSA_WITH_RC4_128_SHA,
                    CipherSuite.TLS_DHE_DSS_WITH_3DES_EDE_CBC_SHA)) {
                boolean usable = SuiteSupport.of(p).usable(CipherSuite.all(), ProtocolVersion.TLS12, ProtocolVersion.TLS12)
                        .contains(s);
                tests.add(DynamicTest.dynamicTest(p.id() + " " + s + (usable ? "" : " (not offered)"), () -> {
                    if (usable) {
                        fullAndResumed(p, s, ProtocolVersion.TLS12);
                    } else {
                        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(
                                IllegalArgumentException.class, () -> clientConfig(p, s, ProtocolVersion.TLS12).build());
                        assertTrue(e.getMessage().contains(p.id().toString()), e.getMessage());
                    }
                }));
            }
        }
        return tests.stream();
    }

    /**
     * Renegotiation is refused with a no_renegotiation warning and the connection carries on
     * (RFC 5246 §7.2.2): a ClientHello after the handshake, and a HelloRequest.
     */
    @Test
    void renegotiationIsRefusedWithAWarning() throws TlsAlertException {
        TlsConfig serverConfig = serverConfig(JDK).build();
        TlsClient client = new TlsClient(clientConfig(JDK, CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
                ProtocolVersion.TLS12).build());
        TlsServer server = new TlsServer(serverConfig);
        client.start();
        pump(client, server);
        // The client (in this package) sends a second ClientHello under the connection's keys.
        client.sendHandshake(HandshakeType.CLIENT_HELLO, new byte[] {3, 3});
        client.flushHandshake();
        ByteBuffer wire = ByteBuffer.allocate(1 << 16);
        client.send(wire);
        wire.flip();
        server.receive(wire);
        wire.clear();
        server.send(wire);
        wire.flip();
        assertEquals(21, wire.get(0), "the server answers with an alert record");
        client.receive(wire);
        // Warnings leave the connection up: data still flows both ways.
        exchange(client, server, 2000);
        // And the other way round: a HelloRequest from the server.
        server.sendHandshake(HandshakeType.HELLO_REQUEST, new byte[0]);
        server.flushHandshake();
        wire.clear();
        server.send(wire);
        wire.flip();
        client.receive(wire);
        wire.clear();
        client.send(wire);
        wire.flip();
        assertEquals(21, wire.get(0), "the client answers with an alert record");
        server.receive(wire);
        exchange(client, server, 2000);
        assertFalse(client.closed() || server.closed());
    }

    /** SSLv3: a client without a certificate declines with no_certificate; fine when requested, fatal when required. */
    @Test
    void sslv3ClientWithoutCertificate() throws TlsAlertException {
        for (TlsConfig.ClientAuth auth : new TlsConfig.ClientAuth[] {TlsConfig.ClientAuth.REQUEST, TlsConfig.ClientAuth.REQUIRE}) {
            TlsServer server = new TlsServer(serverConfig(JDK).clientAuth(auth).build());
            TlsClient client = new TlsClient(clientConfig(JDK, CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA,
                    ProtocolVersion.SSL3).build());
            client.start();
            if (auth == TlsConfig.ClientAuth.REQUEST) {
                pump(client, server);
                assertTrue(server.handshakeComplete() && server.session().peerCertificates().isEmpty());
            } else {
                TlsAlertException e = org.junit.jupiter.api.Assertions.assertThrows(TlsAlertException.class,
                        () -> pump(client, server));
                assertEquals(io.tlsbench.alert.AlertDescription.HANDSHAKE_FAILURE, e.description());
            }
        }
    }

    @Test
    void clientAuthenticationWithRsaAndEcdsa() throws TlsAlertException {
        for (Credential c : new Credential[] {TestPki.INSTANCE.clientRsa, TestPki.INSTANCE.clientEcdsa}) {
            for (ProtocolVersion v : ProtocolVersion.values()) {
                if (v == ProtocolVersion.SSL3 && c.keyAlgorithm().equals("EC")) {
                    continue; // SSLv3 has no ECDSA
                }
                CipherSuite suite = v == ProtocolVersion.SSL3 ? CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA
                        : CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA;
                TlsServer server = new TlsServer(serverConfig(JDK).clientAuth(TlsConfig.ClientAuth.REQUIRE).build());
                TlsClient client = new TlsClient(clientConfig(JDK, suite, v).credential(c).build());
                client.start();
                pump(client, server);
                assertTrue(server.handshakeComplete(), c.keyAlgorithm() + " " + v);
                assertEquals(c.leaf(), server.session().peerCertificates().get(0));
            }
        }
    }
}
