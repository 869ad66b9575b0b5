package io.tlsbench.tool.report;

import io.tlsbench.tool.report.NativeReference.Figures;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads {@code openssl speed -mr} output (stdout and stderr together, in any order), one
 * {@code +} line at a time. Bulk figures from {@code +H}/{@code +F} (bytes per second per block
 * size; with several {@code +F} lines the first algorithm's), else from {@code +DT}/{@code +R}
 * pairs; sign/verify from {@code +F2} (RSA), {@code +F3} (DSA), {@code +F4} (ECDSA), {@code +F6}
 * (EdDSA); derivations from {@code +F5} (ECDH). Lines it does not know are ignored.
 */
final class SpeedOutput {

    private List<Integer> header;
    private final Map<Integer, Double> bulk = new TreeMap<>();
    private final Map<Integer, Double> fromR = new TreeMap<>();
    private Double sign;
    private Double verify;
    private Double derive;
    private String firstF;
    private int dtSize = -1;

    private SpeedOutput() {
    }

    static Figures parse(String output) {
        SpeedOutput p = new SpeedOutput();
        for (String raw : output.split("\\R")) {
            String line = raw.trim();
            if (line.startsWith("+")) {
                p.line(line.split(":"));
            }
        }
        return p.figures();
    }

    private void line(String[] f) {
        switch (f[0]) {
            case "+H": header(f); break;
            case "+F": bulk(f); break;
            // +DT:name:seconds:size
            case "+DT": dtSize = f.length >= 4 && intOrNull(f[3]) != null ? intOrNull(f[3]) : -1; break;
            case "+R": counted(f); break;
            case "+F2": case "+F3": case "+F4": case "+F6": signVerify(f); break;
            case "+F5": derivation(f); break;
            default: break;
        }
    }

    /** +H:16:64:... — the block sizes of the +F lines that follow. */
    private void header(String[] f) {
        header = new ArrayList<>();
        for (int i = 1; i < f.length; i++) {
            Integer v = intOrNull(f[i]);
            if (v != null) {
                header.add(v);
            }
        }
    }

    /** +F:idx:name:v1:v2... — bytes per second at each header size, the first algorithm's only. */
    private void bulk(String[] f) {
        if (header == null || f.length < 4) {
            return;
        }
        if (firstF != null && !firstF.equals(f[2])) {
            return;
        }
        firstF = f[2];
        for (int i = 3; i < f.length && i - 3 < header.size(); i++) {
            Double v = doubleOrNull(f[i]);
            if (v != null) {
                bulk.put(header.get(i - 3), v);
            }
        }
    }

    /** +R:count:name:seconds — the count at the size of the +DT line before it. */
    private void counted(String[] f) {
        if (dtSize > 0 && f.length >= 4) {
            Double count = doubleOrNull(f[1]);
            Double secs = doubleOrNull(f[3]);
            if (count != null && secs != null && secs > 0) {
                fromR.put(dtSize, count * dtSize / secs);
            }
        }
        dtSize = -1;
    }

    /** +F2:idx:bits:sign/s:verify/s[:...] — the first such line's. */
    private void signVerify(String[] f) {
        if (f.length >= 5 && sign == null) {
            sign = doubleOrNull(f[3]);
            verify = doubleOrNull(f[4]);
        }
    }

    /** +F5:idx:bits:ops/s:s/op — the first such line's. */
    private void derivation(String[] f) {
        if (f.length >= 4 && derive == null) {
            derive = doubleOrNull(f[3]);
        }
    }

    private Figures figures() {
        if (bulk.isEmpty()) {
            bulk.putAll(fromR);
        }
        return new Figures(bulk, sign, verify, derive);
    }

    private static Integer intOrNull(String s) {
        try {
            return Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Double doubleOrNull(String s) {
        try {
            double d = Double.parseDouble(s.trim());
            return Double.isNaN(d) || Double.isInfinite(d) ? null : d;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
