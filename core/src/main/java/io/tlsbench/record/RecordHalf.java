package io.tlsbench.record;

import io.tlsbench.alert.AlertDescription;
import io.tlsbench.alert.TlsAlertException;
import io.tlsbench.buffer.PooledBuffer;
import io.tlsbench.kdf.RawSecretKey;
import io.tlsbench.suite.CipherSuite;
import io.tlsbench.suite.ProtocolVersion;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.spec.AlgorithmParameterSpec;
import java.util.Arrays;
import javax.crypto.Cipher;

/**
 * What the two halves of record protection share: one direction's keys, its JCA Cipher (created
 * and keyed once, never per record), its sequence number, and the space records are assembled
 * or decrypted in.
 *
 * <p>Buffers: seal and open accept heap and direct ByteBuffers. The work space is heap or direct
 * per provider ({@link WorkSpace}): on a heap work space a caller's direct buffer is copied once
 * into heap staging, because the providers' ByteBuffer paths would copy it through fresh
 * temporary arrays on every call; on a direct one (ACCP) the caller's buffers go to the
 * ByteBuffer API as they are.
 * Not thread-safe.
 */
abstract sealed class RecordHalf permits RecordSealer, RecordOpener {

    /** Slack beyond a record for explicit IVs, MACs and padding. */
    static final int SLACK = 128;
    private static final int INITIAL_SPACE = 256;

    final CipherSuite suite;
    final ProtocolVersion version;
    final int wireVersion;
    final Cipher cipher;
    final RawSecretKey key;
    /** Cipher.ENCRYPT_MODE for the sealing half, DECRYPT_MODE for the opening one. */
    private final int cipherMode;
    /** Heap work space: process arrays (copy the caller's direct buffers into heap staging). */
    final boolean preferHeap;
    /**
     * Assembly and decryption space for one record. On the heap it starts small and grows as
     * records need it, at least doubling, at most to a whole record (handshake records are small;
     * a connection that never carries bulk data never pays for 2^14-byte buffers); in steady
     * state it no longer grows.
     */
    ByteBuffer work;
    /** JNI providers: the work space is a pooled direct buffer, zeroed when given back on close. */
    private final PooledBuffer pooledWork;
    /** Heap staging for direct caller buffers on the Java-provider path; null otherwise. */
    private ByteBuffer stage;
    final SequenceNumber sequence;
    private boolean closed;

    RecordHalf(RecordSpec spec, int cipherMode) {
        this.suite = spec.suite;
        this.version = spec.version;
        this.wireVersion = version.wire();
        this.cipherMode = cipherMode;
        this.cipher = spec.provider.cipher(suite.cipher.transformation);
        this.key = new RawSecretKey(spec.writeKey(), suite.cipher.keyAlgorithm);
        this.preferHeap = spec.workSpace == WorkSpace.HEAP;
        this.pooledWork = preferHeap ? null : spec.pool().acquire(RecordHeader.MAX_RECORD + SLACK);
        this.work = preferHeap ? ByteBuffer.allocate(INITIAL_SPACE) : pooledWork.buffer();
        this.sequence = new SequenceNumber(spec.firstSequence);
    }

    public final CipherSuite suite() {
        return suite;
    }

    public final ProtocolVersion version() {
        return version;
    }

    /** The JCA provider doing the bulk encryption. */
    public final String providerName() {
        return cipher.getProvider().getName();
    }

    /** Initialises the Cipher once for the connection; a provider refusing the key is an error naming it. */
    final void initOnce(AlgorithmParameterSpec params) {
        try {
            cipher.init(cipherMode, key, params);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(suite.cipher + " from " + providerName()
                    + " rejected the record key: " + e.getMessage(), e);
        }
    }

    /** Initialises the Cipher for one record (GCM: a new nonce each time). */
    final void initFor(AlgorithmParameterSpec params) throws GeneralSecurityException {
        cipher.init(cipherMode, key, params);
    }

    /** Grows the heap work space to hold n bytes (a direct one is always a whole record). */
    final void reserve(int n) {
        work = grown(work, n);
    }

    /** Cleared heap staging of at least n bytes, for a caller's direct buffer on a heap work space. */
    final ByteBuffer staging(int n) {
        stage = grown(stage, n);
        stage.clear();
        return stage;
    }

    /**
     * A heap buffer of at least n bytes: b itself, or a new one (b zeroed) at least twice b's
     * size, at most a whole record. Small first: a connection's handshake records are tens of
     * bytes, and four halves allocating and wiping 2^14-byte buffers for them were most of a
     * resumed handshake's allocation.
     */
    private static ByteBuffer grown(ByteBuffer b, int n) {
        if (b != null && b.capacity() >= n) {
            return b;
        }
        int capacity = Math.max(n, INITIAL_SPACE);
        if (b != null) {
            capacity = Math.max(capacity, Math.min(2 * b.capacity(), RecordHeader.MAX_RECORD + SLACK));
            zero(b);
        }
        return ByteBuffer.allocate(capacity);
    }

    final void checkOpen() throws TlsAlertException {
        if (closed) {
            throw new TlsAlertException(AlertDescription.INTERNAL_ERROR, "record protection is closed");
        }
    }

    /** Any exception of the provider or of a buffer while protecting: the connection's fault, not the peer's. */
    final TlsAlertException internalError(String doing, Exception e) {
        return new TlsAlertException(AlertDescription.INTERNAL_ERROR, doing + " failed in " + providerName() + ": " + e, e);
    }

    /** Wipes keys and work space; the half cannot be used afterwards. */
    public final void close() {
        if (closed) {
            return;
        }
        closed = true;
        key.destroy();
        wipeKeys();
        if (pooledWork != null) {
            pooledWork.release(); // the pool zeroes it
        } else {
            zero(work);
        }
        if (stage != null) {
            zero(stage);
        }
    }

    /** Zeroes what the protection kind keeps beside the Cipher key (MAC keys, nonces, scratch). */
    abstract void wipeKeys();

    /** Zeroes a heap buffer's whole capacity. */
    static void zero(ByteBuffer b) {
        Arrays.fill(b.array(), b.arrayOffset(), b.arrayOffset() + b.capacity(), (byte) 0);
        b.clear();
    }
}
