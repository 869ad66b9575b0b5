package io.tlsbench.record;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.spec.IvParameterSpec;

/**
 * CBC sealing: MAC-then-encrypt with a block cipher (RFC 5246 §6.2.3.2; SSLv3 per RFC 6101 §5.2.3.2).
 *
 * <p><b>IVs without re-initialising the Cipher.</b> The Cipher is initialised once and driven
 * with update() only, so its CBC state runs on from record to record. In SSLv3 and TLS 1.0 that
 * is exactly the protocol's chained IV (the last ciphertext block of the previous record). In
 * TLS 1.1 and 1.2 each record starts with a block R from a CSPRNG ({@link RandomBlocks}),
 * encrypted under the running CBC residue: the first ciphertext block is the record's explicit
 * IV, unpredictable because R is — RFC 4346 §6.2.3.2 option (2)(b). The receiver
 * ({@link CbcOpener}) decrypts with its own running state and drops the first block, which is
 * exactly what decrypting with the explicit IV would leave. Peers see the standard wire format.
 */
final class CbcSealer extends RecordSealer {

    private final RecordMac mac;
    private final RandomBlocks random;
    private final int blockLength;
    private final int macLength;
    private final boolean explicitIv;
    private final byte[] randomBlock;

    CbcSealer(RecordSpec spec) {
        super(spec);
        this.mac = RecordMac.create(version, suite.mac.hash, spec.macKey(), spec.provider);
        this.blockLength = suite.cipher.blockLength;
        this.macLength = suite.mac.length();
        this.explicitIv = version.explicitCbcIv();
        this.random = explicitIv ? new RandomBlocks(spec.randomOrNew()) : null;
        this.randomBlock = new byte[blockLength];
        initOnce(startingIv(spec));
    }

    /** The key block's IV in SSLv3 and TLS 1.0; in TLS 1.1+ the key block has none and any starting residue works. */
    static IvParameterSpec startingIv(RecordSpec spec) {
        return new IvParameterSpec(spec.version.explicitCbcIv() ? new byte[spec.suite.cipher.blockLength] : spec.iv());
    }

    @Override
    int fragmentLength(int n) {
        return (explicitIv ? blockLength : 0) + n + macLength + paddingLength(n) + 1;
    }

    /** Minimal padding: n ‖ MAC ‖ padding ‖ padding_length fills whole blocks. */
    private int paddingLength(int n) {
        return blockLength - 1 - (n + macLength) % blockLength;
    }

    @Override
    void sealFragment(int type, long seq, ByteBuffer plaintext, ByteBuffer target, int n)
            throws GeneralSecurityException {
        work.clear();
        if (explicitIv) {
            random.next(randomBlock, blockLength);
            work.put(randomBlock);
        }
        int dataAt = work.position();
        work.put(plaintext);
        mac.append(seq, type, wireVersion, work, dataAt, n);
        int pad = paddingLength(n);
        for (int i = 0; i <= pad; i++) {
            work.put((byte) pad); // TLS: every padding byte holds the length; SSLv3 accepts any value
        }
        work.flip();
        cipher.update(work, target);
    }

    @Override
    void wipeKeys() {
        mac.wipe();
        Arrays.fill(randomBlock, (byte) 0);
    }
}
