package io.tlsbench.handshake;

import io.tlsbench.alert.AlertDescription;
import io.tlsbench.alert.TlsAlertException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Hello extensions (RFC 5246 §7.4.1.4) as type → body, decoded with duplicates refused. */
final class Extensions {
    static final int SERVER_NAME = 0;
    static final int SUPPORTED_GROUPS = 10;
    static final int EC_POINT_FORMATS = 11;
    static final int SIGNATURE_ALGORITHMS = 13;
    static final int EXTENDED_MASTER_SECRET = 23;
    static final int RENEGOTIATION_INFO = 0xff01;

    /** Cipher-suite values that are signals, not suites (RFC 5746 §3.3, RFC 7507). */
    static final int EMPTY_RENEGOTIATION_INFO_SCSV = 0x00ff;
    static final int FALLBACK_SCSV = 0x5600;

    private Extensions() {
    }

    static Map<Integer, byte[]> decode(Reader r) throws TlsAlertException {
        Map<Integer, byte[]> out = new LinkedHashMap<>();
        if (!r.hasRemaining()) {
            return out; // extensions are optional (RFC 5246 §7.4.1.2)
        }
        Reader list = r.sub(r.u16("extensions length"), "extensions");
        while (list.hasRemaining()) {
            int type = list.u16("extension type");
            byte[] body = list.vector16("extension", type);
            if (out.put(type, body) != null) {
                // RFC 5246 §7.4.1.4: there MUST NOT be more than one extension of the same type.
                throw new TlsAlertException(AlertDescription.DECODE_ERROR, "extension " + type + " appears twice");
            }
        }
        return out;
    }

    static void encode(Writer w, Map<Integer, byte[]> extensions) {
        if (extensions.isEmpty()) {
            return;
        }
        int mark = w.mark(2);
        for (Map.Entry<Integer, byte[]> e : extensions.entrySet()) {
            w.u16(e.getKey()).vector16(e.getValue());
        }
        w.fillLength(mark, 2);
    }
}
