package io.tlsbench.handshake;

import static io.tlsbench.handshake.EnginePairTest.JDK;
import static io.tlsbench.handshake.EnginePairTest.pump;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tlsbench.alert.AlertDescription;
import io.tlsbench.alert.TlsAlertException;
import io.tlsbench.buffer.BufferPool;
import io.tlsbench.suite.CipherSuite;
import io.tlsbench.suite.ProtocolVersion;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The pre-master secret, master secret, key block (and the six keys cut from it), the key
 * schedule's keyed HMAC state and the pooled record buffers read as zeros once a connection ends:
 * after close_notify both ways, after dispose() at every step of the handshake, and after a fatal
 * alert on the side that sent it and on the side that received it. The arrays and buffers come
 * from {@link SecretHolders}, taken while the connection is alive (the very memory,
 * not copies); before the end, the test checks that the master secret and the keyed HMAC state
 * are not zero, so a check that could not fail is not counted as a pass.
 */
class SecretWipeTest {

    /** RSA (the pre-master the client makes and the server decrypts), ECDHE and DHE; CBC, GCM; SSLv3's own PRF. */
    static final Object[][] CASES = {
        {CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA, ProtocolVersion.TLS12},
        {CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, ProtocolVersion.TLS12},
        {CipherSuite.TLS_DHE_RSA_WITH_AES_128_CBC_SHA, ProtocolVersion.TLS10},
        {CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA, ProtocolVersion.SSL3},
    };

    @TestFactory
    Stream<DynamicTest> zerosAfterCloseNotifyFullAndResumed() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Object[] c : CASES) {
            CipherSuite s = (CipherSuite) c[0];
            ProtocolVersion v = (ProtocolVersion) c[1];
            tests.add(DynamicTest.dynamicTest(s + " " + v, () -> afterCloseNotify(s, v)));
        }
        return tests.stream();
    }

    static void afterCloseNotify(CipherSuite s, ProtocolVersion v) throws TlsAlertException {
        BufferPool pool = new BufferPool(); // this test's own accounts
        TlsConfig serverConfig = EnginePairTest.serverConfig(JDK).bufferPool(pool).build();
        TlsConfig clientConfig = EnginePairTest.clientConfig(JDK, s, v).bufferPool(pool).build();
        Session session = null;
        for (int round = 0; round < 2; round++) {
            TlsClient client = new TlsClient(clientConfig, session);
            TlsServer server = new TlsServer(serverConfig);
            client.start();
            pump(client, server);
            assertEquals(round == 1, client.resumed() && server.resumed(), "resumed");
            EnginePairTest.exchange(client, server, 20_000);
            Map<String, ByteBuffer> held = holders(client, server);
            assertLive(held, round == 0, v);
            assertTrue(pool.stats().outstanding() >= 4, "the record buffers come from the configured pool");
            (round == 0 ? client : server).close();
            pump(client, server);
            assertTrue(client.inboundClosed() && client.outboundClosed() && server.inboundClosed()
                    && server.outboundClosed(), "close_notify both ways");
            assertZero(held, "after close_notify");
            session = client.session();
            assertTrue(session.resumable(), "a cleanly closed session stays resumable");
        }
        assertEquals(0, pool.stats().outstanding(), "pooled buffers outstanding");
    }

    /** dispose() at each point of a full handshake, on either side: zeros, buffers back, an unfinished session dropped. */
    @TestFactory
    Stream<DynamicTest> zerosAfterDisposeAtEveryStep() {
        List<DynamicTest> tests = new ArrayList<>();
        String[] steps = {"after ClientHello is queued", "after the server's first flight",
            "after the client's key exchange flight", "after the server's Finished", "after the handshake"};
        for (Object[] c : CASES) {
            for (int step = 0; step < steps.length; step++) {
                int k = step;
                CipherSuite s = (CipherSuite) c[0];
                ProtocolVersion v = (ProtocolVersion) c[1];
                tests.add(DynamicTest.dynamicTest(s + " " + v + ": dispose " + steps[k], () -> disposeAt(s, v, k)));
            }
        }
        return tests.stream();
    }

    static void disposeAt(CipherSuite s, ProtocolVersion v, int step) throws TlsAlertException {
        BufferPool pool = new BufferPool();
        TlsClient client = new TlsClient(EnginePairTest.clientConfig(JDK, s, v).bufferPool(pool).build());
        TlsServer server = new TlsServer(EnginePairTest.serverConfig(JDK).bufferPool(pool).build());
        client.start();
        ByteBuffer wire = ByteBuffer.allocate(1 << 17);
        TlsEngine[] order = {client, server};
        for (int i = 0; i < step; i++) {
            TlsEngine from = order[i % 2];
            TlsEngine to = order[(i + 1) % 2];
            wire.clear();
            from.send(wire);
            wire.flip();
            to.receive(wire);
        }
        assertEquals(step == 4, client.handshakeComplete(), "client state at step " + step);
        Map<String, ByteBuffer> held = holders(client, server);
        if (step >= 2) { // the client has made the pre-master and the master secret
            assertTrue(held.containsKey("client: pre-master secret"), "client pre-master not held");
            assertFalse(isZero(held.get("client: master secret")), "client master secret is zero while in use");
        }
        if (step >= 3) {
            assertLive(held, true, v);
        }
        Session clientSession = client.session();
        client.dispose();
        server.dispose();
        assertTrue(client.closed() && server.closed());
        assertZero(held, "after dispose at step " + step);
        if (clientSession != null && step < 4) {
            assertFalse(clientSession.resumable(), "an unfinished session must not be resumable");
        }
        assertEquals(0, pool.stats().outstanding(), "pooled buffers outstanding");
    }

    /**
     * A tampered record after a resumed handshake: the server fails with bad_record_mac and sends
     * the alert, the client receives it. Both wipe everything, and the session is invalidated on
     * both sides (RFC 5246 §7.2.2: a connection ended by a fatal alert must not be resumed) —
     * the side that only received the alert included — with its master secret zeroed.
     */
    @Test
    void zerosAfterAFatalAlertOnBothSidesAndTheSessionIsGone() throws TlsAlertException {
        BufferPool pool = new BufferPool();
        TlsConfig serverConfig = EnginePairTest.serverConfig(JDK).bufferPool(pool).build();
        TlsConfig clientConfig = EnginePairTest.clientConfig(JDK, CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
                ProtocolVersion.TLS12).bufferPool(pool).build();
        TlsClient first = new TlsClient(clientConfig);
        TlsServer firstServer = new TlsServer(serverConfig);
        first.start();
        pump(first, firstServer);
        Session session = first.session();
        first.close();
        pump(first, firstServer);

        TlsClient client = new TlsClient(clientConfig, session);
        TlsServer server = new TlsServer(serverConfig);
        client.start();
        pump(client, server);
        assertTrue(client.resumed() && server.resumed());
        Session serverSession = server.session();
        Map<String, ByteBuffer> held = holders(client, server);
        assertLive(held, false, ProtocolVersion.TLS12);

        client.write(ByteBuffer.wrap(new byte[300]));
        ByteBuffer wire = ByteBuffer.allocate(1 << 16);
        client.send(wire);
        wire.put(wire.position() - 1, (byte) (wire.get(wire.position() - 1) ^ 1)); // the tag's last byte
        wire.flip();
        TlsAlertException sent = assertThrows(TlsAlertException.class, () -> server.receive(wire));
        assertEquals(AlertDescription.BAD_RECORD_MAC, sent.description());
        wire.clear();
        server.send(wire);
        wire.flip();
        TlsAlertException received = assertThrows(TlsAlertException.class, () -> client.receive(wire));
        assertEquals(AlertDescription.BAD_RECORD_MAC, received.description());
        assertTrue(client.closed() && server.closed());
        assertZero(held, "after the fatal alert");

        assertFalse(serverSession.resumable(), "server's session after the alert it sent");
        assertFalse(session.resumable(), "client's session after the alert it received");
        assertZero(Map.of("server session master", ByteBuffer.wrap(serverSession.masterSecret()),
                "client session master", ByteBuffer.wrap(session.masterSecret())), "invalidated sessions");
        assertNull(serverConfig.sessionCache().get(session.id()), "the cache still offers the session");
        assertEquals(0, pool.stats().outstanding(), "pooled buffers outstanding");
    }

    /** A session the bounded cache evicts is invalidated and its master secret zeroed. */
    @Test
    void anEvictedSessionIsWiped() {
        SessionCache cache = new SessionCache(1, 60_000);
        byte[] master = new byte[48];
        java.util.Arrays.fill(master, (byte) 7);
        Session a = new Session(new byte[] {1}, ProtocolVersion.TLS12, CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA, master,
                true, List.of(), cache.now());
        Session b = new Session(new byte[] {2}, ProtocolVersion.TLS12, CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA, master,
                true, List.of(), cache.now());
        cache.put(a);
        cache.put(b);
        assertEquals(1, cache.size());
        assertFalse(a.resumable());
        assertNull(a.masterSecretCopy(), "an invalidated session hands out no master secret");
        assertZero(Map.of("evicted master", ByteBuffer.wrap(a.masterSecret())), "after eviction");
        assertTrue(b.resumable());
    }

    // ---------------------------------------------------------------- helpers

    static Map<String, ByteBuffer> holders(TlsEngine client, TlsEngine server) {
        Map<String, ByteBuffer> all = new LinkedHashMap<>();
        SecretHolders.of(client).forEach((k, b) -> all.put("client: " + k, b));
        SecretHolders.of(server).forEach((k, b) -> all.put("server: " + k, b));
        return all;
    }

    /** Before the end: the master secrets and some keyed state are really there (and, for a full handshake, the pre-masters were held). */
    static void assertLive(Map<String, ByteBuffer> held, boolean full, ProtocolVersion v) {
        for (String side : new String[] {"client: ", "server: "}) {
            assertTrue(!isZero(held.get(side + "master secret")), side + "master secret is zero while in use");
            boolean keyed = held.entrySet().stream()
                    .anyMatch(e -> e.getKey().startsWith(side + "key schedule") && !isZero(e.getValue()));
            // SSLv3's PRF and Finished run on plain digests and zero their scratch each time: no keyed state stays.
            assertTrue(keyed || v == ProtocolVersion.SSL3, side + "no keyed PRF state seen: the hook does not show it");
            assertTrue(held.containsKey(side + "key block"), side + "key block not held");
            assertTrue(held.containsKey(side + "inbound record buffer"), side + "record buffers not held");
            if (full) {
                assertTrue(held.containsKey(side + "pre-master secret"), side + "pre-master not held");
            }
        }
    }

    static void assertZero(Map<String, ByteBuffer> held, String when) {
        List<String> live = new ArrayList<>();
        for (Map.Entry<String, ByteBuffer> e : held.entrySet()) {
            if (!isZero(e.getValue())) {
                live.add(e.getKey());
            }
        }
        assertEquals(List.of(), live, "not zero " + when);
    }

    static boolean isZero(ByteBuffer b) {
        for (int i = 0; i < b.capacity(); i++) {
            if (b.get(i) != 0) {
                return false;
            }
        }
        return true;
    }
}
