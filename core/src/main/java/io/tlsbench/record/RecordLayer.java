package io.tlsbench.record;

import io.tlsbench.alert.AlertDescription;
import io.tlsbench.alert.TlsAlertException;
import io.tlsbench.buffer.BufferPool;
import io.tlsbench.buffer.PooledBuffer;
import io.tlsbench.buffer.SizeClasses;
import io.tlsbench.kdf.SessionKeys;
import io.tlsbench.suite.CipherSuite;
import io.tlsbench.suite.ConnectionEnd;
import io.tlsbench.suite.ProtocolVersion;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One connection's record layer (RFC 5246 §6): frames bytes from the network into records, checks
 * their headers, opens them with the current read state and hands each record's plaintext to the
 * protocols above ({@link Upper}); seals what they send with the current write state. Until the
 * first ChangeCipherSpec each direction has the null protection (RFC 5246 §6.1); key installation
 * makes the pending states, and ChangeCipherSpec makes a pending state current (§7.1).
 *
 * <p>Record buffers come from the configured pool when first needed and go back (zeroed) on
 * {@link #release}: a connection allocates no record-sized arrays, and what held plaintext or keys
 * is wiped. inbound holds at most one partial record after each pass (a pooled buffer holds a
 * whole record), so it never grows; outbound and the application input move to the heap only
 * when the application leaves more than a buffer's worth unsent or unread. Not thread-safe.
 */
public final class RecordLayer {

    /** The protocols above the record layer: handshake, alert, ChangeCipherSpec, application data. */
    public interface Upper {
        /** The negotiated version, which records must then carry; null until ServerHello. */
        ProtocolVersion negotiated();

        /** Handles one record's plaintext; returns false once the connection is closed (nothing more is read). */
        boolean receive(int type, ByteBuffer plaintext) throws TlsAlertException;
    }

    private final RecordSpec protection;
    private final BufferPool pool;
    /** The version on our records before one is agreed. */
    private final ProtocolVersion helloVersion;
    private final Upper upper;

    private final ByteBuffer none = ByteBuffer.allocate(0); // per connection: flip/compact mutate it
    private PooledBuffer inboundHandle;
    private PooledBuffer plainHandle;
    private PooledBuffer appInHandle;
    private PooledBuffer outboundHandle;
    private ByteBuffer inbound = none;
    private ByteBuffer plain = none;
    private ByteBuffer appIn = none;
    private ByteBuffer outbound = none;

    /** Current read and write states; null is the null protection. */
    private RecordOpener opener;
    private RecordSealer sealer;
    private RecordOpener pendingOpener;
    private RecordSealer pendingSealer;

    /**
     * @param protection   provider, buffer pool, CBC MAC check and random for the record halves
     *                     (suite and keys are added when they are installed)
     * @param helloVersion the version our records carry until one is agreed (RFC 5246 Appendix E.1)
     */
    public RecordLayer(RecordSpec protection, ProtocolVersion helloVersion, Upper upper) {
        this.protection = protection;
        this.pool = protection.pool();
        this.helloVersion = helloVersion;
        this.upper = upper;
    }

    // ---------------------------------------------------------------- inbound

    /** Takes bytes from the network and processes every whole record, until all are taken or the connection closes. */
    public void receive(ByteBuffer netIn) throws TlsAlertException {
        if (inboundHandle == null) {
            inboundHandle = pool.acquire(RecordHeader.MAX_RECORD);
            inbound = inboundHandle.buffer();
            plainHandle = pool.acquire(RecordHeader.MAX_PLAINTEXT);
            plain = plainHandle.buffer();
        }
        boolean open = true;
        while (netIn.hasRemaining() && open) {
            int n = Math.min(inbound.remaining(), netIn.remaining());
            int limit = netIn.limit();
            netIn.limit(netIn.position() + n);
            inbound.put(netIn);
            netIn.limit(limit);
            open = processRecords();
        }
    }

    private boolean processRecords() throws TlsAlertException {
        inbound.flip();
        try {
            boolean open = true;
            while (open && inbound.remaining() >= RecordHeader.LENGTH) {
                int at = inbound.position();
                int length = checkHeader(at);
                if (inbound.remaining() < RecordHeader.LENGTH + length) {
                    break; // wait for the rest of the record
                }
                int type = RecordHeader.type(inbound, at);
                plain.clear();
                if (opener != null) {
                    opener.open(inbound, plain);
                } else {
                    inbound.position(at + RecordHeader.LENGTH);
                    int limit = inbound.limit();
                    inbound.limit(at + RecordHeader.LENGTH + length);
                    plain.put(inbound);
                    inbound.limit(limit);
                }
                plain.flip();
                open = upper.receive(type, plain);
            }
            return open;
        } finally {
            inbound.compact();
        }
    }

    /** The header of the record at inbound[at]: a known type, the agreed version (or 3.x before), a length within the limits. */
    private int checkHeader(int at) throws TlsAlertException {
        int type = RecordHeader.type(inbound, at);
        int recordVersion = RecordHeader.version(inbound, at);
        int length = RecordHeader.length(inbound, at);
        if (!ContentType.known(type)) {
            throw new TlsAlertException(AlertDescription.UNEXPECTED_MESSAGE, "unknown record type " + type);
        }
        ProtocolVersion version = upper.negotiated();
        if (version == null ? (recordVersion >>> 8) != 3 : recordVersion != version.wire()) {
            throw new TlsAlertException(AlertDescription.PROTOCOL_VERSION,
                    String.format("record version 0x%04x", recordVersion));
        }
        if (length > RecordHeader.MAX_CIPHERTEXT || (opener == null && length > RecordHeader.MAX_PLAINTEXT)) {
            throw new TlsAlertException(AlertDescription.RECORD_OVERFLOW, "record of " + length + " bytes");
        }
        return length;
    }

    /** Bytes of a partial record received and waiting for the rest. */
    public int bufferedInput() {
        return inbound.position();
    }

    // ---------------------------------------------------------------- application data in

    /** Queues an application data record's plaintext for {@link #read}. */
    public void queueApplicationData(ByteBuffer plaintext) {
        int n = plaintext.remaining();
        if (appInHandle == null && appIn == none) {
            appInHandle = pool.acquire(RecordHeader.MAX_PLAINTEXT);
            appIn = appInHandle.buffer();
        }
        if (appIn.remaining() < n) {
            appIn = grow(appIn, appIn.position() + n + RecordHeader.MAX_PLAINTEXT);
            appInHandle = releaseBuffer(appInHandle);
        }
        appIn.put(plaintext);
    }

    /** Copies received application data into app; returns how many bytes. */
    public int read(ByteBuffer app) {
        return moveQueued(appIn, app);
    }

    /** Application bytes received and not yet read. */
    public int available() {
        return appIn.position();
    }

    // ---------------------------------------------------------------- outbound

    /** Seals application data into records of at most 2^14 bytes each, with the current write state. */
    public void writeApplicationData(ByteBuffer app) throws TlsAlertException {
        int limit = app.limit();
        while (app.hasRemaining()) {
            app.limit(Math.min(limit, app.position() + RecordHeader.MAX_PLAINTEXT));
            ensureOut(sealer.sealedLength(app.remaining()));
            sealer.seal(ContentType.APPLICATION_DATA, app, outbound);
            app.limit(limit);
        }
    }

    /** Queues one record of data[off, off + len) (at most 2^14 bytes), protected by the current write state. */
    public void write(int type, byte[] data, int off, int len) throws TlsAlertException {
        if (sealer == null) {
            ensureOut(RecordHeader.LENGTH + len);
            int at = outbound.position();
            ProtocolVersion version = upper.negotiated();
            RecordHeader.write(outbound, at, type, (version != null ? version : helloVersion).wire(), len);
            outbound.position(at + RecordHeader.LENGTH);
            outbound.put(data, off, len);
        } else {
            ensureOut(sealer.sealedLength(len));
            sealer.seal(type, ByteBuffer.wrap(data, off, len), outbound);
        }
    }

    /** Copies pending network bytes into netOut; returns how many. */
    public int send(ByteBuffer netOut) {
        return moveQueued(outbound, netOut);
    }

    /** Bytes waiting to go to the network. */
    public int pendingOutput() {
        return outbound.position();
    }

    /** Moves what fits from a queue (written up to its position) into to; the queue keeps the rest. */
    private static int moveQueued(ByteBuffer queue, ByteBuffer to) {
        queue.flip();
        int n = Math.min(queue.remaining(), to.remaining());
        int limit = queue.limit();
        queue.limit(queue.position() + n);
        to.put(queue);
        queue.limit(limit);
        queue.compact();
        return n;
    }

    private void ensureOut(int n) {
        if (outboundHandle == null && outbound == none && n <= SizeClasses.LARGEST) {
            outboundHandle = pool.acquire(Math.max(n, 4096));
            outbound = outboundHandle.buffer();
        }
        if (outbound.remaining() < n) {
            outbound = grow(outbound, outbound.position() + n + 4096);
            outboundHandle = releaseBuffer(outboundHandle);
        }
    }

    // ---------------------------------------------------------------- keys

    /**
     * The pending states from the key block (RFC 5246 §6.3): we seal with our write keys and open
     * with the peer's. The caller wipes the key block; the halves keep copies.
     */
    public void installKeys(CipherSuite suite, ProtocolVersion version, SessionKeys keys, ConnectionEnd self) {
        RecordSpec negotiated = protection.suite(suite, version);
        pendingSealer = RecordSealer.create(negotiated.keys(keys, self));
        pendingOpener = RecordOpener.create(negotiated.keys(keys, self.peer()));
    }

    /** Whether keys are installed for the read direction (a ChangeCipherSpec before that is out of order). */
    public boolean readKeysPending() {
        return pendingOpener != null;
    }

    /** ChangeCipherSpec received: the pending read state becomes current (RFC 5246 §7.1). */
    public void changeReadState() {
        opener = pendingOpener;
        pendingOpener = null;
    }

    /** ChangeCipherSpec sent: the pending write state becomes current (RFC 5246 §7.1). */
    public void changeWriteState() {
        sealer = pendingSealer;
        pendingSealer = null;
    }

    // ---------------------------------------------------------------- release

    /**
     * Closes every half (wiping its keys) and gives the pooled buffers back zeroed. What is still
     * queued (the closing alert) or unread outlives them on the heap. The current write state stays,
     * closed: nothing can go out unprotected once the keys are gone.
     */
    public void release() {
        for (RecordHalf h : new RecordHalf[] {opener, sealer, pendingOpener, pendingSealer}) {
            if (h != null) {
                h.close();
            }
        }
        opener = null;
        pendingOpener = null;
        pendingSealer = null;
        inboundHandle = releaseBuffer(inboundHandle);
        plainHandle = releaseBuffer(plainHandle);
        inbound = none;
        plain = none;
        if (outboundHandle != null) {
            outbound = outbound.position() == 0 ? none : grow(outbound, outbound.position());
            outboundHandle = releaseBuffer(outboundHandle);
        }
        if (appInHandle != null) {
            appIn = appIn.position() == 0 ? none : grow(appIn, appIn.position());
            appInHandle = releaseBuffer(appInHandle);
        }
    }

    /** Wipes and returns a pooled buffer (null-safe); returns null for the caller's field. */
    private static PooledBuffer releaseBuffer(PooledBuffer b) {
        if (b != null) {
            b.release();
        }
        return null;
    }

    /** A larger heap copy; a heap original (plaintext that outgrew its buffer before) is zeroed, not left behind. */
    private static ByteBuffer grow(ByteBuffer b, int capacity) {
        ByteBuffer g = ByteBuffer.allocate(capacity);
        b.flip();
        g.put(b);
        if (b.hasArray()) {
            Arrays.fill(b.array(), b.arrayOffset(), b.arrayOffset() + b.capacity(), (byte) 0);
        }
        return g;
    }

    /** The current read state (for tests, through a test class in this package). */
    RecordOpener currentOpener() {
        return opener;
    }

    /**
     * For the secret-wipe tests (reached through a test class in this package): the pooled record
     * buffers held now, by name, as views of the very memory.
     */
    Map<String, ByteBuffer> heldBuffers() {
        Map<String, ByteBuffer> out = new LinkedHashMap<>();
        String[] names = {"inbound record buffer", "plaintext buffer", "application input buffer", "outbound buffer"};
        PooledBuffer[] handles = {inboundHandle, plainHandle, appInHandle, outboundHandle};
        for (int i = 0; i < handles.length; i++) {
            if (handles[i] != null) {
                out.put(names[i], handles[i].buffer().duplicate().clear());
            }
        }
        return out;
    }
}
