package io.tlsbench.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.tlsbench.alert.TlsAlertException;
import io.tlsbench.handshake.message.ClientHello;
import io.tlsbench.handshake.message.Extensions;
import io.tlsbench.handshake.message.HandshakeMessage;
import io.tlsbench.handshake.message.Reader;
import io.tlsbench.handshake.message.ServerHello;
import io.tlsbench.suite.ConnectionEnd;
import io.tlsbench.testing.Flight;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One target per handshake message decoder. The decoders live inside the engines' state machines,
 * so each target drives a fresh engine to the state that expects the message — replaying the
 * recorded honest peer's earlier messages — and then delivers the fuzzed body in a record of its
 * own (sealed with the conversation's keys for Finished). The first input byte picks the
 * {@link Scenario} among those in which the message occurs; the rest is the message body.
 */
class HandshakeDecoderFuzzTest {

    /** The decoders: the message type, the engine that receives it, and whether only a hello's extensions are fuzzed. */
    enum Target {
        CLIENT_HELLO(1, ConnectionEnd.SERVER, false),
        CLIENT_HELLO_EXTENSIONS(1, ConnectionEnd.SERVER, true),
        SERVER_HELLO(2, ConnectionEnd.CLIENT, false),
        SERVER_HELLO_EXTENSIONS(2, ConnectionEnd.CLIENT, true),
        SERVER_CERTIFICATE(11, ConnectionEnd.CLIENT, false),
        SERVER_KEY_EXCHANGE(12, ConnectionEnd.CLIENT, false),
        CERTIFICATE_REQUEST(13, ConnectionEnd.CLIENT, false),
        SERVER_HELLO_DONE(14, ConnectionEnd.CLIENT, false),
        CLIENT_CERTIFICATE(11, ConnectionEnd.SERVER, false),
        CLIENT_KEY_EXCHANGE(16, ConnectionEnd.SERVER, false),
        CERTIFICATE_VERIFY(15, ConnectionEnd.SERVER, false),
        FINISHED_AT_CLIENT(20, ConnectionEnd.CLIENT, false),
        FINISHED_AT_SERVER(20, ConnectionEnd.SERVER, false);

        final int type;
        final ConnectionEnd victim;
        final boolean extensionsOnly;

        Target(int type, ConnectionEnd victim, boolean extensionsOnly) {
            this.type = type;
            this.victim = victim;
            this.extensionsOnly = extensionsOnly;
        }

        /** The fuzz test's method name: CLIENT_HELLO_EXTENSIONS is clientHelloExtensions. */
        String method() {
            StringBuilder b = new StringBuilder();
            for (String word : name().toLowerCase(java.util.Locale.ROOT).split("_")) {
                b.append(b.length() == 0 ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1));
            }
            return b.toString();
        }
    }

    static final int CLIENT_HELLO = 1;
    static final int FINISHED = 20;

    @FuzzTest
    void clientHello(byte[] input) {
        decode(Target.CLIENT_HELLO, input);
    }

    @FuzzTest
    void clientHelloExtensions(byte[] input) {
        decode(Target.CLIENT_HELLO_EXTENSIONS, input);
    }

    @FuzzTest
    void serverHello(byte[] input) {
        decode(Target.SERVER_HELLO, input);
    }

    @FuzzTest
    void serverHelloExtensions(byte[] input) {
        decode(Target.SERVER_HELLO_EXTENSIONS, input);
    }

    @FuzzTest
    void serverCertificate(byte[] input) {
        decode(Target.SERVER_CERTIFICATE, input);
    }

    @FuzzTest
    void serverKeyExchange(byte[] input) {
        decode(Target.SERVER_KEY_EXCHANGE, input);
    }

    @FuzzTest
    void certificateRequest(byte[] input) {
        decode(Target.CERTIFICATE_REQUEST, input);
    }

    @FuzzTest
    void serverHelloDone(byte[] input) {
        decode(Target.SERVER_HELLO_DONE, input);
    }

    @FuzzTest
    void clientCertificate(byte[] input) {
        decode(Target.CLIENT_CERTIFICATE, input);
    }

    @FuzzTest
    void clientKeyExchange(byte[] input) {
        decode(Target.CLIENT_KEY_EXCHANGE, input);
    }

    @FuzzTest
    void certificateVerify(byte[] input) {
        decode(Target.CERTIFICATE_VERIFY, input);
    }

    @FuzzTest
    void finishedAtClient(byte[] input) {
        decode(Target.FINISHED_AT_CLIENT, input);
    }

    @FuzzTest
    void finishedAtServer(byte[] input) {
        decode(Target.FINISHED_AT_SERVER, input);
    }

    // ---------------------------------------------------------------- the harness

    /** Scenarios in which the victim receives a message of the type, per victim side. */
    private static final Map<ConnectionEnd, Map<Integer, List<Scenario>>> HAVING = new EnumMap<>(ConnectionEnd.class);

    static synchronized List<Scenario> having(ConnectionEnd victim, int type) throws TlsAlertException {
        Map<Integer, List<Scenario>> byType = HAVING.computeIfAbsent(victim, v -> new java.util.HashMap<>());
        List<Scenario> out = byType.get(type);
        if (out == null) {
            out = new ArrayList<>();
            for (Scenario s : Scenario.values()) {
                if (type == FINISHED || peerMessage(s, victim, type) != null) {
                    out.add(s);
                }
            }
            byType.put(type, out);
        }
        return out;
    }

    /** The peer's recorded plaintext message of the type (null if it sends none). */
    static Flight.Msg peerMessage(Scenario s, ConnectionEnd victim, int type) throws TlsAlertException {
        for (Object o : Flight.parse(s.recording().from(victim.peer()), false).items) {
            if (o instanceof Flight.Msg m && m.type() == type) {
                return m;
            }
        }
        return null;
    }

    private static void decode(Target target, byte[] input) {
        if (input.length == 0) {
            return;
        }
        ConnectionEnd victim = target.victim;
        int type = target.type;
        FuzzCheck.onlyAlerts(() -> {
            Scenario s = Scenario.pick(input[0], having(victim, type));
            byte[] body = Arrays.copyOfRange(input, 1, input.length);
            if (target.extensionsOnly) {
                byte[] hello = peerMessage(s, victim, type).body();
                byte[] prefix = Arrays.copyOf(hello, helloExtensionsAt(hello, type == CLIENT_HELLO));
                body = Flight.concat(prefix, body);
            }
            EngineFlightFuzzTest.run(victim == ConnectionEnd.CLIENT ? s.newClient() : s.newServer(),
                    flightUpTo(s, victim, type, body));
        });
    }

    /** The peer's recorded records up to the message of the type, which carries the given body. */
    static List<byte[]> flightUpTo(Scenario s, ConnectionEnd victim, int type, byte[] body) throws TlsAlertException {
        ConnectionEnd peer = victim.peer();
        List<byte[]> out = new ArrayList<>();
        for (Object o : Flight.parse(s.recording().from(peer), false).items) {
            if (o instanceof Flight.Msg m) {
                // each message in a record of its own
                out.add(Flight.record(Flight.HANDSHAKE, m.recordVersion(), m.type() == type
                        ? HandshakeMessage.frame(type, body) : m.frame()));
                if (m.type() == type) {
                    return out;
                }
            } else {
                Flight.Rec r = (Flight.Rec) o;
                if (type == FINISHED && r.type() == Flight.HANDSHAKE) {
                    // The first protected handshake record after ChangeCipherSpec is the Finished.
                    out.add(s.recording().seal(peer, Flight.HANDSHAKE, HandshakeMessage.frame(FINISHED, body)));
                    return out;
                }
                out.add(r.encode());
            }
        }
        throw new IllegalStateException(s + ": the " + peer + " sends no message of type " + type);
    }

    /** Where the extensions block starts in a recorded (valid) hello body: its length without them. */
    static int helloExtensionsAt(byte[] hello, boolean clientHello) throws TlsAlertException {
        Reader r = new Reader(hello, "hello");
        if (clientHello) {
            ClientHello h = ClientHello.decode(r);
            return new ClientHello(h.version(), h.random(), h.sessionId(), h.cipherSuites(), h.compressionMethods(),
                    Extensions.NONE).body(null).length;
        }
        ServerHello h = ServerHello.decode(r);
        return new ServerHello(h.version(), h.random(), h.sessionId(), h.cipherSuite(), h.compressionMethod(),
                Extensions.NONE).body(null).length;
    }
}
