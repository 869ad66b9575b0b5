package io.tlsbench.bench;

import io.tlsbench.bench.axis.BufferKind;
import io.tlsbench.bench.axis.Engine;
import io.tlsbench.bench.axis.RecordSuite;
import io.tlsbench.suite.CipherSuite;
import io.tlsbench.suite.ProtocolVersion;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLEngineResult.Status;
import javax.net.ssl.SSLException;

/**
 * The record layer of an SSLEngine a Java user would pick instead of tlsbench's core: the JDK's
 * own (SunJSSE) or Conscrypt's (BoringSSL). An in-memory client/server engine pair over a
 * generated RSA-2048 certificate (bcpkix), handshaken once in setup for one suite and version
 * (the same OpenJDK test/micro SSLHandshake shape). Plain code with no JMH dependency.
 *
 * <p><b>wrap</b>: the client wraps {@code size} bytes into a reused network buffer.
 * <b>unwrap</b>: the server unwraps what the client wrapped. As with the core's open, a record
 * unwraps only once (sequence numbers, CBC chains, RC4 key streams), and an SSLEngine cannot be
 * rewound, so the client pre-wraps a ring of {@link #RING} messages ({@link #refill()}, untimed:
 * the JMH wrapper calls it from a Level.Invocation setup) and {@link #unwrapNext()} unwraps the
 * next one. A "message" is what one wrap of {@code size} bytes produced: in TLS 1.0 CBC, SunJSSE
 * splits it 1/n-1 into two records (the BEAST countermeasure), and unwrapping both is one op.
 *
 * <p>Which suites and versions an engine offers is asked of the engine
 * ({@link #unsupported(Engine, CipherSuite, ProtocolVersion)}): Conscrypt 2.9 speaks TLS 1.2
 * (and 1.3) only, and of the record suites only AES-CBC-SHA and AES-GCM.
 */
public final class JsseRecordWorkload {

    /** Messages per ring, and so unwraps per JMH invocation. */
    public static final int RING = 64;

    private final Engine engine;
    private final int size;
    private final boolean direct;
    private final SSLEngine client;
    private final SSLEngine server;
    private final byte[] plain;
    private final ByteBuffer app;
    private final ByteBuffer net;
    private final ByteBuffer appIn;
    private final ByteBuffer ring;
    private final int[] ends = new int[RING];
    private int next = RING;

    public JsseRecordWorkload(Engine engine, RecordSuite recordSuite, ProtocolVersion version, int size, BufferKind buffer) {
        CipherSuite suite = recordSuite.suite;
        String why = unsupported(engine, suite, version);
        if (why != null) {
            throw new IllegalArgumentException(why);
        }
        this.engine = engine;
        this.size = size;
        this.direct = buffer.direct();
        Random r = new Random(size);
        plain = new byte[size];
        r.nextBytes(plain);
        try {
            SSLContext clientContext = SslEngines.context(engine.stack, List.of(), false);
            SSLContext serverContext = SslEngines.context(engine.stack, SslEngines.CREDENTIALS.subList(0, 1), true);
            String name = SslEngines.suiteName(engine.stack, suite);
            client = clientContext.createSSLEngine("localhost", 443);
            client.setUseClientMode(true);
            server = serverContext.createSSLEngine();
            server.setUseClientMode(false);
            for (SSLEngine e : new SSLEngine[] {client, server}) {
                e.setEnabledProtocols(new String[] {version.jsseName});
                e.setEnabledCipherSuites(new String[] {name});
            }
            handshake(client, server);
            String got = client.getSession().getCipherSuite();
            if (!got.equals(name) || !client.getSession().getProtocol().equals(version.jsseName)) {
                throw new IllegalStateException(engine + " negotiated " + got + " " + client.getSession().getProtocol()
                        + ", not " + name + " " + version.jsseName);
            }
            int packet = Math.max(client.getSession().getPacketBufferSize(), server.getSession().getPacketBufferSize());
            int appSize = Math.max(server.getSession().getApplicationBufferSize(), size);
            app = allocate(size);
            app.put(plain).flip();
            // Room for a 1/n-1 split: two records.
            net = allocate(2 * packet);
            appIn = allocate(appSize + 1024);
            ring = allocate(RING * (size + 2 * 512));
            // Fail in setup, not in the measurement: one ring wrapped and unwrapped, plaintext checked.
            refill();
            for (int i = 0; i < RING; i++) {
                int n = unwrapNext();
                if (n != size || !Arrays.equals(lastUnwrapped(), plain)) {
                    throw new IllegalStateException(engine + " unwrapped " + n + " bytes that differ from the " + size + " wrapped");
                }
            }
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(engine + " engine pair for " + suite + " " + version + ": " + e, e);
        }
    }

    private ByteBuffer allocate(int n) {
        return direct ? ByteBuffer.allocateDirect(n) : ByteBuffer.allocate(n);
    }

    /** The client wraps {@code size} bytes into the reused network buffer; returns the bytes produced. */
    public int wrap() throws SSLException {
        app.clear();
        net.clear();
        while (app.hasRemaining()) {
            SSLEngineResult res = client.wrap(app, net);
            if (res.getStatus() != Status.OK) {
                throw new SSLException(engine + " wrap: " + res);
            }
        }
        return net.position();
    }

    /** The client wraps the next RING messages into the ring (not part of any measured op). */
    public void refill() throws SSLException {
        ring.clear();
        for (int i = 0; i < RING; i++) {
            wrap();
            net.flip();
            ring.put(net);
            ends[i] = ring.position();
        }
        next = 0;
    }

    /** The server unwraps the next message of the ring; returns the plaintext bytes it produced. */
    public int unwrapNext() throws SSLException {
        if (next >= RING) {
            throw new IllegalStateException("the ring is used up: refill() it first");
        }
        int start = next == 0 ? 0 : ends[next - 1];
        ring.limit(ends[next]).position(start);
        next++;
        appIn.clear();
        while (ring.hasRemaining()) {
            SSLEngineResult res = server.unwrap(ring, appIn);
            if (res.getStatus() != Status.OK) {
                throw new SSLException(engine + " unwrap: " + res);
            }
        }
        return appIn.position();
    }

    /** The plaintext the last unwrapNext() produced. */
    public byte[] lastUnwrapped() {
        return RecordWorkload.written(appIn);
    }

    public byte[] plaintext() {
        return plain.clone();
    }

    public String negotiated() {
        return client.getSession().getProtocol() + " " + client.getSession().getCipherSuite();
    }

    // ---- which engine offers what -------------------------------------------------------------

    /** Null when the engine can run the suite in the version; otherwise why not. */
    public static String unsupported(Engine engine, CipherSuite suite, ProtocolVersion version) {
        if (!suite.allows(version)) {
            return suite + " is not allowed in " + version.shortName;
        }
        return SslEngines.unsupported(engine.stack, suite, version);
    }

    /** The record suites an engine runs in a version, in the axis's order. */
    public static List<RecordSuite> supportedSuites(Engine engine, ProtocolVersion version) {
        List<RecordSuite> out = new ArrayList<>();
        for (RecordSuite r : RecordSuite.values()) {
            if (unsupported(engine, r.suite, version) == null) {
                out.add(r);
            }
        }
        return out;
    }

    // ---- handshake ----------------------------------------------------------------------------

    /** Pumps both engines in memory until both have finished the handshake. */
    static void handshake(SSLEngine client, SSLEngine server) throws SSLException {
        int packet = Math.max(client.getSession().getPacketBufferSize(), server.getSession().getPacketBufferSize());
        int appSize = Math.max(client.getSession().getApplicationBufferSize(), server.getSession().getApplicationBufferSize());
        ByteBuffer toServer = ByteBuffer.allocate(8 * packet);
        ByteBuffer toClient = ByteBuffer.allocate(8 * packet);
        ByteBuffer clientApp = ByteBuffer.allocate(2 * appSize);
        ByteBuffer serverApp = ByteBuffer.allocate(2 * appSize);
        ByteBuffer empty = ByteBuffer.allocate(0);
        client.beginHandshake();
        server.beginHandshake();
        for (int round = 0; round < 100; round++) {
            boolean progress = wrapWhileNeeded(client, empty, toServer);
            progress |= wrapWhileNeeded(server, empty, toClient);
            progress |= unwrapAll(server, toServer, serverApp);
            progress |= unwrapAll(client, toClient, clientApp);
            if (finished(client) && finished(server) && toServer.position() == 0 && toClient.position() == 0) {
                return;
            }
            if (!progress) {
                throw new SSLException("handshake stalled: client " + client.getHandshakeStatus() + ", server "
                        + server.getHandshakeStatus());
            }
        }
        throw new SSLException("handshake did not finish in 100 rounds");
    }

    private static boolean finished(SSLEngine e) {
        HandshakeStatus hs = e.getHandshakeStatus();
        return hs == HandshakeStatus.NOT_HANDSHAKING || hs == HandshakeStatus.FINISHED;
    }

    private static boolean wrapWhileNeeded(SSLEngine e, ByteBuffer empty, ByteBuffer out) throws SSLException {
        boolean progress = false;
        while (e.getHandshakeStatus() == HandshakeStatus.NEED_WRAP) {
            SSLEngineResult res = e.wrap(empty, out);
            runTasks(e);
            if (res.getStatus() != Status.OK) {
                throw new SSLException("handshake wrap: " + res);
            }
            if (res.bytesProduced() == 0 && e.getHandshakeStatus() == HandshakeStatus.NEED_WRAP) {
                break;
            }
            progress = true;
        }
        runTasks(e);
        return progress;
    }

    private static boolean unwrapAll(SSLEngine e, ByteBuffer in, ByteBuffer app) throws SSLException {
        boolean progress = false;
        in.flip();
        try {
            while (in.hasRemaining()) {
                SSLEngineResult res = e.unwrap(in, app);
                runTasks(e);
                if (res.getStatus() == Status.BUFFER_UNDERFLOW) {
                    break;
                }
                if (res.getStatus() != Status.OK) {
                    throw new SSLException("handshake unwrap: " + res);
                }
                if (res.bytesConsumed() == 0 && res.bytesProduced() == 0) {
                    break;
                }
                progress = true;
            }
        } finally {
            in.compact();
        }
        return progress;
    }

    private static void runTasks(SSLEngine e) {
        Runnable task;
        while ((task = e.getDelegatedTask()) != null) {
            task.run();
        }
    }
}
