package io.tlsbench.kdf;

import java.util.Arrays;

/**
 * The six secrets of one connection's key block, in arrays sized once for a layout and
 * overwritten by each expansion (so a connection or benchmark reuses one instance).
 */
public final class SessionKeys {

    private final KeyBlockLayout layout;
    public final byte[] clientMacKey;
    public final byte[] serverMacKey;
    public final byte[] clientWriteKey;
    public final byte[] serverWriteKey;
    public final byte[] clientIv;
    public final byte[] serverIv;
    /** The raw key block the six were cut from. */
    final byte[] keyBlock;

    public SessionKeys(KeyBlockLayout layout) {
        if (layout == null) {
            throw new IllegalArgumentException("key block layout is missing");
        }
        this.layout = layout;
        clientMacKey = new byte[layout.macLength()];
        serverMacKey = new byte[layout.macLength()];
        clientWriteKey = new byte[layout.writeKeyLength()];
        serverWriteKey = new byte[layout.writeKeyLength()];
        clientIv = new byte[layout.ivLength()];
        serverIv = new byte[layout.ivLength()];
        keyBlock = new byte[layout.length()];
    }

    public KeyBlockLayout layout() {
        return layout;
    }

    /** Splits keyBlock into the six secrets in RFC 5246 §6.3 order. */
    void split() {
        int p = 0;
        int m = layout.macLength();
        int k = layout.keyLength();
        int iv = layout.ivLength();
        System.arraycopy(keyBlock, p, clientMacKey, 0, m);
        p += m;
        System.arraycopy(keyBlock, p, serverMacKey, 0, m);
        p += m;
        System.arraycopy(keyBlock, p, clientWriteKey, 0, k);
        p += k;
        System.arraycopy(keyBlock, p, serverWriteKey, 0, k);
        p += k;
        if (!layout.export()) {
            System.arraycopy(keyBlock, p, clientIv, 0, iv);
            p += iv;
            System.arraycopy(keyBlock, p, serverIv, 0, iv);
        }
    }

    /** A copy of the raw key block (for tools and tests). */
    public byte[] keyBlock() {
        return keyBlock.clone();
    }

    /**
     * The seven arrays (raw key block, then the six secrets) themselves, for the tests that check
     * {@link #wipe()} zeroed them (reached through a test class in this package; not API).
     */
    java.util.List<byte[]> heldArrays() {
        return java.util.List.of(keyBlock, clientMacKey, serverMacKey, clientWriteKey, serverWriteKey, clientIv, serverIv);
    }

    /** Zeroes every secret. */
    public void wipe() {
        Arrays.fill(clientMacKey, (byte) 0);
        Arrays.fill(serverMacKey, (byte) 0);
        Arrays.fill(clientWriteKey, (byte) 0);
        Arrays.fill(serverWriteKey, (byte) 0);
        Arrays.fill(clientIv, (byte) 0);
        Arrays.fill(serverIv, (byte) 0);
        Arrays.fill(keyBlock, (byte) 0);
    }
}
