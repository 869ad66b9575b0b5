package io.tlsbench.record;

import io.tlsbench.alert.AlertDescription;
import io.tlsbench.alert.TlsAlertException;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import javax.crypto.AEADBadTagException;

/** AES-GCM opening (RFC 5288): the nonce's explicit part comes from the record; a bad tag is bad_record_mac. */
final class GcmOpener extends RecordOpener {

    private final GcmNonce gcm;

    GcmOpener(RecordSpec spec) {
        super(spec);
        this.gcm = new GcmNonce(spec.iv());
    }

    @Override
    void openFragment(int type, long seq, ByteBuffer fragment, ByteBuffer out)
            throws GeneralSecurityException, TlsAlertException {
        int length = fragment.remaining();
        if (length < GcmNonce.EXPLICIT + GcmNonce.TAG) {
            throw badRecordMac();
        }
        int plaintextLength = length - GcmNonce.EXPLICIT - GcmNonce.TAG;
        if (plaintextLength > RecordHeader.MAX_PLAINTEXT) {
            throw new TlsAlertException(AlertDescription.RECORD_OVERFLOW,
                    "GCM record of " + plaintextLength + " plaintext bytes exceeds 2^14");
        }
        fragment.get(gcm.nonce, 4, GcmNonce.EXPLICIT);
        gcm.start(this, seq, type, plaintextLength);
        work.clear();
        try {
            cipher.doFinal(fragment, work);
        } catch (AEADBadTagException e) {
            throw badRecordMac();
        }
        deliver(0, plaintextLength, out);
    }

    @Override
    void wipeKeys() {
        gcm.wipe();
    }
}
