package io.tlsbench.handshake.message;

import io.tlsbench.alert.AlertDescription;
import io.tlsbench.alert.TlsAlertException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A hello's extensions block (RFC 5246 §7.4.1.4), in order. Decoding refuses a type that appears
 * twice and keeps the bodies raw; {@link #get} decodes a known one when asked, so an extension
 * the engine never reads is never parsed.
 */
public final class Extensions {

    /** No extensions: the block is left out (SSLv3 hellos, RFC 5246 §7.4.1.2). */
    public static final Extensions NONE = new Extensions(List.of());

    private final List<HelloExtension> list;

    /** The given extensions in order; encoding does not check for duplicates. */
    public Extensions(List<? extends HelloExtension> list) {
        this.list = List.copyOf(list);
    }

    /** The block at the end of a hello; absent is the same as empty. */
    public static Extensions decode(Reader r) throws TlsAlertException {
        if (!r.hasRemaining()) {
            return NONE; // extensions are optional (RFC 5246 §7.4.1.2)
        }
        Reader block = r.sub(r.u16("extensions length"), "extensions");
        Map<Integer, HelloExtension> out = new LinkedHashMap<>();
        while (block.hasRemaining()) {
            int type = block.u16("extension type");
            byte[] body = block.vector16("extension", type);
            if (out.put(type, new RawExtension(type, body)) != null) {
                // RFC 5246 §7.4.1.4: there MUST NOT be more than one extension of the same type.
                throw new TlsAlertException(AlertDescription.DECODE_ERROR, "extension " + type + " appears twice");
            }
        }
        return new Extensions(new ArrayList<>(out.values()));
    }

    /** Writes the block, or nothing when there are no extensions. */
    public void encode(Writer w) {
        if (list.isEmpty()) {
            return;
        }
        int block = w.mark(2);
        for (HelloExtension e : list) {
            w.u16(e.type());
            int body = w.mark(2);
            e.encodeBody(w);
            w.fillLength(body, 2);
        }
        w.fillLength(block, 2);
    }

    /** The extension of this type, decoded; null when absent. */
    public <T extends HelloExtension> T get(ExtensionType<T> type) throws TlsAlertException {
        for (HelloExtension e : list) {
            if (e.type() == type.code()) {
                if (e instanceof RawExtension raw) {
                    return type.decoder().decode(raw.body());
                }
                @SuppressWarnings("unchecked")
                T typed = (T) e;
                return typed;
            }
        }
        return null;
    }

    /** The type codes in order. */
    public List<Integer> types() {
        List<Integer> out = new ArrayList<>(list.size());
        for (HelloExtension e : list) {
            out.add(e.type());
        }
        return out;
    }

    public List<HelloExtension> list() {
        return list;
    }
}
