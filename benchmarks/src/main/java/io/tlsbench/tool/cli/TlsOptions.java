package io.tlsbench.tool.cli;

import io.tlsbench.suite.BulkCipher;
import io.tlsbench.suite.CipherSuite;
import io.tlsbench.suite.KeyExchange;
import io.tlsbench.suite.ProtocolVersion;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Parsing shared by {@code serve} and {@code connect}; every problem is an IllegalArgumentException. */
final class TlsOptions {

    private TlsOptions() {
    }

    /**
     * The default suite list: every suite in the table, AEAD first, then AES-CBC, 3DES, RC4;
     * within each, ECDHE_ECDSA, ECDHE_RSA, DHE_RSA, DHE_DSS, RSA (forward secrecy first).
     */
    static List<CipherSuite> preferred() {
        List<CipherSuite> all = new ArrayList<>(CipherSuite.all());
        all.sort(Comparator.<CipherSuite>comparingInt(s -> cipherRank(s.cipher)).thenComparingInt(s -> kxRank(s.keyExchange)));
        return all;
    }

    private static int cipherRank(BulkCipher c) {
        switch (c) {
            case AES_128_GCM: case AES_256_GCM: return 0;
            case AES_128_CBC: case AES_256_CBC: return 1;
            case DES_EDE_CBC: return 2;
            default: return 3;
        }
    }

    private static int kxRank(KeyExchange k) {
        switch (k) {
            case ECDHE_ECDSA: return 0;
            case ECDHE_RSA: return 1;
            case DHE_RSA: return 2;
            case DHE_DSS: return 3;
            default: return 4;
        }
    }

    /** Suites by IANA name, SSL_ alias or 0xHHHH, in the order given; null or empty means {@link #preferred}. */
    static List<CipherSuite> suites(String option, List<String> names) {
        if (names == null || names.isEmpty()) {
            return preferred();
        }
        List<CipherSuite> out = new ArrayList<>();
        for (String n : names) {
            if (n.isBlank()) {
                continue;
            }
            CipherSuite s;
            try {
                s = CipherSuite.forName(n);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(option + ": " + e.getMessage());
            }
            if (!out.contains(s)) {
                out.add(s);
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException(option + " names no cipher suite");
        }
        return out;
    }

    /** A list of versions → the range from the oldest to the newest named; null or empty means tls10..tls12. */
    static ProtocolVersion[] versionRange(String option, List<String> names) {
        if (names == null || names.isEmpty()) {
            return new ProtocolVersion[] {ProtocolVersion.TLS10, ProtocolVersion.TLS12};
        }
        ProtocolVersion min = null;
        ProtocolVersion max = null;
        for (String n : names) {
            if (n.isBlank()) {
                continue;
            }
            ProtocolVersion v;
            try {
                v = ProtocolVersion.parse(n);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(option + ": " + e.getMessage());
            }
            min = min == null || v.compareTo(min) < 0 ? v : min;
            max = max == null || v.compareTo(max) > 0 ? v : max;
        }
        if (min == null) {
            throw new IllegalArgumentException(option + " names no protocol version");
        }
        return new ProtocolVersion[] {min, max};
    }

    /** At least one suite must be usable at some version of the range. */
    static void checkOverlap(List<CipherSuite> suites, ProtocolVersion min, ProtocolVersion max) {
        for (CipherSuite s : suites) {
            if (s.allowsSomeVersionIn(min, max)) {
                return;
            }
        }
        throw new IllegalArgumentException("none of the cipher suites is allowed in "
                + (min == max ? min.toString() : min + " to " + max) + " (e.g. " + suites.get(0) + " needs "
                + (suites.get(0).minVersion == suites.get(0).maxVersion ? suites.get(0).minVersion.toString()
                        : suites.get(0).minVersion + " to " + suites.get(0).maxVersion) + ")");
    }

    /** HOST:PORT, [IPv6]:PORT; the port 1..65535 (0 too when allowZero). Not resolved. */
    static InetSocketAddress hostPort(String what, String value) {
        String v = value == null ? "" : value.trim();
        String host;
        String port;
        if (v.startsWith("[")) {
            int close = v.indexOf("]:");
            if (close < 0) {
                throw new IllegalArgumentException(what + " '" + value + "' is not [HOST]:PORT");
            }
            host = v.substring(1, close);
            port = v.substring(close + 2);
        } else {
            int colon = v.lastIndexOf(':');
            if (colon <= 0 || v.indexOf(':') != colon) {
                throw new IllegalArgumentException(what + " '" + value + "' is not HOST:PORT");
            }
            host = v.substring(0, colon);
            port = v.substring(colon + 1);
        }
        return InetSocketAddress.createUnresolved(host, port(what + " port", port, false));
    }

    static int port(String what, String value, boolean allowZero) {
        int p;
        try {
            p = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " '" + value + "' is not a number");
        }
        if (p < (allowZero ? 0 : 1) || p > 65535) {
            throw new IllegalArgumentException(what + " " + p + " is outside " + (allowZero ? 0 : 1) + "..65535");
        }
        return p;
    }

    /** An IPv4 or IPv6 literal (no name lookup): SNI carries host names only (RFC 6066 §3). */
    static boolean ipLiteral(String host) {
        return host.contains(":") || host.matches("[0-9]+(\\.[0-9]+){3}");
    }
}
