package io.tlsbench.bench;

import io.tlsbench.alert.TlsAlertException;
import io.tlsbench.bench.axis.BufferKind;
import io.tlsbench.kdf.KeyBlockLayout;
import io.tlsbench.kdf.KeySchedule;
import io.tlsbench.kdf.SessionKeys;
import io.tlsbench.provider.ProviderId;
import io.tlsbench.provider.ProviderSet;
import io.tlsbench.provider.SuiteSupport;
import io.tlsbench.provider.Providers;
import io.tlsbench.record.CbcMacCheck;
import io.tlsbench.record.ContentType;
import io.tlsbench.record.RecordOpener;
import io.tlsbench.record.RecordSealer;
import io.tlsbench.record.RecordSpec;
import io.tlsbench.record.WorkSpace;
import io.tlsbench.suite.CipherSuite;
import io.tlsbench.suite.ConnectionEnd;
import io.tlsbench.suite.ProtocolVersion;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.Random;

/**
 * Record protection of one suite, version, provider, record size and buffer kind, through
 * tlsbench's core {@link RecordSealer} and {@link RecordOpener}: seal one record, or open one
 * record. Plain code with no JMH dependency (the Conscrypt benchmark-base idea); the JMH wrapper,
 * the smoke test and the correctness test drive the same object.
 *
 * <p><b>Seal</b> seals {@code size} plaintext bytes into one record in a reused output buffer;
 * only positions are reset between calls. The sealer's sequence number, CBC chain and RC4 key
 * stream run on from call to call, as on a real connection.
 *
 * <p><b>Open</b> must open a valid record on every call, but a record opens only once: sequence
 * numbers advance, and TLS 1.0 CBC (chained IV) and RC4 (running key stream) carry state from
 * one record to the next. So setup seals a <em>ring</em> of records once (with a separate
 * sealer, from sequence 0), and each open() consumes the next record of the ring. When the ring
 * is used up, the opener is replaced by a fresh one with the same keys at sequence 0 and the
 * ring replays from its start: the records are the same bytes, and a fresh opener is exactly in
 * the state that opens them. Each call is one open; every {@link #ringRecords()} calls one of
 * them also pays for closing and creating a RecordOpener (Cipher.getInstance, init, MAC keying,
 * work space), a cost amortised over the ring: the ring holds at least {@link #MIN_RING}
 * records and about {@link #RING_BYTES} bytes (a bigger ring would cost more setup: it is
 * sealed in a cold JVM). The ring is sized so that one rewind, spread over the ring's opens,
 * stays a small fraction of an open's time at every size: small records get many opens per
 * rewind, large records fewer but each open costs more. The rewind's allocation (the work
 * space, which grows to the record's size, and the JCA objects) shows in the GC profiler's B/op
 * of open, divided by ringRecords, largest for the largest records. Per-record allocation proper
 * is what core's RecordAllocationTest asserts; seal's B/op is free of it.
 *
 * <p><b>Buffers</b>: {@code heap} means heap caller buffers and the heap work space (the core's
 * default for every provider); {@code direct} means direct caller buffers and the
 * {@link WorkSpace#DIRECT} pooled work space, the path a JNI provider can take natively. The
 * default configuration with direct caller buffers (heap work space plus one staging copy) is
 * not a separate axis.
 *
 * <p><b>CBC MAC check</b>: openers check CBC MACs as the system property {@value #MAC_CHECK_PROPERTY}
 * says ({@code provider}, the default, or {@code constant-time}); the run's constant-time rerun
 * sets it on the JMH fork's command line.
 *
 * <p>Throughput is in records per second; bytes per second is that times {@code size}.
 */
public final class RecordWorkload implements AutoCloseable {

    /** The system property naming the CBC MAC check of this JVM's openers (see {@link CbcMacCheck#parse}). */
    public static final String MAC_CHECK_PROPERTY = "tlsbench.cbcMacCheck";

    /**
     * The JVM argument a JMH fork takes to make this workload's openers check CBC MACs with
     * tlsbench's constant-time HMAC: the planner's constant-time rerun passes it, and the report
     * recognises that rerun by it in jmh.json's jvmArgs.
     */
    public static final String CONSTANT_TIME_MAC_ARG = macCheckArgument(CbcMacCheck.CONSTANT_TIME);

    /** The ring of pre-sealed records holds about this many bytes... */
    public static final int RING_BYTES = 1 << 20;
    /** ...and at least this many records. */
    public static final int MIN_RING = 128;

    private final ProviderSet provider;
    private final CipherSuite suite;
    private final ProtocolVersion version;
    private final int size;
    private final boolean direct;
    private final WorkSpace space;
    private final SessionKeys keys;
    private final byte[] plain;

    private final CbcMacCheck macCheck;
    private final RecordSealer sealer;
    private final ByteBuffer plaintext;
    private final ByteBuffer sealed;

    private final ByteBuffer ring;
    private final int ringRecords;
    private final ByteBuffer opened;
    private RecordOpener opener;
    private long rewinds;
    /** One generator for every cipher this workload makes (openers never draw from it). */
    private final SecureRandom random = new SecureRandom();

    public RecordWorkload(ProviderId providerId, CipherSuite suite, ProtocolVersion version, int size, BufferKind buffer,
                          long seed) {
        String why = SuiteSupport.of(providerId).records(suite, version);
        if (why != null) {
            throw new IllegalArgumentException(why);
        }
        if (size < 0 || size > 16384) {
            throw new IllegalArgumentException("record size " + size + " is outside 0..16384");
        }
        this.provider = Providers.require(providerId);
        this.suite = suite;
        this.version = version;
        this.size = size;
        this.direct = buffer.direct();
        this.space = direct ? WorkSpace.DIRECT : WorkSpace.HEAP;
        this.keys = keys(suite, version, seed);
        this.macCheck = CbcMacCheck.parse(System.getProperty(MAC_CHECK_PROPERTY, "provider"));
        Random r = new Random(seed * 31 + size);
        plain = new byte[size];
        r.nextBytes(plain);

        sealer = newSealer();
        plaintext = allocate(size);
        plaintext.put(plain).flip();
        sealed = allocate(sealer.sealedLength(size));

        int recordLength = sealer.sealedLength(size);
        ringRecords = Math.max(MIN_RING, RING_BYTES / recordLength);
        ring = allocate(ringRecords * recordLength);
        RecordSealer ringSealer = newSealer();
        try {
            for (int i = 0; i < ringRecords; i++) {
                ByteBuffer in = plaintext.duplicate();
                ringSealer.seal(ContentType.APPLICATION_DATA, in, ring);
            }
        } catch (TlsAlertException e) {
            throw new IllegalStateException("sealing the ring failed: " + e.getMessage(), e);
        } finally {
            ringSealer.close();
        }
        ring.flip();
        opened = allocate(size);
        opener = newOpener();
        try {
            verify();
        } catch (TlsAlertException e) {
            throw new IllegalStateException(suite + " " + version + " over " + providerId + ": " + e.getMessage(), e);
        }
        rewinds = 0;
    }

    /**
     * Fails in setup rather than in the measurement: the sealer's first records open, with an
     * opener of their own, to the plaintext; every record of the ring opens, through open(), to
     * the plaintext. Leaves the ring rewound.
     */
    private void verify() throws TlsAlertException {
        RecordOpener check = newOpener();
        try {
            ByteBuffer out = allocate(size);
            for (int i = 0; i < 3; i++) {
                seal();
                ByteBuffer record = sealed.duplicate();
                record.flip();
                out.clear();
                check.open(record, out);
                out.flip();
                if (!ByteBuffer.wrap(plain).equals(out)) {
                    throw new IllegalStateException("sealed record " + i + " does not open to its plaintext");
                }
            }
        } finally {
            check.close();
        }
        for (int i = 0; i < ringRecords; i++) {
            open();
            ByteBuffer got = opened.duplicate();
            got.flip();
            if (!ByteBuffer.wrap(plain).equals(got)) {
                throw new IllegalStateException("ring record " + i + " does not open to its plaintext");
            }
        }
        rewind();
    }

    /** A key block from fixed inputs (the values do not matter to the cost; they only have to be keys). */
    public static SessionKeys keys(CipherSuite suite, ProtocolVersion version, long seed) {
        Random r = new Random(seed);
        byte[] master = new byte[48];
        byte[] clientRandom = new byte[32];
        byte[] serverRandom = new byte[32];
        r.nextBytes(master);
        r.nextBytes(clientRandom);
        r.nextBytes(serverRandom);
        SessionKeys k = new SessionKeys(KeyBlockLayout.of(suite, version));
        new KeySchedule(Providers.require(ProviderId.SUNJCE)).keyBlock(version, suite, master, clientRandom, serverRandom, k);
        return k;
    }

    /** The client's records: this workload's suite, version, keys, provider and work space. */
    private RecordSpec spec() {
        return RecordSpec.of(provider).suite(suite, version).keys(keys, ConnectionEnd.CLIENT).workSpace(space);
    }

    /** Seals with the client's write keys. */
    RecordSealer newSealer() {
        return RecordSealer.create(spec().random(random));
    }

    /** Opens what the client sealed, checking CBC MACs as {@link #macCheck()} says. */
    RecordOpener newOpener() {
        return RecordOpener.create(spec().macCheck(macCheck));
    }

    /** The JVM argument that sets {@value #MAC_CHECK_PROPERTY} to the mode, as {@link CbcMacCheck#parse} reads it back. */
    public static String macCheckArgument(CbcMacCheck mode) {
        return "-D" + MAC_CHECK_PROPERTY + "=" + mode.label();
    }

    /** How this workload's openers check CBC MACs (from {@value #MAC_CHECK_PROPERTY}). */
    public CbcMacCheck macCheck() {
        return macCheck;
    }

    private ByteBuffer allocate(int n) {
        return direct ? ByteBuffer.allocateDirect(n) : ByteBuffer.allocate(n);
    }

    /** Seals {@code size} bytes into one record; returns the record's length. */
    public int seal() throws TlsAlertException {
        plaintext.clear();
        sealed.clear();
        return sealer.seal(ContentType.APPLICATION_DATA, plaintext, sealed);
    }

    /** Opens the next record of the ring (rewinding it with a fresh opener when used up); returns the content type. */
    public int open() throws TlsAlertException {
        if (!ring.hasRemaining()) {
            rewind();
        }
        opened.clear();
        return opener.open(ring, opened);
    }

    /** A fresh opener at sequence 0 and the ring from its first record. */
    void rewind() {
        opener.close();
        opener = newOpener();
        ring.position(0);
        rewinds++;
    }

    /** The last record seal() produced (a read-only view, position 0). */
    public ByteBuffer lastSealed() {
        ByteBuffer b = sealed.duplicate();
        b.flip();
        return b.asReadOnlyBuffer();
    }

    /** The plaintext of the last record open() opened. */
    public byte[] lastOpened() {
        return written(opened);
    }

    /** A copy of what was written into b (from 0 to its position); b itself is left as it is. */
    static byte[] written(ByteBuffer b) {
        ByteBuffer view = b.duplicate();
        view.flip();
        byte[] out = new byte[view.remaining()];
        view.get(out);
        return out;
    }

    /** What every record carries. */
    public byte[] plaintext() {
        return plain.clone();
    }

    public int ringRecords() {
        return ringRecords;
    }

    public long rewinds() {
        return rewinds;
    }

    public int size() {
        return size;
    }

    public CipherSuite suite() {
        return suite;
    }

    public ProtocolVersion version() {
        return version;
    }

    @Override
    public void close() {
        sealer.close();
        opener.close();
    }
}
