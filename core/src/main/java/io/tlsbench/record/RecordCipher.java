package io.tlsbench.record;

import io.tlsbench.alert.AlertDescription;
import io.tlsbench.alert.TlsAlertException;
import io.tlsbench.buffer.BufferPool;
import io.tlsbench.buffer.PooledBuffer;
import io.tlsbench.kdf.RawSecretKey;
import io.tlsbench.kdf.SessionKeys;
import io.tlsbench.provider.ProviderSet;
import io.tlsbench.suite.CipherSuite;
import io.tlsbench.suite.ConnectionEnd;
import io.tlsbench.suite.ProtocolVersion;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Cipher;

/**
 * Record protection for one direction of one connection: seals records with the writer's keys,
 * or opens the peer's. The JCA Cipher and the MAC are created and keyed once, never per record.
 *
 * <p>Buffers: seal and open accept heap and direct ByteBuffers. The work space is heap or direct
 * per provider ({@link WorkSpace}): on a heap work space a caller's direct buffer is copied once
 * into heap staging, because the providers' ByteBuffer paths would copy it through fresh
 * temporary arrays on every call; on a direct one (ACCP) the caller's buffers go to the
 * ByteBuffer API as they are.
 * Not thread-safe.
 */
public abstract class RecordCipher {

    protected final CipherSuite suite;
    protected final ProtocolVersion version;
    protected final int wireVersion;
    protected final boolean sealing;
    protected final Cipher cipher;
    protected final RawSecretKey key;
    /** Heap work space: process arrays (copy the caller's direct buffers into heap staging). */
    protected final boolean preferHeap;
    /**
     * Assembly and decryption space for one record. On the heap it starts small and grows as
     * records need it, at least doubling, at most to a whole record (handshake records are small;
     * a connection that never carries bulk data never pays for 2^14-byte buffers); in steady
     * state it no longer grows.
     */
    protected ByteBuffer work;
    /** JNI providers: the work space is a pooled direct buffer, zeroed when given back on close. */
    private final PooledBuffer pooledWork;
    /** Heap staging for direct caller buffers on the Java-provider path; null otherwise. */
    private ByteBuffer stage;
    private final SequenceNumber sequence;
    private static final int INITIAL_SPACE = 256;
    /** Slack beyond a record for explicit IVs, MACs and padding. */
    private static final int SLACK = 128;
    private boolean closed;

    protected RecordCipher(CipherSuite suite, ProtocolVersion version, boolean sealing, ProviderSet provider,
                           WorkSpace space, byte[] writeKey, long firstSequence) {
        this.suite = suite;
        this.version = version;
        this.wireVersion = version.wire();
        this.sealing = sealing;
        this.cipher = provider.cipher(suite.cipher.transformation);
        this.key = new RawSecretKey(writeKey, suite.cipher.keyAlgorithm);
        this.preferHeap = space == WorkSpace.HEAP;
        this.pooledWork = preferHeap ? null : BufferPool.shared().acquire(RecordHeader.MAX_RECORD + SLACK);
        this.work = preferHeap ? ByteBuffer.allocate(INITIAL_SPACE) : pooledWork.buffer();
        this.sequence = new SequenceNumber(firstSequence);
    }

    /**
     * Record protection for a suite and version with keys from the key block. {@code writer} is
     * the side whose write keys protect the records: a client seals with CLIENT and opens with
     * SERVER. A suite whose primitives the provider lacks is an error naming both.
     */
    public static RecordCipher create(CipherSuite suite, ProtocolVersion version, SessionKeys keys,
                                      ConnectionEnd writer, boolean sealing, ProviderSet provider,
                                      SecureRandom random) {
        return create(suite, version, keys, writer, sealing, provider, random, 0);
    }

    /** As above, starting at a given sequence number (tests of the 2^64 limit). */
    public static RecordCipher create(CipherSuite suite, ProtocolVersion version, SessionKeys keys,
                                      ConnectionEnd writer, boolean sealing, ProviderSet provider,
                                      SecureRandom random, long firstSequence) {
        if (provider == null) {
            throw new IllegalArgumentException("provider is required");
        }
        return create(suite, version, keys, writer, sealing, provider, WorkSpace.preferredFor(provider.id()),
                random, firstSequence);
    }

    /** As above, with the work space chosen by the caller (benchmarks compare the two). */
    public static RecordCipher create(CipherSuite suite, ProtocolVersion version, SessionKeys keys,
                                      ConnectionEnd writer, boolean sealing, ProviderSet provider, WorkSpace space,
                                      SecureRandom random, long firstSequence) {
        return create(suite, version, keys, writer, sealing, provider, space, random, firstSequence,
                CbcMacCheck.fromSystemProperty());
    }

    /** As above, with CBC open's MAC check chosen by the caller (see {@link CbcMacCheck}). */
    public static RecordCipher create(CipherSuite suite, ProtocolVersion version, SessionKeys keys,
                                      ConnectionEnd writer, boolean sealing, ProviderSet provider, WorkSpace space,
                                      SecureRandom random, long firstSequence, CbcMacCheck macCheck) {
        if (suite == null || version == null || keys == null || writer == null || provider == null || space == null) {
            throw new IllegalArgumentException("suite, version, keys, writer, provider and work space are required");
        }
        suite.checkVersion(version);
        if (!keys.layout().matches(suite, version)) {
            throw new IllegalArgumentException("session keys are for " + keys.layout() + ", not " + suite + " in " + version);
        }
        boolean client = writer == ConnectionEnd.CLIENT;
        byte[] macKey = client ? keys.clientMacKey : keys.serverMacKey;
        byte[] writeKey = client ? keys.clientWriteKey : keys.serverWriteKey;
        byte[] iv = client ? keys.clientIv : keys.serverIv;
        switch (suite.cipher.kind) {
            case BLOCK:
                return new CbcRecordCipher(suite, version, sealing, provider, space, macKey, writeKey, iv,
                        random == null ? new SecureRandom() : random, firstSequence, macCheck);
            case STREAM:
                return new StreamRecordCipher(suite, version, sealing, provider, space, macKey, writeKey, firstSequence);
            case AEAD:
                return new AeadRecordCipher(suite, version, sealing, provider, space, writeKey, iv, firstSequence);
            default:
                throw new AssertionError(suite.cipher.kind);
        }
    }

    public CipherSuite suite() {
        return suite;
    }

    public ProtocolVersion version() {
        return version;
    }

    /** The JCA provider doing the bulk encryption. */
    public String providerName() {
        return cipher.getProvider().getName();
    }

    /** Bytes a sealed record of this many plaintext bytes takes on the wire, header included. */
    public int sealedLength(int plaintextLength) {
        return RecordHeader.LENGTH + fragmentLength(plaintextLength);
    }

    protected abstract int fragmentLength(int plaintextLength);

    /**
     * Seals plaintext (position to limit, at most 2^14 bytes) into one record written at out's
     * position; both buffers advance. Returns the record's length.
     */
    public final int seal(int type, ByteBuffer plaintext, ByteBuffer out) throws TlsAlertException {
        if (!sealing) {
            throw new TlsAlertException(AlertDescription.INTERNAL_ERROR, "this record cipher opens, it does not seal");
        }
        checkOpen();
        if (plaintext == null || out == null) {
            throw new TlsAlertException(AlertDescription.INTERNAL_ERROR, "plaintext and output buffers are required");
        }
        if (!ContentType.known(type)) {
            throw new TlsAlertException(AlertDescription.INTERNAL_ERROR, "unknown content type " + type);
        }
        int n = plaintext.remaining();
        if (n > RecordHeader.MAX_PLAINTEXT) {
            throw new TlsAlertException(AlertDescription.RECORD_OVERFLOW, "plaintext of " + n + " bytes exceeds 2^14");
        }
        int fragment = fragmentLength(n);
        if (out.remaining() < RecordHeader.LENGTH + fragment) {
            throw new TlsAlertException(AlertDescription.INTERNAL_ERROR, "output buffer has " + out.remaining()
                    + " bytes; the record needs " + (RecordHeader.LENGTH + fragment));
        }
        try {
            long seq = sequence.take();
            reserve(RecordHeader.LENGTH + fragment + SLACK);
            int start = out.position();
            out.position(start + RecordHeader.LENGTH);
            if (preferHeap && out.isDirect()) {
                stage = grown(stage, RecordHeader.LENGTH + fragment + SLACK);
                stage.clear();
                sealFragment(type, seq, plaintext, stage, n);
                stage.flip();
                out.put(stage);
            } else {
                sealFragment(type, seq, plaintext, out, n);
            }
            // The header goes in last: out may share memory with the plaintext (sealing in place).
            RecordHeader.write(out, start, type, wireVersion, fragment);
            if (out.position() != start + RecordHeader.LENGTH + fragment) {
                throw new IllegalStateException("sealed " + (out.position() - start - RecordHeader.LENGTH)
                        + " bytes, expected " + fragment);
            }
            return RecordHeader.LENGTH + fragment;
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new TlsAlertException(AlertDescription.INTERNAL_ERROR, "sealing failed in "
                    + providerName() + ": " + e, e);
        }
    }

    /**
     * Opens the one record at record's position (header included) and writes its plaintext at
     * out's position; record advances past it. Returns the content type. Any failure of the
     * protection itself is bad_record_mac, however it failed.
     */
    public final int open(ByteBuffer record, ByteBuffer out) throws TlsAlertException {
        if (sealing) {
            throw new TlsAlertException(AlertDescription.INTERNAL_ERROR, "this record cipher seals, it does not open");
        }
        checkOpen();
        if (record == null || out == null) {
            throw new TlsAlertException(AlertDescription.INTERNAL_ERROR, "record and output buffers are required");
        }
        int length = RecordHeader.check(record, wireVersion);
        int start = record.position();
        int type = RecordHeader.type(record, start);
        int limit = record.limit();
        int end = start + RecordHeader.LENGTH + length;
        try {
            long seq = sequence.take();
            reserve(length + SLACK);
            record.limit(end).position(start + RecordHeader.LENGTH);
            ByteBuffer fragment = record;
            if (preferHeap && record.isDirect()) {
                stage = grown(stage, length + SLACK);
                stage.clear();
                stage.put(record);
                stage.flip();
                fragment = stage;
            }
            openFragment(type, seq, fragment, out);
            return type;
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new TlsAlertException(AlertDescription.INTERNAL_ERROR, "opening failed in "
                    + providerName() + ": " + e, e);
        } finally {
            record.limit(limit).position(end);
        }
    }

    /** Grows the heap work space to hold n bytes (a direct one is always a whole record). */
    private void reserve(int n) {
        work = grown(work, n);
    }

    /**
     * A heap buffer of at least n bytes: b itself, or a new one (b zeroed) at least twice b's
     * size, at most a whole record. Small first: a connection's handshake records are tens of
     * bytes, and four record ciphers allocating and wiping 2^14-byte buffers for them were most
     * of a resumed handshake's allocation.
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

    /** Writes the protected fragment of n plaintext bytes at target's position; consumes plaintext. */
    protected abstract void sealFragment(int type, long seq, ByteBuffer plaintext, ByteBuffer target, int n)
            throws GeneralSecurityException, TlsAlertException;

    /** Verifies and decrypts the fragment (position to limit) and writes the plaintext to out. */
    protected abstract void openFragment(int type, long seq, ByteBuffer fragment, ByteBuffer out)
            throws GeneralSecurityException, TlsAlertException;

    /** Initialises the Cipher once for the connection; a provider refusing the key is an error naming it. */
    protected final void initOnce(java.security.spec.AlgorithmParameterSpec params) {
        try {
            cipher.init(sealing ? javax.crypto.Cipher.ENCRYPT_MODE : javax.crypto.Cipher.DECRYPT_MODE, key, params);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(suite.cipher + " from " + providerName()
                    + " rejected the record key: " + e.getMessage(), e);
        }
    }

    /** MACs work[dataAt, dataAt + n) and writes the MAC right after it; leaves work positioned there. */
    protected final void appendMac(RecordMac mac, long seq, int type, int dataAt, int n, byte[] scratch) {
        work.limit(dataAt + n).position(dataAt);
        mac.compute(seq, type, wireVersion, work, scratch, 0);
        work.limit(work.capacity()).position(dataAt + n);
        work.put(scratch, 0, mac.length());
    }

    /** Copies work[from, from + n) to out, which must have room. */
    protected final void deliver(int from, int n, ByteBuffer out) throws TlsAlertException {
        if (n > RecordHeader.MAX_PLAINTEXT) {
            throw new TlsAlertException(AlertDescription.RECORD_OVERFLOW, "plaintext of " + n + " bytes exceeds 2^14");
        }
        if (out.remaining() < n) {
            throw new TlsAlertException(AlertDescription.INTERNAL_ERROR, "output buffer has " + out.remaining()
                    + " bytes; the plaintext is " + n);
        }
        work.limit(from + n).position(from);
        out.put(work);
    }

    protected static TlsAlertException badRecordMac() {
        return new TlsAlertException(AlertDescription.BAD_RECORD_MAC, "record failed authentication");
    }

    private void checkOpen() throws TlsAlertException {
        if (closed) {
            throw new TlsAlertException(AlertDescription.INTERNAL_ERROR, "record cipher is closed");
        }
    }

    /** Wipes keys and work space; the cipher cannot be used afterwards. */
    public void close() {
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

    protected abstract void wipeKeys();

    /** Zeroes a heap buffer's whole capacity. */
    private static void zero(ByteBuffer b) {
        Arrays.fill(b.array(), b.arrayOffset(), b.arrayOffset() + b.capacity(), (byte) 0);
        b.clear();
    }
}
