package io.tlsbench.record;

import static io.tlsbench.record.ConstantTime.equal;
import static io.tlsbench.record.ConstantTime.greaterOrEqual;
import static io.tlsbench.record.ConstantTime.lessThan;
import static io.tlsbench.record.ConstantTime.select;

import io.tlsbench.alert.TlsAlertException;
import io.tlsbench.suite.ProtocolVersion;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.util.Arrays;

/**
 * CBC opening: decrypt, then check padding and MAC (RFC 5246 §6.2.3.2; SSLv3 per RFC 6101
 * §5.2.3.2). The Cipher runs on from record to record as {@link CbcSealer} explains; in TLS 1.1+
 * the first decrypted block (the explicit IV's) is dropped.
 *
 * <p><b>Constant-time open (the Lucky 13 defence).</b> Once the fragment's length has passed the
 * public checks, nothing branches on the padding or the MAC: the padding length and the padding
 * bytes are checked with masks over the last 256 bytes whatever the padding length; a bad padding
 * is treated as zero-length so the MAC still runs; the MAC is computed over the data the padding
 * implies and then a throw-away digest absorbs as many extra compression-function calls as the
 * longest possible data would have needed, so the hash work is the same for every padding; the
 * received MAC is read out of its secret position by scanning every position it could occupy and
 * rotating in log steps (BearSSL's idea, written anew); the comparison folds all bytes into one
 * flag. Every failure — bad padding, bad MAC, a fragment too short or not whole blocks — is the
 * same bad_record_mac. What remains with the provider's HMAC ({@link CbcMacCheck#PROVIDER}): the
 * provider's cost of hashing d bytes in the MAC and the rest in the dummy is not exactly that of
 * any other split, and {@code tlsbench leakcheck} measures it between padding 0 and 255 on every
 * provider (results/ *-leakcheck/leakcheck.md). With {@link CbcMacCheck#CONSTANT_TIME} the MAC is
 * tlsbench's {@link ConstantTimeHmac}, whose work depends on the public record length only.
 */
final class CbcOpener extends RecordOpener {

    /** Null when open checks the MAC with {@link #constantTimeMac}. */
    private final RecordMac mac;
    /** Null unless open checks the MAC with tlsbench's constant-time HMAC. */
    private final ConstantTimeHmac constantTimeMac;
    private final int blockLength;
    private final int macLength;
    private final boolean explicitIv;
    private final boolean ssl3;
    private final byte[] computed = new byte[64];
    private final byte[] received = new byte[64];
    private final byte[] rotated = new byte[64];

    CbcOpener(RecordSpec spec) {
        super(spec);
        // SSLv3's MAC is not HMAC: it always uses the provider's digest.
        this.constantTimeMac = spec.macCheck == CbcMacCheck.CONSTANT_TIME && version != ProtocolVersion.SSL3
                ? ConstantTimeHmac.create(suite.mac.hash, spec.macKey()) : null;
        this.mac = constantTimeMac == null ? RecordMac.create(version, suite.mac.hash, spec.macKey(), spec.provider) : null;
        this.blockLength = suite.cipher.blockLength;
        this.macLength = suite.mac.length();
        this.explicitIv = version.explicitCbcIv();
        this.ssl3 = version == ProtocolVersion.SSL3;
        initOnce(CbcSealer.startingIv(spec));
    }

    /** Whether open checks the MAC with tlsbench's constant-time HMAC (for tests). */
    boolean constantTimeMacCheck() {
        return constantTimeMac != null;
    }

    @Override
    void openFragment(int type, long seq, ByteBuffer fragment, ByteBuffer out)
            throws GeneralSecurityException, TlsAlertException {
        int length = fragment.remaining();
        int ivLength = explicitIv ? blockLength : 0;
        int minimum = ivLength + Math.max(blockLength, roundUp(macLength + 1));
        if (length % blockLength != 0 || length < minimum) {
            throw badRecordMac(); // public facts: the same alert as any other failure
        }
        work.clear();
        cipher.update(fragment, work);
        int n = length - ivLength; // MAC ‖ data ‖ padding, after the dropped first block
        int last = ivLength + n - 1;
        int pad = work.get(last) & 0xff;
        int good = paddingMask(last, n, pad);
        int dataLength = n - macLength - 1 - select(good, pad, 0);
        computeMac(seq, type, ivLength, n, dataLength);
        work.limit(work.capacity());
        extractMac(ivLength, n, dataLength);
        int diff = 0;
        for (int k = 0; k < macLength; k++) {
            diff |= (received[k] ^ computed[k]) & 0xff; // all bytes, then one flag
        }
        good &= equal(diff, 0);
        Arrays.fill(received, (byte) 0);
        if (good == 0) {
            throw badRecordMac();
        }
        deliver(ivLength, dataLength, out);
    }

    /**
     * All ones if the padding that ends the n-byte body at work[last] (its length byte, pad) is
     * valid and leaves room for the MAC, else 0; masks only, over every byte it could cover.
     */
    private int paddingMask(int last, int n, int pad) {
        int good = greaterOrEqual(n, pad + 1 + macLength);
        if (ssl3) {
            return good & lessThan(pad, blockLength); // RFC 6101: padding shorter than a block, any content
        }
        int checked = Math.min(255, n - 1);
        for (int i = 1; i <= checked; i++) {
            int inPadding = greaterOrEqual(pad, i);
            int differs = ~equal(work.get(last - i) & 0xff, pad);
            good &= ~(inPadding & differs);
        }
        return good;
    }

    /**
     * The MAC of the dataLength bytes at bodyAt into computed, with the same hash work whatever
     * dataLength (secret) is, up to the longest data the body could hold.
     */
    private void computeMac(long seq, int type, int bodyAt, int n, int dataLength) {
        int longest = n - macLength - 1;
        if (constantTimeMac != null) {
            constantTimeMac.compute(seq, type, wireVersion, work, bodyAt, dataLength, longest, computed);
        } else {
            work.limit(bodyAt + dataLength).position(bodyAt);
            mac.compute(seq, type, wireVersion, work, computed, 0);
            int prefix = mac.innerPrefixLength();
            mac.dummyBlocks(mac.blocks(prefix + longest) - mac.blocks(prefix + dataLength));
        }
    }

    /**
     * Copies the MAC at body offset dataLength (secret) into received[0, macLength) without
     * branching or indexing on dataLength: every byte it could occupy is scanned and masked into
     * a slot modulo the MAC length, then the slots are rotated into place in log2 steps.
     */
    private void extractMac(int bodyAt, int n, int dataLength) {
        int scanFrom = Math.max(0, n - macLength - 256);
        Arrays.fill(rotated, 0, macLength, (byte) 0);
        int slot = 0;
        for (int j = scanFrom; j < n; j++) {
            int inMac = greaterOrEqual(j, dataLength) & lessThan(j, dataLength + macLength);
            rotated[slot] |= (byte) (work.get(bodyAt + j) & inMac);
            if (++slot == macLength) {
                slot = 0;
            }
        }
        int rotation = modulo(dataLength - scanFrom, macLength);
        for (int shift = 1, bit = 0; shift < macLength; shift <<= 1, bit++) {
            int take = -((rotation >>> bit) & 1);
            for (int k = 0; k < macLength; k++) {
                received[k] = (byte) select(take, rotated[(k + shift) % macLength], rotated[k]);
            }
            System.arraycopy(received, 0, rotated, 0, macLength);
        }
        System.arraycopy(rotated, 0, received, 0, macLength);
        Arrays.fill(rotated, 0, macLength, (byte) 0);
    }

    /**
     * x mod m by conditional subtractions of m·2^k, k = 9…0: no division, whose latency can
     * depend on its operands. Needs 0 ≤ x < m·2^10 (here x ≤ 255 + MAC length).
     */
    static int modulo(int x, int m) {
        int r = x;
        for (int k = 9; k >= 0; k--) {
            int mk = m << k;
            r -= mk & greaterOrEqual(r, mk);
        }
        return r;
    }

    private int roundUp(int n) {
        return (n + blockLength - 1) / blockLength * blockLength;
    }

    @Override
    void wipeKeys() {
        if (mac != null) {
            mac.wipe();
        }
        if (constantTimeMac != null) {
            constantTimeMac.wipe();
        }
        Arrays.fill(computed, (byte) 0);
    }
}
