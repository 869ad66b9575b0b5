package io.tlsbench.handshake.message;

import io.tlsbench.alert.AlertDescription;
import io.tlsbench.alert.TlsAlertException;
import java.util.Arrays;

/**
 * Handshake messages out of record fragments (RFC 5246 §6.2.1): a message may span records and a
 * record may hold several. A header is checked as soon as it is whole: a type this engine does
 * not know is unexpected_message, a length over the limit illegal_parameter.
 */
public final class HandshakeReassembler {

    /** Largest handshake body accepted (a long certificate chain fits). */
    public static final int MAX_BODY = 1 << 16;

    private final Writer pending = new Writer(512);

    /** Appends a handshake record's fragment. */
    public void add(byte[] fragment) {
        pending.bytes(fragment);
    }

    /** Whether part of a message has arrived and the rest has not. */
    public boolean inMessage() {
        return pending.size() != 0;
    }

    /** The next whole message, header included, or null until the rest of it arrives. */
    public byte[] next() throws TlsAlertException {
        if (pending.size() < HandshakeMessage.HEADER_LENGTH) {
            return null;
        }
        byte[] buf = pending.toByteArray();
        int code = buf[0] & 0xff;
        int length = ((buf[1] & 0xff) << 16) | ((buf[2] & 0xff) << 8) | (buf[3] & 0xff);
        if (HandshakeType.of(code) == null) {
            throw new TlsAlertException(AlertDescription.UNEXPECTED_MESSAGE, "unknown handshake message type " + code);
        }
        if (length > MAX_BODY) {
            // OpenSSL and BoringSSL answer an excessive message size with illegal_parameter too.
            throw new TlsAlertException(AlertDescription.ILLEGAL_PARAMETER, "handshake message of " + length + " bytes");
        }
        int end = HandshakeMessage.HEADER_LENGTH + length;
        if (buf.length < end) {
            return null;
        }
        pending.reset();
        pending.bytes(buf, end, buf.length - end);
        return Arrays.copyOf(buf, end);
    }
}
