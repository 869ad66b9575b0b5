package io.tlsbench.handshake.message;

import io.tlsbench.alert.TlsAlertException;

/**
 * The params of an ephemeral exchange that the server signs into its ServerKeyExchange. They are
 * kept as sent (a peer may send leading zero bytes in a DH value), so {@link #encoded} is exactly
 * what the signature covers (RFC 5246 §7.4.3).
 */
public sealed interface ServerKeyExchangeParams permits ServerEcdhParams, ServerDhParams {

    void encode(Writer w);

    default byte[] encoded() {
        Writer w = new Writer(600);
        encode(w);
        return w.toByteArray();
    }

    /** Reads one exchange's params from a ServerKeyExchange body. */
    @FunctionalInterface
    interface Decoder<P extends ServerKeyExchangeParams> {
        P decode(Reader r) throws TlsAlertException;
    }
}
