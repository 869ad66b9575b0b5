package io.tlsbench.record;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;

/**
 * AES-GCM sealing (RFC 5288): the explicit nonce is the sequence number, unique per key; the
 * record is explicit nonce ‖ ciphertext ‖ 16-byte tag.
 */
final class GcmSealer extends RecordSealer {

    private final GcmNonce gcm;

    GcmSealer(RecordSpec spec) {
        super(spec);
        this.gcm = new GcmNonce(spec.iv());
    }

    @Override
    int fragmentLength(int n) {
        return GcmNonce.EXPLICIT + n + GcmNonce.TAG;
    }

    @Override
    void sealFragment(int type, long seq, ByteBuffer plaintext, ByteBuffer target, int n)
            throws GeneralSecurityException {
        // The plaintext goes to the work space first, so target may overlap it (sealing in place).
        work.clear();
        work.put(plaintext);
        work.flip();
        for (int i = 0; i < 8; i++) {
            gcm.nonce[11 - i] = (byte) (seq >>> (8 * i));
        }
        target.put(gcm.nonce, 4, GcmNonce.EXPLICIT);
        gcm.start(this, seq, type, n);
        cipher.doFinal(work, target);
    }

    @Override
    void wipeKeys() {
        gcm.wipe();
    }
}
