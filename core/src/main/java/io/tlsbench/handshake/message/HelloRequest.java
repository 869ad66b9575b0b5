package io.tlsbench.handshake.message;

import io.tlsbench.alert.TlsAlertException;
import io.tlsbench.suite.ProtocolVersion;

/** HelloRequest (RFC 5246 §7.4.1.1): empty; the server asks for a new handshake. */
public record HelloRequest() implements HandshakeMessage {

    public static final HelloRequest INSTANCE = new HelloRequest();

    public static HelloRequest decode(Reader r) throws TlsAlertException {
        r.end();
        return INSTANCE;
    }

    @Override
    public HandshakeType type() {
        return HandshakeType.HELLO_REQUEST;
    }

    @Override
    public void encode(Writer w, ProtocolVersion version) {
        // empty body
    }
}
