package io.tlsbench.handshake.message;

import io.tlsbench.alert.TlsAlertException;
import java.util.List;

/** Lists of 16-bit values behind a 16-bit byte length, the writing half of {@link Reader#u16List}. */
final class U16s {
    private U16s() {
    }

    /** An extension body that is one such list, with nothing after it. */
    static List<Integer> decodeBody(byte[] body, String extension, String field) throws TlsAlertException {
        Reader r = new Reader(body, extension);
        List<Integer> values = r.u16List(field, 0);
        r.end();
        return values;
    }

    static void encode(Writer w, List<Integer> values) {
        int mark = w.mark(2);
        for (int v : values) {
            w.u16(v);
        }
        w.fillLength(mark, 2);
    }
}
