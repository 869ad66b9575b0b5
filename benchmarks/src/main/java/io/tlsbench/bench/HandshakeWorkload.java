package io.tlsbench.bench;

import io.tlsbench.alert.TlsAlertException;
import io.tlsbench.bench.axis.HandshakeMode;
import io.tlsbench.bench.axis.ProviderConfig;
import io.tlsbench.bench.axis.Stack;
import io.tlsbench.handshake.Credential;
import io.tlsbench.handshake.Session;
import io.tlsbench.handshake.SessionCache;
import io.tlsbench.handshake.TlsClient;
import io.tlsbench.handshake.TlsConfig;
import io.tlsbench.handshake.TlsEngine;
import io.tlsbench.handshake.TlsServer;
import io.tlsbench.provider.ProviderSet;
import io.tlsbench.provider.Providers;
import io.tlsbench.provider.SuiteSupport;
import io.tlsbench.suite.CipherSuite;
import io.tlsbench.suite.ProtocolVersion;
import java.nio.ByteBuffer;
import java.security.Provider;
import java.security.Security;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLException;

/**
 * One TLS 1.2 handshake, client and server in one thread, in memory: a full handshake, a resumed
 * one, or one with client authentication, on a stack (tlsbench core; the JDK's SSLEngine; Bouncy
 * Castle's JSSE; Conscrypt's SSLEngine) over a provider configuration (the JDK's default order,
 * or BC, ACCP or Conscrypt first with the JDK's serving what they lack).
 *
 * <p>The server's share of each handshake is measured by timing every call into the server
 * engine and every call into the client engine with System.nanoTime: {@link #serverNanos} and
 * {@link #clientNanos} add up over the calls (their sum is the handshake minus the pump's own
 * bookkeeping), so server / (server + client) is the fraction a server pays.
 */
public abstract class HandshakeWorkload {

    /** The group ECDHE uses, for jdk.tls.namedGroups in benchmark forks: the core's first choice. */
    public static final String NAMED_GROUPS = "secp256r1";

    static final List<Credential> CREDENTIALS = SslEngines.CREDENTIALS;
    /** BCJSSE logs every connection at INFO; a benchmark making thousands of them keeps the warnings only. */
    private static final java.util.logging.Logger BCJSSE_LOG = java.util.logging.Logger.getLogger("org.bouncycastle.jsse");

    static {
        BCJSSE_LOG.setLevel(java.util.logging.Level.WARNING);
    }

    protected final CipherSuite suite;
    protected final HandshakeMode mode;
    public long serverNanos;
    public long clientNanos;

    protected HandshakeWorkload(CipherSuite suite, HandshakeMode mode) {
        this.suite = suite;
        this.mode = mode;
    }

    public static HandshakeWorkload create(Stack stack, ProviderConfig config, CipherSuite suite, HandshakeMode mode) {
        String why = unsupported(stack, config, suite, mode);
        if (why != null) {
            throw new IllegalArgumentException(why);
        }
        if (stack == Stack.CORE) {
            return new Core(config.providers(), suite, mode);
        }
        return new Jsse(stack, config, suite, mode);
    }

    /** Null when the combination runs, else why not (the planner leaves it out). */
    public static String unsupported(Stack stack, ProviderConfig config, CipherSuite suite, HandshakeMode mode) {
        if (!suite.allows(ProtocolVersion.TLS12)) {
            return suite + " is not a TLS 1.2 suite";
        }
        if (!config.jdkDefault()) {
            ProviderSet first = Providers.get(config.first);
            if (!first.available()) {
                return first.id() + " is not available: " + first.unavailableReason();
            }
        }
        if (stack == Stack.CONSCRYPT) {
            if (!config.jdkDefault()) {
                return "Conscrypt's SSLEngine uses BoringSSL whatever the JCA order: run it once, as jdk";
            }
            return SslEngines.unsupported(stack, suite, ProtocolVersion.TLS12);
        }
        if (stack == Stack.JSSE && config == ProviderConfig.CONSCRYPT_FIRST && suite.keyExchange.elliptic()) {
            // Observed: JSSE's ECDHE handshake stalls when Conscrypt serves its EC primitives.
            return "JSSE does not complete ECDHE handshakes over Conscrypt's EC primitives";
        }
        if (stack.sslEngine()) {
            return SslEngines.unsupported(stack, suite, ProtocolVersion.TLS12);
        }
        return SuiteSupport.of(config.providers()).handshake(suite);
    }

    /** One handshake; returns something to sink. */
    public abstract Object handshake() throws Exception;

    /** Undo global changes (provider order) made in setup. */
    public void close() {
    }

    /** tlsbench's engines; what the provider configuration lacks, the engine does not offer. */
    static final class Core extends HandshakeWorkload {
        private final TlsConfig clientConfig;
        private final TlsConfig serverConfig;
        private final ByteBuffer wire = ByteBuffer.allocate(1 << 16);
        private final Session session;

        Core(ProviderSet provider, CipherSuite suite, HandshakeMode mode) {
            super(suite, mode);
            TlsConfig.Builder server = TlsConfig.builder(provider).versions(ProtocolVersion.TLS12, ProtocolVersion.TLS12)
                    .suites(List.of(suite)).sessionCache(new SessionCache(1 << 14, 3_600_000L));
            TlsConfig.Builder client = TlsConfig.builder(provider).versions(ProtocolVersion.TLS12, ProtocolVersion.TLS12)
                    .suites(List.of(suite));
            for (Credential c : CREDENTIALS) {
                server.credential(c);
                client.trust(c.leaf());
            }
            if (mode == HandshakeMode.CLIENT_AUTH) {
                server.clientAuth(TlsConfig.ClientAuth.REQUIRE);
                client.credential(CREDENTIALS.get(0));
                for (Credential c : CREDENTIALS) {
                    server.trust(c.leaf());
                }
            }
            serverConfig = server.build();
            clientConfig = client.build();
            try {
                session = run(null).session();
            } catch (TlsAlertException e) {
                throw new IllegalStateException("setup handshake failed: " + e.getMessage(), e);
            }
        }

        private TlsClient run(Session resume) throws TlsAlertException {
            TlsClient client = new TlsClient(clientConfig, resume);
            TlsServer server = new TlsServer(serverConfig);
            long t = System.nanoTime();
            client.start();
            long u = System.nanoTime();
            clientNanos += u - t;
            while (!client.handshakeComplete() || !server.handshakeComplete()) {
                if (!move(client, server, false) & !move(server, client, true)) {
                    throw new IllegalStateException("handshake stalled");
                }
            }
            if (resume != null && !client.resumed()) {
                throw new IllegalStateException("the session was not resumed");
            }
            // Like the SSLEngine pairs, which are dropped for the GC, no close_notify is exchanged;
            // dispose wipes the keys and returns the pooled record buffers, timed to each side.
            long d = System.nanoTime();
            client.dispose();
            long e = System.nanoTime();
            server.dispose();
            clientNanos += e - d;
            serverNanos += System.nanoTime() - e;
            return client;
        }

        /** Moves from's output into to; times each side's call. */
        private boolean move(TlsEngine from, TlsEngine to, boolean fromServer) throws TlsAlertException {
            wire.clear();
            long t = System.nanoTime();
            int n = from.send(wire);
            long u = System.nanoTime();
            if (n == 0) {
                return false;
            }
            wire.flip();
            to.receive(wire);
            long v = System.nanoTime();
            if (fromServer) {
                serverNanos += u - t;
                clientNanos += v - u;
            } else {
                clientNanos += u - t;
                serverNanos += v - u;
            }
            return true;
        }

        @Override
        public Object handshake() throws TlsAlertException {
            return run(mode == HandshakeMode.RESUMED ? session : null);
        }
    }

    /** An SSLEngine pair: JSSE (SunJSSE), Bouncy Castle's JSSE, or Conscrypt. */
    static final class Jsse extends HandshakeWorkload {
        private final SSLContext clientContext;
        private final SSLContext serverContext;
        private final String suiteName;
        private final Provider inserted;
        private final ByteBuffer empty = ByteBuffer.allocate(0);
        private final ByteBuffer app = ByteBuffer.allocate(1 << 16);
        private final ByteBuffer c2s = ByteBuffer.allocate(1 << 16);
        private final ByteBuffer s2c = ByteBuffer.allocate(1 << 16);

        Jsse(Stack stack, ProviderConfig config, CipherSuite suite, HandshakeMode mode) {
            super(suite, mode);
            try {
                // The JCA order the stack's crypto sees: one provider inserted first, for this JVM's run.
                inserted = config.jdkDefault() ? null : config.providers().providers().get(0);
                if (inserted != null && stack != Stack.CONSCRYPT) {
                    Security.insertProviderAt(inserted, 1);
                }
                serverContext = SslEngines.context(stack, serverKeys(), mode == HandshakeMode.CLIENT_AUTH);
                clientContext = SslEngines.context(stack, mode == HandshakeMode.CLIENT_AUTH ? List.of(CREDENTIALS.get(0)) : List.of(),
                        false);
                suiteName = SslEngines.suiteName(stack, suite);
                handshakeOnce();
            } catch (Exception e) {
                close();
                throw new IllegalStateException(stack + " " + config + " " + suite + " " + mode + ": " + e, e);
            }
        }

        private static List<Credential> serverKeys() {
            return CREDENTIALS;
        }

        @Override
        public Object handshake() throws SSLException {
            return handshakeOnce();
        }

        private SSLEngine handshakeOnce() throws SSLException {
            // Resumption needs the peer's host and port to find the cached session; without them
            // the JSSE client makes a full handshake every time.
            SSLEngine client = mode == HandshakeMode.RESUMED ? clientContext.createSSLEngine("localhost", 443)
                    : clientContext.createSSLEngine();
            SSLEngine server = serverContext.createSSLEngine();
            client.setUseClientMode(true);
            server.setUseClientMode(false);
            for (SSLEngine e : new SSLEngine[] {client, server}) {
                e.setEnabledProtocols(new String[] {"TLSv1.2"});
                e.setEnabledCipherSuites(new String[] {suiteName});
            }
            if (mode == HandshakeMode.CLIENT_AUTH) {
                server.setNeedClientAuth(true);
            }
            c2s.clear();
            s2c.clear();
            client.beginHandshake();
            server.beginHandshake();
            for (int i = 0; i < 200; i++) {
                long t = System.nanoTime();
                boolean c = step(client, s2c, c2s);
                long u = System.nanoTime();
                boolean s = step(server, c2s, s2c);
                long v = System.nanoTime();
                clientNanos += u - t;
                serverNanos += v - u;
                if (done(client) && done(server)) {
                    if (client.getSession().getCipherSuite().equals("SSL_NULL_WITH_NULL_NULL")) {
                        throw new SSLException("no session was established");
                    }
                    return client;
                }
                if (!c && !s) {
                    throw new SSLException("handshake stalled");
                }
            }
            throw new SSLException("handshake did not finish");
        }

        private static boolean done(SSLEngine e) {
            SSLEngineResult.HandshakeStatus h = e.getHandshakeStatus();
            return h == SSLEngineResult.HandshakeStatus.NOT_HANDSHAKING || h == SSLEngineResult.HandshakeStatus.FINISHED;
        }

        /** Unwraps what arrived, wraps what is due; true if anything moved. */
        private boolean step(SSLEngine e, ByteBuffer in, ByteBuffer out) throws SSLException {
            boolean moved = false;
            in.flip();
            while (in.hasRemaining()) {
                app.clear();
                SSLEngineResult r = e.unwrap(in, app);
                tasks(e);
                if (r.bytesConsumed() == 0) {
                    break;
                }
                moved = true;
            }
            in.compact();
            while (e.getHandshakeStatus() == SSLEngineResult.HandshakeStatus.NEED_WRAP) {
                SSLEngineResult r = e.wrap(empty, out);
                tasks(e);
                if (r.bytesProduced() == 0) {
                    break;
                }
                moved = true;
            }
            return moved;
        }

        private static void tasks(SSLEngine e) {
            Runnable t;
            while ((t = e.getDelegatedTask()) != null) {
                t.run();
            }
        }

        @Override
        public void close() {
            if (inserted != null) {
                Security.removeProvider(inserted.getName());
            }
        }
    }
}
