package io.tlsbench.bench.axis;

import io.tlsbench.provider.Primitive;
import io.tlsbench.suite.BulkCipher;

/** The bulk ciphers the cipher-ceiling benchmark drives alone: JCA primitive, key and IV shape. */
public enum CeilingCipher implements Labelled {
    AES_128_CBC("AES-128-CBC", BulkCipher.AES_128_CBC, Primitive.AES_CBC, 16),
    AES_256_CBC("AES-256-CBC", BulkCipher.AES_256_CBC, Primitive.AES_CBC, 16),
    RC4("RC4", BulkCipher.RC4_128, Primitive.RC4, 0),
    DES_EDE_CBC("3DES-EDE-CBC", BulkCipher.DES_EDE_CBC, Primitive.DESEDE_CBC, 8),
    /** 12-byte nonce: the 4-byte implicit salt and the 8-byte explicit part (RFC 5288 §3). */
    AES_128_GCM("AES-128-GCM", BulkCipher.AES_128_GCM, Primitive.AES_GCM, 12);

    private final String label;
    public final BulkCipher bulk;
    public final Primitive primitive;
    /** IV (CBC) or nonce (GCM) bytes; 0 for RC4. */
    public final int ivLength;

    CeilingCipher(String label, BulkCipher bulk, Primitive primitive, int ivLength) {
        this.label = label;
        this.bulk = bulk;
        this.primitive = primitive;
        this.ivLength = ivLength;
    }

    public boolean gcm() {
        return primitive == Primitive.AES_GCM;
    }

    public String keyAlgorithm() {
        return bulk.keyAlgorithm;
    }

    public int keyLength() {
        return bulk.keyLength;
    }

    /** The ceiling of a record's bulk cipher, or null when none is measured. */
    public static CeilingCipher of(BulkCipher bulk) {
        for (CeilingCipher c : values()) {
            if (c.bulk == bulk) {
                return c;
            }
        }
        return null;
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return label;
    }
}
