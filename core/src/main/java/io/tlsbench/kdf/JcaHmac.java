package io.tlsbench.kdf;

import java.security.InvalidKeyException;
import javax.crypto.Mac;
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
        RawSecretKey key = new RawSecretKey(secret, offset, length, mac.getAlgorithm());
        try {
            mac.init(key);
        } catch (InvalidKeyException e) {
            throw new IllegalStateException(mac.getAlgorithm() + " from " + mac.getProvider().getName()
                    + " rejected a " + length + "-byte key", e);
        } finally {
            key.destroy();
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
}
