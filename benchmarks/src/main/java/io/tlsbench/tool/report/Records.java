package io.tlsbench.tool.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Record figures: tlsbench's core (RecordBenchmark: seal, open per provider) and the SSLEngine
 * peers (JsseRecordBenchmark: wrap, unwrap per engine), in one shape. Wrap counts as seal and
 * unwrap as open. The provider limits come from the ceiling benchmarks of the same run.
 */
public final class Records {

    public static final String CORE = "RecordBenchmark";
    public static final String ENGINE = "JsseRecordBenchmark";
    public static final String CIPHER_CEILING = "CipherCeilingBenchmark";
    public static final String MAC_CEILING = "MacCeilingBenchmark";

    private Records() {
    }

    /**
     * One record figure. {@code engine} is true for the SSLEngine peers; {@code impl} is the
     * provider (core) or the engine; {@code rest} the parameters not named here.
     */
    public record Rec(boolean engine, String impl, String suite, String op, int size, String version, String buffer,
               Map<String, String> rest, JmhResult r) {

        public double opsPerSecond() {
            return r.opsPerSecond();
        }

        public double bytesPerSecond() {
            return r.opsPerSecond() * size;
        }

        public double bytesError() {
            return r.opsPerSecondError() * size;
        }

        /** "core/sunjce" or "SSLEngine/jdk". */
        public String label() {
            return (engine ? "SSLEngine " : "core ") + impl;
        }

        public String restText() {
            StringBuilder sb = new StringBuilder();
            rest.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : " ").append(k).append('=').append(v));
            return sb.toString();
        }
    }

    /** Records of the core (engines false) or the SSLEngines (true), with or without the AES intrinsics. */
    public static List<Rec> of(RunFolder run, boolean engines, boolean intrinsicsOff) {
        List<Rec> out = new ArrayList<>();
        for (JmhResult r : run.ofClass(engines ? ENGINE : CORE)) {
            if (r.intrinsicsOff() == intrinsicsOff && !r.constantTimeMac()) {
                Rec rec = of(r);
                if (rec != null) {
                    out.add(rec);
                }
            }
        }
        return out;
    }

    public static Rec of(JmhResult r) {
        boolean engine = r.className().equals(ENGINE);
        Map<String, String> rest = new LinkedHashMap<>(r.params());
        String impl = rest.remove(engine ? "engine" : "provider");
        String suite = rest.remove("suite");
        String size = rest.remove("size");
        String version = rest.remove("version");
        String buffer = rest.remove("buffer");
        if (impl == null || suite == null || size == null) {
            return null;
        }
        int n;
        try {
            n = Integer.parseInt(size.trim());
        } catch (NumberFormatException e) {
            return null;
        }
        String m = r.method().toLowerCase(Locale.ROOT);
        String op = m.contains("unwrap") || m.contains("open") || m.contains("decrypt") ? "open" : "seal";
        return new Rec(engine, impl, suite, op, n, version == null ? "" : version, buffer == null ? "" : buffer, rest, r);
    }

    /** Distinct values in first-seen order. */
    public static <T> List<T> distinct(List<Rec> recs, java.util.function.Function<Rec, T> f) {
        Set<T> s = new LinkedHashSet<>();
        for (Rec r : recs) {
            s.add(f.apply(r));
        }
        return new ArrayList<>(s);
    }

    /** The preferred value if present, else the first. */
    public static String prefer(List<String> values, String preferred) {
        if (values.contains(preferred)) {
            return preferred;
        }
        return values.isEmpty() ? null : values.get(0);
    }

    /**
     * The provider's own limit for a record of this suite, size and direction, in records per
     * second: 1/(1/cipher + 1/mac) from the ceiling benchmarks (encrypt for seal, decrypt for
     * open; the cipher alone for AEAD suites). NaN when a ceiling is missing.
     */
    public static double limit(RunFolder run, String provider, String suite, int size, String op, boolean intrinsicsOff) {
        String cipher = Suites.ceilingCipher(suite);
        double c = ceiling(run, CIPHER_CEILING, "cipher", cipher, provider, size, op.equals("seal") ? "encrypt" : "decrypt",
                intrinsicsOff);
        if (Suites.aead(suite)) {
            return c;
        }
        String mac = Suites.ceilingMac(suite);
        if (mac == null) {
            return Double.NaN;
        }
        double m = ceiling(run, MAC_CEILING, "mac", mac, provider, size, null, intrinsicsOff);
        return 1 / (1 / c + 1 / m);
    }

    private static double ceiling(RunFolder run, String cls, String param, String value, String provider, int size,
                                  String method, boolean intrinsicsOff) {
        for (JmhResult r : run.ofClass(cls)) {
            if (r.intrinsicsOff() == intrinsicsOff && value.equalsIgnoreCase(String.valueOf(r.param(param)))
                    && provider.equals(r.param("provider")) && r.intParam("size") == size
                    && (method == null || r.method().equals(method))) {
                return r.opsPerSecond();
            }
        }
        return Double.NaN;
    }
}
