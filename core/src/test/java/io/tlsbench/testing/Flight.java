package io.tlsbench.testing;

import io.tlsbench.alert.TlsAlertException;
import io.tlsbench.handshake.message.HandshakeMessage;
import io.tlsbench.handshake.message.HandshakeReassembler;
import io.tlsbench.handshake.message.HandshakeType;
import io.tlsbench.record.ContentType;
import io.tlsbench.record.RecordHeader;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A peer's output as tests see it, to edit and feed to an engine: records (framed with the
 * engine's {@link RecordHeader}) and the plaintext handshake messages inside them (framed with
 * {@link HandshakeMessage#frame}). Bodies are raw bytes: tests decode and encode them with the
 * engine's message types, and make hostile ones with small explicit byte edits.
 */
public final class Flight {

    public static final int CHANGE_CIPHER_SPEC = ContentType.CHANGE_CIPHER_SPEC;
    public static final int ALERT = ContentType.ALERT;
    public static final int HANDSHAKE = ContentType.HANDSHAKE;
    public static final int APPLICATION_DATA = ContentType.APPLICATION_DATA;

    /** One record as on the wire. */
    public record Rec(int type, int version, byte[] fragment) {
        public byte[] encode() {
            return record(type, version, fragment);
        }

        @Override
        public String toString() {
            return "record(type " + type + ", " + String.format("0x%04x", version) + ", " + fragment.length + " bytes)";
        }
    }

    /** One plaintext handshake message, and the version of the record that carried it. */
    public record Msg(int type, byte[] body, int recordVersion) {
        public byte[] frame() {
            return HandshakeMessage.frame(type, body);
        }

        @Override
        public String toString() {
            HandshakeType t = HandshakeType.of(type);
            return t == null ? "handshake " + type : t.toString();
        }
    }

    /** Messages ({@link Msg}) and raw records ({@link Rec}: ChangeCipherSpec, alerts, everything encrypted), in order. */
    public final List<Object> items = new ArrayList<>();
    /** The version of the flight's first record, for messages added to it. */
    public final int version;

    private Flight(int version) {
        this.version = version;
    }

    // ---------------------------------------------------------------- bytes

    public static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }

    public static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            o.writeBytes(p);
        }
        return o.toByteArray();
    }

    /** A copy with a 16-bit field at offset overwritten: a length or version that lies. */
    public static byte[] withU16(byte[] b, int offset, int value) {
        byte[] out = b.clone();
        out[offset] = (byte) (value >>> 8);
        out[offset + 1] = (byte) value;
        return out;
    }

    /** A copy with the byte at offset overwritten. */
    public static byte[] withU8(byte[] b, int offset, int value) {
        byte[] out = b.clone();
        out[offset] = (byte) value;
        return out;
    }

    // ---------------------------------------------------------------- records

    public static byte[] record(int type, int version, byte[] fragment) {
        return recordWithLength(type, version, fragment.length, fragment);
    }

    /** A record header that may lie about the length, followed by whatever bytes are given. */
    public static byte[] recordWithLength(int type, int version, int length, byte[] fragment) {
        ByteBuffer b = ByteBuffer.allocate(RecordHeader.LENGTH + fragment.length);
        RecordHeader.write(b, 0, type, version, length);
        b.position(RecordHeader.LENGTH);
        b.put(fragment);
        return b.array();
    }

    /** The records of an engine's output; a partial record is an error (an engine sends whole records). */
    public static List<Rec> records(byte[] wire) {
        List<Rec> out = wholeRecords(wire);
        int used = 0;
        for (Rec r : out) {
            used += RecordHeader.LENGTH + r.fragment().length;
        }
        if (used != wire.length) {
            throw new IllegalArgumentException("partial record at " + used + " of " + wire.length + " bytes");
        }
        return out;
    }

    /** The whole records at the start of any bytes (mutated ones too); a partial record at the end is left out. */
    public static List<Rec> wholeRecords(byte[] wire) {
        ByteBuffer b = ByteBuffer.wrap(wire);
        List<Rec> out = new ArrayList<>();
        int p = 0;
        while (wire.length - p >= RecordHeader.LENGTH) {
            int length = RecordHeader.length(b, p);
            if (wire.length - p - RecordHeader.LENGTH < length) {
                break;
            }
            int from = p + RecordHeader.LENGTH;
            out.add(new Rec(RecordHeader.type(b, p), RecordHeader.version(b, p),
                    Arrays.copyOfRange(wire, from, from + length)));
            p = from + length;
        }
        return out;
    }

    // ---------------------------------------------------------------- flights

    /**
     * Splits a peer's output into messages and records; encrypted says the peer already switched
     * to its write keys. A message split around another record, or cut off, is an error.
     */
    public static Flight parse(byte[] wire, boolean encrypted) {
        List<Rec> recs = records(wire);
        Flight f = new Flight(recs.isEmpty() ? 0x0303 : recs.get(0).version());
        HandshakeReassembler messages = new HandshakeReassembler();
        boolean enc = encrypted;
        for (Rec r : recs) {
            if (enc || r.type() != HANDSHAKE) {
                if (messages.inMessage()) {
                    throw new IllegalArgumentException("handshake message split around " + r);
                }
                f.items.add(r);
                enc |= r.type() == CHANGE_CIPHER_SPEC;
                continue;
            }
            messages.add(r.fragment());
            for (byte[] m = next(messages); m != null; m = next(messages)) {
                f.items.add(new Msg(m[0] & 0xff, Arrays.copyOfRange(m, HandshakeMessage.HEADER_LENGTH, m.length),
                        r.version()));
            }
        }
        if (messages.inMessage()) {
            throw new IllegalArgumentException("flight ends inside a handshake message");
        }
        return f;
    }

    private static byte[] next(HandshakeReassembler messages) {
        try {
            return messages.next();
        } catch (TlsAlertException e) {
            throw new IllegalArgumentException("not an engine's flight: " + e.getMessage(), e);
        }
    }

    /** Consecutive messages of one record version share records (up to 2^14 bytes each), as engines send them. */
    public byte[] encode() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream pending = new ByteArrayOutputStream();
        int pendingVersion = -1;
        for (Object it : items) {
            if (it instanceof Msg m && (m.recordVersion() == pendingVersion || pending.size() == 0)) {
                pending.writeBytes(m.frame());
                pendingVersion = m.recordVersion();
                continue;
            }
            flush(out, pending, pendingVersion);
            if (it instanceof Msg m) {
                pending.writeBytes(m.frame());
                pendingVersion = m.recordVersion();
            } else {
                out.writeBytes(((Rec) it).encode());
            }
        }
        flush(out, pending, pendingVersion);
        return out.toByteArray();
    }

    private static void flush(ByteArrayOutputStream out, ByteArrayOutputStream pending, int version) {
        byte[] all = pending.toByteArray();
        for (int off = 0; off < all.length; off += RecordHeader.MAX_PLAINTEXT) {
            out.writeBytes(record(HANDSHAKE, version, Arrays.copyOfRange(all, off,
                    Math.min(all.length, off + RecordHeader.MAX_PLAINTEXT))));
        }
        pending.reset();
    }

    /** A new message for this flight, in a record of the flight's version. */
    public Msg message(int handshakeType, byte[] body) {
        return new Msg(handshakeType, body, version);
    }

    public int indexOf(int handshakeType) {
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i) instanceof Msg m && m.type() == handshakeType) {
                return i;
            }
        }
        throw new IllegalArgumentException("no handshake message of type " + handshakeType + " in " + this);
    }

    public Msg msg(int handshakeType) {
        return (Msg) items.get(indexOf(handshakeType));
    }

    public Flight replace(int handshakeType, byte[] body) {
        int at = indexOf(handshakeType);
        items.set(at, new Msg(handshakeType, body, ((Msg) items.get(at)).recordVersion()));
        return this;
    }

    public Flight remove(int handshakeType) {
        items.remove(indexOf(handshakeType));
        return this;
    }

    public Flight insertAfter(int handshakeType, Object item) {
        items.add(indexOf(handshakeType) + 1, item);
        return this;
    }

    public Flight insertBefore(int handshakeType, Object item) {
        items.add(indexOf(handshakeType), item);
        return this;
    }

    /** Index of the n-th raw record of a content type (0-based). */
    public int recordIndex(int contentType, int n) {
        int seen = 0;
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i) instanceof Rec r && r.type() == contentType && seen++ == n) {
                return i;
            }
        }
        throw new IllegalArgumentException("no record of type " + contentType + " #" + n + " in " + this);
    }

    public Rec rec(int contentType, int n) {
        return (Rec) items.get(recordIndex(contentType, n));
    }

    @Override
    public String toString() {
        return items.toString();
    }
}
