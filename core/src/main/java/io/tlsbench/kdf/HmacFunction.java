package io.tlsbench.kdf;

/**
 * HMAC (RFC 2104) keyed once per secret and reused for every P_hash step.
 * Not thread-safe: one per key schedule, one key schedule per thread or connection.
 */
public interface HmacFunction {

    /** Pre-processes a secret (any length, empty allowed) into this HMAC's keyed state. */
    void key(byte[] secret, int offset, int length);

    void update(byte[] data, int offset, int length);

    /** Consumes data from position to limit. */
    void update(java.nio.ByteBuffer data);

    /** Writes the MAC of everything updated since the last finish and starts the next one. */
    void finish(byte[] out, int offset);

    int length();

    /** Zeroes the keyed state. */
    void wipe();
}
