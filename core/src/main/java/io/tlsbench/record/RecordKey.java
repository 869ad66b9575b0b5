package io.tlsbench.record;

import java.util.Arrays;
import javax.crypto.SecretKey;

/**
 * A write key whose bytes this layer owns and wipes on close (SecretKeySpec keeps a private copy
 * that cannot be destroyed). Providers copy the bytes when the Cipher is initialised.
 */
final class RecordKey implements SecretKey {
    private static final long serialVersionUID = 1L;

    private final transient byte[] bytes;
    private final String algorithm;
    private boolean destroyed;

    RecordKey(byte[] bytes, String algorithm) {
        this.bytes = bytes.clone();
        this.algorithm = algorithm;
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
            throw new IllegalStateException("record key was destroyed");
        }
        return bytes.clone();
    }

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
