package io.tlsbench.provider;

import io.tlsbench.suite.CipherSuite;
import java.util.List;

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

    /**
     * What protecting a suite's records takes: its bulk cipher, and the digest its MAC runs on
     * (the record MAC is built on the provider's MessageDigest or Mac; the digest is the common need).
     */
    public static List<Primitive> forRecords(CipherSuite suite) {
        Primitive cipher;
        switch (suite.cipher) {
            case RC4_128: cipher = RC4; break;
            case DES_EDE_CBC: cipher = DESEDE_CBC; break;
            case AES_128_GCM:
            case AES_256_GCM: return List.of(AES_GCM);
            default: cipher = AES_CBC;
        }
        switch (suite.mac) {
            case HMAC_MD5: return List.of(cipher, MD5, HMAC_MD5);
            case HMAC_SHA1: return List.of(cipher, SHA1, HMAC_SHA1);
            case HMAC_SHA256: return List.of(cipher, SHA256, HMAC_SHA256);
            case HMAC_SHA384: return List.of(cipher, SHA384, HMAC_SHA384);
            default: throw new AssertionError(suite.mac);
        }
    }

    /**
     * What a suite's handshake takes beyond its records: the key exchange (RSA decryption of the
     * pre-master secret, RFC 5246 §7.4.7.1; finite-field or elliptic-curve Diffie-Hellman) and the
     * signature over the ServerKeyExchange (RFC 5246 §7.4.3, RFC 4492 §5.4).
     */
    public static List<Primitive> forHandshake(CipherSuite suite) {
        switch (suite.keyExchange) {
            case RSA: return List.of(RSA_PKCS1);
            case DHE_RSA: return List.of(DH, RSA_SIGNATURE);
            case DHE_DSS: return List.of(DH, DSA);
            case ECDHE_RSA: return List.of(ECDH, RSA_SIGNATURE);
            case ECDHE_ECDSA: return List.of(ECDH, ECDSA);
            default: throw new AssertionError(suite.keyExchange);
        }
    }

    /** The first (preferred) JCA algorithm name. */
    public String algorithm() {
        return algorithms[0];
    }
}
