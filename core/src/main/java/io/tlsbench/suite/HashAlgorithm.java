package io.tlsbench.suite;

import java.util.Locale;

/** Hash functions the key schedule and the MACs are built on, with the sizes HMAC needs. */
public enum HashAlgorithm {
    MD5("MD5", "HmacMD5", 16, 64),
    SHA1("SHA-1", "HmacSHA1", 20, 64),
    SHA224("SHA-224", "HmacSHA224", 28, 64),
    SHA256("SHA-256", "HmacSHA256", 32, 64),
    SHA384("SHA-384", "HmacSHA384", 48, 128),
    SHA512("SHA-512", "HmacSHA512", 64, 128),
    SHA512_256("SHA-512/256", "HmacSHA512/256", 32, 128);

    /** JCA MessageDigest name. */
    public final String jcaName;
    /** JCA Mac name of HMAC over this hash. */
    public final String hmacName;
    public final int length;
    public final int blockLength;

    HashAlgorithm(String jcaName, String hmacName, int length, int blockLength) {
        this.jcaName = jcaName;
        this.hmacName = hmacName;
        this.length = length;
        this.blockLength = blockLength;
    }

    /** Accepts sha256, SHA-256, sha512-256, sha512/256, md5, sha1 (case-insensitive). */
    public static HashAlgorithm parse(String name) {
        if (name == null) {
            throw new IllegalArgumentException("hash is missing");
        }
        String n = name.trim().toLowerCase(Locale.ROOT).replace("-", "").replace("/", "").replace("_", "");
        for (HashAlgorithm h : values()) {
            if (n.equals(h.name().toLowerCase(Locale.ROOT).replace("_", ""))) {
                return h;
            }
        }
        throw new IllegalArgumentException("unknown hash '" + name
                + "' (expected md5, sha1, sha224, sha256, sha384, sha512 or sha512-256)");
    }
}
