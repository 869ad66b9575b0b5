package io.tlsbench.fuzz;

import io.tlsbench.alert.TlsAlertException;
import io.tlsbench.handshake.Session;
import io.tlsbench.handshake.SessionCache;
import io.tlsbench.handshake.TlsClient;
import io.tlsbench.handshake.TlsConfig;
import io.tlsbench.handshake.TlsConfig.ClientAuth;
import io.tlsbench.handshake.TlsEngine;
import io.tlsbench.handshake.TlsServer;
import io.tlsbench.handshake.message.HandshakeType;
import io.tlsbench.handshake.message.Reader;
import io.tlsbench.handshake.message.ServerHello;
import io.tlsbench.kdf.KeyBlockLayout;
import io.tlsbench.kdf.KeySchedule;
import io.tlsbench.kdf.SessionKeys;
import io.tlsbench.provider.ProviderId;
import io.tlsbench.provider.ProviderSet;
import io.tlsbench.provider.Providers;
import io.tlsbench.record.RecordOpener;
import io.tlsbench.record.RecordSealer;
import io.tlsbench.record.RecordSpec;
import io.tlsbench.suite.CipherSuite;
import io.tlsbench.suite.ConnectionEnd;
import io.tlsbench.suite.ProtocolVersion;
import io.tlsbench.testing.Flight;
import io.tlsbench.testing.TestPki;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;

/**
 * The handshakes the engine fuzz targets start from: a tlsbench client and server whose every
 * random byte comes from a seeded generator, over {@link TestPki}'s fixed keys, so the same
 * handshake happens byte for byte in every run. A recorded conversation is therefore valid input
 * for a fresh engine of the same scenario: the fuzzer mutates it and reaches the deep states.
 */
enum Scenario {
    /** RSA key transport, AES-CBC, TLS 1.2 (explicit IVs), extended master secret. */
    RSA_CBC_TLS12(CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA, ProtocolVersion.TLS12, ClientAuth.NONE, false),
    /** ECDHE, AES-GCM, TLS 1.2, client certificate required (CertificateRequest, Certificate, CertificateVerify). */
    ECDHE_GCM_CLIENT_AUTH(CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, ProtocolVersion.TLS12, ClientAuth.REQUIRE,
            false),
    /** DHE, AES-CBC, TLS 1.0 (chained IV). */
    DHE_CBC_TLS10(CipherSuite.TLS_DHE_RSA_WITH_AES_128_CBC_SHA, ProtocolVersion.TLS10, ClientAuth.NONE, false),
    /** SSLv3, RC4, client certificate requested (SSLv3's CertificateVerify). */
    RSA_RC4_SSL3_CLIENT_AUTH(CipherSuite.TLS_RSA_WITH_RC4_128_SHA, ProtocolVersion.SSL3, ClientAuth.REQUEST, false),
    /** The abbreviated handshake: the client offers the session of an earlier RSA_CBC_TLS12-style handshake. */
    RESUMED_TLS12(CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA, ProtocolVersion.TLS12, ClientAuth.NONE, true);

    static final ProviderSet JDK = Providers.require(ProviderId.SUNJCE);

    final CipherSuite suite;
    final ProtocolVersion version;
    final ClientAuth clientAuth;
    final boolean resumed;
    private volatile Recording recording;
    /** The earlier handshake's sessions (resumption only); made again whenever a fuzz run invalidated one. */
    private Session clientSession;
    private Session serverSession;

    Scenario(CipherSuite suite, ProtocolVersion version, ClientAuth clientAuth, boolean resumed) {
        this.suite = suite;
        this.version = version;
        this.clientAuth = clientAuth;
        this.resumed = resumed;
    }

    /** The scenario a selector byte picks among the given ones. */
    static Scenario pick(byte selector, List<Scenario> among) {
        return among.get((selector & 0xff) % among.size());
    }

    static Scenario pick(byte selector) {
        return pick(selector, List.of(values()));
    }

    // ---------------------------------------------------------------- engines

    TlsClient newClient() throws TlsAlertException {
        return client(100 + ordinal(), null, resumed ? sessions()[0] : null);
    }

    TlsServer newServer() throws TlsAlertException {
        return server(200 + ordinal(), null, resumed ? sessions()[1] : null);
    }

    private TlsClient client(long seed, Consumer<String> keyLog, Session offer) {
        TlsConfig.Builder b = TlsConfig.builder(JDK).versions(version, version).suites(List.of(suite))
                .trust(TestPki.INSTANCE.ca).random(FuzzCheck.deterministic(seed)).keyLog(keyLog);
        if (clientAuth != ClientAuth.NONE) {
            b.credential(TestPki.INSTANCE.clientRsa);
        }
        return new TlsClient(b.build(), offer);
    }

    private TlsServer server(long seed, Consumer<String> keyLog, Session cached) {
        SessionCache cache = new SessionCache(16, 24L * 3600 * 1000);
        if (cached != null) {
            cache.put(cached);
        }
        return new TlsServer(TlsConfig.builder(JDK).versions(ProtocolVersion.SSL3, ProtocolVersion.TLS12)
                .credential(TestPki.INSTANCE.rsa).trust(TestPki.INSTANCE.ca).clientAuth(clientAuth)
                .sessionCache(cache).random(FuzzCheck.deterministic(seed)).keyLog(keyLog).build());
    }

    /** Client and server sessions of the earlier full handshake, resumable. */
    private synchronized Session[] sessions() throws TlsAlertException {
        if (clientSession == null || !clientSession.resumable() || !serverSession.resumable()) {
            TlsClient c = client(300, null, null);
            TlsServer s = server(400, null, null);
            try {
                c.start();
                Recording.pump(c, s, null, null);
                clientSession = c.session();
                serverSession = s.session();
            } finally {
                c.dispose();
                s.dispose();
            }
        }
        return new Session[] {clientSession, serverSession};
    }

    // ---------------------------------------------------------------- the recorded conversation

    /** The honest conversation of this scenario (made once per JVM). */
    Recording recording() throws TlsAlertException {
        Recording r = recording;
        if (r == null) {
            synchronized (this) {
                r = recording;
                if (r == null) {
                    recording = r = record();
                }
            }
        }
        return r;
    }

    private Recording record() throws TlsAlertException {
        List<String> keyLog = new ArrayList<>();
        TlsClient c = client(100 + ordinal(), keyLog::add, resumed ? sessions()[0] : null);
        TlsServer s = server(200 + ordinal(), null, resumed ? sessions()[1] : null);
        List<byte[]> fromClient = new ArrayList<>();
        List<byte[]> fromServer = new ArrayList<>();
        try {
            c.start();
            Recording.pump(c, s, fromClient, fromServer);
            if (!c.handshakeComplete() || !s.handshakeComplete()) {
                throw new IllegalStateException(this + ": the recorded handshake did not complete");
            }
            c.write(ByteBuffer.wrap("ping".getBytes(StandardCharsets.US_ASCII)));
            s.write(ByteBuffer.wrap("pong".getBytes(StandardCharsets.US_ASCII)));
            Recording.pump(c, s, fromClient, fromServer);
            c.close();
            Recording.pump(c, s, fromClient, fromServer);
        } finally {
            c.dispose();
            s.dispose();
        }
        String[] line = keyLog.get(0).split(" ");
        return new Recording(this, fromClient, fromServer, HexFormat.of().parseHex(line[1]),
                HexFormat.of().parseHex(line[2]));
    }

    /** One honest conversation: each side's send() outputs in order, and its secrets (from the key log). */
    static final class Recording {
        final Scenario scenario;
        final List<byte[]> fromClient;
        final List<byte[]> fromServer;
        final byte[] clientRandom;
        final byte[] master;

        Recording(Scenario scenario, List<byte[]> fromClient, List<byte[]> fromServer, byte[] clientRandom,
                  byte[] master) {
            this.scenario = scenario;
            this.fromClient = List.copyOf(fromClient);
            this.fromServer = List.copyOf(fromServer);
            this.clientRandom = clientRandom;
            this.master = master;
        }

        /** Everything one side sent. */
        byte[] from(ConnectionEnd side) {
            return Flight.concat((side == ConnectionEnd.CLIENT ? fromClient : fromServer).toArray(byte[][]::new));
        }

        byte[] serverRandom() throws TlsAlertException {
            Flight.Msg hello = Flight.parse(from(ConnectionEnd.SERVER), false).msg(HandshakeType.SERVER_HELLO.code);
            return ServerHello.decode(new Reader(hello.body(), "ServerHello")).random();
        }

        /** Seals one record as the writer's first protected record, with this conversation's keys. */
        byte[] seal(ConnectionEnd writer, int type, byte[] plaintext) throws TlsAlertException {
            RecordSealer c = half(writer, spec -> RecordSealer.create(spec.random(FuzzCheck.deterministic(7))));
            try {
                ByteBuffer out = ByteBuffer.allocate(c.sealedLength(plaintext.length));
                c.seal(type, ByteBuffer.wrap(plaintext), out);
                return out.array();
            } finally {
                c.close();
            }
        }

        /** The verify_data of the writer's Finished (its first protected handshake record, opened). */
        byte[] verifyData(ConnectionEnd writer) throws TlsAlertException {
            for (Object o : Flight.parse(from(writer), false).items) {
                if (o instanceof Flight.Rec r && r.type() == Flight.HANDSHAKE) {
                    RecordOpener c = half(writer, RecordOpener::create);
                    try {
                        ByteBuffer out = ByteBuffer.allocate(1 << 15);
                        c.open(ByteBuffer.wrap(r.encode()), out);
                        return java.util.Arrays.copyOfRange(out.array(), 4, out.position());
                    } finally {
                        c.close();
                    }
                }
            }
            throw new IllegalStateException("no Finished from the " + writer + " in " + scenario);
        }

        /** A half for the writer's records with this conversation's keys (the key block rebuilt, then wiped). */
        private <T> T half(ConnectionEnd writer, java.util.function.Function<RecordSpec, T> create)
                throws TlsAlertException {
            SessionKeys keys = new SessionKeys(KeyBlockLayout.of(scenario.suite, scenario.version));
            try {
                new KeySchedule(JDK).keyBlock(scenario.version, scenario.suite, master, clientRandom, serverRandom(),
                        keys);
                return create.apply(RecordSpec.of(JDK).suite(scenario.suite, scenario.version).keys(keys, writer));
            } finally {
                keys.wipe();
            }
        }

        /** Moves bytes both ways until neither side has anything to send, noting each side's outputs. */
        static void pump(TlsEngine client, TlsEngine server, List<byte[]> fromClient, List<byte[]> fromServer)
                throws TlsAlertException {
            for (int i = 0; i < 64; i++) {
                boolean moved = move(client, server, fromClient);
                moved |= move(server, client, fromServer);
                if (!moved) {
                    return;
                }
            }
            throw new IllegalStateException("engines did not settle");
        }

        private static boolean move(TlsEngine from, TlsEngine to, List<byte[]> log) throws TlsAlertException {
            byte[] out = drain(from);
            if (out.length == 0) {
                return false;
            }
            if (log != null) {
                log.add(out);
            }
            if (!to.closed()) {
                to.receive(ByteBuffer.wrap(out));
            }
            return true;
        }
    }

    /** What the engine has queued for the network. */
    static byte[] drain(TlsEngine e) {
        byte[] out = new byte[e.pendingOutput()];
        e.send(ByteBuffer.wrap(out));
        return out;
    }
}
