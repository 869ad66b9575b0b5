package io.tlsbench.record;

import io.tlsbench.alert.TlsAlertException;
import io.tlsbench.provider.ProviderSet;
import io.tlsbench.suite.CipherSuite;
import io.tlsbench.suite.ProtocolVersion;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.util.Arrays;

/**
 * MAC-then-encrypt with RC4 (RFC 5246 §6.2.3.1): the key stream runs on across records, which is
 * what one Cipher driven by update() does. The data length is public, so no padding oracle exists.
 */
final class StreamRecordCipher extends RecordCipher {

    private final RecordMac mac;
    private final int macLength;
    private final byte[] computed = new byte[64];
    private final byte[] received = new byte[64];

    StreamRecordCipher(CipherSuite suite, ProtocolVersion version, boolean sealing, ProviderSet provider,
                       WorkSpace space, byte[] macKey, byte[] writeKey, long firstSequence) {
        super(suite, version, sealing, provider, space, writeKey, firstSequence);
        this.mac = RecordMac.create(version, suite.mac.hash, macKey, provider);
        this.macLength = suite.mac.length();
        initOnce(null);
    }

    @Override
    protected int fragmentLength(int n) {
        return n + macLength;
    }

    @Override
    protected void sealFragment(int type, long seq, ByteBuffer plaintext, ByteBuffer target, int n)
            throws GeneralSecurityException {
        work.clear();
        work.put(plaintext);
        appendMac(mac, seq, type, 0, n, computed);
        work.flip();
        cipher.update(work, target);
    }

    @Override
    protected void openFragment(int type, long seq, ByteBuffer fragment, ByteBuffer out)
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
    protected void wipeKeys() {
        mac.wipe();
        Arrays.fill(computed, (byte) 0);
        Arrays.fill(received, (byte) 0);
    }
}
