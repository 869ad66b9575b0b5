package io.tlsbench.handshake.message;

import io.tlsbench.alert.TlsAlertException;
import io.tlsbench.suite.ProtocolVersion;

/** ServerHello (RFC 5246 §7.4.1.3): wire values, checked against what was offered by the client's state machine. */
public record ServerHello(int version, byte[] random, byte[] sessionId, int cipherSuite, int compressionMethod,
                          Extensions extensions) implements HandshakeMessage {

    public static ServerHello decode(Reader r) throws TlsAlertException {
        int version = r.u16("server_version");
        byte[] random = r.bytes(Hello.RANDOM_LENGTH, "random");
        byte[] sessionId = r.vector8("session_id", Hello.MAX_SESSION_ID);
        int suite = r.u16("cipher_suite");
        int compression = r.u8("compression_method");
        Extensions extensions = Extensions.decode(r);
        r.end();
        return new ServerHello(version, random, sessionId, suite, compression, extensions);
    }

    @Override
    public HandshakeType type() {
        return HandshakeType.SERVER_HELLO;
    }

    @Override
    public void encode(Writer w, ProtocolVersion negotiated) {
        w.u16(version).bytes(random).vector8(sessionId).u16(cipherSuite).u8(compressionMethod);
        extensions.encode(w);
    }
}
