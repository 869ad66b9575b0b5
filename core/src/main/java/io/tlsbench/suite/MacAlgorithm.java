package io.tlsbench.suite;

/** Record MACs; AEAD suites have none. */
public enum MacAlgorithm {
    NONE(null),
    HMAC_MD5(HashAlgorithm.MD5),
    HMAC_SHA1(HashAlgorithm.SHA1),
    HMAC_SHA256(HashAlgorithm.SHA256),
    HMAC_SHA384(HashAlgorithm.SHA384);

    /** The hash under the HMAC (and under SSLv3's MAC construction); null for NONE. */
    public final HashAlgorithm hash;

    MacAlgorithm(HashAlgorithm hash) {
        this.hash = hash;
    }

    /** MAC key and MAC output length in bytes. */
    public int length() {
        return hash == null ? 0 : hash.length;
    }
}
