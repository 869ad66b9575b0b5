package io.tlsbench.testing;

import java.security.NoSuchAlgorithmException;
import java.security.NoSuchProviderException;
import java.security.SecureRandom;

/** Randomness that is the same in every run, for keys and handshakes that fuzz seeds record. */
public final class SeededRandom {
    private SeededRandom() {
    }

    /** A SecureRandom that yields the same bytes every run (SHA1PRNG seeded before first use). */
    public static SecureRandom of(long seed) {
        try {
            SecureRandom r = SecureRandom.getInstance("SHA1PRNG", "SUN");
            r.setSeed(seed);
            return r;
        } catch (NoSuchAlgorithmException | NoSuchProviderException e) {
            throw new IllegalStateException("SHA1PRNG is missing", e);
        }
    }
}
