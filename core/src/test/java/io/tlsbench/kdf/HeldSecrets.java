package io.tlsbench.kdf;

import java.util.List;

/**
 * Test access to the arrays the key derivation keeps secrets in (the objects themselves, not
 * copies), for the tests that check they read as zeros once wiped. Lives with the tests, in this
 * package, so the library itself offers no such access.
 */
public final class HeldSecrets {

    private HeldSecrets() {
    }

    /** The raw key block, then the six secrets cut from it. */
    public static List<byte[]> of(SessionKeys keys) {
        return keys.heldArrays();
    }

    /** Scratch space, handshake hashes and the PRFs' keyed HMAC states. */
    public static List<byte[]> of(KeySchedule schedule) {
        return schedule.heldArrays();
    }
}
