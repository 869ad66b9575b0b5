package io.tlsbench.handshake;

import static io.tlsbench.alert.AlertDescription.BAD_RECORD_MAC;
import static io.tlsbench.alert.AlertDescription.DECRYPT_ERROR;
import static io.tlsbench.alert.AlertDescription.UNEXPECTED_MESSAGE;
import static io.tlsbench.handshake.HostileInputTest.CT_APPLICATION;
import static io.tlsbench.handshake.HostileInputTest.CT_CCS;
import static io.tlsbench.handshake.HostileInputTest.JDK;
import static io.tlsbench.handshake.HostileInputTest.clientB;
import static io.tlsbench.handshake.HostileInputTest.serverB;
import static io.tlsbench.testing.Flight.bytes;
import static io.tlsbench.testing.Flight.concat;
import static io.tlsbench.testing.Flight.records;
import static io.tlsbench.testing.Flight.recordWithLength;
import static io.tlsbench.handshake.SecretWipeTest.assertZero;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tlsbench.alert.AlertDescription;
import io.tlsbench.buffer.BufferPool;
import io.tlsbench.handshake.HostileInputTest.Case;
import io.tlsbench.handshake.HostileInputTest.Ctx;
import io.tlsbench.handshake.HostileInputTest.Exchange;
import io.tlsbench.handshake.HostileInputTest.Scenario;
import io.tlsbench.suite.CipherSuite;
import io.tlsbench.suite.ConnectionEnd;
import io.tlsbench.testing.Flight;
import io.tlsbench.testing.Flight.Rec;
import io.tlsbench.suite.ProtocolVersion;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Faults on the wire and at the transport. In memory, through {@link HostileInputTest}'s harness
 * (which checks the alert, that the victim is closed, that it queued the alert for the peer,
 * and that every pooled buffer is back): records truncated, duplicated, a ChangeCipherSpec twice,
 * a Finished from another connection. Each row also checks that the victim's secrets
 * ({@link SecretHolders}) read as zeros afterwards.
 *
 * <p>Over 127.0.0.1 with {@link TlsConnection}, against a real engine that sends only part of
 * what it has and then ends its stream: at every flight of the handshake, inside a record, at a
 * record boundary after the handshake; and a peer that stops reading. An end of stream maps to no
 * alert in RFC 5246 (§7.2.1 only says a peer should have sent close_notify), and there is nobody
 * left to read one: the victim ends with an IOException, sends nothing, and its engine is disposed
 * (closed, keys wiped, buffers back). A peer that stops reading meets the write timeout.
 */
class FaultInjectionTest {

    static final CipherSuite GCM = CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256;
    static final CipherSuite CBC = CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA;
    static final CipherSuite RC4 = CipherSuite.TLS_RSA_WITH_RC4_128_SHA;

    // ================================================================ in memory

    @TestFactory
    Stream<DynamicTest> recordAndHandshakeFaults() {
        List<Case> rows = new ArrayList<>();
        // ---- truncated records
        for (CipherSuite s : List.of(GCM, CBC)) {
            rows.add(row("server", s + ": an application record cut short by 10 bytes, the next record read as its tail",
                    BAD_RECORD_MAC, c -> {
                        List<Rec> recs = appRecords(c, s, ProtocolVersion.TLS12, true, 100, 200);
                        byte[] first = recs.get(0).encode();
                        return concat(Arrays.copyOf(first, first.length - 10), recs.get(1).encode());
                    }));
        }
        rows.add(row("server", GCM + ": record length cut by 1 (the tag loses its last byte)", BAD_RECORD_MAC, c -> {
            Rec r = appRecords(c, GCM, ProtocolVersion.TLS12, true, 500).get(0);
            return shortened(r, 1);
        }));
        // RFC 5246 §6.2.3.2: whatever is wrong with a CBC record — length, padding, MAC — is bad_record_mac.
        rows.add(row("server", CBC + ": record length cut by one block (16)", BAD_RECORD_MAC, c -> {
            Rec r = appRecords(c, CBC, ProtocolVersion.TLS12, true, 500).get(0);
            return shortened(r, 16);
        }));
        rows.add(row("server", CBC + ": record length cut by 1 (not a whole number of blocks)", BAD_RECORD_MAC, c -> {
            Rec r = appRecords(c, CBC, ProtocolVersion.TLS12, true, 500).get(0);
            return shortened(r, 1);
        }));

        // ---- duplicated records: the copy is authenticated under the next sequence number and fails
        Object[][] dup = {{GCM, ProtocolVersion.TLS12, true}, {CBC, ProtocolVersion.TLS10, true},
            {RC4, ProtocolVersion.TLS10, true}, {GCM, ProtocolVersion.TLS12, false}};
        for (Object[] d : dup) {
            CipherSuite s = (CipherSuite) d[0];
            ProtocolVersion v = (ProtocolVersion) d[1];
            boolean toServer = (Boolean) d[2];
            rows.add(row(toServer ? "server" : "client", s + " " + v + ": an application record delivered twice",
                    BAD_RECORD_MAC, c -> {
                        byte[] r = appRecords(c, s, v, toServer, 1000).get(0).encode();
                        return concat(r, r);
                    }));
        }

        // ---- ChangeCipherSpec twice
        // Replayed on the wire: the copy is a plaintext record, but after the first CCS the server
        // reads with the new keys, so the copy fails authentication before it is seen as a CCS.
        rows.add(row("server", "the client's plaintext ChangeCipherSpec record replayed right after it", BAD_RECORD_MAC,
                c -> {
                    Exchange x = c.toClientFlight(serverB(JDK), clientB(JDK, GCM));
                    int at = x.clientFlight.recordIndex(CT_CCS, 0);
                    x.clientFlight.items.add(at + 1, x.clientFlight.items.get(at));
                    return x.clientFlight.encode();
                }));
        // Sent by a peer that has the keys: a second CCS under the new keys, before Finished. It
        // decrypts; a CCS when none is expected is unexpected_message (RFC 5246 §7.1).
        rows.add(row("server", "a second ChangeCipherSpec under the new keys before Finished", UNEXPECTED_MESSAGE, c -> {
            Exchange x = c.toClientFlight(serverB(JDK), clientB(JDK, GCM));
            RecordKeys k = c.keys(x);
            int last = x.clientFlight.items.size() - 1;
            byte[] finished = k.open(ConnectionEnd.CLIENT, 0, ((Rec) x.clientFlight.items.get(last)).encode());
            x.clientFlight.items.set(last, records(k.seal(ConnectionEnd.CLIENT, 0, CT_CCS, bytes(1))).get(0));
            x.clientFlight.items.add(records(k.seal(ConnectionEnd.CLIENT, 1, 22, finished)).get(0));
            return x.clientFlight.encode();
        }));

        // ---- Finished from another connection
        // As recorded: connection A's encrypted Finished record is sealed with A's keys, so B's
        // record layer rejects it before the handshake layer sees it: bad_record_mac.
        rows.add(row("server", "the client's Finished record replayed from another connection", BAD_RECORD_MAC, c -> {
            Rec other = otherConnectionsFinished(c).record;
            Exchange x = c.toClientFlight(serverB(JDK), clientB(JDK, GCM));
            x.clientFlight.items.set(x.clientFlight.items.size() - 1, other);
            return x.clientFlight.encode();
        }));
        // Re-sealed by someone holding B's keys: the record is authentic, the Finished message is
        // well-formed, but its verify_data is over A's transcript and A's master secret, so it
        // fails the check RFC 5246 §7.4.9 asks for: decrypt_error (§7.2.2: "failed to validate
        // a Finished message").
        rows.add(row("server", "another connection's Finished message sealed under this connection's keys",
                DECRYPT_ERROR, c -> {
                    byte[] otherFinished = otherConnectionsFinished(c).plaintext;
                    Exchange x = c.toClientFlight(serverB(JDK), clientB(JDK, GCM));
                    RecordKeys k = c.keys(x);
                    x.clientFlight.items.set(x.clientFlight.items.size() - 1,
                            records(k.seal(ConnectionEnd.CLIENT, 0, 22, otherFinished)).get(0));
                    return x.clientFlight.encode();
                }));

        List<DynamicTest> tests = new ArrayList<>();
        for (Case k : rows) {
            tests.add(DynamicTest.dynamicTest("[" + k.victim() + "] " + k.name(), () -> runAndCheckWiped(k)));
        }
        return tests.stream();
    }

    /** A row whose victim's secret holders are taken just before the hostile bytes are delivered. */
    static Case row(String victim, String name, AlertDescription expected, Scenario s) {
        return new Case(name, victim, expected, false, new Capturing(s), JDK);
    }

    /**
     * Wraps a scenario to take the victim's secret holders when it is about to be struck (its
     * pooled record buffers); the arrays the strike itself creates (a server's master secret and
     * key block when the hostile flight carries the key exchange) are taken again afterwards.
     */
    static final class Capturing implements Scenario {
        final Scenario inner;
        TlsEngine victim;
        Map<String, ByteBuffer> held;

        Capturing(Scenario inner) {
            this.inner = inner;
        }

        @Override
        public byte[] prepare(Ctx c) throws Exception {
            byte[] hostile = inner.prepare(c);
            victim = c.victim;
            held = SecretHolders.of(victim);
            return hostile;
        }
    }

    static void runAndCheckWiped(Case k) {
        HostileInputTest.run(k); // the alert, closed, the alert record, the pool
        Capturing cap = (Capturing) k.scenario();
        Map<String, ByteBuffer> all = new java.util.LinkedHashMap<>(cap.held);
        SecretHolders.of(cap.victim).forEach((name, b) -> all.put(name + " (after)", b));
        assertTrue(all.containsKey("master secret (after)") && all.containsKey("key block (after)")
                && all.containsKey("inbound record buffer"), "the victim had keys and buffers: " + all.keySet());
        assertZero(all, "in the victim after the fatal alert");
    }

    /** A finished handshake (victim server, counterpart client) and the application records the sender then writes. */
    static List<Rec> appRecords(Ctx c, CipherSuite s, ProtocolVersion v, boolean toServer, int... sizes)
            throws Exception {
        TlsServer sv = toServer ? c.victimServer(serverB(JDK)) : c.server(serverB(JDK));
        TlsClient cl = toServer ? c.client(clientB(JDK, s).versions(v, v), null)
                : c.victimClient(clientB(JDK, s).versions(v, v), null);
        c.counterpart = toServer ? cl : sv;
        c.in(sv, c.start(cl));
        c.pump(cl, sv);
        assertTrue(cl.handshakeComplete() && sv.handshakeComplete(), "setup: handshake");
        TlsEngine sender = toServer ? cl : sv;
        for (int n : sizes) {
            byte[] data = new byte[n];
            Arrays.fill(data, (byte) 'x');
            sender.write(ByteBuffer.wrap(data));
        }
        List<Rec> recs = records(c.out(sender));
        assertEquals(sizes.length, recs.size(), "setup: one record per write");
        for (Rec r : recs) {
            assertEquals(CT_APPLICATION, r.type(), "setup");
        }
        return recs;
    }

    /** The record with its length field lowered by cut and the fragment shortened to match. */
    static byte[] shortened(Rec r, int cut) {
        int n = r.fragment().length - cut;
        return recordWithLength(r.type(), r.version(), n, Arrays.copyOf(r.fragment(), n));
    }

    record OtherFinished(Rec record, byte[] plaintext) {
    }

    /** Connection A, GCM, run to the client's Finished: its encrypted record and (opened with A's keys) its plaintext. */
    static OtherFinished otherConnectionsFinished(Ctx c) throws Exception {
        TlsServer sv = c.server(serverB(JDK));
        TlsClient cl = c.client(clientB(JDK, GCM), null);
        byte[] ch = c.start(cl);
        c.in(sv, ch);
        byte[] sf = c.out(sv);
        c.in(cl, sf);
        Exchange a = new Exchange();
        a.clientHello = Flight.parse(ch, false);
        a.serverFlight = Flight.parse(sf, false);
        a.clientFlight = Flight.parse(c.out(cl), false);
        Rec fin = (Rec) a.clientFlight.items.get(a.clientFlight.items.size() - 1);
        return new OtherFinished(fin, c.keys(a).open(ConnectionEnd.CLIENT, 0, fin.encode()));
    }

    // ================================================================ over sockets

    /**
     * A real engine behind a loopback listener that forwards its first {@code fullFlights}
     * outputs whole, then only {@code extraBytes} of the next, then shuts its output down and
     * records whatever the victim still sends until the victim closes.
     */
    static final class CuttingPeer implements AutoCloseable {
        final ServerSocket listener;
        final TlsEngine engine;
        final int fullFlights;
        final int extraBytes;
        final byte[] appData;
        final boolean stopReading;
        final ByteArrayOutputStream afterCut = new ByteArrayOutputStream();
        /** HostileInputTest's context, used only to drain the engine's output. */
        final Ctx wire = new Ctx();
        final CountDownLatch done = new CountDownLatch(1);
        volatile Throwable error;
        volatile boolean cut;
        final Thread thread;

        CuttingPeer(TlsEngine engine, int fullFlights, int extraBytes, byte[] appData, boolean stopReading)
                throws IOException {
            this.engine = engine;
            this.fullFlights = fullFlights;
            this.extraBytes = extraBytes;
            this.appData = appData;
            this.stopReading = stopReading;
            listener = new ServerSocket();
            if (stopReading) {
                listener.setReceiveBufferSize(4096); // inherited by the accepted socket
            }
            listener.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            thread = new Thread(this::run, "cutting-peer");
            thread.setDaemon(true);
            thread.start();
        }

        int port() {
            return listener.getLocalPort();
        }

        private void run() {
            try (Socket s = listener.accept()) {
                s.setSoTimeout(20_000);
                InputStream in = s.getInputStream();
                OutputStream out = s.getOutputStream();
                if (engine instanceof TlsClient client) {
                    client.start();
                }
                int flights = 0;
                boolean sentApp = false;
                byte[] buf = new byte[1 << 16];
                while (true) {
                    byte[] o = wire.out(engine);
                    if (o.length == 0 && engine.handshakeComplete() && appData != null && !sentApp) {
                        engine.write(ByteBuffer.wrap(appData));
                        sentApp = true;
                        o = wire.out(engine);
                    }
                    if (o.length > 0) {
                        if (flights < fullFlights) {
                            out.write(o);
                            out.flush();
                            flights++;
                            continue;
                        }
                        out.write(o, 0, Math.min(extraBytes, o.length));
                        out.flush();
                        cut = true;
                        s.shutdownOutput();
                        in.transferTo(afterCut); // what the victim says after the cut, until it closes
                        return;
                    }
                    if (stopReading && engine.handshakeComplete()) {
                        done.countDown();
                        while (!s.isClosed() && !listener.isClosed()) {
                            Thread.sleep(20); // never reads again
                        }
                        return;
                    }
                    int n = in.read(buf);
                    if (n < 0) {
                        return;
                    }
                    engine.receive(ByteBuffer.wrap(buf, 0, n));
                }
            } catch (Throwable t) {
                error = t;
            } finally {
                done.countDown();
                engine.dispose();
            }
        }

        @Override
        public void close() throws Exception {
            listener.close();
            thread.join(10_000);
        }
    }

    static Socket connect(int port) throws IOException {
        Socket s = new Socket(InetAddress.getLoopbackAddress(), port);
        s.setSoTimeout(10_000);
        return s;
    }

    /** The peer ends its stream at each point of a full handshake; the victim's handshake() fails cleanly. */
    @TestFactory
    Stream<DynamicTest> peerClosesMidHandshake() {
        List<DynamicTest> tests = new ArrayList<>();
        // victim client; the peer server's flights: 1 = ServerHello..ServerHelloDone, 2 = ChangeCipherSpec, Finished
        int[][] clientCuts = {{0, 0}, {0, 3}, {0, 60}, {1, 0}, {1, 6}, {1, 20}};
        String[] clientNames = {"before any server byte", "inside the first record header",
            "inside the ServerHello record", "after ServerHelloDone", "after the server's ChangeCipherSpec",
            "inside the server's Finished record"};
        for (int i = 0; i < clientCuts.length; i++) {
            int[] cut = clientCuts[i];
            tests.add(DynamicTest.dynamicTest("client victim: server ends its stream " + clientNames[i],
                    () -> handshakeCut(() -> new TlsClient(clientB(JDK, GCM).build()),
                            new TlsServer(serverB(JDK).build()), cut[0], cut[1], cut[0] >= 1)));
        }
        // victim server; the peer client's flights: 1 = ClientHello, 2 = ClientKeyExchange, CCS, Finished
        // (ECDHE P-256 and GCM: ClientKeyExchange is a 75-byte record, ChangeCipherSpec 6 bytes)
        int[][] serverCuts = {{0, 0}, {0, 20}, {1, 0}, {1, 40}, {1, 81}};
        String[] serverNames = {"before any client byte", "inside the ClientHello", "after the ClientHello",
            "inside the ClientKeyExchange", "after the client's ChangeCipherSpec, before Finished"};
        for (int i = 0; i < serverCuts.length; i++) {
            int[] cut = serverCuts[i];
            boolean keys = i == 4;
            tests.add(DynamicTest.dynamicTest("server victim: client ends its stream " + serverNames[i],
                    () -> handshakeCut(() -> new TlsServer(serverB(JDK).build()),
                            new TlsClient(clientB(JDK, GCM).build()), cut[0], cut[1], keys)));
        }
        return tests.stream();
    }

    static void handshakeCut(Supplier<TlsEngine> victimMaker, TlsEngine peerEngine, int flights, int extra,
                             boolean victimHasKeys) throws Exception {
        long before = BufferPool.shared().stats().outstanding();
        TlsEngine victim = victimMaker.get();
        try (CuttingPeer peer = new CuttingPeer(peerEngine, flights, extra, null, false);
             Socket socket = connect(peer.port())) {
            TlsConnection conn = new TlsConnection(victim, socket);
            IOException e = assertTimeoutPreemptively(Duration.ofSeconds(15),
                    () -> assertThrows(IOException.class, conn::handshake));
            assertTrue(e instanceof EOFException, "an end of stream, not " + e);
            assertTrue(victim.closed(), "engine closed");
            socket.close();
            peer.thread.join(10_000);
            assertNull(peer.error, () -> "peer: " + peer.error);
            assertTrue(peer.cut, "the peer never reached its cut");
            for (Rec r : records(peer.afterCut.toByteArray())) {
                assertTrue(r.type() != 21, "the victim sent an alert to a peer that had gone: " + r);
            }
            Map<String, ByteBuffer> held = SecretHolders.of(victim); // the same arrays; the pooled buffers are gone
            assertEquals(victimHasKeys, held.containsKey("master secret"), "victim had a master secret: " + held.keySet());
            assertZero(held, "after the end of stream");
            assertFalse(held.containsKey("inbound record buffer"), "the victim still holds its record buffers");
        }
        assertEquals(before, BufferPool.shared().stats().outstanding(), "pooled buffers outstanding");
    }

    /** After the handshake the server sends part of a record, then ends its stream: read() fails, not -1. */
    @Test
    void peerClosesInsideARecord() throws Exception {
        long before = BufferPool.shared().stats().outstanding();
        TlsClient victim = new TlsClient(clientB(JDK, CBC).build());
        byte[] data = new byte[3000];
        try (CuttingPeer peer = new CuttingPeer(new TlsServer(serverB(JDK).build()), 2, 1500, data, false);
             Socket socket = connect(peer.port())) {
            TlsConnection conn = new TlsConnection(victim, socket);
            conn.handshake();
            Map<String, ByteBuffer> held = SecretHolders.of(victim);
            byte[] buf = new byte[4096];
            EOFException e = assertThrows(EOFException.class, () -> conn.read(buf, 0, buf.length));
            assertTrue(e.getMessage().contains("inside a record"), e.getMessage());
            assertTrue(victim.closed());
            socket.close();
            peer.thread.join(10_000);
            assertNull(peer.error, () -> "peer: " + peer.error);
            for (Rec r : records(peer.afterCut.toByteArray())) {
                assertTrue(r.type() != 21, "alert sent to a peer that had gone: " + r);
            }
            assertZero(held, "after the end of stream inside a record");
        }
        assertEquals(before, BufferPool.shared().stats().outstanding(), "pooled buffers outstanding");
    }

    /**
     * An end of stream between records after the handshake, without close_notify: read() returns
     * -1 and inboundClosed() says false (the caller can tell a truncation from a close); close()
     * then disposes the engine.
     */
    @Test
    void peerClosesBetweenRecordsWithoutCloseNotify() throws Exception {
        long before = BufferPool.shared().stats().outstanding();
        TlsClient victim = new TlsClient(clientB(JDK, GCM).build());
        try (CuttingPeer peer = new CuttingPeer(new TlsServer(serverB(JDK).build()), 2, Integer.MAX_VALUE, new byte[700],
                false);
             Socket socket = connect(peer.port())) {
            TlsConnection conn = new TlsConnection(victim, socket);
            conn.handshake();
            Map<String, ByteBuffer> held = SecretHolders.of(victim);
            byte[] buf = new byte[4096];
            assertEquals(700, readAll(conn, buf));
            assertFalse(victim.inboundClosed(), "no close_notify came");
            conn.close();
            assertTrue(victim.closed());
            peer.thread.join(10_000);
            assertZero(held, "after close");
        }
        assertEquals(before, BufferPool.shared().stats().outstanding(), "pooled buffers outstanding");
    }

    static int readAll(TlsConnection conn, byte[] buf) throws Exception {
        int total = 0;
        int n;
        while ((n = conn.read(buf, 0, buf.length)) >= 0) {
            total += n;
        }
        return total;
    }

    /**
     * A peer that completes the handshake and then never reads. A blocking socket write would wait
     * forever; TlsConnection's write timeout (300 ms here) closes the socket and fails the write
     * with a SocketTimeoutException, the engine is disposed, and what it buffered meanwhile never
     * exceeds one write call's records.
     */
    @Test
    void peerStopsReading() throws Exception {
        long before = BufferPool.shared().stats().outstanding();
        TlsClient victim = new TlsClient(clientB(JDK, GCM).build());
        try (CuttingPeer peer = new CuttingPeer(new TlsServer(serverB(JDK).build()), Integer.MAX_VALUE, 0, null, true);
             Socket socket = new Socket()) {
            socket.setSendBufferSize(8192);
            socket.connect(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), peer.port()));
            socket.setSoTimeout(10_000);
            TlsConnection conn = new TlsConnection(victim, socket).writeTimeout(Duration.ofMillis(300));
            conn.handshake();
            peer.done.await();
            Map<String, ByteBuffer> held = SecretHolders.of(victim);
            byte[] chunk = new byte[64 * 1024];
            long start = System.nanoTime();
            long[] written = {0};
            SocketTimeoutException e = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> assertThrows(
                    SocketTimeoutException.class, () -> {
                        while (true) {
                            conn.write(chunk, 0, chunk.length);
                            written[0] += chunk.length;
                        }
                    }), "the writer hung on a peer that does not read");
            double ms = (System.nanoTime() - start) / 1e6;
            System.out.printf("FAULT|peer stops reading|%d bytes in write calls that returned|the blocked one gave up after %.0f ms%n",
                    written[0], ms);
            assertTrue(e.getMessage().contains("read nothing"), e.getMessage());
            assertTrue(victim.closed(), "engine disposed");
            assertTrue(socket.isClosed(), "socket closed");
            assertTrue(victim.pendingOutput() <= chunk.length + 4 * 64, "buffered " + victim.pendingOutput());
            assertZero(held, "after the write timeout");
            assertNull(peer.error, () -> "peer: " + peer.error);
        }
        assertEquals(before, BufferPool.shared().stats().outstanding(), "pooled buffers outstanding");
    }
}
