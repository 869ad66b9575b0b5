package io.tlsbench.record;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;

/**
 * RC4 sealing: MAC-then-encrypt (RFC 5246 §6.2.3.1). The key stream runs on across records,
 * which is what one Cipher driven by update() does.
 */
final class StreamSealer extends RecordSealer {

    private final RecordMac mac;
    private final int macLength;

    StreamSealer(RecordSpec spec) {
        super(spec);
        this.mac = RecordMac.create(version, suite.mac.hash, spec.macKey(), spec.provider);
        this.macLength = suite.mac.length();
        initOnce(null);
    }

    @Override
    int fragmentLength(int n) {
        return n + macLength;
    }

    @Override
    void sealFragment(int type, long seq, ByteBuffer plaintext, ByteBuffer target, int n)
            throws GeneralSecurityException {
        work.clear();
        work.put(plaintext);
        mac.append(seq, type, wireVersion, work, 0, n);
        work.flip();
        cipher.update(work, target);
    }

    @Override
    void wipeKeys() {
        mac.wipe();
    }
}
