package io.tlsbench.record;

import io.tlsbench.kdf.HmacFunction;
import io.tlsbench.kdf.HmacStyle;
import io.tlsbench.provider.ProviderSet;
import io.tlsbench.suite.HashAlgorithm;
import io.tlsbench.suite.ProtocolVersion;
import java.nio.ByteBuffer;
import java.security.DigestException;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * The record MAC of one direction: HMAC over seq_num ‖ type ‖ version ‖ length ‖ fragment
 * (RFC 5246 §6.2.3.1), or SSLv3's hash(secret ‖ pad_2 ‖ hash(secret ‖ pad_1 ‖ seq_num ‖ type ‖
 * length ‖ fragment)) (RFC 6101 §5.2.3.1). Keyed once per connection; allocation-free per record
 * where the provider's digest writes in place.
 *
 * <p>For CBC's Lucky 13 defence it also reports how many compression-function calls its inner
 * hash makes for a length, and can spend the same work on a throw-away digest.
 */
abstract class RecordMac {

    protected final HashAlgorithm hash;
    /** The per-record header the MAC covers; 13 bytes in TLS, 11 in SSLv3. */
    protected final byte[] header;
    private final ProviderSet provider;
    /** Made on the first dummyBlocks call: only CBC open needs it, not seal or RC4. */
    private MessageDigest dummy;
    private byte[] dummyBlocks;
    /** Where {@link #append} computes the MAC before it goes into the record. */
    private final byte[] scratch = new byte[64];

    RecordMac(HashAlgorithm hash, int headerLength, ProviderSet provider) {
        this.hash = hash;
        this.header = new byte[headerLength];
        this.provider = provider;
    }

    static RecordMac create(ProtocolVersion version, HashAlgorithm hash, byte[] key, ProviderSet provider) {
        return version == ProtocolVersion.SSL3 ? new Ssl3(hash, key, provider) : new Tls(hash, key, provider);
    }

    int length() {
        return hash.length;
    }

    /** MAC of the fragment between data's position and limit; consumes it. */
    abstract void compute(long seq, int type, int version, ByteBuffer data, byte[] out, int outOffset);

    /** Bytes hashed by the inner hash before the fragment (key pad or ipad block, then the header). */
    abstract int innerPrefixLength();

    /** Compression-function calls of a Merkle–Damgård hash over n bytes (with its padding). */
    int blocks(int n) {
        int lengthField = hash.blockLength == 128 ? 16 : 8;
        return (n + lengthField + 1 + hash.blockLength - 1) / hash.blockLength;
    }

    /**
     * Runs count + 1 compression calls' worth of data through a throw-away digest, in one update
     * whatever count is: the number of calls into the provider (and their fixed costs, large
     * for a JNI provider) does not depend on count, only the amount hashed, which tops the
     * real MAC's hashing up to the same total. A loop of one-block updates did not: leakcheck
     * told padding lengths apart by the extra calls, each costing more over JNI. This narrows
     * the difference; it does not remove it (see results/ *-leakcheck/leakcheck.md).
     */
    void dummyBlocks(int count) {
        if (dummy == null) {
            dummy = provider.messageDigest(hash);
            // Enough for the compression calls 255 bytes of padding can save, plus the one always added.
            dummyBlocks = new byte[(255 / hash.blockLength + 3) * hash.blockLength];
        }
        dummy.update(dummyBlocks, 0, (count + 1) * hash.blockLength);
        dummy.reset();
    }

    /**
     * MAC-then-encrypt's sealing step (RFC 5246 §6.2.3.1, §6.2.3.2): MACs work[dataAt, dataAt + n)
     * and writes the MAC right after the data; leaves work positioned after the MAC.
     */
    final void append(long seq, int type, int version, ByteBuffer work, int dataAt, int n) {
        work.limit(dataAt + n).position(dataAt);
        compute(seq, type, version, work, scratch, 0);
        work.limit(work.capacity()).position(dataAt + n);
        work.put(scratch, 0, length());
    }

    /** Zeroes the keyed state and the scratch space. */
    final void wipe() {
        Arrays.fill(scratch, (byte) 0);
        wipeKey();
    }

    abstract void wipeKey();

    protected void seqAndType(long seq, int type) {
        for (int i = 7; i >= 0; i--) {
            header[i] = (byte) seq;
            seq >>>= 8;
        }
        header[8] = (byte) type;
    }

    /** TLS: HMAC through the provider, in the style that suits it (see HmacStyle). */
    static final class Tls extends RecordMac {
        private final HmacFunction hmac;

        Tls(HashAlgorithm hash, byte[] key, ProviderSet provider) {
            super(hash, 13, provider);
            hmac = HmacStyle.preferredFor(provider.id()).create(provider, hash);
            hmac.key(key, 0, key.length);
        }

        @Override
        void compute(long seq, int type, int version, ByteBuffer data, byte[] out, int outOffset) {
            seqAndType(seq, type);
            int length = data.remaining();
            header[9] = (byte) (version >>> 8);
            header[10] = (byte) version;
            header[11] = (byte) (length >>> 8);
            header[12] = (byte) length;
            hmac.update(header, 0, 13);
            hmac.update(data);
            hmac.finish(out, outOffset);
        }

        @Override
        int innerPrefixLength() {
            return hash.blockLength + 13;
        }

        @Override
        void wipeKey() {
            hmac.wipe();
            Arrays.fill(header, (byte) 0);
        }
    }

    /** SSLv3's keyed-hash construction (no HMAC): pads of 48 bytes for MD5, 40 for SHA-1. */
    static final class Ssl3 extends RecordMac {
        private final MessageDigest md;
        private final byte[] key;
        private final byte[] pad1;
        private final byte[] pad2;
        private final byte[] inner;

        Ssl3(HashAlgorithm hash, byte[] key, ProviderSet provider) {
            super(hash, 11, provider);
            if (hash != HashAlgorithm.MD5 && hash != HashAlgorithm.SHA1) {
                throw new IllegalArgumentException("SSLv3 MACs are MD5 or SHA-1, not " + hash);
            }
            this.md = provider.messageDigest(hash);
            this.key = key.clone();
            int padLength = hash == HashAlgorithm.MD5 ? 48 : 40;
            pad1 = new byte[padLength];
            pad2 = new byte[padLength];
            Arrays.fill(pad1, (byte) 0x36);
            Arrays.fill(pad2, (byte) 0x5c);
            inner = new byte[hash.length];
        }

        @Override
        void compute(long seq, int type, int version, ByteBuffer data, byte[] out, int outOffset) {
            seqAndType(seq, type);
            int length = data.remaining();
            header[9] = (byte) (length >>> 8);
            header[10] = (byte) length;
            md.update(key);
            md.update(pad1);
            md.update(header, 0, 11);
            md.update(data);
            digest(inner, 0);
            md.update(key);
            md.update(pad2);
            md.update(inner);
            digest(out, outOffset);
        }

        private void digest(byte[] out, int offset) {
            try {
                md.digest(out, offset, hash.length);
            } catch (DigestException e) {
                throw new IllegalStateException(hash + " refused to digest in place", e);
            }
        }

        @Override
        int innerPrefixLength() {
            return key.length + pad1.length + 11;
        }

        @Override
        void wipeKey() {
            Arrays.fill(key, (byte) 0);
            Arrays.fill(inner, (byte) 0);
            Arrays.fill(header, (byte) 0);
            md.reset();
        }
    }
}
