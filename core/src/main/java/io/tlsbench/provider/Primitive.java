package io.tlsbench.provider;

/**
 * The primitives TLS 1.0–1.2 suites need, each with the JCA service type and the algorithm
 * names tried in order (providers differ in spelling, e.g. X25519 vs XDH).
 */
public enum Primitive {
    MD5("MessageDigest", "MD5"),
    SHA1("MessageDigest", "SHA-1"),
    SHA256("MessageDigest", "SHA-256"),
    SHA384("MessageDigest", "SHA-384"),
    HMAC_MD5("Mac", "HmacMD5"),
    HMAC_SHA1("Mac", "HmacSHA1"),
    HMAC_SHA256("Mac", "HmacSHA256"),
    HMAC_SHA384("Mac", "HmacSHA384"),
    AES_CBC("Cipher", "AES/CBC/NoPadding"),
    AES_GCM("Cipher", "AES/GCM/NoPadding"),
    RC4("Cipher", "ARCFOUR", "RC4"),
    DESEDE_CBC("Cipher", "DESede/CBC/NoPadding"),
    RSA_PKCS1("Cipher", "RSA/ECB/PKCS1Padding"),
    ECDH("KeyAgreement", "ECDH"),
    XDH("KeyAgreement", "XDH", "X25519"),
    DH("KeyAgreement", "DH", "DiffieHellman"),
    ECDSA("Signature", "SHA256withECDSA"),
    DSA("Signature", "SHA256withDSA", "SHA1withDSA"),
    RSA_SIGNATURE("Signature", "SHA256withRSA");

    public final String type;
    final String[] algorithms;

    Primitive(String type, String... algorithms) {
        this.type = type;
        this.algorithms = algorithms;
    }

    /** The first (preferred) JCA algorithm name. */
    public String algorithm() {
        return algorithms[0];
    }
}
