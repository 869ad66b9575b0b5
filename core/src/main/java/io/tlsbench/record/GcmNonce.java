package io.tlsbench.record;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.spec.GCMParameterSpec;

/**
 * What both GCM halves build per record (RFC 5288 §3, RFC 5246 §6.2.3.3): the nonce, a 4-byte
 * implicit salt from the key block ‖ the 8-byte explicit nonce the record carries; and the
 * additional data, seq_num ‖ type ‖ version ‖ plaintext length.
 *
 * <p>JCA GCM must be re-initialised for every nonce, and init takes a new GCMParameterSpec: this
 * path allocates per record on every provider (the spec, plus whatever the provider's init and
 * its decrypt buffering allocate).
 */
final class GcmNonce {

    static final int EXPLICIT = 8;
    static final int TAG = 16;

    /** salt ‖ explicit nonce; the sealer writes the explicit part, the opener reads it from the record. */
    final byte[] nonce = new byte[12];
    private final byte[] aad = new byte[13];

    GcmNonce(byte[] salt) {
        if (salt.length != 4) {
            throw new IllegalArgumentException("GCM salt must be 4 bytes, not " + salt.length);
        }
        System.arraycopy(salt, 0, nonce, 0, 4);
    }

    /** Keys the half's Cipher for one record under the current nonce and feeds it the additional data. */
    void start(RecordHalf half, long seq, int type, int plaintextLength) throws GeneralSecurityException {
        for (int i = 0; i < 8; i++) {
            aad[7 - i] = (byte) (seq >>> (8 * i));
        }
        aad[8] = (byte) type;
        aad[9] = (byte) (half.wireVersion >>> 8);
        aad[10] = (byte) half.wireVersion;
        aad[11] = (byte) (plaintextLength >>> 8);
        aad[12] = (byte) plaintextLength;
        half.initFor(new GCMParameterSpec(TAG * 8, nonce));
        half.cipher.updateAAD(aad);
    }

    void wipe() {
        Arrays.fill(nonce, (byte) 0);
        Arrays.fill(aad, (byte) 0);
    }
}
