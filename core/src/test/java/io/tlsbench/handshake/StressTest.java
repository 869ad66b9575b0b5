package io.tlsbench.handshake;

import static io.tlsbench.handshake.EnginePairTest.JDK;
import static io.tlsbench.handshake.EnginePairTest.pump;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tlsbench.alert.TlsAlertException;
import io.tlsbench.buffer.Acquisition;
import io.tlsbench.buffer.BufferPool;
import io.tlsbench.suite.CipherSuite;
import io.tlsbench.suite.ProtocolVersion;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Many threads through one server configuration: one {@link SessionCache} (bounded far below the
 * number of sessions made, so it evicts all the time), the shared {@link BufferPool}, one provider
 * set. Each connection is a full handshake or resumes a session that any thread made; it sends
 * several records of random sizes (0 to beyond one record) both ways at once, every byte checked,
 * and ends with close_notify both ways. At the end the pool's outstanding count is where it
 * started, the cache never held more than its bound, and everything ran in bounded time.
 *
 * <p>{@code -Dtlsbench.stress.connections=N} sets the connections per thread (default 500).
 */
class StressTest {

    static final int THREADS = 8;
    static final int PER_THREAD = Integer.getInteger("tlsbench.stress.connections", 500);
    static final int CACHE_BOUND = 48;
    /** Largest application message: more than one record (2^14), so writes span records. */
    static final int MAX_MESSAGE = (1 << 14) + 3000;

    /** Suite × version mixes: CBC (chained and explicit IV), GCM, RC4; RSA and ECDHE with RSA and ECDSA keys. */
    static final List<Object[]> MIX = List.of(
            new Object[] {CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA, ProtocolVersion.TLS12},
            new Object[] {CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA, ProtocolVersion.TLS10},
            new Object[] {CipherSuite.TLS_RSA_WITH_AES_256_GCM_SHA384, ProtocolVersion.TLS12},
            new Object[] {CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, ProtocolVersion.TLS12},
            new Object[] {CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA, ProtocolVersion.TLS11},
            new Object[] {CipherSuite.TLS_RSA_WITH_RC4_128_SHA, ProtocolVersion.TLS10});

    private boolean leakDetectionBefore;

    @BeforeEach
    void leakDetectionOn() {
        leakDetectionBefore = BufferPool.shared().leakDetection();
        BufferPool.shared().leakDetection(true); // a leak names who acquired the buffer
    }

    @AfterEach
    void leakDetectionBack() {
        BufferPool.shared().leakDetection(leakDetectionBefore);
    }

    /** The shared server side and what the threads report. */
    static final class Shared {
        final SessionCache cache = new SessionCache(CACHE_BOUND, 60_000);
        final TlsConfig server = EnginePairTest.serverConfig(JDK).sessionCache(cache).build();
        final Map<String, TlsConfig> clients = new ConcurrentHashMap<>();
        /** Recent client sessions, written and read by every thread. */
        final AtomicReferenceArray<Session> recent = new AtomicReferenceArray<>(24);
        final AtomicInteger full = new AtomicInteger();
        final AtomicInteger resumed = new AtomicInteger();
        final AtomicInteger offeredNotResumed = new AtomicInteger();
        final AtomicLong bytes = new AtomicLong();
        final AtomicInteger records = new AtomicInteger();
        final AtomicInteger maxCacheSize = new AtomicInteger();

        TlsConfig client(CipherSuite s, ProtocolVersion v) {
            return clients.computeIfAbsent(s + " " + v, k -> EnginePairTest.clientConfig(JDK, s, v).build());
        }

        void sampleCache() {
            int n = cache.size();
            maxCacheSize.accumulateAndGet(n, Math::max);
            assertTrue(n <= CACHE_BOUND, "session cache holds " + n + " entries, bound " + CACHE_BOUND);
        }
    }

    @Test
    void eightThreadsOfEnginePairsThroughOneServer() {
        BufferPool pool = BufferPool.shared();
        long before = pool.stats().outstanding();
        Shared shared = new Shared();
        long start = System.nanoTime();
        runThreads(THREADS, Duration.ofSeconds(150), t -> {
            SplittableRandom rnd = new SplittableRandom(0x5eed0000L + t);
            for (int i = 0; i < PER_THREAD; i++) {
                oneInMemoryConnection(shared, rnd);
            }
        });
        double seconds = (System.nanoTime() - start) / 1e9;
        int total = shared.full.get() + shared.resumed.get();
        System.out.printf("STRESS|in-memory|%d threads|%d connections (%d full, %d resumed, %d offered a session "
                        + "the server no longer had)|%d records|%d bytes|max cache size %d of %d|%.1f s%n", THREADS,
                total, shared.full.get(), shared.resumed.get(), shared.offeredNotResumed.get(), shared.records.get(),
                shared.bytes.get(), shared.maxCacheSize.get(), CACHE_BOUND, seconds);
        assertEquals(THREADS * PER_THREAD, total);
        assertTrue(shared.resumed.get() >= total / 5, "too few resumptions: " + shared.resumed.get() + " of " + total);
        assertTrue(shared.full.get() >= total / 5, "too few full handshakes: " + shared.full.get() + " of " + total);
        assertTrue(shared.offeredNotResumed.get() > 0, "the cache bound was never reached: eviction untested");
        assertTrue(shared.cache.size() <= CACHE_BOUND);
        assertPoolBack(pool, before);
    }

    /** One connection between a fresh client and server engine, pumped by this thread. */
    static void oneInMemoryConnection(Shared shared, SplittableRandom rnd) throws TlsAlertException {
        Session offer = rnd.nextBoolean() ? shared.recent.get(rnd.nextInt(shared.recent.length())) : null;
        Object[] mix = MIX.get(rnd.nextInt(MIX.size()));
        TlsConfig cc = offer != null ? shared.client(offer.suite(), offer.version())
                : shared.client((CipherSuite) mix[0], (ProtocolVersion) mix[1]);
        TlsClient client = new TlsClient(cc, offer);
        TlsServer server = new TlsServer(shared.server);
        try {
            client.start();
            pump(client, server);
            assertTrue(client.handshakeComplete() && server.handshakeComplete(), "handshake incomplete");
            assertEquals(client.resumed(), server.resumed());
            if (client.resumed()) {
                shared.resumed.incrementAndGet();
                assertEquals(offer.suite(), client.suite());
            } else {
                shared.full.incrementAndGet();
                if (offer != null) {
                    shared.offeredNotResumed.incrementAndGet();
                }
            }
            shared.sampleCache();

            // Several messages each way, interleaved, of 0 to MAX_MESSAGE bytes.
            ByteArrayOutputStream up = new ByteArrayOutputStream();
            ByteArrayOutputStream down = new ByteArrayOutputStream();
            int rounds = 1 + rnd.nextInt(3);
            for (int r = 0; r < rounds; r++) {
                byte[] a = randomBytes(rnd, size(rnd));
                byte[] b = randomBytes(rnd, size(rnd));
                client.write(ByteBuffer.wrap(a));
                server.write(ByteBuffer.wrap(b));
                up.writeBytes(a);
                down.writeBytes(b);
                shared.records.addAndGet(records(a.length) + records(b.length));
                pump(client, server);
            }
            assertArrayEquals(up.toByteArray(), drain(server, up.size()), "client → server bytes");
            assertArrayEquals(down.toByteArray(), drain(client, down.size()), "server → client bytes");
            shared.bytes.addAndGet(up.size() + down.size());

            // Either side closes first; close_notify must go both ways.
            TlsEngine first = rnd.nextBoolean() ? client : server;
            first.close();
            pump(client, server);
            for (TlsEngine e : new TlsEngine[] {client, server}) {
                assertTrue(e.inboundClosed() && e.outboundClosed(), "close_notify both ways");
            }
            if (!client.resumed()) {
                shared.recent.set(rnd.nextInt(shared.recent.length()), client.session());
            }
        } finally {
            client.dispose(); // no-op after a clean close; on a failure, the buffers still go back
            server.dispose();
        }
    }

    static int size(SplittableRandom rnd) {
        int pick = rnd.nextInt(10);
        return pick == 0 ? 0 : pick == 1 ? (1 << 14) + rnd.nextInt(-1, 2) : rnd.nextInt(MAX_MESSAGE + 1);
    }

    static int records(int n) {
        return (n + (1 << 14) - 1) >> 14;
    }

    static byte[] randomBytes(SplittableRandom rnd, int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) rnd.nextInt();
        }
        return b;
    }

    static byte[] drain(TlsEngine e, int n) {
        ByteBuffer got = ByteBuffer.allocate(n);
        e.read(got);
        assertEquals(n, got.position(), "bytes available");
        assertEquals(0, e.available(), "more bytes than were sent");
        return got.array();
    }

    // ---------------------------------------------------------------- over sockets

    /**
     * The same over 127.0.0.1: a server thread pool of TlsConnections sharing one configuration,
     * 8 client threads, each connection length-prefixed messages echoed back, half resumed, both
     * sides ending with close_notify (the client sends its own and reads the server's).
     */
    @Test
    void eightClientThreadsOverSocketsToAServerPool() throws Exception {
        int perThread = Integer.getInteger("tlsbench.stress.socketConnections", 50);
        BufferPool pool = BufferPool.shared();
        long before = pool.stats().outstanding();
        Shared shared = new Shared();
        AtomicInteger served = new AtomicInteger();
        List<Throwable> serverErrors = java.util.Collections.synchronizedList(new ArrayList<>());
        ExecutorService servers = Executors.newFixedThreadPool(4);
        long start = System.nanoTime();
        try (ServerSocket listener = new ServerSocket(0, 64, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                while (!listener.isClosed()) {
                    try {
                        Socket s = listener.accept();
                        servers.execute(() -> serveEcho(shared, s, served, serverErrors));
                    } catch (IOException e) {
                        return; // closed
                    }
                }
            }, "stress-acceptor");
            acceptor.setDaemon(true);
            acceptor.start();
            runThreads(THREADS, Duration.ofSeconds(90), t -> {
                SplittableRandom rnd = new SplittableRandom(0x50c0000L + t);
                for (int i = 0; i < perThread; i++) {
                    oneSocketConnection(shared, rnd, listener.getLocalPort());
                }
            });
        } finally {
            servers.shutdown();
            assertTrue(servers.awaitTermination(30, TimeUnit.SECONDS), "server threads did not finish");
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        int total = shared.full.get() + shared.resumed.get();
        System.out.printf("STRESS|sockets|%d threads|%d connections (%d full, %d resumed)|%d bytes|max cache size %d"
                + "|%.1f s%n", THREADS, total, shared.full.get(), shared.resumed.get(), shared.bytes.get(),
                shared.maxCacheSize.get(), seconds);
        assertEquals(List.of(), serverErrors, "server side failures");
        assertEquals(THREADS * perThread, total);
        assertEquals(total, served.get(), "connections the server closed with close_notify both ways");
        assertTrue(shared.resumed.get() >= total / 5, "too few resumptions: " + shared.resumed.get());
        assertPoolBack(pool, before);
    }

    static void oneSocketConnection(Shared shared, SplittableRandom rnd, int port) throws Exception {
        Session offer = rnd.nextBoolean() ? shared.recent.get(rnd.nextInt(shared.recent.length())) : null;
        Object[] mix = MIX.get(rnd.nextInt(MIX.size()));
        TlsConfig cc = offer != null ? shared.client(offer.suite(), offer.version())
                : shared.client((CipherSuite) mix[0], (ProtocolVersion) mix[1]);
        TlsClient client = new TlsClient(cc, offer);
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(20_000);
            socket.setTcpNoDelay(true);
            TlsConnection conn = new TlsConnection(client, socket);
            conn.handshake();
            (client.resumed() ? shared.resumed : shared.full).incrementAndGet();
            shared.sampleCache();
            int rounds = 1 + rnd.nextInt(3);
            for (int r = 0; r < rounds; r++) {
                byte[] msg = randomBytes(rnd, size(rnd));
                byte[] framed = ByteBuffer.allocate(4 + msg.length).putInt(msg.length).put(msg).array();
                conn.write(framed, 0, framed.length);
                byte[] back = readFully(conn, msg.length);
                assertArrayEquals(msg, back, "echo");
                shared.bytes.addAndGet(2L * msg.length);
            }
            client.close(); // queues close_notify; the read below sends it and waits for the server's
            byte[] rest = new byte[16];
            assertEquals(-1, conn.read(rest, 0, rest.length), "data after close_notify");
            assertTrue(client.inboundClosed() && client.outboundClosed(), "close_notify both ways");
            if (!client.resumed()) {
                shared.recent.set(rnd.nextInt(shared.recent.length()), client.session());
            }
            conn.close();
        } finally {
            client.dispose();
        }
    }

    /** Server side: echo each length-prefixed message until the client's close_notify, which it answers. */
    static void serveEcho(Shared shared, Socket socket, AtomicInteger served, List<Throwable> errors) {
        TlsServer server = new TlsServer(shared.server);
        try (socket) {
            socket.setSoTimeout(20_000);
            socket.setTcpNoDelay(true);
            TlsConnection conn = new TlsConnection(server, socket);
            conn.handshake();
            DataInputStream in = new DataInputStream(new java.io.InputStream() {
                @Override
                public int read() throws IOException {
                    byte[] one = new byte[1];
                    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    try {
                        return conn.read(b, off, len);
                    } catch (TlsAlertException e) {
                        throw new IOException(e);
                    }
                }
            });
            while (true) {
                int n;
                try {
                    n = in.readInt();
                } catch (java.io.EOFException end) {
                    break;
                }
                byte[] msg = new byte[n];
                in.readFully(msg);
                if (n > 0) { // an empty message is not waited for: the client's close_notify may be right behind it
                    conn.write(msg, 0, n);
                }
            }
            if (!(server.inboundClosed() && server.outboundClosed())) {
                throw new AssertionError("server: the stream ended without close_notify both ways");
            }
            conn.close();
            served.incrementAndGet();
        } catch (Throwable t) {
            errors.add(t);
        } finally {
            server.dispose();
        }
    }

    static byte[] readFully(TlsConnection conn, int n) throws Exception {
        byte[] b = new byte[n];
        int got = 0;
        while (got < n) {
            int r = conn.read(b, got, n - got);
            assertTrue(r > 0, "stream ended after " + got + " of " + n + " bytes");
            got += r;
        }
        return b;
    }

    // ---------------------------------------------------------------- shared checks

    interface Body {
        void run(int thread) throws Exception;
    }

    /** Runs body on n threads at once; the first failure fails the test; a hang fails it after the limit. */
    static void runThreads(int n, Duration limit, Body body) {
        assertTimeoutPreemptively(limit, () -> {
            ExecutorService ex = Executors.newFixedThreadPool(n);
            try {
                List<Future<?>> fs = new ArrayList<>();
                for (int t = 0; t < n; t++) {
                    int id = t;
                    fs.add(ex.submit(() -> {
                        body.run(id);
                        return null;
                    }));
                }
                for (Future<?> f : fs) {
                    f.get();
                }
            } finally {
                ex.shutdownNow();
                ex.awaitTermination(10, TimeUnit.SECONDS);
            }
        }, () -> "no progress within " + limit + ": deadlock or livelock");
    }

    static void assertPoolBack(BufferPool pool, long before) {
        long after = pool.stats().outstanding();
        if (after != before) {
            StringBuilder who = new StringBuilder();
            for (Acquisition a : pool.outstandingAcquisitions()) {
                who.append("\n").append(a);
            }
            throw new AssertionError("BufferPool outstanding " + before + " before, " + after + " after:" + who);
        }
    }
}
