package io.tlsbench.buffer;

/**
 * The pool's four size classes. A request gets the smallest class that holds it.
 * <ul>
 *   <li>512 — alerts, ChangeCipherSpec, Finished, most ClientHello/ServerHello records;</li>
 *   <li>2048 — records cut to a path MTU and small handshake flights;</li>
 *   <li>8192 — mid-size application records and certificate chains in pieces;</li>
 *   <li>20480 — a maximal TLS 1.0–1.2 ciphertext record, 5 + 2^14 + 2048 = 18437 bytes, rounded up
 *       to whole 4 KiB pages (32768 would waste 44% of the class most bulk traffic uses).</li>
 * </ul>
 * Classes step by 4×, so a request wastes at most three quarters of its buffer, and only in the
 * small classes where that costs little.
 */
public final class SizeClasses {

    /** Header (5) + plaintext limit (2^14) + ciphertext expansion limit (2048), RFC 5246 §6.2.3. */
    public static final int MAX_RECORD_LENGTH = 5 + (1 << 14) + 2048;

    private static final int[] CAPACITIES = {512, 2048, 8192, 20480};

    /** The largest capacity the pool hands out. */
    public static final int LARGEST = CAPACITIES[CAPACITIES.length - 1];

    private SizeClasses() {
    }

    public static int count() {
        return CAPACITIES.length;
    }

    /** The capacity of class {@code index}, 0 (smallest) to {@code count() - 1}. */
    public static int capacity(int index) {
        if (index < 0 || index >= CAPACITIES.length) {
            throw new IllegalArgumentException("size class " + index + " is outside 0.." + (CAPACITIES.length - 1));
        }
        return CAPACITIES[index];
    }

    /** The index of the smallest class holding {@code minCapacity} bytes. */
    public static int indexFor(int minCapacity) {
        if (minCapacity < 0) {
            throw new IllegalArgumentException("buffer size " + minCapacity + " is negative");
        }
        // A chain of compares, not a loop: this is on every acquire.
        if (minCapacity <= 512) {
            return 0;
        }
        if (minCapacity <= 2048) {
            return 1;
        }
        if (minCapacity <= 8192) {
            return 2;
        }
        if (minCapacity <= 20480) {
            return 3;
        }
        throw new IllegalArgumentException("buffer size " + minCapacity + " exceeds the largest size class ("
                + LARGEST + " bytes)");
    }

    /** The capacity of the buffer a request for {@code minCapacity} bytes gets. */
    public static int capacityFor(int minCapacity) {
        return CAPACITIES[indexFor(minCapacity)];
    }
}
