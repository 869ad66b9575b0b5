package io.tlsbench.tool.report;

import io.tlsbench.bench.axis.HandshakeMode;
import io.tlsbench.bench.axis.RecordSuite;
import io.tlsbench.suite.CipherSuite;
import io.tlsbench.tool.report.Records.Op;
import java.util.Locale;
import java.util.Map;

/** The openssl speed figure a tlsbench figure is compared with ("of native"), and how it is formed. */
public final class NativeComparisons {

    private NativeComparisons() {
    }

    /** The openssl figure a record is compared with, and how it is formed. */
    public record NativeRecord(String formula, double bytesPerSecond) {
    }

    /** The openssl figure a full handshake is compared with, and how it is formed. */
    public record NativeHandshake(String formula, double perSecond) {
    }

    /**
     * The native counterpart of a record: the stitched AES-128-CBC-HMAC-SHA1 for AES-128-CBC-SHA seal;
     * otherwise cipher and MAC combined as 1/(1/cipher + 1/mac) over openssl's bytes/s at the same
     * size. Null when openssl.json has no matching figure.
     */
    public static NativeRecord record(NativeFigures nf, RecordSuite suite, Op op, int size) {
        if (!nf.available()) {
            return null;
        }
        boolean seal = op == Op.SEAL;
        switch (suite) {
            case AES_128_CBC_SHA:
                return seal ? single(nf, "aes-128-cbc-hmac-sha1", size, "openssl aes-128-cbc-hmac-sha1 (stitched, encrypt)")
                        : combined(nf, "aes-128-cbc-decrypt", "hmac-sha1", size,
                                "1/(1/aes-128-cbc decrypt + 1/hmac-sha1)");
            case RC4_128_SHA:
                return combined(nf, "rc4", "hmac-sha1", size, "1/(1/rc4 + 1/hmac-sha1)");
            case RC4_128_MD5:
                return combined(nf, "rc4", "md5", size, "1/(1/rc4 + 1/md5) (md5 digest for HMAC-MD5)");
            case DES_EDE_CBC_SHA:
                return combined(nf, "des-ede3-cbc", "hmac-sha1", size,
                        "1/(1/des-ede3-cbc + 1/hmac-sha1) (encrypt figure for both directions)");
            case AES_128_GCM:
                return single(nf, "aes-128-gcm", size, "openssl aes-128-gcm (encrypt figure for both directions)");
            default:
                return null;
        }
    }

    private static NativeRecord single(NativeFigures nf, String alg, int size, String formula) {
        double v = nf.bytesPerSecond(alg, size);
        return Double.isNaN(v) ? null : new NativeRecord(formula, v);
    }

    private static NativeRecord combined(NativeFigures nf, String cipher, String mac, int size, String formula) {
        double c = nf.bytesPerSecond(cipher, size);
        double m = nf.bytesPerSecond(mac, size);
        return Double.isNaN(c) || Double.isNaN(m) ? null : new NativeRecord(formula, 1 / (1 / c + 1 / m));
    }

    /**
     * Native handshakes per second for a full handshake of this suite, from openssl speed:
     * RSA key exchange 1/(1/sign + 1/verify) of rsa2048; ECDHE-ECDSA 1/(1/sign + 1/verify + 2/ecdh)
     * of ecdsap256 and the ECDH group's derivation (x25519 when a group/curve parameter says so,
     * else P-256, the engine's first group); ECDHE-RSA 1/(1/rsa sign + 1/rsa verify + 2/ecdh).
     * Null for other key exchanges, other modes, or missing figures.
     */
    public static NativeHandshake handshake(NativeFigures nf, CipherSuite suite, HandshakeMode mode, Map<String, String> other) {
        if (!nf.available() || mode != HandshakeMode.FULL) {
            return null;
        }
        String group = String.valueOf(other.getOrDefault("group", other.getOrDefault("curve", ""))).toLowerCase(Locale.ROOT);
        String ecdh = group.contains("25519") ? "ecdhx25519" : "ecdhp256";
        double rs = nf.signPerSecond("rsa2048");
        double rv = nf.verifyPerSecond("rsa2048");
        double es = nf.signPerSecond("ecdsap256");
        double ev = nf.verifyPerSecond("ecdsap256");
        double dh = nf.derivePerSecond(ecdh);
        double v;
        String formula;
        switch (suite.keyExchange) {
            case RSA:
                v = 1 / (1 / rs + 1 / rv);
                formula = "1/(1/sign + 1/verify), openssl rsa2048: 1/(1/" + Fmt.g(rs) + " + 1/" + Fmt.g(rv) + ") = " + Fmt.g(v) + "/s";
                break;
            case ECDHE_ECDSA:
                v = 1 / (1 / es + 1 / ev + 2 / dh);
                formula = "1/(1/sign + 1/verify + 2/ecdh), openssl ecdsap256 and " + ecdh + ": 1/(1/" + Fmt.g(es) + " + 1/"
                        + Fmt.g(ev) + " + 2/" + Fmt.g(dh) + ") = " + Fmt.g(v) + "/s";
                break;
            case ECDHE_RSA:
                v = 1 / (1 / rs + 1 / rv + 2 / dh);
                formula = "1/(1/sign + 1/verify + 2/ecdh), openssl rsa2048 and " + ecdh + ": 1/(1/" + Fmt.g(rs) + " + 1/"
                        + Fmt.g(rv) + " + 2/" + Fmt.g(dh) + ") = " + Fmt.g(v) + "/s";
                break;
            default:
                return null;
        }
        return Double.isNaN(v) ? null : new NativeHandshake(formula, v);
    }
}
