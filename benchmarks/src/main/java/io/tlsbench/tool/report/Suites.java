package io.tlsbench.tool.report;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cipher-suite names as the benchmarks use them. The record benchmarks name a record protection
 * by its bulk cipher and MAC ("AES-128-CBC-SHA", "AES-128-GCM"); handshakes name whole suites
 * (TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256). Plain string rules, so a new suite needs no table.
 */
public final class Suites {

    private static final Pattern GCM = Pattern.compile("(AES-\\d+-GCM)(-SHA\\d+)?");

    private Suites() {
    }

    /**
     * The record benchmarks' name for a suite's record protection: the part after _WITH_ with
     * '-' for '_', and the PRF hash dropped from AEAD suites
     * (TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256 → AES-128-GCM). A record name passes through.
     */
    public static String recordSuite(String suite) {
        String s = suite.trim().toUpperCase(Locale.ROOT);
        if (s.startsWith("SSL_")) {
            s = "TLS_" + s.substring(4);
        }
        int w = s.indexOf("_WITH_");
        if (w >= 0) {
            s = s.substring(w + 6);
        }
        s = s.replace('_', '-');
        Matcher m = GCM.matcher(s);
        if (m.matches()) {
            return m.group(1);
        }
        return s;
    }

    /** The key exchange of a full suite name (RSA, ECDHE_RSA, ECDHE_ECDSA, DHE_RSA, DHE_DSS), or "" for a record name. */
    public static String keyExchange(String suite) {
        String s = suite.trim().toUpperCase(Locale.ROOT);
        int w = s.indexOf("_WITH_");
        if (w < 0) {
            return "";
        }
        String kx = s.substring(0, w);
        return kx.startsWith("TLS_") || kx.startsWith("SSL_") ? kx.substring(4) : kx;
    }

    /** True for AEAD record protection (no separate MAC). */
    public static boolean aead(String recordSuite) {
        return recordSuite.toUpperCase(Locale.ROOT).contains("GCM") || recordSuite.toUpperCase(Locale.ROOT).contains("CHACHA");
    }

    /** The CipherCeilingBenchmark cipher of a record suite: AES-128-CBC-SHA → AES-128-CBC, RC4-128-SHA → RC4. */
    public static String ceilingCipher(String recordSuite) {
        String s = recordSuite.toUpperCase(Locale.ROOT);
        if (aead(s)) {
            return s;
        }
        String mac = macSuffix(s);
        String c = mac == null ? s : s.substring(0, s.length() - mac.length() - 1);
        if (c.startsWith("RC4")) {
            return "RC4";
        }
        return c;
    }

    /** The MacCeilingBenchmark MAC of a record suite (HmacSHA1, HmacSHA256, HmacSHA384, HmacMD5), or null for AEAD. */
    public static String ceilingMac(String recordSuite) {
        String s = recordSuite.toUpperCase(Locale.ROOT);
        if (aead(s)) {
            return null;
        }
        String mac = macSuffix(s);
        if (mac == null) {
            return null;
        }
        switch (mac) {
            case "SHA": return "HmacSHA1";
            case "MD5": return "HmacMD5";
            default: return "Hmac" + mac;
        }
    }

    private static String macSuffix(String s) {
        int dash = s.lastIndexOf('-');
        if (dash < 0) {
            return null;
        }
        String m = s.substring(dash + 1);
        return m.equals("SHA") || m.equals("MD5") || m.matches("SHA\\d+") ? m : null;
    }
}
