package io.tlsbench.record;

import io.tlsbench.alert.TlsAlertException;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.util.Arrays;

/**
 * RC4 opening (RFC 5246 §6.2.3.1): decrypt with the running key stream, then compare the MAC.
 * The data length is public, so no padding oracle exists.
 */
final class StreamOpener extends RecordOpener {

    private final RecordMac mac;
    private final int macLength;
    private final byte[] computed = new byte[64];
    private final byte[] received = new byte[64];

    StreamOpener(RecordSpec spec) {
        super(spec);
        this.mac = RecordMac.create(version, suite.mac.hash, spec.macKey(), spec.provider);
        this.macLength = suite.mac.length();
        initOnce(null);
    }

    @Override
    void openFragment(int type, long seq, ByteBuffer fragment, ByteBuffer out)
            throws GeneralSecurityException, TlsAlertException {
        int length = fragment.remaining();
        if (length < macLength) {
            throw badRecordMac();
        }
        work.clear();
        cipher.update(fragment, work);
        int dataLength = length - macLength;
        work.get(dataLength, received, 0, macLength);
        work.limit(dataLength).position(0);
        mac.compute(seq, type, wireVersion, work, computed, 0);
        if (!ConstantTime.equalBytes(received, computed, macLength)) {
            throw badRecordMac();
        }
        deliver(0, dataLength, out);
    }

    @Override
    void wipeKeys() {
        mac.wipe();
        Arrays.fill(computed, (byte) 0);
        Arrays.fill(received, (byte) 0);
    }
}
