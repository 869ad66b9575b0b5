package io.tlsbench.record;

/**
 * Branch-free helpers on secret values: masks are all-ones (-1) for true and 0 for false.
 * Inputs are non-negative ints below 2^30, so subtraction does not overflow.
 */
final class ConstantTime {
    private ConstantTime() {
    }

    /** -1 if a < b, else 0. */
    static int lessThan(int a, int b) {
        return (a - b) >> 31;
    }

    /** -1 if a >= b, else 0. */
    static int greaterOrEqual(int a, int b) {
        return ~lessThan(a, b);
    }

    /** -1 if a == b, else 0. */
    static int equal(int a, int b) {
        int x = a ^ b;
        return ((x | -x) >> 31) ^ -1;
    }

    /** a where mask is -1, b where it is 0. */
    static int select(int mask, int a, int b) {
        return (a & mask) | (b & ~mask);
    }

    /** Whether a[0, n) equals b[0, n), looking at every byte whatever the first difference. */
    static boolean equalBytes(byte[] a, byte[] b, int n) {
        int diff = 0;
        for (int i = 0; i < n; i++) {
            diff |= (a[i] ^ b[i]) & 0xff;
        }
        return diff == 0;
    }
}
