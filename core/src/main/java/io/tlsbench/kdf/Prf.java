package io.tlsbench.kdf;

import io.tlsbench.provider.ProviderSet;
import io.tlsbench.suite.HashAlgorithm;
import java.security.DigestException;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * One PRF over one provider configuration, allocation-free per call: the caller passes the
 * output array, the seed comes in up to three pieces (so randoms need not be concatenated), and
 * the HMAC state, the A(i) chain and the scratch block are fields reused across calls.
 * Not thread-safe.
 */
public final class Prf {

    /** Largest output a TLS PRF call may ask for; far above any key block (≤ 200 bytes). */
    public static final int MAX_OUTPUT = 1 << 16;
    /** SSLv3's construction runs out of salts after 'Z' (26 rounds of MD5). */
    public static final int SSL3_MAX_OUTPUT = 26 * 16;

    private static final byte[] EMPTY = new byte[0];

    private final PrfAlgorithm algorithm;
    /** P_hash of TLS 1.2, or P_MD5 of TLS 1.0/1.1. */
    private final HmacFunction first;
    /** P_SHA1 of TLS 1.0/1.1. */
    private final HmacFunction second;
    /** SSLv3. */
    private final MessageDigest md5;
    private final MessageDigest sha1;
    private final byte[] a = new byte[64];
    private final byte[] block = new byte[64];
    private final byte[] salt = new byte[26];

    Prf(PrfAlgorithm algorithm, ProviderSet provider, HmacStyle style) {
        this.algorithm = algorithm;
        switch (algorithm) {
            case SSL3:
                first = null;
                second = null;
                md5 = provider.messageDigest(HashAlgorithm.MD5);
                sha1 = provider.messageDigest(HashAlgorithm.SHA1);
                break;
            case MD5_SHA1:
                first = style.create(provider, HashAlgorithm.MD5);
                second = style.create(provider, HashAlgorithm.SHA1);
                md5 = null;
                sha1 = null;
                break;
            default:
                first = style.create(provider, algorithm.hash);
                second = null;
                md5 = null;
                sha1 = null;
        }
    }

    public PrfAlgorithm algorithm() {
        return algorithm;
    }

    /**
     * PRF(secret, label, seed1 ‖ seed2 ‖ seed3) → out[outOffset, outOffset + outLength).
     * Seeds may be null. SSLv3 has no label: it must be null or empty.
     */
    public void derive(byte[] secret, int secretOffset, int secretLength, byte[] label,
                       byte[] seed1, byte[] seed2, byte[] seed3, byte[] out, int outOffset, int outLength) {
        checkRange("secret", secret, secretOffset, secretLength);
        checkRange("output", out, outOffset, outLength);
        int max = algorithm == PrfAlgorithm.SSL3 ? SSL3_MAX_OUTPUT : MAX_OUTPUT;
        if (outLength > max) {
            throw new IllegalArgumentException("output length " + outLength + " exceeds the " + algorithm.shortName
                    + " PRF's limit of " + max + " bytes");
        }
        byte[] l = label == null ? EMPTY : label;
        byte[] s1 = seed1 == null ? EMPTY : seed1;
        byte[] s2 = seed2 == null ? EMPTY : seed2;
        byte[] s3 = seed3 == null ? EMPTY : seed3;
        switch (algorithm) {
            case SSL3:
                if (l.length != 0) {
                    throw new IllegalArgumentException("the SSLv3 PRF takes no label");
                }
                ssl3(secret, secretOffset, secretLength, s1, s2, s3, out, outOffset, outLength);
                break;
            case MD5_SHA1: {
                // RFC 2246 §5: S1 is the first half, S2 the second; for odd lengths they share the middle byte.
                int half = halfLength(secretLength);
                first.key(secret, secretOffset, half);
                pHash(first, l, s1, s2, s3, out, outOffset, outLength, false);
                second.key(secret, secretOffset + secretLength - half, half);
                pHash(second, l, s1, s2, s3, out, outOffset, outLength, true);
                break;
            }
            default:
                first.key(secret, secretOffset, secretLength);
                pHash(first, l, s1, s2, s3, out, outOffset, outLength, false);
        }
    }

    /** RFC 2246 §5: each half of a TLS 1.0 PRF secret is ceil(length / 2) bytes; odd lengths share a byte. */
    public static int halfLength(int secretLength) {
        return (secretLength + 1) / 2;
    }

    /** Convenience for tools and tests: allocates the output. */
    public byte[] derive(byte[] secret, byte[] label, byte[] seed, int outLength) {
        if (secret == null) {
            throw new IllegalArgumentException("secret is null");
        }
        if (outLength < 0) {
            throw new IllegalArgumentException("output length " + outLength + " is negative");
        }
        byte[] out = new byte[checkedLength(outLength)];
        derive(secret, 0, secret.length, label, seed, null, null, out, 0, outLength);
        return out;
    }

    private int checkedLength(int outLength) {
        int max = algorithm == PrfAlgorithm.SSL3 ? SSL3_MAX_OUTPUT : MAX_OUTPUT;
        if (outLength > max) {
            throw new IllegalArgumentException("output length " + outLength + " exceeds the " + algorithm.shortName
                    + " PRF's limit of " + max + " bytes");
        }
        return outLength;
    }

    /**
     * RFC 5246 §5: A(0) = seed, A(i) = HMAC(A(i-1)); output = HMAC(A(1) ‖ seed) ‖ HMAC(A(2) ‖ seed) ...
     * where seed = label ‖ seed1 ‖ seed2 ‖ seed3. With xor set, the output is XORed into out.
     */
    private void pHash(HmacFunction h, byte[] label, byte[] s1, byte[] s2, byte[] s3,
                       byte[] out, int outOffset, int outLength, boolean xor) {
        int hl = h.length();
        h.update(label, 0, label.length);
        h.update(s1, 0, s1.length);
        h.update(s2, 0, s2.length);
        h.update(s3, 0, s3.length);
        h.finish(a, 0);
        int done = 0;
        while (done < outLength) {
            h.update(a, 0, hl);
            h.update(label, 0, label.length);
            h.update(s1, 0, s1.length);
            h.update(s2, 0, s2.length);
            h.update(s3, 0, s3.length);
            h.finish(block, 0);
            int n = Math.min(hl, outLength - done);
            if (xor) {
                for (int i = 0; i < n; i++) {
                    out[outOffset + done + i] ^= block[i];
                }
            } else {
                System.arraycopy(block, 0, out, outOffset + done, n);
            }
            done += n;
            if (done < outLength) {
                h.update(a, 0, hl);
                h.finish(a, 0);
            }
        }
        Arrays.fill(a, (byte) 0);
        Arrays.fill(block, (byte) 0);
    }

    /** RFC 6101 §6.2.2 (and §6.1 for the master secret): MD5(secret ‖ SHA1(salt_i ‖ secret ‖ seed)). */
    private void ssl3(byte[] secret, int so, int sl, byte[] s1, byte[] s2, byte[] s3,
                      byte[] out, int outOffset, int outLength) {
        int done = 0;
        for (int round = 0; done < outLength; round++) {
            Arrays.fill(salt, 0, round + 1, (byte) ('A' + round));
            sha1.update(salt, 0, round + 1);
            sha1.update(secret, so, sl);
            sha1.update(s1);
            sha1.update(s2);
            sha1.update(s3);
            digest(sha1, a, 20);
            md5.update(secret, so, sl);
            md5.update(a, 0, 20);
            digest(md5, block, 16);
            int n = Math.min(16, outLength - done);
            System.arraycopy(block, 0, out, outOffset + done, n);
            done += n;
        }
        Arrays.fill(a, (byte) 0);
        Arrays.fill(block, (byte) 0);
    }

    static void digest(MessageDigest md, byte[] out, int length) {
        try {
            md.digest(out, 0, length);
        } catch (DigestException e) {
            throw new IllegalStateException(md.getAlgorithm() + " refused to write its digest in place", e);
        }
    }

    static void checkRange(String what, byte[] array, int offset, int length) {
        if (array == null) {
            throw new IllegalArgumentException(what + " is null");
        }
        if (length < 0) {
            throw new IllegalArgumentException(what + " length " + length + " is negative");
        }
        if (offset < 0 || offset > array.length - length) {
            throw new IllegalArgumentException(what + " range [" + offset + ", " + offset + "+" + length
                    + ") is outside its " + array.length + "-byte array");
        }
    }

    /**
     * The arrays that hold keyed state or PRF output (the objects themselves), for wipe checks. A
     * provider's HMAC ({@link JcaHmac}) keeps its keyed state inside its Mac, out of reach.
     */
    java.util.List<byte[]> heldArrays() {
        java.util.List<byte[]> out = new java.util.ArrayList<>(java.util.List.of(a, block)); // salt: constant letters
        for (HmacFunction h : new HmacFunction[] {first, second}) {
            if (h instanceof DigestHmac d) {
                out.addAll(d.heldArrays());
            }
        }
        return out;
    }

    /** Zeroes the keyed HMAC states. */
    public void wipe() {
        if (first != null) {
            first.wipe();
        }
        if (second != null) {
            second.wipe();
        }
    }
}
