package io.tlsbench.handshake;

import io.tlsbench.alert.AlertDescription;
import io.tlsbench.alert.AlertLevel;
import io.tlsbench.alert.TlsAlertException;
import io.tlsbench.handshake.message.Finished;
import io.tlsbench.handshake.message.HandshakeMessage;
import io.tlsbench.handshake.message.HandshakeType;
import io.tlsbench.handshake.message.Reader;
import io.tlsbench.handshake.message.Writer;
import io.tlsbench.kdf.KeyBlockLayout;
import io.tlsbench.kdf.KeySchedule;
import io.tlsbench.kdf.PrfAlgorithm;
import io.tlsbench.kdf.SessionKeys;
import io.tlsbench.record.ContentType;
import io.tlsbench.record.RecordHeader;
import io.tlsbench.suite.ConnectionEnd;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;

/**
 * What the client's and the server's handshakes share (RFC 5246 §7.3, §7.4, §8.1): the
 * transcript of messages, the flight being built, the secrets — pre-master, master, key block —
 * and the steps both sides take on them: send a message, derive the master secret, install the
 * keys, send and check Finished. {@link TlsEngine} below it is the connection: records, alerts,
 * closing; {@link TlsClient} and {@link TlsServer} above it are the two state machines.
 */
abstract class HandshakeEngine extends TlsEngine {

    protected final KeySchedule keySchedule;
    private final Writer flight = new Writer(2048);
    /** Every handshake message sent and received, in order (hashed for Finished, CertificateVerify, EMS). */
    protected final Writer transcript = new Writer(2048);

    /** The pre-master secret while it is in use (wiped after the master secret is derived, and on release). */
    protected byte[] preMaster;
    /** The master secret of this connection (wiped on release). */
    protected byte[] master;
    /** The key block's last expansion: wiped as soon as the record halves are keyed (kept for the wipe tests). */
    SessionKeys keyBlock;

    HandshakeEngine(TlsConfig config, ConnectionEnd side) {
        super(config, side);
        this.keySchedule = new KeySchedule(config.provider);
    }

    // ---------------------------------------------------------------- messages

    /** Queues a handshake message, encoded for the negotiated version, and adds it to the transcript. */
    protected final void send(HandshakeMessage message) {
        sendHandshake(message.type(), message.body(version));
    }

    /** Queues a handshake message (type + body) and adds it to the transcript. */
    final void sendHandshake(HandshakeType type, byte[] body) {
        byte[] raw = HandshakeMessage.frame(type.code, body);
        transcript.bytes(raw);
        flight.bytes(raw);
    }

    /** Writes queued handshake messages as records (several messages per record, ≤ 2^14 each). */
    protected final void flushHandshake() throws TlsAlertException {
        byte[] all = flight.toByteArray();
        flight.reset();
        for (int off = 0; off < all.length; off += RecordHeader.MAX_PLAINTEXT) {
            records.write(ContentType.HANDSHAKE, all, off, Math.min(RecordHeader.MAX_PLAINTEXT, all.length - off));
        }
    }

    /** Flushes the flight, sends ChangeCipherSpec and switches to the pending write keys. */
    protected final void sendChangeCipherSpec() throws TlsAlertException {
        flushHandshake();
        records.write(ContentType.CHANGE_CIPHER_SPEC, new byte[] {1}, 0, 1);
        records.changeWriteState();
    }

    protected final byte[] transcriptBytes() {
        return transcript.toByteArray();
    }

    protected static void expect(HandshakeType type, HandshakeType expected) throws TlsAlertException {
        if (type != expected) {
            throw unexpected(type);
        }
    }

    protected static TlsAlertException unexpected(HandshakeType type) {
        return new TlsAlertException(AlertDescription.UNEXPECTED_MESSAGE, type + " out of order");
    }

    /** A renegotiation attempt after the handshake: refused with a warning (RFC 5746 spirit). */
    protected final void refuseRenegotiation() throws TlsAlertException {
        sendAlert(AlertLevel.WARNING, AlertDescription.NO_RENEGOTIATION);
    }

    // ---------------------------------------------------------------- secrets and keys

    /** Our private key as the configured provider holds it (imported once, see ProviderSet.nativeKey). */
    protected final PrivateKey signingKey(Credential c) {
        return config.provider.nativeKey(c.privateKey());
    }

    /**
     * RFC 5246 §8.1 and RFC 7627 §4: the master secret from the pre-master, over the randoms or —
     * with the extended master secret — over the session hash of the transcript so far. The
     * pre-master is wiped once used; the key log gets its line.
     */
    protected final void deriveMasterSecret(boolean ems, byte[] clientRandom, byte[] serverRandom) {
        master = new byte[KeySchedule.MASTER_SECRET_LENGTH];
        try {
            if (ems) {
                byte[] hash = new byte[64];
                int n = keySchedule.handshakeHash(PrfAlgorithm.of(version, suite), transcriptBytes(), hash);
                keySchedule.extendedMasterSecret(version, suite, preMaster, Arrays.copyOf(hash, n), master);
            } else {
                keySchedule.masterSecret(version, suite, preMaster, clientRandom, serverRandom, master);
            }
        } finally {
            Arrays.fill(preMaster, (byte) 0);
        }
        keyLog(clientRandom, master);
    }

    /** One NSS key log line per handshake, when configured: CLIENT_RANDOM and the master secret. */
    protected final void keyLog(byte[] clientRandom, byte[] master) {
        if (config.keyLog != null) {
            HexFormat hex = HexFormat.of();
            config.keyLog.accept("CLIENT_RANDOM " + hex.formatHex(clientRandom) + " " + hex.formatHex(master));
        }
    }

    /**
     * From the master secret: the key block, and the record layer's pending states for both
     * directions. The key block is wiped once the record halves hold their keys.
     */
    protected final void installKeys(byte[] master, byte[] clientRandom, byte[] serverRandom) {
        SessionKeys keys = new SessionKeys(KeyBlockLayout.of(suite, version));
        keyBlock = keys;
        try {
            keySchedule.keyBlock(version, suite, master, clientRandom, serverRandom, keys);
            records.installKeys(suite, version, keys, side);
        } finally {
            keys.wipe();
        }
    }

    // ---------------------------------------------------------------- Finished (RFC 5246 §7.4.9)

    /** verify_data of sender over the transcript so far. */
    protected final byte[] verifyData(ConnectionEnd sender) {
        return keySchedule.verifyData(version, PrfAlgorithm.of(version, suite), master, sender, transcriptBytes());
    }

    /** Checks the peer's Finished (length, then value), then adds it to the transcript. */
    protected final void readFinished(Reader body, byte[] raw) throws TlsAlertException {
        Finished finished = Finished.decode(body, version);
        if (!MessageDigest.isEqual(verifyData(side.peer()), finished.verifyData())) {
            throw new TlsAlertException(AlertDescription.DECRYPT_ERROR,
                    side.peer().name().toLowerCase(Locale.ROOT) + " Finished does not verify");
        }
        transcript.bytes(raw);
    }

    /** Sends ChangeCipherSpec and our Finished, and flushes. */
    protected final void sendFinished() throws TlsAlertException {
        sendChangeCipherSpec();
        send(new Finished(verifyData(side)));
        flushHandshake();
    }

    /** The handshake is over: nothing more is needed from the transcript (renegotiation is refused). */
    protected final void complete() {
        handshakeComplete = true;
        transcript.reset();
    }

    // ---------------------------------------------------------------- cleanup

    /** Besides the record keys and buffers: the key schedule's keyed state, the master and pre-master secrets, the key block. */
    @Override
    protected void release() {
        super.release();
        keySchedule.wipe();
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
}
