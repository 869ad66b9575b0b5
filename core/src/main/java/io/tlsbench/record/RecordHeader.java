package io.tlsbench.record;

import io.tlsbench.alert.AlertDescription;
import io.tlsbench.alert.TlsAlertException;
import java.nio.ByteBuffer;

/**
 * The 5-byte TLSCiphertext header (type, version, length) and the record size limits of
 * RFC 5246 §6.2: plaintext ≤ 2^14, ciphertext ≤ 2^14 + 2048. Reads and writes are absolute,
 * so callers' buffer positions move only where the record layer says.
 */
public final class RecordHeader {
    public static final int LENGTH = 5;
    public static final int MAX_PLAINTEXT = 1 << 14;
    public static final int MAX_CIPHERTEXT = MAX_PLAINTEXT + 2048;
    /** The largest record on the wire: header plus the largest ciphertext. */
    public static final int MAX_RECORD = LENGTH + MAX_CIPHERTEXT;

    private RecordHeader() {
    }

    public static void write(ByteBuffer buf, int index, int type, int version, int length) {
        buf.put(index, (byte) type);
        buf.put(index + 1, (byte) (version >>> 8));
        buf.put(index + 2, (byte) version);
        buf.put(index + 3, (byte) (length >>> 8));
        buf.put(index + 4, (byte) length);
    }

    public static int type(ByteBuffer buf, int index) {
        return buf.get(index) & 0xff;
    }

    public static int version(ByteBuffer buf, int index) {
        return ((buf.get(index + 1) & 0xff) << 8) | (buf.get(index + 2) & 0xff);
    }

    public static int length(ByteBuffer buf, int index) {
        return ((buf.get(index + 3) & 0xff) << 8) | (buf.get(index + 4) & 0xff);
    }

    /**
     * Checks the header of the record at src's position against the connection's version and the
     * limits, and that the whole record is present. Returns the fragment length.
     */
    public static int check(ByteBuffer src, int expectedVersion) throws TlsAlertException {
        int at = src.position();
        if (src.remaining() < LENGTH) {
            throw new TlsAlertException(AlertDescription.DECODE_ERROR,
                    "truncated record header: " + src.remaining() + " of 5 bytes");
        }
        int type = type(src, at);
        if (!ContentType.known(type)) {
            throw new TlsAlertException(AlertDescription.UNEXPECTED_MESSAGE, "unknown record content type " + type);
        }
        int version = version(src, at);
        if (version != expectedVersion) {
            throw new TlsAlertException(AlertDescription.PROTOCOL_VERSION, String.format(
                    "record version 0x%04x on a 0x%04x connection", version, expectedVersion));
        }
        int length = length(src, at);
        if (length > MAX_CIPHERTEXT) {
            throw new TlsAlertException(AlertDescription.RECORD_OVERFLOW,
                    "record fragment of " + length + " bytes exceeds 2^14 + 2048");
        }
        if (src.remaining() - LENGTH < length) {
            throw new TlsAlertException(AlertDescription.DECODE_ERROR, "truncated record: header says " + length
                    + " bytes, " + (src.remaining() - LENGTH) + " present");
        }
        return length;
    }
}
