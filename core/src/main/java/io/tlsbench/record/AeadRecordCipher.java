package io.tlsbench.record;

import io.tlsbench.alert.TlsAlertException;
import io.tlsbench.provider.ProviderSet;
import io.tlsbench.suite.CipherSuite;
import io.tlsbench.suite.ProtocolVersion;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/**
 * AES-GCM records (RFC 5288, RFC 5246 §6.2.3.3): nonce = 4-byte implicit salt from the key block
 * ‖ 8-byte explicit nonce carried in the record (here the sequence number, unique per key);
 * AAD = seq_num ‖ type ‖ version ‖ plaintext length; 16-byte tag.
 *
 * <p>JCA GCM must be re-initialised for every nonce, and init takes a new GCMParameterSpec: this
 * path allocates per record on every provider (the spec, plus whatever the provider's init and
 * its decrypt buffering allocate).
 */
final class AeadRecordCipher extends RecordCipher {

    private static final int EXPLICIT = 8;
    private static final int TAG = 16;

    private final byte[] nonce = new byte[12];
    private final byte[] aad = new byte[13];

    AeadRecordCipher(CipherSuite suite, ProtocolVersion version, boolean sealing, ProviderSet provider,
                     WorkSpace space, byte[] writeKey, byte[] salt, long firstSequence) {
        super(suite, version, sealing, provider, space, writeKey, firstSequence);
        if (salt.length != 4) {
            throw new IllegalArgumentException("GCM salt must be 4 bytes, not " + salt.length);
        }
        System.arraycopy(salt, 0, nonce, 0, 4);
    }

    @Override
    protected int fragmentLength(int n) {
        return EXPLICIT + n + TAG;
    }

    private void start(int mode, long seq, int type, int plaintextLength) throws GeneralSecurityException {
        for (int i = 0; i < 8; i++) {
            aad[7 - i] = (byte) (seq >>> (8 * i));
        }
        aad[8] = (byte) type;
        aad[9] = (byte) (wireVersion >>> 8);
        aad[10] = (byte) wireVersion;
        aad[11] = (byte) (plaintextLength >>> 8);
        aad[12] = (byte) plaintextLength;
        cipher.init(mode, key, new GCMParameterSpec(TAG * 8, nonce));
        cipher.updateAAD(aad);
    }

    @Override
    protected void sealFragment(int type, long seq, ByteBuffer plaintext, ByteBuffer target, int n)
            throws GeneralSecurityException {
        // The plaintext goes to the work space first, so target may overlap it (sealing in place).
        work.clear();
        work.put(plaintext);
        work.flip();
        for (int i = 0; i < 8; i++) {
            nonce[11 - i] = (byte) (seq >>> (8 * i));
        }
        target.put(nonce, 4, EXPLICIT);
        start(Cipher.ENCRYPT_MODE, seq, type, n);
        cipher.doFinal(work, target);
    }

    @Override
    protected void openFragment(int type, long seq, ByteBuffer fragment, ByteBuffer out)
            throws GeneralSecurityException, TlsAlertException {
        int length = fragment.remaining();
        if (length < EXPLICIT + TAG) {
            throw badRecordMac();
        }
        int plaintextLength = length - EXPLICIT - TAG;
        if (plaintextLength > RecordHeader.MAX_PLAINTEXT) {
            throw new TlsAlertException(io.tlsbench.alert.AlertDescription.RECORD_OVERFLOW,
                    "GCM record of " + plaintextLength + " plaintext bytes exceeds 2^14");
        }
        fragment.get(nonce, 4, EXPLICIT);
        start(Cipher.DECRYPT_MODE, seq, type, plaintextLength);
        work.clear();
        try {
            cipher.doFinal(fragment, work);
        } catch (AEADBadTagException e) {
            throw badRecordMac();
        }
        deliver(0, plaintextLength, out);
    }

    @Override
    protected void wipeKeys() {
        Arrays.fill(nonce, (byte) 0);
        Arrays.fill(aad, (byte) 0);
    }
}
