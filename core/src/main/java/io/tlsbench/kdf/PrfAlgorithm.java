package io.tlsbench.kdf;

import io.tlsbench.suite.CipherSuite;
import io.tlsbench.suite.HashAlgorithm;
import io.tlsbench.suite.ProtocolVersion;
import java.util.Locale;

/**
 * The pseudo-random functions of SSLv3 to TLS 1.2. TLS 1.2 suites name SHA-256 or SHA-384;
 * the other hashes are here because published vectors exercise them.
 */
public enum PrfAlgorithm {
    /** RFC 6101 §6.2.2: MD5(secret ‖ SHA1('A' ‖ secret ‖ seed)) ‖ MD5(secret ‖ SHA1('BB' ‖ ...)) ... */
    SSL3(null, "ssl3"),
    /** RFC 2246 §5: P_MD5(S1, label ‖ seed) ⊕ P_SHA1(S2, label ‖ seed). */
    MD5_SHA1(null, "md5-sha1"),
    SHA224(HashAlgorithm.SHA224, "sha224"),
    SHA256(HashAlgorithm.SHA256, "sha256"),
    SHA384(HashAlgorithm.SHA384, "sha384"),
    SHA512(HashAlgorithm.SHA512, "sha512"),
    SHA512_256(HashAlgorithm.SHA512_256, "sha512-256");

    /** The single P_hash of a TLS 1.2 PRF; null for SSL3 and MD5_SHA1. */
    public final HashAlgorithm hash;
    public final String shortName;

    PrfAlgorithm(HashAlgorithm hash, String shortName) {
        this.hash = hash;
        this.shortName = shortName;
    }

    /** The PRF a connection of this version and suite uses. */
    public static PrfAlgorithm of(ProtocolVersion version, CipherSuite suite) {
        if (version == null) {
            throw new IllegalArgumentException("protocol version is missing");
        }
        if (suite == null) {
            throw new IllegalArgumentException("cipher suite is missing");
        }
        suite.checkVersion(version);
        return forVersion(version, suite.prfHash);
    }

    /** The PRF of a version; for TLS 1.2 the given hash (sha256 when null). */
    public static PrfAlgorithm forVersion(ProtocolVersion version, HashAlgorithm tls12Hash) {
        switch (version) {
            case SSL3: return SSL3;
            case TLS10:
            case TLS11: return MD5_SHA1;
            case TLS12: return forHash(tls12Hash == null ? HashAlgorithm.SHA256 : tls12Hash);
            default: throw new AssertionError(version);
        }
    }

    public static PrfAlgorithm forHash(HashAlgorithm hash) {
        // A switch, not values(): values() clones its array, and this runs once per derivation.
        switch (hash) {
            case SHA224: return SHA224;
            case SHA256: return SHA256;
            case SHA384: return SHA384;
            case SHA512: return SHA512;
            case SHA512_256: return SHA512_256;
            default: throw new IllegalArgumentException("no TLS 1.2 PRF over " + hash);
        }
    }

    /** Accepts ssl3, md5-sha1, sha256, sha384, ... as the vectors spell them. */
    public static PrfAlgorithm parse(String name) {
        String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        for (PrfAlgorithm a : values()) {
            if (a.shortName.equals(n)) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown PRF '" + name + "'");
    }

    /** Length of the handshake hash Finished is computed over (TLS 1.0/1.1: MD5 ‖ SHA-1). */
    public int handshakeHashLength() {
        switch (this) {
            case SSL3:
            case MD5_SHA1: return 36;
            default: return hash.length;
        }
    }
}
