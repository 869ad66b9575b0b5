package io.tlsbench.record;

import static io.tlsbench.record.ConstantTime.equal;
import static io.tlsbench.record.ConstantTime.lessThan;

import io.tlsbench.suite.HashAlgorithm;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The TLS record HMAC (SHA-1, SHA-256, SHA-384) over data whose length is secret — CBC open,
 * where the length follows from the padding — in time that depends only on the public maximum
 * length. The hash runs here, not in a provider, because the technique needs the hash state
 * between blocks, which JCA does not expose: every block that could hold the end of the message
 * is built with masks (message byte, 0x80, zero, or the length field), compressed, and the state
 * after the true last block is kept by masking (the method of Lucky 13's authors, RFC 5246
 * §6.2.3.2's implementation note; written anew). Blocks wholly before the earliest possible end
 * are compressed directly. The ipad and opad blocks are compressed once per key.
 *
 * <p>It costs speed: a plain-Java compression function, without the CPU's SHA instructions the
 * JDK's intrinsics use. {@link CbcMacCheck} chooses it or the provider's HMAC.
 */
abstract class ConstantTimeHmac {

    /** The record header the MAC covers: seq_num(8) ‖ type ‖ version(2) ‖ length(2). */
    static final int HEADER = 13;

    final int blockLength;
    final int hashLength;
    private final int lengthField;
    private final byte[] header = new byte[HEADER];
    private final byte[] block;
    /** The running state and its copies: int[] or long[] of {@code words} words, per hash. */
    private final Object state;
    private final Object inner;
    private final Object outer;
    private final Object kept;
    private final Object zeros;
    /** The message schedule (W), wiped with the state. */
    private final Object schedule;
    private final int words;

    ConstantTimeHmac(int blockLength, int hashLength, Object state, Object schedule) {
        this.blockLength = blockLength;
        this.hashLength = hashLength;
        this.lengthField = blockLength == 128 ? 16 : 8;
        this.block = new byte[blockLength];
        this.state = state;
        this.words = java.lang.reflect.Array.getLength(state);
        this.inner = java.lang.reflect.Array.newInstance(state.getClass().getComponentType(), words);
        this.outer = java.lang.reflect.Array.newInstance(state.getClass().getComponentType(), words);
        this.kept = java.lang.reflect.Array.newInstance(state.getClass().getComponentType(), words);
        this.zeros = java.lang.reflect.Array.newInstance(state.getClass().getComponentType(),
                Math.max(words, java.lang.reflect.Array.getLength(schedule)));
        this.schedule = schedule;
    }

    private void copy(Object from, Object to) {
        System.arraycopy(from, 0, to, 0, words);
    }

    final void saveInner() {
        copy(state, inner);
    }

    final void saveOuter() {
        copy(state, outer);
    }

    final void loadInner() {
        copy(inner, state);
    }

    final void loadOuter() {
        copy(outer, state);
    }

    /** Starts keeping a copy of the running state. */
    final void clearKept() {
        copy(zeros, kept);
    }

    /** Makes the kept state the running state. */
    final void useKept() {
        copy(kept, state);
    }

    /** Zeroes the running state, the kept copy and the message schedule. */
    final void wipeState() {
        copy(zeros, state);
        copy(zeros, kept);
        System.arraycopy(zeros, 0, schedule, 0, java.lang.reflect.Array.getLength(schedule));
    }

    /** The kept copy, for {@link #keepIf}. */
    final Object kept() {
        return kept;
    }

    /** The HMAC for a CBC suite's MAC hash; null when there is none here (MD5 is stream-only). */
    static ConstantTimeHmac create(HashAlgorithm hash, byte[] key) {
        ConstantTimeHmac h;
        switch (hash) {
            case SHA1: h = new Sha1(); break;
            case SHA256: h = new Sha256(); break;
            case SHA384: h = new Sha384(); break;
            default: return null;
        }
        h.key(key);
        return h;
    }

    // ---- the compression function and its state, per hash ----

    abstract void reset();

    abstract void compress(byte[] b, int off);

    /** kept |= state & mask (per word). */
    abstract void keepIf(int mask);

    /** Writes the running state's first hashLength bytes, big-endian. */
    abstract void output(byte[] out, int off);

    // ---- HMAC ----

    private void key(byte[] key) {
        byte[] k = new byte[blockLength];
        if (key.length > blockLength) {
            throw new IllegalArgumentException("record MAC keys are at most a block");
        }
        System.arraycopy(key, 0, k, 0, key.length);
        for (int i = 0; i < blockLength; i++) {
            block[i] = (byte) (k[i] ^ 0x36);
        }
        reset();
        compress(block, 0);
        saveInner();
        for (int i = 0; i < blockLength; i++) {
            block[i] = (byte) (k[i] ^ 0x5c);
        }
        reset();
        compress(block, 0);
        saveOuter();
        Arrays.fill(k, (byte) 0);
        Arrays.fill(block, (byte) 0);
    }

    /**
     * HMAC(seq ‖ type ‖ version ‖ length ‖ data[at, at + length)) into out[0, hashLength), where
     * length (secret) lies in [maxLength - 255, maxLength] and maxLength (public) bounds what may
     * be read from data. The work done depends on maxLength alone.
     */
    void compute(long seq, int type, int version, ByteBuffer data, int at, int length, int maxLength, byte[] out) {
        for (int i = 7; i >= 0; i--) {
            header[i] = (byte) seq;
            seq >>>= 8;
        }
        header[8] = (byte) type;
        header[9] = (byte) (version >>> 8);
        header[10] = (byte) version;
        header[11] = (byte) (length >>> 8);
        header[12] = (byte) length;

        int minLength = Math.max(0, maxLength - 255);
        int end = HEADER + length;                       // secret: where 0x80 goes
        int last = (end + lengthField) / blockLength;    // secret: the final block's index
        int lastMax = (HEADER + maxLength + lengthField) / blockLength;
        int direct = (HEADER + minLength) / blockLength; // blocks surely before the message's end
        long bits = (long) (blockLength + end) * 8;      // the ipad block counts

        loadInner();
        for (int i = 0; i < direct; i++) {
            for (int j = 0; j < blockLength; j++) {
                int p = i * blockLength + j;
                block[j] = p < HEADER ? header[p] : data.get(at + p - HEADER);
            }
            compress(block, 0);
        }
        clearKept();
        for (int i = direct; i <= lastMax; i++) {
            int isLast = equal(i, last);
            for (int j = 0; j < blockLength; j++) {
                int p = i * blockLength + j;
                int b = p < HEADER ? header[p] : (p < HEADER + maxLength ? data.get(at + p - HEADER) : 0);
                int v = (b & lessThan(p, end)) | (0x80 & equal(p, end));
                int fromEnd = blockLength - j; // 1 for the block's last byte
                if (fromEnd <= 8) {
                    int lengthByte = (int) (bits >>> (8 * (fromEnd - 1))) & 0xff;
                    v = (lengthByte & isLast) | (v & ~isLast);
                }
                block[j] = (byte) v;
            }
            compress(block, 0);
            keepIf(isLast);
        }
        useKept();
        // Outer hash: opad block (precomputed) ‖ inner digest ‖ padding: one block for every hash here.
        Arrays.fill(block, (byte) 0);
        output(block, 0);
        block[hashLength] = (byte) 0x80;
        long outerBits = (long) (blockLength + hashLength) * 8;
        for (int k = 0; k < 8; k++) {
            block[blockLength - 1 - k] = (byte) (outerBits >>> (8 * k));
        }
        loadOuter();
        compress(block, 0);
        output(out, 0);
        Arrays.fill(block, (byte) 0);
        Arrays.fill(header, (byte) 0);
        wipeState();
    }

    void wipe() {
        wipeState();
        reset();
        saveInner();
        saveOuter();
    }

    // ---- the hashes ----

    /** SHA-1 (FIPS 180-4 §6.1). */
    static final class Sha1 extends ConstantTimeHmac {
        private static final int[] IV = {0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0};
        private final int[] h;
        private final int[] w;

        Sha1() {
            this(new int[5], new int[80]);
        }

        private Sha1(int[] h, int[] w) {
            super(64, 20, h, w);
            this.h = h;
            this.w = w;
        }

        @Override
        void reset() {
            System.arraycopy(IV, 0, h, 0, 5);
        }

        @Override
        void compress(byte[] b, int off) {
            for (int t = 0; t < 16; t++) {
                w[t] = word(b, off + 4 * t);
            }
            for (int t = 16; t < 80; t++) {
                w[t] = Integer.rotateLeft(w[t - 3] ^ w[t - 8] ^ w[t - 14] ^ w[t - 16], 1);
            }
            int a = h[0], bb = h[1], c = h[2], d = h[3], e = h[4];
            for (int t = 0; t < 80; t++) {
                int f;
                int k;
                if (t < 20) {
                    f = (bb & c) | (~bb & d);
                    k = 0x5a827999;
                } else if (t < 40) {
                    f = bb ^ c ^ d;
                    k = 0x6ed9eba1;
                } else if (t < 60) {
                    f = (bb & c) | (bb & d) | (c & d);
                    k = 0x8f1bbcdc;
                } else {
                    f = bb ^ c ^ d;
                    k = 0xca62c1d6;
                }
                int tmp = Integer.rotateLeft(a, 5) + f + e + k + w[t];
                e = d;
                d = c;
                c = Integer.rotateLeft(bb, 30);
                bb = a;
                a = tmp;
            }
            h[0] += a;
            h[1] += bb;
            h[2] += c;
            h[3] += d;
            h[4] += e;
        }

        @Override
        void keepIf(int mask) {
            int[] kept = (int[]) kept();
            for (int i = 0; i < 5; i++) {
                kept[i] |= h[i] & mask;
            }
        }

        @Override
        void output(byte[] out, int off) {
            for (int i = 0; i < 5; i++) {
                putWord(out, off + 4 * i, h[i]);
            }
        }
    }

    /** SHA-256 (FIPS 180-4 §6.2). */
    static final class Sha256 extends ConstantTimeHmac {
        private static final int[] K = new int[64];
        private static final int[] IV = new int[8];

        static {
            // FIPS 180-4 §4.2.2 and §5.3.3: the first 32 bits of the fractional parts of the cube
            // roots of the first 64 primes, and of the square roots of the first 8.
            long[] k = Constants.fractions(64, 3, 32, 0);
            long[] iv = Constants.fractions(8, 2, 32, 0);
            for (int i = 0; i < 64; i++) {
                K[i] = (int) k[i];
            }
            for (int i = 0; i < 8; i++) {
                IV[i] = (int) iv[i];
            }
        }

        private final int[] h;
        private final int[] w;

        Sha256() {
            this(new int[8], new int[64]);
        }

        private Sha256(int[] h, int[] w) {
            super(64, 32, h, w);
            this.h = h;
            this.w = w;
        }

        @Override
        void reset() {
            System.arraycopy(IV, 0, h, 0, 8);
        }

        @Override
        void compress(byte[] b, int off) {
            for (int t = 0; t < 16; t++) {
                w[t] = word(b, off + 4 * t);
            }
            for (int t = 16; t < 64; t++) {
                int x = w[t - 15];
                int y = w[t - 2];
                int s0 = Integer.rotateRight(x, 7) ^ Integer.rotateRight(x, 18) ^ (x >>> 3);
                int s1 = Integer.rotateRight(y, 17) ^ Integer.rotateRight(y, 19) ^ (y >>> 10);
                w[t] = w[t - 16] + s0 + w[t - 7] + s1;
            }
            int a = h[0], bb = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7];
            for (int t = 0; t < 64; t++) {
                int s1 = Integer.rotateRight(e, 6) ^ Integer.rotateRight(e, 11) ^ Integer.rotateRight(e, 25);
                int ch = (e & f) ^ (~e & g);
                int t1 = hh + s1 + ch + K[t] + w[t];
                int s0 = Integer.rotateRight(a, 2) ^ Integer.rotateRight(a, 13) ^ Integer.rotateRight(a, 22);
                int maj = (a & bb) ^ (a & c) ^ (bb & c);
                int t2 = s0 + maj;
                hh = g;
                g = f;
                f = e;
                e = d + t1;
                d = c;
                c = bb;
                bb = a;
                a = t1 + t2;
            }
            h[0] += a;
            h[1] += bb;
            h[2] += c;
            h[3] += d;
            h[4] += e;
            h[5] += f;
            h[6] += g;
            h[7] += hh;
        }

        @Override
        void keepIf(int mask) {
            int[] kept = (int[]) kept();
            for (int i = 0; i < 8; i++) {
                kept[i] |= h[i] & mask;
            }
        }

        @Override
        void output(byte[] out, int off) {
            for (int i = 0; i < 8; i++) {
                putWord(out, off + 4 * i, h[i]);
            }
        }
    }

    /** SHA-384: SHA-512's compression (FIPS 180-4 §6.4) with its own initial value, truncated. */
    static final class Sha384 extends ConstantTimeHmac {
        private static final long[] K = Constants.fractions(80, 3, 64, 0);
        /** FIPS 180-4 §5.3.4: square roots of the 9th to 16th primes. */
        private static final long[] IV = Constants.fractions(8, 2, 64, 8);
        private final long[] h;
        private final long[] w;

        Sha384() {
            this(new long[8], new long[80]);
        }

        private Sha384(long[] h, long[] w) {
            super(128, 48, h, w);
            this.h = h;
            this.w = w;
        }

        @Override
        void reset() {
            System.arraycopy(IV, 0, h, 0, 8);
        }

        @Override
        void compress(byte[] b, int off) {
            for (int t = 0; t < 16; t++) {
                w[t] = ((long) word(b, off + 8 * t) << 32) | (word(b, off + 8 * t + 4) & 0xffffffffL);
            }
            for (int t = 16; t < 80; t++) {
                long x = w[t - 15];
                long y = w[t - 2];
                long s0 = Long.rotateRight(x, 1) ^ Long.rotateRight(x, 8) ^ (x >>> 7);
                long s1 = Long.rotateRight(y, 19) ^ Long.rotateRight(y, 61) ^ (y >>> 6);
                w[t] = w[t - 16] + s0 + w[t - 7] + s1;
            }
            long a = h[0], bb = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7];
            for (int t = 0; t < 80; t++) {
                long s1 = Long.rotateRight(e, 14) ^ Long.rotateRight(e, 18) ^ Long.rotateRight(e, 41);
                long ch = (e & f) ^ (~e & g);
                long t1 = hh + s1 + ch + K[t] + w[t];
                long s0 = Long.rotateRight(a, 28) ^ Long.rotateRight(a, 34) ^ Long.rotateRight(a, 39);
                long maj = (a & bb) ^ (a & c) ^ (bb & c);
                long t2 = s0 + maj;
                hh = g;
                g = f;
                f = e;
                e = d + t1;
                d = c;
                c = bb;
                bb = a;
                a = t1 + t2;
            }
            h[0] += a;
            h[1] += bb;
            h[2] += c;
            h[3] += d;
            h[4] += e;
            h[5] += f;
            h[6] += g;
            h[7] += hh;
        }

        @Override
        void keepIf(int mask) {
            long m = mask; // sign-extends: -1 → all ones
            long[] kept = (long[]) kept();
            for (int i = 0; i < 8; i++) {
                kept[i] |= h[i] & m;
            }
        }

        @Override
        void output(byte[] out, int off) {
            for (int i = 0; i < 6; i++) {
                putWord(out, off + 8 * i, (int) (h[i] >>> 32));
                putWord(out, off + 8 * i + 4, (int) h[i]);
            }
        }
    }

    static int word(byte[] b, int off) {
        return (b[off] & 0xff) << 24 | (b[off + 1] & 0xff) << 16 | (b[off + 2] & 0xff) << 8 | (b[off + 3] & 0xff);
    }

    static void putWord(byte[] b, int off, int v) {
        b[off] = (byte) (v >>> 24);
        b[off + 1] = (byte) (v >>> 16);
        b[off + 2] = (byte) (v >>> 8);
        b[off + 3] = (byte) v;
    }

    /** The SHA-2 constants, derived as FIPS 180-4 defines them rather than typed in. */
    static final class Constants {
        private Constants() {
        }

        /**
         * The first {@code bits} bits of the fractional parts of the {@code root}-th roots of
         * {@code count} primes, starting at the {@code skip}-th prime (0-based).
         */
        static long[] fractions(int count, int root, int bits, int skip) {
            long[] out = new long[count];
            int found = 0;
            int index = 0;
            for (int n = 2; found < count; n++) {
                if (!BigInteger.valueOf(n).isProbablePrime(50)) {
                    continue;
                }
                if (index++ < skip) {
                    continue;
                }
                // floor(root-th root of n · 2^(root·bits)) keeps bits fractional bits; mask to them.
                BigInteger scaled = BigInteger.valueOf(n).shiftLeft(root * bits);
                BigInteger r = root == 2 ? scaled.sqrt() : cubeRoot(scaled);
                out[found++] = r.longValue() & (bits == 64 ? -1L : (1L << bits) - 1);
            }
            return out;
        }

        private static BigInteger cubeRoot(BigInteger x) {
            BigInteger r = BigInteger.ONE.shiftLeft(x.bitLength() / 3 + 1);
            while (true) { // Newton's method from above: r' = (2r + x / r²) / 3, decreasing to the floor
                BigInteger next = r.shiftLeft(1).add(x.divide(r.multiply(r))).divide(BigInteger.valueOf(3));
                if (next.compareTo(r) >= 0) {
                    return r;
                }
                r = next;
            }
        }
    }
}
