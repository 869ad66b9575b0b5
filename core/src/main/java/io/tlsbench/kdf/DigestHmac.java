package io.tlsbench.kdf;

import java.security.DigestException;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * HMAC over a provider's MessageDigest, allocating nothing per call: the key is turned into the
 * ipad/opad blocks once per secret, and each HMAC feeds them to the digest again
 * (the same work the JDK's own HmacCore does). MessageDigest.digest(byte[], int, int) writes in
 * place on providers that implement it; others copy (that cost is theirs and the benchmarks show it).
 */
final class DigestHmac implements HmacFunction {

    private static final byte IPAD = 0x36;
    private static final byte OPAD = 0x5c;

    private final MessageDigest md;
    private final int hashLength;
    private final int blockLength;
    private final byte[] ipad;
    private final byte[] opad;
    private final byte[] inner;
    private boolean started;

    DigestHmac(MessageDigest md, int hashLength, int blockLength) {
        this.md = md;
        this.hashLength = hashLength;
        this.blockLength = blockLength;
        this.ipad = new byte[blockLength];
        this.opad = new byte[blockLength];
        this.inner = new byte[hashLength];
    }

    @Override
    public void key(byte[] secret, int offset, int length) {
        int keyLength = length;
        if (length > blockLength) {
            // RFC 2104 §2: keys longer than the block are hashed first.
            md.reset();
            md.update(secret, offset, length);
            digestInto(ipad, 0);
            keyLength = hashLength;
        } else {
            System.arraycopy(secret, offset, ipad, 0, length);
        }
        Arrays.fill(ipad, keyLength, blockLength, (byte) 0);
        for (int i = 0; i < blockLength; i++) {
            byte k = ipad[i];
            opad[i] = (byte) (k ^ OPAD);
            ipad[i] = (byte) (k ^ IPAD);
        }
        md.reset();
        started = false;
    }

    @Override
    public void update(byte[] data, int offset, int length) {
        if (!started) {
            md.update(ipad, 0, blockLength);
            started = true;
        }
        md.update(data, offset, length);
    }

    @Override
    public void update(java.nio.ByteBuffer data) {
        if (!started) {
            md.update(ipad, 0, blockLength);
            started = true;
        }
        md.update(data);
    }

    @Override
    public void finish(byte[] out, int offset) {
        if (!started) {
            md.update(ipad, 0, blockLength);
        }
        digestInto(inner, 0);
        md.update(opad, 0, blockLength);
        md.update(inner, 0, hashLength);
        digestInto(out, offset);
        started = false;
    }

    private void digestInto(byte[] out, int offset) {
        try {
            md.digest(out, offset, hashLength);
        } catch (DigestException e) {
            throw new IllegalStateException(md.getAlgorithm() + " from " + md.getProvider().getName()
                    + " refused to write its digest in place", e);
        }
    }

    @Override
    public int length() {
        return hashLength;
    }

    /** The arrays holding the keyed state (the objects themselves), so a test can see that {@link #wipe()} zeroed them. */
    java.util.List<byte[]> heldArrays() {
        return java.util.List.of(ipad, opad, inner);
    }

    @Override
    public void wipe() {
        Arrays.fill(ipad, (byte) 0);
        Arrays.fill(opad, (byte) 0);
        Arrays.fill(inner, (byte) 0);
        md.reset();
        started = false;
    }
}
