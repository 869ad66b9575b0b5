package io.tlsbench.record;

import io.tlsbench.buffer.BufferPool;
import io.tlsbench.kdf.SessionKeys;
import io.tlsbench.provider.ProviderSet;
import io.tlsbench.suite.CipherSuite;
import io.tlsbench.suite.ConnectionEnd;
import io.tlsbench.suite.ProtocolVersion;
import java.security.SecureRandom;
import java.util.function.Consumer;

/**
 * What one half of the record layer ({@link RecordSealer} or {@link RecordOpener}) is made from.
 * Immutable: each setter returns a new spec, so a connection keeps one with its configuration
 * and adds the suite and keys once they are negotiated.
 *
 * <p>Required: the provider, the suite and version, the key block and which side wrote with it
 * (a client seals with CLIENT and opens with SERVER). Defaults: the provider's preferred
 * {@link WorkSpace}, {@link CbcMacCheck#PROVIDER}, {@link BufferPool#shared()}, a new
 * SecureRandom (drawn from only by TLS 1.1+ CBC sealing, for explicit IVs), sequence number 0.
 */
public final class RecordSpec {

    final ProviderSet provider;
    CipherSuite suite;
    ProtocolVersion version;
    SessionKeys keys;
    ConnectionEnd writer;
    WorkSpace workSpace;
    CbcMacCheck macCheck = CbcMacCheck.PROVIDER;
    BufferPool pool = BufferPool.shared();
    SecureRandom random;
    long firstSequence;

    private RecordSpec(ProviderSet provider) {
        if (provider == null) {
            throw new IllegalArgumentException("provider is required");
        }
        this.provider = provider;
        this.workSpace = WorkSpace.preferredFor(provider.id());
    }

    private RecordSpec copy() {
        RecordSpec s = new RecordSpec(provider);
        s.suite = suite;
        s.version = version;
        s.keys = keys;
        s.writer = writer;
        s.workSpace = workSpace;
        s.macCheck = macCheck;
        s.pool = pool;
        s.random = random;
        s.firstSequence = firstSequence;
        return s;
    }

    /** A spec for records protected by this provider's primitives; everything else still to say. */
    public static RecordSpec of(ProviderSet provider) {
        return new RecordSpec(provider);
    }

    public RecordSpec suite(CipherSuite s, ProtocolVersion v) {
        return with(c -> {
            c.suite = s;
            c.version = v;
        });
    }

    /** The key block, and the side whose write keys protect the records. */
    public RecordSpec keys(SessionKeys k, ConnectionEnd w) {
        return with(c -> {
            c.keys = k;
            c.writer = w;
        });
    }

    /** Heap or pooled direct work space (the benchmarks compare the two). */
    public RecordSpec workSpace(WorkSpace w) {
        required(w, "work space");
        return with(c -> c.workSpace = w);
    }

    /** How CBC open checks the MAC (see {@link CbcMacCheck}); sealing and other kinds ignore it. */
    public RecordSpec macCheck(CbcMacCheck m) {
        required(m, "CBC MAC check");
        return with(c -> c.macCheck = m);
    }

    /** Where a direct work space comes from (and goes back to, zeroed). */
    public RecordSpec pool(BufferPool p) {
        required(p, "buffer pool");
        return with(c -> c.pool = p);
    }

    public RecordSpec random(SecureRandom r) {
        return with(c -> c.random = r);
    }

    /** The first record's sequence number (tests of the 2^64 limit, or of a connection's later records). */
    public RecordSpec firstSequence(long n) {
        return with(c -> c.firstSequence = n);
    }

    /** A copy with one change: the spec itself never changes once made. */
    private RecordSpec with(Consumer<RecordSpec> change) {
        RecordSpec c = copy();
        change.accept(c);
        return c;
    }

    private static void required(Object value, String what) {
        if (value == null) {
            throw new IllegalArgumentException(what + " is required");
        }
    }

    /** This spec, once it names everything a half needs and the keys fit the suite and version. */
    RecordSpec checked() {
        if (suite == null || version == null || keys == null || writer == null) {
            throw new IllegalArgumentException("suite, version, keys and writer are required");
        }
        suite.checkVersion(version);
        if (!keys.layout().matches(suite, version)) {
            throw new IllegalArgumentException("session keys are for " + keys.layout() + ", not " + suite + " in " + version);
        }
        return this;
    }

    byte[] macKey() {
        return writer == ConnectionEnd.CLIENT ? keys.clientMacKey : keys.serverMacKey;
    }

    byte[] writeKey() {
        return writer == ConnectionEnd.CLIENT ? keys.clientWriteKey : keys.serverWriteKey;
    }

    /** The key block's IV: CBC's first IV in SSLv3 and TLS 1.0, GCM's implicit salt. */
    byte[] iv() {
        return writer == ConnectionEnd.CLIENT ? keys.clientIv : keys.serverIv;
    }

    SecureRandom randomOrNew() {
        return random != null ? random : new SecureRandom();
    }

    BufferPool pool() {
        return pool;
    }
}
