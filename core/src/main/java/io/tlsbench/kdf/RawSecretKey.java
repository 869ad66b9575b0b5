package io.tlsbench.kdf;

import java.util.Arrays;
import javax.crypto.SecretKey;

/**
 * A raw SecretKey whose bytes this code owns and can wipe: SecretKeySpec keeps a private copy
 * that cannot be destroyed, and refuses empty keys, which the TLS 1.0 PRF needs (an empty secret
 * splits into two empty halves). Providers copy the bytes when they are initialised with it.
 */
public final class RawSecretKey implements SecretKey {
    private static final long serialVersionUID = 1L;

    private final transient byte[] bytes;
    private final String algorithm;
    private boolean destroyed;

    public RawSecretKey(byte[] secret, int offset, int length, String algorithm) {
        this.bytes = Arrays.copyOfRange(secret, offset, offset + length);
        this.algorithm = algorithm;
    }

    public RawSecretKey(byte[] secret, String algorithm) {
        this(secret, 0, secret.length, algorithm);
    }

    @Override
    public String getAlgorithm() {
        return algorithm;
    }

    @Override
    public String getFormat() {
        return "RAW";
    }

    @Override
    public byte[] getEncoded() {
        if (destroyed) {
            throw new IllegalStateException("key was destroyed");
        }
        return bytes.clone();
    }

    /** Zeroes the bytes. */
    @Override
    public void destroy() {
        Arrays.fill(bytes, (byte) 0);
        destroyed = true;
    }

    @Override
    public boolean isDestroyed() {
        return destroyed;
    }
}
