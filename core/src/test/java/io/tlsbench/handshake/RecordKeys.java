package io.tlsbench.handshake;

import io.tlsbench.alert.TlsAlertException;
import io.tlsbench.kdf.KeyBlockLayout;
import io.tlsbench.kdf.KeySchedule;
import io.tlsbench.kdf.SessionKeys;
import io.tlsbench.provider.ProviderSet;
import io.tlsbench.record.RecordOpener;
import io.tlsbench.record.RecordSealer;
import io.tlsbench.record.RecordSpec;
import io.tlsbench.suite.CipherSuite;
import io.tlsbench.suite.ConnectionEnd;
import io.tlsbench.suite.ProtocolVersion;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.function.Function;

/**
 * A connection's real record keys, rebuilt by the test from the NSS key log (master secret) and
 * the two randoms, so that hostile handshake messages can be sealed (or a peer's records opened)
 * after ChangeCipherSpec exactly as the genuine peer would.
 */
final class RecordKeys {
    private final ProviderSet provider;
    private final CipherSuite suite;
    private final ProtocolVersion version;
    private final byte[] master;
    private final byte[] clientRandom;
    private final byte[] serverRandom;

    RecordKeys(ProviderSet provider, CipherSuite suite, ProtocolVersion version, byte[] master, byte[] clientRandom,
               byte[] serverRandom) {
        this.provider = provider;
        this.suite = suite;
        this.version = version;
        this.master = master.clone();
        this.clientRandom = clientRandom.clone();
        this.serverRandom = serverRandom.clone();
    }

    /** A half for the records the writer sends, starting at sequence number seq (the key block is wiped after). */
    private <T> T half(ConnectionEnd writer, long seq, Function<RecordSpec, T> create) {
        SessionKeys keys = new SessionKeys(KeyBlockLayout.of(suite, version));
        try {
            new KeySchedule(provider).keyBlock(version, suite, master, clientRandom, serverRandom, keys);
            return create.apply(RecordSpec.of(provider).suite(suite, version).keys(keys, writer).firstSequence(seq));
        } finally {
            keys.wipe();
        }
    }

    /** Seals one record of the given type as writer's record number seq. */
    byte[] seal(ConnectionEnd writer, long seq, int type, byte[] plaintext) throws TlsAlertException {
        RecordSealer c = half(writer, seq, spec -> RecordSealer.create(spec.random(new SecureRandom())));
        try {
            ByteBuffer out = ByteBuffer.allocate(c.sealedLength(plaintext.length));
            c.seal(type, ByteBuffer.wrap(plaintext), out);
            return out.array();
        } finally {
            c.close();
        }
    }

    /** Opens writer's record number seq (header included); returns the plaintext. */
    byte[] open(ConnectionEnd writer, long seq, byte[] record) throws TlsAlertException {
        RecordOpener c = half(writer, seq, RecordOpener::create);
        try {
            ByteBuffer out = ByteBuffer.allocate(1 << 15);
            c.open(ByteBuffer.wrap(record), out);
            return Arrays.copyOf(out.array(), out.position());
        } finally {
            c.close();
        }
    }
}
