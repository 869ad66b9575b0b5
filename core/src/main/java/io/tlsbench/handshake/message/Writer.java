package io.tlsbench.handshake.message;

import java.util.Arrays;

/** A growable byte array for encoding handshake messages, with length-prefixed vectors. */
public final class Writer {
    private byte[] buf;
    private int size;

    public Writer(int capacity) {
        buf = new byte[Math.max(16, capacity)];
    }

    private void ensure(int n) {
        if (size + n > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + n));
        }
    }

    public Writer u8(int v) {
        ensure(1);
        buf[size++] = (byte) v;
        return this;
    }

    public Writer u16(int v) {
        ensure(2);
        buf[size++] = (byte) (v >>> 8);
        buf[size++] = (byte) v;
        return this;
    }

    public Writer u24(int v) {
        ensure(3);
        buf[size++] = (byte) (v >>> 16);
        buf[size++] = (byte) (v >>> 8);
        buf[size++] = (byte) v;
        return this;
    }

    public Writer bytes(byte[] b) {
        return bytes(b, 0, b.length);
    }

    public Writer bytes(byte[] b, int off, int len) {
        ensure(len);
        System.arraycopy(b, off, buf, size, len);
        size += len;
        return this;
    }

    public Writer vector8(byte[] b) {
        return u8(b.length).bytes(b);
    }

    public Writer vector16(byte[] b) {
        return u16(b.length).bytes(b);
    }

    public Writer vector24(byte[] b) {
        return u24(b.length).bytes(b);
    }

    /** Reserves a length field of 1, 2 or 3 bytes; returns its position for {@link #fillLength}. */
    public int mark(int lengthBytes) {
        ensure(lengthBytes);
        int at = size;
        size += lengthBytes;
        return at;
    }

    /** Writes the number of bytes written since the mark into the reserved field. */
    public void fillLength(int mark, int lengthBytes) {
        int n = size - mark - lengthBytes;
        for (int i = lengthBytes - 1; i >= 0; i--) {
            buf[mark + i] = (byte) n;
            n >>>= 8;
        }
    }

    public void reset() {
        Arrays.fill(buf, 0, size, (byte) 0);
        size = 0;
    }

    public int size() {
        return size;
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(buf, size);
    }
}
