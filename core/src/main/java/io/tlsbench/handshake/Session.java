package io.tlsbench.handshake;

import io.tlsbench.suite.CipherSuite;
import io.tlsbench.suite.ProtocolVersion;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;

/**
 * A TLS session (RFC 5246 §7): what outlives a connection — id, version, suite, master secret,
 * whether the master secret is extended (RFC 7627), the peer's certificates. Resuming one costs
 * only the PRF; each connection still gets its own randoms and keys.
 */
public final class Session {
    private final byte[] id;
    private final ProtocolVersion version;
    private final CipherSuite suite;
    private final byte[] masterSecret;
    private final boolean extendedMasterSecret;
    private final List<X509Certificate> peerCertificates;
    private final long createdMillis;
    private volatile boolean invalid;

    Session(byte[] id, ProtocolVersion version, CipherSuite suite, byte[] masterSecret, boolean extendedMasterSecret,
            List<X509Certificate> peerCertificates, long createdMillis) {
        this.id = id.clone();
        this.version = version;
        this.suite = suite;
        this.masterSecret = masterSecret.clone();
        this.extendedMasterSecret = extendedMasterSecret;
        this.peerCertificates = List.copyOf(peerCertificates);
        this.createdMillis = createdMillis;
    }

    public byte[] id() {
        return id.clone();
    }

    byte[] idBytes() {
        return id;
    }

    public ProtocolVersion version() {
        return version;
    }

    public CipherSuite suite() {
        return suite;
    }

    /** The master secret array itself (tests check that invalidation zeroed it). */
    byte[] masterSecret() {
        return masterSecret;
    }

    /**
     * A copy of the master secret to resume with, or null once invalidated. Atomic with
     * {@link #invalidate()}: a cache evicting this session on one thread while another resumes it
     * yields null (a full handshake), never a half-wiped copy.
     */
    synchronized byte[] masterSecretCopy() {
        return invalid ? null : masterSecret.clone();
    }

    public boolean extendedMasterSecret() {
        return extendedMasterSecret;
    }

    public List<X509Certificate> peerCertificates() {
        return peerCertificates;
    }

    public long createdMillis() {
        return createdMillis;
    }

    /** Resumable: has an id and has not been invalidated (a fatal alert invalidates it). */
    public boolean resumable() {
        return id.length > 0 && !invalid;
    }

    /** No more resumption; the master secret is wiped. */
    public synchronized void invalidate() {
        invalid = true;
        Arrays.fill(masterSecret, (byte) 0);
    }
}
