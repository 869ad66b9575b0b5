package io.tlsbench.kdf;

import java.security.InvalidKeyException;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.ShortBufferException;

/**
 * HMAC through a provider's own Mac. Providers that keep the keyed inner/outer digest states
 * (BC's HMac, ACCP's native HMAC) save two compressions per call this way; the price is that
 * javax.crypto.Mac.doFinal(byte[], int) allocates its result internally (MacSpi has no in-place
 * engineDoFinal), so this path is never allocation-free.
 */
final class JcaHmac implements HmacFunction {

    private final Mac mac;

    JcaHmac(Mac mac) {
        this.mac = mac;
    }

    @Override
    public void key(byte[] secret, int offset, int length) {
        // A new key object per secret: ACCP skips re-keying when init sees the same Key object
        // again (it compares by identity), so a reused mutable key would MAC with the old secret.
        RawKey key = new RawKey(mac.getAlgorithm(), secret, offset, length);
        try {
            mac.init(key);
        } catch (InvalidKeyException e) {
            throw new IllegalStateException(mac.getAlgorithm() + " from " + mac.getProvider().getName()
                    + " rejected a " + length + "-byte key", e);
        } finally {
            key.wipe();
        }
    }

    @Override
    public void update(byte[] data, int offset, int length) {
        mac.update(data, offset, length);
    }

    @Override
    public void update(java.nio.ByteBuffer data) {
        mac.update(data);
    }

    @Override
    public void finish(byte[] out, int offset) {
        try {
            mac.doFinal(out, offset);
        } catch (ShortBufferException e) {
            throw new IllegalArgumentException("output too short for " + mac.getAlgorithm(), e);
        }
    }

    @Override
    public int length() {
        return mac.getMacLength();
    }

    @Override
    public void wipe() {
        mac.reset();
    }

    /**
     * A SecretKey whose bytes are set per secret. SecretKeySpec refuses empty keys, which the
     * TLS 1.0 PRF needs (an empty secret splits into two empty halves; the export IV block).
     */
    static final class RawKey implements SecretKey {
        private static final long serialVersionUID = 1L;
        private final String algorithm;
        private final transient byte[] bytes;

        RawKey(String algorithm, byte[] secret, int offset, int length) {
            this.algorithm = algorithm;
            this.bytes = Arrays.copyOfRange(secret, offset, offset + length);
        }

        void wipe() {
            Arrays.fill(bytes, (byte) 0);
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
            return bytes.clone();
        }
    }
}
