package io.tlsbench.handshake.message;

import java.util.List;

/** Lists of 16-bit values behind a 16-bit byte length, the writing half of {@link Reader#u16List}. */
final class U16s {
    private U16s() {
    }

    static void encode(Writer w, List<Integer> values) {
        int mark = w.mark(2);
        for (int v : values) {
            w.u16(v);
        }
        w.fillLength(mark, 2);
    }
}
