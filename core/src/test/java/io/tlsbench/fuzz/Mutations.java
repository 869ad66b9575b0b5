package io.tlsbench.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import io.tlsbench.record.RecordHeader;
import io.tlsbench.testing.Flight;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Structured edits of recorded traffic, driven by the fuzzer's data: single bytes and 16-bit
 * fields (lengths, versions, types), inserted and deleted runs, truncation, and whole records
 * dropped, duplicated or moved — the edits a hostile peer or a broken network makes while the
 * rest of the flight stays valid.
 */
final class Mutations {

    private Mutations() {
    }

    static byte[] apply(byte[] wire, FuzzedDataProvider d) {
        byte[] w = wire.clone();
        int edits = d.consumeInt(0, 4);
        for (int i = 0; i < edits && w.length > 0; i++) {
            List<int[]> recs = recordBounds(w);
            int op = d.consumeInt(0, 7);
            if (op >= 5 && recs.isEmpty()) {
                op = 0;
            }
            int at = d.consumeInt(0, w.length - 1);
            switch (op) {
                case 0 -> w[at] ^= (byte) d.consumeInt(1, 255);
                case 1 -> {
                    int v = d.consumeInt(0, 0xffff);
                    w[at] = (byte) (v >>> 8);
                    if (at + 1 < w.length) {
                        w[at + 1] = (byte) v;
                    }
                }
                case 2 -> w = splice(w, at, 0, d.consumeBytes(d.consumeInt(1, 64)));
                case 3 -> w = splice(w, at, d.consumeInt(1, w.length - at), new byte[0]);
                case 4 -> w = Arrays.copyOf(w, at);
                default -> {
                    int[] r = recs.get(d.consumeInt(0, recs.size() - 1));
                    byte[] bytes = Arrays.copyOfRange(w, r[0], r[1]);
                    int[] to = recs.get(d.consumeInt(0, recs.size() - 1));
                    if (op == 5) { // drop
                        w = splice(w, r[0], bytes.length, new byte[0]);
                    } else if (op == 6) { // duplicate after another record
                        w = splice(w, to[1], 0, bytes);
                    } else { // move before another record
                        byte[] without = splice(w, r[0], bytes.length, new byte[0]);
                        int target = to[0] > r[0] ? to[0] - bytes.length : to[0];
                        w = splice(without, Math.max(0, Math.min(target, without.length)), 0, bytes);
                    }
                }
            }
        }
        return w;
    }

    /** Where each whole record starts and ends in the (possibly mutated) wire; a partial one at the end is left out. */
    private static List<int[]> recordBounds(byte[] w) {
        List<int[]> out = new ArrayList<>();
        int start = 0;
        for (Flight.Rec r : Flight.wholeRecords(w)) {
            int end = start + RecordHeader.LENGTH + r.fragment().length;
            out.add(new int[] {start, end});
            start = end;
        }
        return out;
    }

    /** The wire in pieces of fuzzer-chosen sizes (one piece once the data runs out). */
    static List<byte[]> split(byte[] w, FuzzedDataProvider d) {
        List<byte[]> out = new ArrayList<>();
        int p = 0;
        while (p < w.length) {
            int n = d.remainingBytes() > 0 ? d.consumeInt(1, w.length - p) : w.length - p;
            out.add(Arrays.copyOfRange(w, p, p + n));
            p += n;
        }
        return out;
    }

    private static byte[] splice(byte[] w, int at, int remove, byte[] insert) {
        byte[] out = new byte[w.length - remove + insert.length];
        System.arraycopy(w, 0, out, 0, at);
        System.arraycopy(insert, 0, out, at, insert.length);
        System.arraycopy(w, at + remove, out, at + insert.length, w.length - at - remove);
        return out;
    }
}
