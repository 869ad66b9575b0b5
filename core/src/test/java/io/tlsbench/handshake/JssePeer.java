package io.tlsbench.handshake;

import io.tlsbench.testing.TestPki;
import java.nio.ByteBuffer;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSession;
import javax.net.ssl.TrustManagerFactory;

/**
 * The JDK's SSLEngine behind the same bytes-in / bytes-out shape as a TlsEngine, so the two can
 * be pumped against each other in memory. Test code: the JDK is the independent peer.
 */
final class JssePeer {

    final SSLEngine engine;
    final SSLContext context;
    private ByteBuffer netIn = ByteBuffer.allocate(1 << 16);
    private ByteBuffer appOut = ByteBuffer.allocate(0);
    private ByteBuffer appIn = ByteBuffer.allocate(1 << 16);
    private final ByteBuffer netOut;

    /** The JDK's SSLEngine with these credentials, trusting the test CA. */
    JssePeer(boolean client, String protocol, String suite, List<Credential> credentials, boolean needClientAuth)
            throws Exception {
        this(jdkContext(credentials), client, protocol, suite, needClientAuth);
    }

    static SSLContext jdkContext(List<Credential> credentials) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        char[] pw = "test".toCharArray();
        int i = 0;
        for (Credential c : credentials) {
            ks.setKeyEntry("key" + i++, c.privateKey(), pw, c.chain().toArray(new Certificate[0]));
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance("SunX509");
        kmf.init(ks, pw);
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("ca", TestPki.INSTANCE.ca);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
        tmf.init(trust);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        return ctx;
    }

    /** An engine of any SSLContext (the JDK's, Bouncy Castle's JSSE, ...). */
    JssePeer(SSLContext context, boolean client, String protocol, String suite, boolean needClientAuth) {
        this.context = context;
        engine = context.createSSLEngine("localhost", 443);
        engine.setUseClientMode(client);
        engine.setEnabledProtocols(new String[] {protocol});
        engine.setEnabledCipherSuites(new String[] {suite});
        if (needClientAuth) {
            engine.setNeedClientAuth(true);
        }
        netOut = ByteBuffer.allocate(engine.getSession().getPacketBufferSize() * 4);
    }

    /** A second engine from the same SSLContext (and so the same session cache), same settings. */
    JssePeer(JssePeer first, boolean client) {
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
