package io.tlsbench.handshake;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Test-side wire codec for crafting hostile TLS input, written independently of the engine's
 * Reader/Writer: records, flights of handshake messages, and editable ClientHello / ServerHello
 * bodies whose length fields can be overridden to lie.
 */
final class HostileWire {

    private HostileWire() {
    }

    // ---------------------------------------------------------------- a Writer-like builder

    /** Big-endian byte builder with length-prefixed vectors. */
    static final class Out {
        private final ByteArrayOutputStream b = new ByteArrayOutputStream();

        Out u8(int v) {
            b.write(v);
            return this;
        }

        Out u16(int v) {
            return u8(v >>> 8).u8(v);
        }

        Out u24(int v) {
            return u8(v >>> 16).u8(v >>> 8).u8(v);
        }

        Out bytes(byte[] x) {
            b.write(x, 0, x.length);
            return this;
        }

        Out vec8(byte[] x) {
            return u8(x.length).bytes(x);
        }

        Out vec16(byte[] x) {
            return u16(x.length).bytes(x);
        }

        Out vec24(byte[] x) {
            return u24(x.length).bytes(x);
        }

        byte[] toBytes() {
            return b.toByteArray();
        }
    }

    static byte[] concat(byte[]... parts) {
        Out o = new Out();
        for (byte[] p : parts) {
            o.bytes(p);
        }
        return o.toBytes();
    }

    static byte[] u16s(int... values) {
        Out o = new Out();
        for (int v : values) {
            o.u16(v);
        }
        return o.toBytes();
    }

    static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }

    // ---------------------------------------------------------------- records

    /** One TLS record as seen on the wire. */
    record Rec(int type, int version, byte[] fragment) {
        byte[] encode() {
            return record(type, version, fragment);
        }

        @Override
        public String toString() {
            return "record(type " + type + ", " + String.format("0x%04x", version) + ", " + fragment.length + " bytes)";
        }
    }

    static byte[] record(int type, int version, byte[] fragment) {
        return new Out().u8(type).u16(version).u16(fragment.length).bytes(fragment).toBytes();
    }

    /** A record header that may lie about the length, followed by whatever bytes are given. */
    static byte[] recordWithLength(int type, int version, int length, byte[] fragment) {
        return new Out().u8(type).u16(version).u16(length).bytes(fragment).toBytes();
    }

    static List<Rec> records(byte[] wire) {
        List<Rec> out = new ArrayList<>();
        int p = 0;
        while (p < wire.length) {
            if (wire.length - p < 5) {
                throw new IllegalArgumentException("partial record header at " + p);
            }
            int type = wire[p] & 0xff;
            int version = ((wire[p + 1] & 0xff) << 8) | (wire[p + 2] & 0xff);
            int length = ((wire[p + 3] & 0xff) << 8) | (wire[p + 4] & 0xff);
            if (wire.length - p - 5 < length) {
                throw new IllegalArgumentException("partial record at " + p);
            }
            out.add(new Rec(type, version, Arrays.copyOfRange(wire, p + 5, p + 5 + length)));
            p += 5 + length;
        }
        return out;
    }

    // ---------------------------------------------------------------- handshake messages

    /** One handshake message: type and body. */
    record Msg(int type, byte[] body) {
        byte[] encode() {
            return handshake(type, body);
        }
    }

    static byte[] handshake(int type, byte[] body) {
        return new Out().u8(type).u24(body.length).bytes(body).toBytes();
    }

    /** A handshake header that may lie about the body length. */
    static byte[] handshakeWithLength(int type, int length, byte[] body) {
        return new Out().u8(type).u24(length).bytes(body).toBytes();
    }

    /**
     * A flight: plaintext handshake messages (reassembled from their records) and raw records
     * (ChangeCipherSpec, alerts, and everything after ChangeCipherSpec, which is encrypted).
     * Edits work on messages; encode() puts consecutive messages into one record, as engines do.
     */
    static final class Flight {
        final List<Object> items = new ArrayList<>();
        final int version;

        private Flight(int version) {
            this.version = version;
        }

        /** Parses a peer's output; encrypted says the peer already switched to its write keys. */
        static Flight parse(byte[] wire, boolean encrypted) {
            List<Rec> recs = records(wire);
            Flight f = new Flight(recs.isEmpty() ? 0x0303 : recs.get(0).version());
            ByteArrayOutputStream hs = new ByteArrayOutputStream();
            boolean enc = encrypted;
            for (Rec r : recs) {
                if (!enc && r.type() == 22) {
                    hs.write(r.fragment(), 0, r.fragment().length);
                    byte[] buf = hs.toByteArray();
                    int p = 0;
                    while (buf.length - p >= 4) {
                        int len = ((buf[p + 1] & 0xff) << 16) | ((buf[p + 2] & 0xff) << 8) | (buf[p + 3] & 0xff);
                        if (buf.length - p - 4 < len) {
                            break;
                        }
                        f.items.add(new Msg(buf[p] & 0xff, Arrays.copyOfRange(buf, p + 4, p + 4 + len)));
                        p += 4 + len;
                    }
                    hs.reset();
                    hs.write(buf, p, buf.length - p);
                } else {
                    if (hs.size() != 0) {
                        throw new IllegalArgumentException("handshake message split around " + r);
                    }
                    f.items.add(r);
                    if (r.type() == 20) {
                        enc = true;
                    }
                }
            }
            if (hs.size() != 0) {
                throw new IllegalArgumentException("flight ends inside a handshake message");
            }
            return f;
        }

        byte[] encode() {
            Out o = new Out();
            ByteArrayOutputStream pending = new ByteArrayOutputStream();
            for (Object it : items) {
                if (it instanceof Msg m) {
                    byte[] e = m.encode();
                    pending.write(e, 0, e.length);
                } else {
                    flush(o, pending);
                    o.bytes(((Rec) it).encode());
                }
            }
            flush(o, pending);
            return o.toBytes();
        }

        private void flush(Out o, ByteArrayOutputStream pending) {
            byte[] all = pending.toByteArray();
            for (int off = 0; off < all.length; off += 1 << 14) {
                o.bytes(record(22, version, Arrays.copyOfRange(all, off, Math.min(all.length, off + (1 << 14)))));
            }
            pending.reset();
        }

        int indexOf(int handshakeType) {
            for (int i = 0; i < items.size(); i++) {
                if (items.get(i) instanceof Msg m && m.type() == handshakeType) {
                    return i;
                }
            }
            throw new IllegalArgumentException("no handshake message of type " + handshakeType + " in " + this);
        }

        Msg msg(int handshakeType) {
            return (Msg) items.get(indexOf(handshakeType));
        }

        Flight replace(int handshakeType, byte[] body) {
            items.set(indexOf(handshakeType), new Msg(handshakeType, body));
            return this;
        }

        Flight remove(int handshakeType) {
            items.remove(indexOf(handshakeType));
            return this;
        }

        Flight insertAfter(int handshakeType, Object item) {
            items.add(indexOf(handshakeType) + 1, item);
            return this;
        }

        Flight insertBefore(int handshakeType, Object item) {
            items.add(indexOf(handshakeType), item);
            return this;
        }

        /** Index of the n-th raw record of a content type (0-based). */
        int recordIndex(int contentType, int n) {
            int seen = 0;
            for (int i = 0; i < items.size(); i++) {
                if (items.get(i) instanceof Rec r && r.type() == contentType && seen++ == n) {
                    return i;
                }
            }
            throw new IllegalArgumentException("no record of type " + contentType + " #" + n + " in " + this);
        }

        Rec rec(int contentType, int n) {
            return (Rec) items.get(recordIndex(contentType, n));
        }

        /** The raw bytes of every plaintext handshake message, in order (a transcript). */
        byte[] handshakeBytes() {
            Out o = new Out();
            for (Object it : items) {
                if (it instanceof Msg m) {
                    o.bytes(m.encode());
                }
            }
            return o.toBytes();
        }

        @Override
        public String toString() {
            List<String> s = new ArrayList<>();
            for (Object it : items) {
                s.add(it instanceof Msg m ? TlsEngine.messageName(m.type()) : it.toString());
            }
            return s.toString();
        }
    }

    // ---------------------------------------------------------------- hello bodies

    /** One hello extension; lengthOverride makes its length field lie. */
    record Ext(int type, byte[] body, Integer lengthOverride) {
        Ext(int type, byte[] body) {
            this(type, body, null);
        }
    }

    static List<Ext> parseExtensions(byte[] body, int p) {
        if (p == body.length) {
            return null;
        }
        int total = ((body[p] & 0xff) << 8) | (body[p + 1] & 0xff);
        int end = p + 2 + total;
        p += 2;
        List<Ext> out = new ArrayList<>();
        while (p < end) {
            int type = ((body[p] & 0xff) << 8) | (body[p + 1] & 0xff);
            int len = ((body[p + 2] & 0xff) << 8) | (body[p + 3] & 0xff);
            out.add(new Ext(type, Arrays.copyOfRange(body, p + 4, p + 4 + len)));
            p += 4 + len;
        }
        return out;
    }

    static void writeExtensions(Out o, List<Ext> extensions, Integer blockLengthOverride) {
        if (extensions == null) {
            return;
        }
        Out block = new Out();
        for (Ext e : extensions) {
            block.u16(e.type()).u16(e.lengthOverride() != null ? e.lengthOverride() : e.body().length).bytes(e.body());
        }
        byte[] b = block.toBytes();
        o.u16(blockLengthOverride != null ? blockLengthOverride : b.length).bytes(b);
    }

    static List<Ext> withoutExtension(List<Ext> list, int type) {
        List<Ext> out = new ArrayList<>();
        for (Ext e : list) {
            if (e.type() != type) {
                out.add(e);
            }
        }
        return out;
    }

    /** An editable ClientHello body; the *Length fields, when set, replace the true lengths. */
    static final class ClientHelloSpec {
        int version = 0x0303;
        byte[] random = new byte[32];
        byte[] sessionId = new byte[0];
        List<Integer> suites = new ArrayList<>();
        byte[] compression = {0};
        List<Ext> extensions = new ArrayList<>();
        Integer sessionIdLength;
        Integer suitesLength;
        Integer compressionLength;
        Integer extensionsLength;
        byte[] trailing = new byte[0];

        static ClientHelloSpec parse(byte[] body) {
            ClientHelloSpec s = new ClientHelloSpec();
            s.version = ((body[0] & 0xff) << 8) | (body[1] & 0xff);
            s.random = Arrays.copyOfRange(body, 2, 34);
            int p = 34;
            int sid = body[p++] & 0xff;
            s.sessionId = Arrays.copyOfRange(body, p, p + sid);
            p += sid;
            int sl = ((body[p] & 0xff) << 8) | (body[p + 1] & 0xff);
            p += 2;
            s.suites = new ArrayList<>();
            for (int i = 0; i < sl; i += 2) {
                s.suites.add(((body[p + i] & 0xff) << 8) | (body[p + i + 1] & 0xff));
            }
            p += sl;
            int cl = body[p++] & 0xff;
            s.compression = Arrays.copyOfRange(body, p, p + cl);
            p += cl;
            s.extensions = parseExtensions(body, p);
            return s;
        }

        byte[] encode() {
            Out o = new Out().u16(version).bytes(random);
            o.u8(sessionIdLength != null ? sessionIdLength : sessionId.length).bytes(sessionId);
            Out su = new Out();
            for (int x : suites) {
                su.u16(x);
            }
            byte[] sb = su.toBytes();
            o.u16(suitesLength != null ? suitesLength : sb.length).bytes(sb);
            o.u8(compressionLength != null ? compressionLength : compression.length).bytes(compression);
            writeExtensions(o, extensions, extensionsLength);
            return o.bytes(trailing).toBytes();
        }

        byte[] message() {
            return handshake(1, encode());
        }
    }

    /** An editable ServerHello body. */
    static final class ServerHelloSpec {
        int version = 0x0303;
        byte[] random = new byte[32];
        byte[] sessionId = new byte[0];
        int suite;
        int compression;
        List<Ext> extensions = new ArrayList<>();
        Integer sessionIdLength;
        Integer extensionsLength;

        static ServerHelloSpec parse(byte[] body) {
            ServerHelloSpec s = new ServerHelloSpec();
            s.version = ((body[0] & 0xff) << 8) | (body[1] & 0xff);
            s.random = Arrays.copyOfRange(body, 2, 34);
            int p = 34;
            int sid = body[p++] & 0xff;
            s.sessionId = Arrays.copyOfRange(body, p, p + sid);
            p += sid;
            s.suite = ((body[p] & 0xff) << 8) | (body[p + 1] & 0xff);
            p += 2;
            s.compression = body[p++] & 0xff;
            s.extensions = parseExtensions(body, p);
            return s;
        }

        byte[] encode() {
            Out o = new Out().u16(version).bytes(random);
            o.u8(sessionIdLength != null ? sessionIdLength : sessionId.length).bytes(sessionId);
            o.u16(suite).u8(compression);
            writeExtensions(o, extensions, extensionsLength);
            return o.toBytes();
        }
    }
}
