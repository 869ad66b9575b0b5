package io.tlsbench.suite;

import java.util.Locale;

/** The record-layer versions tlsbench speaks, oldest first (ordinal order is age order). */
public enum ProtocolVersion {
    SSL3(3, 0, "ssl3", "SSLv3"),
    TLS10(3, 1, "tls10", "TLSv1"),
    TLS11(3, 2, "tls11", "TLSv1.1"),
    TLS12(3, 3, "tls12", "TLSv1.2");

    public final int major;
    public final int minor;
    /** Short name used on the command line and in reports. */
    public final String shortName;
    /** The name JSSE uses in {@code setEnabledProtocols}. */
    public final String jsseName;

    ProtocolVersion(int major, int minor, String shortName, String jsseName) {
        this.major = major;
        this.minor = minor;
        this.shortName = shortName;
        this.jsseName = jsseName;
    }

    /** The two wire bytes as one int, e.g. 0x0303 for TLS 1.2. */
    public int wire() {
        return (major << 8) | minor;
    }

    public boolean atLeast(ProtocolVersion other) {
        return compareTo(other) >= 0;
    }

    /** TLS 1.1 and later carry an explicit IV in every CBC record (RFC 4346 §6.2.3.2). */
    public boolean explicitCbcIv() {
        return atLeast(TLS11);
    }

    public static ProtocolVersion fromWire(int major, int minor) {
        for (ProtocolVersion v : values()) {
            if (v.major == major && v.minor == minor) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown protocol version " + major + "." + minor);
    }

    /** Accepts tls12, TLSv1.2, 1.2, ssl3, SSLv3 (case-insensitive). */
    public static ProtocolVersion parse(String name) {
        if (name == null) {
            throw new IllegalArgumentException("protocol version is missing");
        }
        String n = name.trim().toLowerCase(Locale.ROOT);
        for (ProtocolVersion v : values()) {
            if (n.equals(v.shortName) || n.equals(v.jsseName.toLowerCase(Locale.ROOT))) {
                return v;
            }
        }
        switch (n) {
            case "1.0": case "tls1": case "tls1.0": return TLS10;
            case "1.1": case "tls1.1": return TLS11;
            case "1.2": case "tls1.2": return TLS12;
            case "3.0": case "sslv3": case "ssl3.0": return SSL3;
            default:
                throw new IllegalArgumentException("unknown protocol version '" + name
                        + "' (expected ssl3, tls10, tls11 or tls12)");
        }
    }

    @Override
    public String toString() {
        return jsseName;
    }
}
