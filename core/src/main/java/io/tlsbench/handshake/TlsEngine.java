package io.tlsbench.handshake;

import io.tlsbench.alert.AlertDescription;
import io.tlsbench.alert.AlertLevel;
import io.tlsbench.alert.TlsAlertException;
import io.tlsbench.buffer.BufferPool;
import io.tlsbench.buffer.PooledBuffer;
import io.tlsbench.buffer.SizeClasses;
import io.tlsbench.kdf.KeyBlockLayout;
import io.tlsbench.kdf.KeySchedule;
import io.tlsbench.kdf.SessionKeys;
import io.tlsbench.record.ContentType;
import io.tlsbench.record.RecordCipher;
import io.tlsbench.record.RecordHeader;
import io.tlsbench.suite.CipherSuite;
import io.tlsbench.suite.ConnectionEnd;
import io.tlsbench.suite.ProtocolVersion;
import io.tlsbench.kdf.PrfAlgorithm;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * A non-blocking TLS endpoint over byte buffers, like SSLEngine but lean: bytes from the network
 * go in with {@link #receive}, bytes for the network come out with {@link #send}, application
 * data goes through {@link #write} and {@link #read}. The record layer (framing, the null cipher
 * before ChangeCipherSpec, the negotiated RecordCipher after), handshake-message reassembly
 * (messages may span records, records may hold several messages), alerts and close_notify live
 * here; the client and server state machines live in the subclasses.
 *
 * <p>Every failure ends as a {@link TlsAlertException}: the engine sends the alert (unless the
 * peer sent it), closes, invalidates the session and wipes its secrets. Not thread-safe.
 */
public abstract class TlsEngine {

    /** Largest handshake message accepted (a long certificate chain fits). */
    static final int MAX_HANDSHAKE_MESSAGE = 1 << 16;

    protected final TlsConfig config;
    protected final KeySchedule keySchedule;
    protected final ConnectionEnd side;

    /*
     * Record buffers come from the shared pool when first needed and go back (zeroed) on release:
     * a connection allocates no record-sized arrays, and what held plaintext or keys is wiped.
     * inbound holds at most one partial record after each pass (a pooled buffer holds a whole
     * record), so it never grows; outbound and appIn move to the heap only when the application
     * leaves more than a buffer's worth unread or unsent.
     */
    private final ByteBuffer none = ByteBuffer.allocate(0); // per engine: flip/compact mutate it
    private PooledBuffer inboundHandle;
    private PooledBuffer outboundHandle;
    private PooledBuffer appInHandle;
    private PooledBuffer plainHandle;
    private ByteBuffer inbound = none;
    private ByteBuffer outbound = none;
    private ByteBuffer appIn = none;
    private ByteBuffer plain = none;
    private final Writer handshakeIn = new Writer(512);
    private final Writer handshakeOut = new Writer(2048);
    /** Every handshake message sent and received, in order (hashed for Finished, CertificateVerify, EMS). */
    protected final Writer transcript = new Writer(2048);

    /** The key block's last expansion: wiped as soon as the ciphers are keyed (kept for {@link #secretHolders}). */
    private SessionKeys keyBlock;

    private RecordCipher readCipher;
    private RecordCipher writeCipher;
    private RecordCipher pendingRead;
    private RecordCipher pendingWrite;

    /** Negotiated version; null until ServerHello. */
    protected ProtocolVersion version;
    protected CipherSuite suite;
    protected Session session;
    protected boolean resumed;
    protected boolean handshakeComplete;
    private boolean inboundClosed;
    private boolean outboundClosed;
    private boolean failed;

    protected TlsEngine(TlsConfig config, ConnectionEnd side) {
        this.config = config;
        this.side = side;
        this.keySchedule = new KeySchedule(config.provider);
    }

    // ---------------------------------------------------------------- public API

    /** Feeds bytes from the network (all of them are consumed) and processes every whole record. */
    public final void receive(ByteBuffer netIn) throws TlsAlertException {
        checkUsable();
        if (closed()) {
            netIn.position(netIn.limit()); // nothing is read after both close_notify alerts
            return;
        }
        try {
            if (inboundHandle == null) {
                inboundHandle = BufferPool.shared().acquire(RecordHeader.MAX_RECORD);
                inbound = inboundHandle.buffer();
                plainHandle = BufferPool.shared().acquire(RecordHeader.MAX_PLAINTEXT);
                plain = plainHandle.buffer();
            }
            while (netIn.hasRemaining() && !closed()) {
                int n = Math.min(inbound.remaining(), netIn.remaining());
                int limit = netIn.limit();
                netIn.limit(netIn.position() + n);
                inbound.put(netIn);
                netIn.limit(limit);
                processRecords();
            }
            if (closed()) {
                netIn.position(netIn.limit());
            }
        } catch (TlsAlertException e) {
            fail(e);
            throw e;
        } catch (RuntimeException e) {
            TlsAlertException alert = new TlsAlertException(AlertDescription.INTERNAL_ERROR, e.toString(), e);
            fail(alert);
            throw alert;
        }
    }

    /** Copies pending network bytes into netOut; returns how many. */
    public final int send(ByteBuffer netOut) {
        outbound.flip();
        int n = Math.min(outbound.remaining(), netOut.remaining());
        int limit = outbound.limit();
        outbound.limit(outbound.position() + n);
        netOut.put(outbound);
        outbound.limit(limit);
        outbound.compact();
        return n;
    }

    /** Bytes waiting to go to the network. */
    public final int pendingOutput() {
        return outbound.position();
    }

    /** Seals application data into records (after the handshake). */
    public final void write(ByteBuffer app) throws TlsAlertException {
        checkUsable();
        if (!handshakeComplete || outboundClosed) {
            throw new TlsAlertException(AlertDescription.INTERNAL_ERROR,
                    outboundClosed ? "connection is closed for writing" : "handshake not complete");
        }
        try {
            int limit = app.limit();
            while (app.hasRemaining()) {
                app.limit(Math.min(limit, app.position() + RecordHeader.MAX_PLAINTEXT));
                ensureOut(writeCipher.sealedLength(app.remaining()));
                writeCipher.seal(ContentType.APPLICATION_DATA, app, outbound);
                app.limit(limit);
            }
        } catch (TlsAlertException e) {
            fail(e);
            throw e;
        }
    }

    /** Copies received application data into app; returns how many bytes. */
    public final int read(ByteBuffer app) {
        appIn.flip();
        int n = Math.min(appIn.remaining(), app.remaining());
        int limit = appIn.limit();
        appIn.limit(appIn.position() + n);
        app.put(appIn);
        appIn.limit(limit);
        appIn.compact();
        return n;
    }

    /** Application bytes received and not yet read. */
    public final int available() {
        return appIn.position();
    }

    /** Sends close_notify (RFC 5246 §7.2.1); the peer answers with its own. */
    public final void close() {
        if (!outboundClosed && !failed) {
            try {
                sendAlert(AlertLevel.WARNING, AlertDescription.CLOSE_NOTIFY);
            } catch (TlsAlertException e) {
                failed = true;
            }
            outboundClosed = true;
        }
        if (inboundClosed || failed) {
            release();
        }
    }

    public final boolean handshakeComplete() {
        return handshakeComplete;
    }

    /** The peer sent close_notify. */
    public final boolean inboundClosed() {
        return inboundClosed;
    }

    public final boolean outboundClosed() {
        return outboundClosed;
    }

    /** Closed both ways, or failed. */
    public final boolean closed() {
        return failed || (inboundClosed && outboundClosed);
    }

    public final ProtocolVersion version() {
        return version;
    }

    public final CipherSuite suite() {
        return suite;
    }

    public final Session session() {
        return session;
    }

    /** Whether this connection resumed an earlier session (the abbreviated handshake). */
    public final boolean resumed() {
        return resumed;
    }

    public final String providerName() {
        return config.provider.id().toString();
    }

    // ---------------------------------------------------------------- record layer

    private void processRecords() throws TlsAlertException {
        inbound.flip();
        try {
            while (inbound.remaining() >= RecordHeader.LENGTH && !closed()) {
                int at = inbound.position();
                int type = RecordHeader.type(inbound, at);
                int recordVersion = RecordHeader.version(inbound, at);
                int length = RecordHeader.length(inbound, at);
                if (!ContentType.known(type)) {
                    throw new TlsAlertException(AlertDescription.UNEXPECTED_MESSAGE, "unknown record type " + type);
                }
                if (version == null ? (recordVersion >>> 8) != 3 : recordVersion != version.wire()) {
                    throw new TlsAlertException(AlertDescription.PROTOCOL_VERSION,
                            String.format("record version 0x%04x", recordVersion));
                }
                if (length > RecordHeader.MAX_CIPHERTEXT
                        || (readCipher == null && length > RecordHeader.MAX_PLAINTEXT)) {
                    throw new TlsAlertException(AlertDescription.RECORD_OVERFLOW, "record of " + length + " bytes");
                }
                if (inbound.remaining() < RecordHeader.LENGTH + length) {
                    break; // wait for the rest of the record
                }
                plain.clear();
                if (readCipher != null) {
                    readCipher.open(inbound, plain);
                } else {
                    inbound.position(at + RecordHeader.LENGTH);
                    int limit = inbound.limit();
                    inbound.limit(at + RecordHeader.LENGTH + length);
                    plain.put(inbound);
                    inbound.limit(limit);
                }
                plain.flip();
                dispatch(type);
            }
        } finally {
            inbound.compact();
        }
    }

    private void dispatch(int type) throws TlsAlertException {
        int n = plain.remaining();
        switch (type) {
            case ContentType.CHANGE_CIPHER_SPEC:
                if (n != 1 || plain.get() != 1) {
                    throw new TlsAlertException(AlertDescription.DECODE_ERROR, "ChangeCipherSpec must be the one byte 1");
                }
                if (handshakeIn.size() != 0) {
                    throw new TlsAlertException(AlertDescription.UNEXPECTED_MESSAGE,
                            "ChangeCipherSpec inside a fragmented handshake message");
                }
                if (pendingRead == null) {
                    throw new TlsAlertException(AlertDescription.UNEXPECTED_MESSAGE, "ChangeCipherSpec before the keys exist");
                }
                onChangeCipherSpec();
                readCipher = pendingRead;
                pendingRead = null;
                break;
            case ContentType.ALERT:
                receiveAlert(n);
                break;
            case ContentType.HANDSHAKE:
                if (n == 0) {
                    throw new TlsAlertException(AlertDescription.UNEXPECTED_MESSAGE, "empty handshake record");
                }
                byte[] frag = new byte[n];
                plain.get(frag);
                handshakeIn.bytes(frag);
                drainHandshakeMessages();
                break;
            case ContentType.APPLICATION_DATA:
                if (!handshakeComplete) {
                    throw new TlsAlertException(AlertDescription.UNEXPECTED_MESSAGE, "application data before Finished");
                }
                if (appInHandle == null && appIn == none) {
                    appInHandle = BufferPool.shared().acquire(RecordHeader.MAX_PLAINTEXT);
                    appIn = appInHandle.buffer();
                }
                if (appIn.remaining() < n) {
                    appIn = grow(appIn, appIn.position() + n + RecordHeader.MAX_PLAINTEXT);
                    appInHandle = releaseBuffer(appInHandle);
                }
                appIn.put(plain);
                break;
            default:
                throw new AssertionError(type);
        }
    }

    private void receiveAlert(int n) throws TlsAlertException {
        if (n != 2) {
            throw new TlsAlertException(AlertDescription.DECODE_ERROR, "alert record of " + n + " bytes");
        }
        int level = plain.get() & 0xff;
        int code = plain.get() & 0xff;
        AlertLevel l = AlertLevel.forCode(level);
        AlertDescription d = AlertDescription.forCode(code);
        if (l == null || d == null) {
            throw new TlsAlertException(AlertDescription.ILLEGAL_PARAMETER, "unknown alert " + level + "/" + code);
        }
        if (d == AlertDescription.CLOSE_NOTIFY) {
            inboundClosed = true;
            if (!outboundClosed) {
                sendAlert(AlertLevel.WARNING, AlertDescription.CLOSE_NOTIFY);
                outboundClosed = true;
            }
            release(); // closed both ways: wipe keys and secrets now
            return;
        }
        if (l == AlertLevel.FATAL) {
            failed = true; // the peer sent it: no alert goes back
            TlsAlertException e = new TlsAlertException(AlertLevel.FATAL, d, "received from the peer", null);
            if (session != null) {
                session.invalidate(); // RFC 5246 §7.2.2: no resumption after a fatal alert, whichever side sent it
            }
            release();
            throw e;
        }
        if (d == AlertDescription.NO_CERTIFICATE_RESERVED) {
            onNoCertificate(); // SSLv3's way of declining client authentication
            return;
        }
        // Other warnings (no_renegotiation, user_canceled, ...) are noted and ignored.
    }

    private void drainHandshakeMessages() throws TlsAlertException {
        byte[] buf = handshakeIn.toByteArray();
        int p = 0;
        while (buf.length - p >= 4) {
            int type = buf[p] & 0xff;
            int length = ((buf[p + 1] & 0xff) << 16) | ((buf[p + 2] & 0xff) << 8) | (buf[p + 3] & 0xff);
            if (!HandshakeType.known(type)) {
                throw new TlsAlertException(AlertDescription.UNEXPECTED_MESSAGE, "unknown handshake message type " + type);
            }
            if (length > MAX_HANDSHAKE_MESSAGE) {
                throw new TlsAlertException(AlertDescription.ILLEGAL_PARAMETER, "handshake message of " + length + " bytes");
            }
            if (buf.length - p - 4 < length) {
                break;
            }
            byte[] raw = Arrays.copyOfRange(buf, p, p + 4 + length);
            p += 4 + length;
            handshakeInReset(buf, p);
            onHandshakeMessage(type, new Reader(raw, 4, length, messageName(type)), raw);
            if (closed()) {
                return;
            }
            buf = handshakeIn.toByteArray();
            p = 0;
        }
    }

    /** Keeps only the unconsumed tail of the reassembly buffer. */
    private void handshakeInReset(byte[] buf, int consumed) {
        byte[] tail = Arrays.copyOfRange(buf, consumed, buf.length);
        handshakeIn.reset();
        handshakeIn.bytes(tail);
    }

    // ---------------------------------------------------------------- sending

    /** Queues a handshake message (type + body) and adds it to the transcript. */
    protected final void sendHandshake(int type, byte[] body) {
        Writer w = new Writer(body.length + 4);
        w.u8(type).u24(body.length).bytes(body);
        byte[] raw = w.toByteArray();
        transcript.bytes(raw);
        handshakeOut.bytes(raw);
    }

    /** Writes queued handshake messages as records (several messages per record, ≤ 2^14 each). */
    protected final void flushHandshake() throws TlsAlertException {
        byte[] all = handshakeOut.toByteArray();
        handshakeOut.reset();
        for (int off = 0; off < all.length; off += RecordHeader.MAX_PLAINTEXT) {
            writeRecord(ContentType.HANDSHAKE, all, off, Math.min(RecordHeader.MAX_PLAINTEXT, all.length - off));
        }
    }

    /** Flushes the flight, sends ChangeCipherSpec and switches to the pending write keys. */
    protected final void sendChangeCipherSpec() throws TlsAlertException {
        flushHandshake();
        writeRecord(ContentType.CHANGE_CIPHER_SPEC, new byte[] {1}, 0, 1);
        writeCipher = pendingWrite;
        pendingWrite = null;
    }

    protected final void sendAlert(AlertLevel level, AlertDescription description) throws TlsAlertException {
        writeRecord(ContentType.ALERT, new byte[] {(byte) level.code, (byte) description.code}, 0, 2);
    }

    private void writeRecord(int type, byte[] data, int off, int len) throws TlsAlertException {
        if (writeCipher == null) {
            ensureOut(RecordHeader.LENGTH + len);
            int at = outbound.position();
            RecordHeader.write(outbound, at, type, recordVersion(), len);
            outbound.position(at + RecordHeader.LENGTH);
            outbound.put(data, off, len);
        } else {
            ensureOut(writeCipher.sealedLength(len));
            writeCipher.seal(type, ByteBuffer.wrap(data, off, len), outbound);
        }
    }

    /** Before the version is agreed the client's records say TLS 1.0 (or SSLv3 if that is all it speaks). */
    private int recordVersion() {
        if (version != null) {
            return version.wire();
        }
        return config.minVersion == ProtocolVersion.SSL3 && config.maxVersion == ProtocolVersion.SSL3
                ? ProtocolVersion.SSL3.wire() : ProtocolVersion.TLS10.wire();
    }

    private void ensureOut(int n) {
        if (outboundHandle == null && outbound == none && n <= SizeClasses.LARGEST) {
            outboundHandle = BufferPool.shared().acquire(Math.max(n, 4096));
            outbound = outboundHandle.buffer();
        }
        if (outbound.remaining() < n) {
            outbound = grow(outbound, outbound.position() + n + 4096);
            outboundHandle = releaseBuffer(outboundHandle);
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

    // ---------------------------------------------------------------- keys

    /**
     * From the master secret: the key block, and the pending ciphers for both directions.
     * The key block is wiped once the ciphers hold their keys.
     */
    protected final void installKeys(byte[] master, byte[] clientRandom, byte[] serverRandom) {
        SessionKeys keys = new SessionKeys(KeyBlockLayout.of(suite, version));
        keyBlock = keys;
        try {
            keySchedule.keyBlock(version, suite, master, clientRandom, serverRandom, keys);
            pendingWrite = RecordCipher.create(suite, version, keys, side, true, config.provider, config.random);
            pendingRead = RecordCipher.create(suite, version, keys, side.peer(), false, config.provider, config.random);
        } finally {
            keys.wipe();
        }
    }

    protected final void keyLog(byte[] clientRandom, byte[] master) {
        if (config.keyLog != null) {
            HexFormat hex = HexFormat.of();
            config.keyLog.accept("CLIENT_RANDOM " + hex.formatHex(clientRandom) + " " + hex.formatHex(master));
        }
    }

    protected final byte[] transcriptBytes() {
        return transcript.toByteArray();
    }

    // ---------------------------------------------------------------- shared message handling

    /** The master secret of this connection (wiped on release). */
    protected byte[] master;

    /** The pre-master secret while it is in use (wiped after the master secret is derived, and on release). */
    protected byte[] preMaster;

    /** Our private key as the configured provider holds it (imported once, see ProviderSet.nativeKey). */
    protected final java.security.PrivateKey signingKey(Credential c) {
        return config.provider.nativeKey(c.privateKey());
    }

    /** Sends a Certificate message with the chain (leaf first), or an empty list. */
    protected final void sendCertificate(List<X509Certificate> chain) throws TlsAlertException {
        Writer w = new Writer(2048);
        int m = w.mark(3);
        for (X509Certificate c : chain) {
            try {
                w.vector24(c.getEncoded());
            } catch (CertificateEncodingException e) {
                throw new TlsAlertException(AlertDescription.INTERNAL_ERROR, "certificate encoding: " + e.getMessage());
            }
        }
        w.fillLength(m, 3);
        sendHandshake(HandshakeType.CERTIFICATE, w.toByteArray());
    }

    /** Decodes a Certificate message's list (strict DER; possibly empty). */
    protected static List<X509Certificate> readCertificates(Reader r) throws TlsAlertException {
        Reader list = r.sub(r.u24("certificate_list length"), "certificate_list");
        r.end();
        List<X509Certificate> chain = new ArrayList<>();
        try {
            CertificateFactory cf = CertificateFactory.getInstance("X.509");
            while (list.hasRemaining()) {
                chain.add(CertificateChecker.parse(cf, list.vector24("certificate")));
            }
        } catch (CertificateException e) {
            throw new TlsAlertException(AlertDescription.BAD_CERTIFICATE, "unparseable certificate: " + e.getMessage());
        }
        return chain;
    }

    /** verify_data of sender over the transcript so far. */
    protected final byte[] verifyData(ConnectionEnd sender) {
        return keySchedule.verifyData(version, PrfAlgorithm.of(version, suite), master, sender, transcriptBytes());
    }

    /** Checks the peer's Finished (length, then value), then adds it to the transcript. */
    protected final void checkFinished(Reader r, byte[] raw) throws TlsAlertException {
        byte[] expected = verifyData(side.peer());
        if (r.remaining() != expected.length) {
            throw new TlsAlertException(AlertDescription.DECODE_ERROR, "Finished of " + r.remaining() + " bytes");
        }
        byte[] got = r.bytes(r.remaining(), "verify_data");
        if (!MessageDigest.isEqual(expected, got)) {
            throw new TlsAlertException(AlertDescription.DECRYPT_ERROR,
                    side.peer().name().toLowerCase(java.util.Locale.ROOT) + " Finished does not verify");
        }
        transcript.bytes(raw);
    }

    /** Sends ChangeCipherSpec and our Finished, and flushes. */
    protected final void sendFinished() throws TlsAlertException {
        sendChangeCipherSpec();
        sendHandshake(HandshakeType.FINISHED, verifyData(side));
        flushHandshake();
    }

    /** The handshake is over: nothing more is needed from the transcript (renegotiation is refused). */
    protected final void complete() {
        handshakeComplete = true;
        transcript.reset();
    }

    protected static void expect(int type, int expected) throws TlsAlertException {
        if (type != expected) {
            throw unexpected(type);
        }
    }

    protected static TlsAlertException unexpected(int type) {
        return new TlsAlertException(AlertDescription.UNEXPECTED_MESSAGE, messageName(type) + " out of order");
    }

    /** A list of 16-bit values with a 16-bit length (groups, signature schemes). */
    static List<Integer> u16List(byte[] body, String what) throws TlsAlertException {
        Reader r = new Reader(body, what);
        int length = r.u16("length");
        if (length % 2 != 0) {
            throw new TlsAlertException(AlertDescription.DECODE_ERROR, what + " of " + length + " bytes");
        }
        Reader list = r.sub(length, what);
        r.end();
        List<Integer> out = new ArrayList<>();
        while (list.hasRemaining()) {
            out.add(list.u16(what));
        }
        return out;
    }

    // ---------------------------------------------------------------- state machine hooks

    /** Client: sends ClientHello. Server: nothing (waits for it). */
    public abstract void start() throws TlsAlertException;

    protected abstract void onHandshakeMessage(int type, Reader body, byte[] raw) throws TlsAlertException;

    /** Called when the peer's ChangeCipherSpec arrives, before the read keys switch. */
    protected abstract void onChangeCipherSpec() throws TlsAlertException;

    /** SSLv3 no_certificate warning: the client has no certificate to send (RFC 6101 §5.4). */
    protected void onNoCertificate() throws TlsAlertException {
        throw new TlsAlertException(AlertDescription.UNEXPECTED_MESSAGE, "no_certificate warning out of place");
    }

    /** A renegotiation attempt after the handshake: refused with a warning (RFC 5746 spirit). */
    protected final void refuseRenegotiation() throws TlsAlertException {
        sendAlert(AlertLevel.WARNING, AlertDescription.NO_RENEGOTIATION);
    }

    // ---------------------------------------------------------------- failure and cleanup

    private void checkUsable() throws TlsAlertException {
        if (failed) {
            throw new TlsAlertException(AlertDescription.INTERNAL_ERROR, "connection has failed");
        }
    }

    private void fail(TlsAlertException e) {
        if (!failed) {
            failed = true;
            try {
                if (e.fatal() && !outboundClosed) {
                    sendAlert(AlertLevel.FATAL, e.description());
                }
            } catch (TlsAlertException | RuntimeException ignored) {
                // the alert is best effort; the connection is over either way
            }
            if (session != null) {
                session.invalidate();
            }
            release();
        }
    }

    /** Wipes record keys and buffered secrets; pooled buffers go back (zeroed). */
    protected void release() {
        for (RecordCipher c : new RecordCipher[] {readCipher, writeCipher, pendingRead, pendingWrite}) {
            if (c != null) {
                c.close();
            }
        }
        readCipher = null;
        pendingRead = null;
        pendingWrite = null;
        keySchedule.wipe();
        wipeSecrets();
        inboundHandle = releaseBuffer(inboundHandle);
        plainHandle = releaseBuffer(plainHandle);
        inbound = none;
        plain = none;
        // What is still queued (the closing alert) or unread outlives the pooled buffers on the heap.
        if (outboundHandle != null) {
            outbound = outbound.position() == 0 ? none : grow(outbound, outbound.position());
            outboundHandle = releaseBuffer(outboundHandle);
        }
        if (appInHandle != null) {
            appIn = appIn.position() == 0 ? none : grow(appIn, appIn.position());
            appInHandle = releaseBuffer(appInHandle);
        }
    }

    /**
     * Ends the connection now, whatever its state — for a peer that vanished or a caller that
     * gives up: no alert is sent, keys are wiped and pooled buffers go back. Idempotent.
     */
    public final void dispose() {
        if (!failed) {
            failed = true;
            if (session != null && !handshakeComplete) {
                session.invalidate();
            }
        }
        release();
    }

    private void wipeSecrets() {
        if (master != null) {
            Arrays.fill(master, (byte) 0);
        }
        if (preMaster != null) {
            Arrays.fill(preMaster, (byte) 0);
        }
        if (keyBlock != null) {
            keyBlock.wipe();
        }
    }

    /** Bytes of a partial record received and waiting for the rest (TlsConnection: end of stream inside a record). */
    final int bufferedInput() {
        return inbound.position();
    }

    /**
     * Test hook: every array and record buffer this connection holds that holds or held a secret
     * or plaintext — pre-master, master, key block, the key schedule's keyed state, the pooled
     * record buffers — by name, as views of the very memory (wrap of the array, duplicate of the
     * buffer). Taken before the end of a connection, each must read as zeros after it released.
     */
    final java.util.Map<String, ByteBuffer> secretHolders() {
        java.util.Map<String, ByteBuffer> out = new java.util.LinkedHashMap<>();
        if (preMaster != null) {
            out.put("pre-master secret", ByteBuffer.wrap(preMaster));
        }
        if (master != null) {
            out.put("master secret", ByteBuffer.wrap(master));
        }
        if (keyBlock != null) {
            String[] names = {"key block", "client MAC key", "server MAC key", "client write key", "server write key",
                "client IV", "server IV"};
            List<byte[]> arrays = keyBlock.heldArrays();
            for (int i = 0; i < arrays.size(); i++) {
                out.put(names[i], ByteBuffer.wrap(arrays.get(i)));
            }
        }
        List<byte[]> schedule = keySchedule.heldArrays();
        for (int i = 0; i < schedule.size(); i++) {
            out.put("key schedule array " + i, ByteBuffer.wrap(schedule.get(i)));
        }
        String[] names = {"inbound record buffer", "plaintext buffer", "application input buffer", "outbound buffer"};
        PooledBuffer[] handles = {inboundHandle, plainHandle, appInHandle, outboundHandle};
        for (int i = 0; i < handles.length; i++) {
            if (handles[i] != null) {
                out.put(names[i], handles[i].buffer().duplicate().clear());
            }
        }
        return out;
    }

    static String messageName(int type) {
        switch (type) {
            case HandshakeType.HELLO_REQUEST: return "HelloRequest";
            case HandshakeType.CLIENT_HELLO: return "ClientHello";
            case HandshakeType.SERVER_HELLO: return "ServerHello";
            case HandshakeType.CERTIFICATE: return "Certificate";
            case HandshakeType.SERVER_KEY_EXCHANGE: return "ServerKeyExchange";
            case HandshakeType.CERTIFICATE_REQUEST: return "CertificateRequest";
            case HandshakeType.SERVER_HELLO_DONE: return "ServerHelloDone";
            case HandshakeType.CERTIFICATE_VERIFY: return "CertificateVerify";
            case HandshakeType.CLIENT_KEY_EXCHANGE: return "ClientKeyExchange";
            case HandshakeType.FINISHED: return "Finished";
            default: return "handshake " + type;
        }
    }
}
