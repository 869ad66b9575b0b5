package io.tlsbench.handshake;

import java.nio.ByteBuffer;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSession;

/**
 * JssePeer's shape over any SSLContext (here Bouncy Castle's JSSE provider): an SSLEngine behind
 * bytes-in / bytes-out, so it can be pumped against a TlsEngine in memory. Engines made from the
 * same context share its session caches, which is how resumption is exercised.
 */
final class BcJssePeer {

    final SSLEngine engine;
    final SSLContext context;
    private ByteBuffer netIn = ByteBuffer.allocate(1 << 16);
    private ByteBuffer appOut = ByteBuffer.allocate(0);
    private ByteBuffer appIn = ByteBuffer.allocate(1 << 16);
    private final ByteBuffer netOut;

    BcJssePeer(SSLContext context, boolean client, String protocol, String suite, boolean needClientAuth) {
        this.context = context;
        this.engine = context.createSSLEngine("localhost", 443);
        engine.setUseClientMode(client);
        engine.setEnabledProtocols(new String[] {protocol});
        engine.setEnabledCipherSuites(new String[] {suite});
        if (needClientAuth) {
            engine.setNeedClientAuth(true);
        }
        netOut = ByteBuffer.allocate(engine.getSession().getPacketBufferSize() * 4);
    }

    /** A second engine from the same context (and so the same session cache), same settings. */
    BcJssePeer(BcJssePeer first, boolean client) {
        this(first.context, client, first.engine.getEnabledProtocols()[0], first.engine.getEnabledCipherSuites()[0],
                first.engine.getNeedClientAuth());
    }

    SSLSession session() {
        return engine.getSession();
    }

    void write(byte[] data) {
        ByteBuffer b = ByteBuffer.allocate(appOut.remaining() + data.length);
        b.put(appOut).put(data).flip();
        appOut = b;
    }

    /** Bytes from the peer: unwrap all whole records. */
    void receive(ByteBuffer data) throws SSLException {
        if (netIn.remaining() < data.remaining()) {
            ByteBuffer g = ByteBuffer.allocate(netIn.position() + data.remaining() + (1 << 16));
            netIn.flip();
            g.put(netIn);
            netIn = g;
        }
        netIn.put(data);
        netIn.flip();
        try {
            while (true) {
                if (appIn.remaining() < engine.getSession().getApplicationBufferSize()) {
                    ByteBuffer g = ByteBuffer.allocate(appIn.capacity() * 2 + engine.getSession().getApplicationBufferSize());
                    appIn.flip();
                    g.put(appIn);
                    appIn = g;
                }
                SSLEngineResult r = engine.unwrap(netIn, appIn);
                runTasks();
                if (r.getStatus() == SSLEngineResult.Status.BUFFER_UNDERFLOW
                        || r.getStatus() == SSLEngineResult.Status.CLOSED
                        || (r.bytesConsumed() == 0 && r.bytesProduced() == 0)) {
                    break;
                }
            }
        } finally {
            netIn.compact();
        }
    }

    /** Bytes for the peer: wrap handshake output and pending application data. */
    int send(ByteBuffer dst) throws SSLException {
        int total = 0;
        while (true) {
            netOut.clear();
            SSLEngineResult r = engine.wrap(appOut, netOut);
            runTasks();
            netOut.flip();
            total += netOut.remaining();
            dst.put(netOut);
            if (r.bytesProduced() == 0 || r.getStatus() == SSLEngineResult.Status.CLOSED) {
                return total;
            }
        }
    }

    byte[] read() {
        appIn.flip();
        byte[] out = new byte[appIn.remaining()];
        appIn.get(out);
        appIn.clear();
        return out;
    }

    private void runTasks() {
        Runnable t;
        while ((t = engine.getDelegatedTask()) != null) {
            t.run();
        }
    }
}
