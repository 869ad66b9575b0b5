package io.tlsbench.handshake;

import io.tlsbench.alert.AlertDescription;
import io.tlsbench.alert.AlertLevel;
import io.tlsbench.alert.TlsAlertException;
import io.tlsbench.handshake.message.HandshakeMessage;
import io.tlsbench.handshake.message.HandshakeReassembler;
import io.tlsbench.handshake.message.HandshakeType;
import io.tlsbench.handshake.message.Reader;
import io.tlsbench.record.ContentType;
import io.tlsbench.record.RecordLayer;
import io.tlsbench.suite.CipherSuite;
import io.tlsbench.suite.ConnectionEnd;
import io.tlsbench.suite.ProtocolVersion;
import java.nio.ByteBuffer;

/**
 * A non-blocking TLS endpoint over byte buffers, like SSLEngine but lean: bytes from the network
 * go in with {@link #receive}, bytes for the network come out with {@link #send}, application
 * data goes through {@link #write} and {@link #read}. Below it the {@link RecordLayer} frames,
 * protects and buffers records; here live what the records carry — handshake-message reassembly
 * (messages may span records, records may hold several messages), ChangeCipherSpec, alerts and
 * close_notify, application data's admission. What the client's and the server's handshakes
 * share is {@link HandshakeEngine}; the state machines are {@link TlsClient} and {@link TlsServer}.
 *
 * <p>Every failure ends as a {@link TlsAlertException}: the engine sends the alert (unless the
 * peer sent it), closes, invalidates the session and wipes its secrets. Not thread-safe.
 */
public abstract class TlsEngine {

    protected final TlsConfig config;
    protected final ConnectionEnd side;

    /** Framing, protection and the connection's record buffers. */
    final RecordLayer records;
    private final HandshakeReassembler handshakeIn = new HandshakeReassembler();

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
        this.records = new RecordLayer(config.recordSpec, config.helloRecordVersion(), new Upper());
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
            records.receive(netIn);
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
        return records.send(netOut);
    }

    /** Bytes waiting to go to the network. */
    public final int pendingOutput() {
        return records.pendingOutput();
    }

    /** Seals application data into records (after the handshake). */
    public final void write(ByteBuffer app) throws TlsAlertException {
        checkUsable();
        if (!handshakeComplete || outboundClosed) {
            throw new TlsAlertException(AlertDescription.INTERNAL_ERROR,
                    outboundClosed ? "connection is closed for writing" : "handshake not complete");
        }
        try {
            records.writeApplicationData(app);
        } catch (TlsAlertException e) {
            fail(e);
            throw e;
        }
    }

    /** Copies received application data into app; returns how many bytes. */
    public final int read(ByteBuffer app) {
        return records.read(app);
    }

    /** Application bytes received and not yet read. */
    public final int available() {
        return records.available();
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

    // ---------------------------------------------------------------- what the records carry

    /** The engine as the record layer sees it: the agreed version, and each record's plaintext. */
    private final class Upper implements RecordLayer.Upper {
        @Override
        public ProtocolVersion negotiated() {
            return version;
        }

        @Override
        public boolean receive(int type, ByteBuffer plaintext) throws TlsAlertException {
            dispatch(type, plaintext);
            return !closed();
        }
    }

    private void dispatch(int type, ByteBuffer plain) throws TlsAlertException {
        int n = plain.remaining();
        switch (type) {
            case ContentType.CHANGE_CIPHER_SPEC:
                changeCipherSpec(plain);
                break;
            case ContentType.ALERT:
                receiveAlert(plain);
                break;
            case ContentType.HANDSHAKE:
                if (n == 0) {
                    throw new TlsAlertException(AlertDescription.UNEXPECTED_MESSAGE, "empty handshake record");
                }
                byte[] frag = new byte[n];
                plain.get(frag);
                handshakeIn.add(frag);
                drainHandshakeMessages();
                break;
            case ContentType.APPLICATION_DATA:
                if (!handshakeComplete) {
                    throw new TlsAlertException(AlertDescription.UNEXPECTED_MESSAGE, "application data before Finished");
                }
                records.queueApplicationData(plain);
                break;
            default:
                throw new AssertionError(type);
        }
    }

    /** The peer's ChangeCipherSpec (RFC 5246 §7.1): well formed, between messages, after the keys; then its keys apply. */
    private void changeCipherSpec(ByteBuffer plain) throws TlsAlertException {
        if (plain.remaining() != 1 || plain.get() != 1) {
            throw new TlsAlertException(AlertDescription.DECODE_ERROR, "ChangeCipherSpec must be the one byte 1");
        }
        if (handshakeIn.inMessage()) {
            throw new TlsAlertException(AlertDescription.UNEXPECTED_MESSAGE,
                    "ChangeCipherSpec inside a fragmented handshake message");
        }
        if (!records.readKeysPending()) {
            throw new TlsAlertException(AlertDescription.UNEXPECTED_MESSAGE, "ChangeCipherSpec before the keys exist");
        }
        onChangeCipherSpec();
        records.changeReadState();
    }

    private void receiveAlert(ByteBuffer plain) throws TlsAlertException {
        int n = plain.remaining();
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
        byte[] raw;
        while ((raw = handshakeIn.next()) != null) {
            HandshakeType type = HandshakeType.of(raw[0] & 0xff);
            onHandshakeMessage(type, new Reader(raw, HandshakeMessage.HEADER_LENGTH,
                    raw.length - HandshakeMessage.HEADER_LENGTH, type.toString()), raw);
            if (closed()) {
                return;
            }
        }
    }

    protected final void sendAlert(AlertLevel level, AlertDescription description) throws TlsAlertException {
        records.write(ContentType.ALERT, new byte[] {(byte) level.code, (byte) description.code}, 0, 2);
    }

    // ---------------------------------------------------------------- state machine hooks

    /** Client: sends ClientHello. Server: nothing (waits for it). */
    public abstract void start() throws TlsAlertException;

    protected abstract void onHandshakeMessage(HandshakeType type, Reader body, byte[] raw) throws TlsAlertException;

    /** Called when the peer's ChangeCipherSpec arrives, before the read keys switch. */
    protected abstract void onChangeCipherSpec() throws TlsAlertException;

    /** SSLv3 no_certificate warning: the client has no certificate to send (RFC 6101 §5.4). */
    protected void onNoCertificate() throws TlsAlertException {
        throw new TlsAlertException(AlertDescription.UNEXPECTED_MESSAGE, "no_certificate warning out of place");
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

    /** Wipes record keys; pooled buffers go back (zeroed). Subclasses wipe their secrets too. */
    protected void release() {
        records.release();
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

    /** Bytes of a partial record received and waiting for the rest (TlsConnection: end of stream inside a record). */
    final int bufferedInput() {
        return records.bufferedInput();
    }
}
