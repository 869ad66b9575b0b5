package io.tlsbench.record;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * The random block R that starts every TLS 1.1+ CBC record (the explicit IV): AES-128 over a
 * counter, keyed and started from the caller's SecureRandom and rekeyed every 2^20 blocks — a
 * counter-mode DRBG. SecureRandom.nextBytes itself allocates on every call in the JDK's default
 * NativePRNG (a fresh SHA-1 output per 20 bytes), which would make every sealed record allocate;
 * this allocates only when it rekeys. The AES here is the JDK's, whatever provider protects the
 * records: it makes IVs, not record protection.
 */
final class RandomBlocks {
    private static final long REKEY_AFTER = 1L << 20;

    private final SecureRandom seed;
    private final Cipher aes;
    private final byte[] counter = new byte[16];
    private final byte[] block = new byte[16];
    private long used;

    RandomBlocks(SecureRandom seed) {
        this.seed = seed;
        try {
            this.aes = Cipher.getInstance("AES/ECB/NoPadding", "SunJCE");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK's AES is not available for IV generation", e);
        }
        rekey();
    }

    private void rekey() {
        byte[] key = new byte[16];
        seed.nextBytes(key);
        seed.nextBytes(counter);
        try {
            aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES rejected a 128-bit key", e);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
        used = 0;
    }

    /** Fills out[0, n) (n ≤ 16) with the next pseudo-random block. */
    void next(byte[] out, int n) throws GeneralSecurityException {
        if (++used > REKEY_AFTER) {
            rekey();
        }
        for (int i = 15; i >= 0 && ++counter[i] == 0; i--) {
            // carry
        }
        aes.update(counter, 0, 16, block, 0);
        System.arraycopy(block, 0, out, 0, n);
        Arrays.fill(block, (byte) 0);
    }
}
