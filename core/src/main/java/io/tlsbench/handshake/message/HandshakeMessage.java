package io.tlsbench.handshake.message;

import io.tlsbench.suite.ProtocolVersion;

/**
 * A handshake message body (RFC 5246 §7.4). Each type decodes with a static {@code decode(Reader)}
 * that answers malformed input with the alert the RFCs call for, and encodes with
 * {@link #encode}. Decoding checks the syntax; whether a well-formed value is acceptable is the
 * state machine's question.
 */
public interface HandshakeMessage {

    /** The length of the header before every body: msg_type and a 24-bit length. */
    int HEADER_LENGTH = 4;

    HandshakeType type();

    /**
     * Writes the body. version is the negotiated one (null before ServerHello): SSLv3's
     * RSA ClientKeyExchange and TLS 1.2's signature-scheme fields depend on it.
     */
    void encode(Writer body, ProtocolVersion version);

    /** The body alone, as {@link #encode} writes it. */
    default byte[] body(ProtocolVersion version) {
        Writer w = new Writer(256);
        encode(w, version);
        return w.toByteArray();
    }

    /** The message as sent: msg_type, the body's 24-bit length, the body. */
    static byte[] frame(int type, byte[] body) {
        return new Writer(HEADER_LENGTH + body.length).u8(type).u24(body.length).bytes(body).toByteArray();
    }
}
