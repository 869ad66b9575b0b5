package io.tlsbench.handshake.message;

import io.tlsbench.alert.TlsAlertException;
import io.tlsbench.suite.ProtocolVersion;

/** ServerHelloDone (RFC 5246 §7.4.5): empty; the server's first flight is over. */
public record ServerHelloDone() implements HandshakeMessage {

    public static final ServerHelloDone INSTANCE = new ServerHelloDone();

    public static ServerHelloDone decode(Reader r) throws TlsAlertException {
        r.end();
        return INSTANCE;
    }

    @Override
    public HandshakeType type() {
        return HandshakeType.SERVER_HELLO_DONE;
    }

    @Override
    public void encode(Writer w, ProtocolVersion version) {
        // empty body
    }
}
