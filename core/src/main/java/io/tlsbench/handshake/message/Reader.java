package io.tlsbench.handshake.message;

import io.tlsbench.alert.AlertDescription;
import io.tlsbench.alert.TlsAlertException;
import java.util.ArrayList;
import java.util.List;

/**
 * Bounds-checked reading of TLS presentation-language fields (RFC 5246 §4): every read past the
 * end, and every length that overruns its container, is a decode_error — never an
 * IndexOutOfBoundsException.
 */
public final class Reader {
    private final byte[] data;
    private int position;
    private final int limit;
    /** What is being read, for error messages; a sub-reader's name is its parent's plus its field, made on failure only. */
    private final String what;
    private final Reader parent;

    public Reader(byte[] data, int offset, int length, String what) {
        this(data, offset, length, what, null);
    }

    private Reader(byte[] data, int offset, int length, String what, Reader parent) {
        this.data = data;
        this.position = offset;
        this.limit = offset + length;
        this.what = what;
        this.parent = parent;
    }

    public Reader(byte[] data, String what) {
        this(data, 0, data.length, what);
    }

    private String what() {
        return parent == null ? what : parent.what() + "/" + what;
    }

    public int remaining() {
        return limit - position;
    }

    public boolean hasRemaining() {
        return position < limit;
    }

    private void need(int n, String field) throws TlsAlertException {
        need(n, field, -1, false);
    }

    /**
     * Field names are put together only for the error (a field number, " length"): decoding a
     * valid message builds no strings.
     */
    private void need(int n, String field, int number, boolean length) throws TlsAlertException {
        if (n < 0 || remaining() < n) {
            throw new TlsAlertException(AlertDescription.DECODE_ERROR, what() + ": " + field
                    + (number >= 0 ? " " + number : "") + (length ? " length" : "") + " needs " + n
                    + " bytes, " + remaining() + " left");
        }
    }

    public int u8(String field) throws TlsAlertException {
        need(1, field);
        return data[position++] & 0xff;
    }

    public int u16(String field) throws TlsAlertException {
        need(2, field);
        return u16();
    }

    private int u16() {
        int v = ((data[position] & 0xff) << 8) | (data[position + 1] & 0xff);
        position += 2;
        return v;
    }

    public int u24(String field) throws TlsAlertException {
        need(3, field);
        return u24();
    }

    private int u24() {
        int v = ((data[position] & 0xff) << 16) | ((data[position + 1] & 0xff) << 8) | (data[position + 2] & 0xff);
        position += 3;
        return v;
    }

    public byte[] bytes(int n, String field) throws TlsAlertException {
        return bytes(n, field, -1);
    }

    private byte[] bytes(int n, String field, int number) throws TlsAlertException {
        need(n, field, number, false);
        byte[] out = new byte[n];
        System.arraycopy(data, position, out, 0, n);
        position += n;
        return out;
    }

    /** A vector with a 1-byte length. */
    public byte[] vector8(String field) throws TlsAlertException {
        need(1, field, -1, true);
        return bytes(data[position++] & 0xff, field);
    }

    public byte[] vector16(String field) throws TlsAlertException {
        return vector16(field, -1);
    }

    /** A vector with a 2-byte length, named by a field and its number (e.g. "extension 13"). */
    public byte[] vector16(String field, int number) throws TlsAlertException {
        need(2, field, number, true);
        return bytes(u16(), field, number);
    }

    public byte[] vector24(String field) throws TlsAlertException {
        need(3, field, -1, true);
        return bytes(u24(), field);
    }

    /** A vector with a 1-byte length of at most max bytes (session_id&lt;0..32&gt;): a longer one is a decode_error. */
    public byte[] vector8(String field, int max) throws TlsAlertException {
        byte[] v = vector8(field);
        if (v.length > max) {
            throw new TlsAlertException(AlertDescription.DECODE_ERROR, what() + ": " + field + " of " + v.length
                    + " bytes, at most " + max);
        }
        return v;
    }

    /**
     * A list of 16-bit values behind a 16-bit byte length (cipher suites, groups, signature
     * schemes): an odd length, or one under minBytes, is a decode_error.
     */
    public List<Integer> u16List(String field, int minBytes) throws TlsAlertException {
        int length = u16(field);
        if (length % 2 != 0 || length < minBytes) {
            throw new TlsAlertException(AlertDescription.DECODE_ERROR, what() + ": " + field + " of " + length
                    + " bytes");
        }
        Reader list = sub(length, field);
        List<Integer> out = new ArrayList<>(length / 2);
        while (list.hasRemaining()) {
            out.add(list.u16());
        }
        return out;
    }

    /** A sub-reader over the next n bytes; this reader skips them. */
    public Reader sub(int n, String field) throws TlsAlertException {
        need(n, field);
        Reader r = new Reader(data, position, n, field, this);
        position += n;
        return r;
    }

    /** The message must be consumed exactly: trailing bytes are a decode_error. */
    public void end() throws TlsAlertException {
        if (hasRemaining()) {
            throw new TlsAlertException(AlertDescription.DECODE_ERROR, what() + ": " + remaining() + " trailing bytes");
        }
    }
}
