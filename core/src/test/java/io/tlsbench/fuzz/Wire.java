package io.tlsbench.fuzz;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The fuzz harness's view of the wire, written for the harness: records, and the plaintext
 * handshake messages inside them. Lenient on purpose — it splits recorded (valid) traffic and
 * mutated traffic alike, and never throws.
 */
final class Wire {

    static final int CHANGE_CIPHER_SPEC = 20;
    static final int HANDSHAKE = 22;

    private Wire() {
    }

    /** One record: its content type, header version, fragment, and where it sat in the wire bytes. */
    record Rec(int type, int version, byte[] fragment, int start, int end) {
    }

    /** One handshake message in a plaintext record, with the version of the record that carried it. */
    record Msg(int type, byte[] body, int recordVersion) {
        byte[] encode() {
            return record(HANDSHAKE, recordVersion, handshake(type, body));
        }
    }

    /** The whole records in wire; a partial record at the end is left out. */
    static List<Rec> records(byte[] wire) {
        List<Rec> out = new ArrayList<>();
        int p = 0;
        while (wire.length - p >= 5) {
            int length = u16(wire, p + 3);
            if (wire.length - p - 5 < length) {
                break;
            }
            out.add(new Rec(wire[p] & 0xff, u16(wire, p + 1), Arrays.copyOfRange(wire, p + 5, p + 5 + length),
                    p, p + 5 + length));
            p += 5 + length;
        }
        return out;
    }

    /**
     * A peer's traffic as items: each plaintext handshake message as a {@link Msg}, every other
     * record (ChangeCipherSpec, and everything after it, which is encrypted) as a {@link Rec}.
     */
    static List<Object> items(byte[] wire) {
        List<Object> out = new ArrayList<>();
        ByteArrayOutputStream pending = new ByteArrayOutputStream();
        boolean encrypted = false;
        for (Rec r : records(wire)) {
            if (encrypted || r.type() != HANDSHAKE) {
                out.add(r);
                encrypted |= r.type() == CHANGE_CIPHER_SPEC;
                continue;
            }
            pending.write(r.fragment(), 0, r.fragment().length);
            byte[] buf = pending.toByteArray();
            int p = 0;
            while (buf.length - p >= 4 && buf.length - p - 4 >= u24(buf, p + 1)) {
                int length = u24(buf, p + 1);
                out.add(new Msg(buf[p] & 0xff, Arrays.copyOfRange(buf, p + 4, p + 4 + length), r.version()));
                p += 4 + length;
            }
            pending.reset();
            pending.write(buf, p, buf.length - p);
        }
        return out;
    }

    static byte[] record(int type, int version, byte[] fragment) {
        byte[] r = new byte[5 + fragment.length];
        r[0] = (byte) type;
        r[1] = (byte) (version >>> 8);
        r[2] = (byte) version;
        r[3] = (byte) (fragment.length >>> 8);
        r[4] = (byte) fragment.length;
        System.arraycopy(fragment, 0, r, 5, fragment.length);
        return r;
    }

    static byte[] handshake(int type, byte[] body) {
        byte[] m = new byte[4 + body.length];
        m[0] = (byte) type;
        m[1] = (byte) (body.length >>> 16);
        m[2] = (byte) (body.length >>> 8);
        m[3] = (byte) body.length;
        System.arraycopy(body, 0, m, 4, body.length);
        return m;
    }

    static byte[] concat(List<byte[]> parts) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            o.write(p, 0, p.length);
        }
        return o.toByteArray();
    }

    static int u16(byte[] b, int at) {
        return ((b[at] & 0xff) << 8) | (b[at + 1] & 0xff);
    }

    static int u24(byte[] b, int at) {
        return ((b[at] & 0xff) << 16) | u16(b, at + 1);
    }
}
