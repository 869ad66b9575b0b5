package io.tlsbench.handshake.message;

import io.tlsbench.alert.TlsAlertException;
import io.tlsbench.suite.ProtocolVersion;

/**
 * ServerKeyExchange (RFC 5246 §7.4.3, RFC 8422 §5.4): an ephemeral exchange's params and the
 * server's signature over both randoms and them. scheme is the TLS 1.2 SignatureAndHashAlgorithm;
 * earlier versions have no such field (0).
 */
public record ServerKeyExchange<P extends ServerKeyExchangeParams>(P params, int scheme, byte[] signature)
        implements HandshakeMessage {

    /** Decodes a body whose params are of the exchange the cipher suite names. */
    public static <P extends ServerKeyExchangeParams> ServerKeyExchange<P> decode(
            Reader r, ServerKeyExchangeParams.Decoder<P> params, ProtocolVersion version) throws TlsAlertException {
        P p = params.decode(r);
        int scheme = version == ProtocolVersion.TLS12 ? r.u16("signature algorithm") : 0;
        byte[] signature = r.vector16("signature");
        r.end();
        return new ServerKeyExchange<>(p, scheme, signature);
    }

    @Override
    public HandshakeType type() {
        return HandshakeType.SERVER_KEY_EXCHANGE;
    }

    @Override
    public void encode(Writer w, ProtocolVersion version) {
        params.encode(w);
        if (version == ProtocolVersion.TLS12) {
            w.u16(scheme);
        }
        w.vector16(signature);
    }
}
