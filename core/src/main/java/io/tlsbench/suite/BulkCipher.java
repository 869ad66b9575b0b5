package io.tlsbench.suite;

/**
 * Bulk ciphers with the sizes the key block and the record layer need.
 * For AEAD, {@code ivLength} is the implicit salt from the key block (RFC 5288 §3) and
 * {@code recordIvLength} the explicit nonce each record carries.
 */
public enum BulkCipher {
    RC4_128(CipherKind.STREAM, "ARCFOUR", "ARCFOUR", 16, 0, 0, 0, 0),
    DES_EDE_CBC(CipherKind.BLOCK, "DESede", "DESede/CBC/NoPadding", 24, 8, 8, 8, 0),
    AES_128_CBC(CipherKind.BLOCK, "AES", "AES/CBC/NoPadding", 16, 16, 16, 16, 0),
    AES_256_CBC(CipherKind.BLOCK, "AES", "AES/CBC/NoPadding", 32, 16, 16, 16, 0),
    AES_128_GCM(CipherKind.AEAD, "AES", "AES/GCM/NoPadding", 16, 4, 16, 8, 16),
    AES_256_GCM(CipherKind.AEAD, "AES", "AES/GCM/NoPadding", 32, 4, 16, 8, 16);

    public final CipherKind kind;
    /** JCA key algorithm. */
    public final String keyAlgorithm;
    /** JCA transformation. */
    public final String transformation;
    public final int keyLength;
    /** IV bytes taken from the key block when the version uses implicit IVs (CBC in SSLv3/TLS 1.0, GCM salt). */
    public final int ivLength;
    /** Cipher block size; 0 for a stream cipher. */
    public final int blockLength;
    /** Explicit nonce bytes per AEAD record (0 otherwise; CBC explicit IVs are one block). */
    public final int recordIvLength;
    /** AEAD tag length. */
    public final int tagLength;

    BulkCipher(CipherKind kind, String keyAlgorithm, String transformation, int keyLength, int ivLength,
               int blockLength, int recordIvLength, int tagLength) {
        this.kind = kind;
        this.keyAlgorithm = keyAlgorithm;
        this.transformation = transformation;
        this.keyLength = keyLength;
        this.ivLength = ivLength;
        this.blockLength = blockLength;
        this.recordIvLength = recordIvLength;
        this.tagLength = tagLength;
    }
}
