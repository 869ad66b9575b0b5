package io.tlsbench.handshake;

import io.tlsbench.buffer.BufferPool;
import io.tlsbench.provider.Primitive;
import io.tlsbench.provider.ProviderSet;
import io.tlsbench.provider.SuiteSupport;
import io.tlsbench.record.CbcMacCheck;
import io.tlsbench.record.RecordSpec;
import io.tlsbench.suite.CipherSuite;
import io.tlsbench.suite.NamedGroup;
import io.tlsbench.suite.ProtocolVersion;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * What an engine may negotiate and with what: versions, suites in preference order, groups,
 * credentials, trust anchors, the session cache, the provider whose primitives it uses, how CBC
 * open checks the MAC and which pool the record buffers come from.
 * Immutable once built; one config serves many engines (and threads).
 */
public final class TlsConfig {

    /** Named groups (RFC 4492, RFC 7748 ids). */
    public static final int SECP256R1 = NamedGroup.SECP256R1;
    public static final int SECP384R1 = NamedGroup.SECP384R1;
    public static final int X25519 = NamedGroup.X25519;

    final ProviderSet provider;
    final ProtocolVersion minVersion;
    final ProtocolVersion maxVersion;
    final List<CipherSuite> suites;
    final List<Integer> groups;
    final List<Credential> credentials;
    final List<X509Certificate> trustAnchors;
    final boolean verifyPeer;
    final String serverName;
    final boolean checkServerName;
    final ClientAuth clientAuth;
    final SessionCache sessionCache;
    final boolean extendedMasterSecret;
    final boolean fallback;
    final Consumer<String> keyLog;
    final SecureRandom random;
    final CbcMacCheck cbcMacCheck;
    final BufferPool bufferPool;
    /** What every engine's record halves are made from, before the suite and keys are known. */
    final RecordSpec recordSpec;

    /** Whether the server asks for, or insists on, a client certificate. */
    public enum ClientAuth { NONE, REQUEST, REQUIRE }

    private TlsConfig(Builder b) {
        provider = b.provider;
        minVersion = b.minVersion;
        maxVersion = b.maxVersion;
        suites = SuiteSupport.of(b.provider).usable(b.suites, b.minVersion, b.maxVersion);
        groups = b.groups.stream().filter(g -> g != X25519 || b.provider.offers(Primitive.XDH)).toList();
        credentials = List.copyOf(b.credentials);
        trustAnchors = List.copyOf(b.trustAnchors);
        verifyPeer = b.verifyPeer;
        serverName = b.serverName;
        checkServerName = b.checkServerName;
        clientAuth = b.clientAuth;
        sessionCache = b.sessionCache;
        extendedMasterSecret = b.extendedMasterSecret;
        fallback = b.fallback;
        keyLog = b.keyLog;
        random = b.random;
        cbcMacCheck = b.cbcMacCheck;
        bufferPool = b.bufferPool;
        recordSpec = RecordSpec.of(provider).pool(bufferPool).macCheck(cbcMacCheck).random(random);
    }

    /** The version on the client's first records, before one is agreed: TLS 1.0, or SSLv3 if that is all it speaks. */
    ProtocolVersion helloRecordVersion() {
        return minVersion == ProtocolVersion.SSL3 && maxVersion == ProtocolVersion.SSL3
                ? ProtocolVersion.SSL3 : ProtocolVersion.TLS10;
    }

    public static Builder builder(ProviderSet provider) {
        return new Builder(provider);
    }

    public ProviderSet provider() {
        return provider;
    }

    public List<CipherSuite> suites() {
        return suites;
    }

    public SessionCache sessionCache() {
        return sessionCache;
    }

    public CbcMacCheck cbcMacCheck() {
        return cbcMacCheck;
    }

    public BufferPool bufferPool() {
        return bufferPool;
    }

    /**
     * Builder with defaults: TLS 1.0–1.2, every suite in table order, P-256 then X25519 then P-384;
     * CBC open with the provider's MAC ({@link CbcMacCheck#PROVIDER}); record buffers from the
     * process-wide {@link BufferPool#shared()}.
     */
    public static final class Builder {
        private final ProviderSet provider;
        private ProtocolVersion minVersion = ProtocolVersion.TLS10;
        private ProtocolVersion maxVersion = ProtocolVersion.TLS12;
        private List<CipherSuite> suites = CipherSuite.all();
        private List<Integer> groups = List.of(SECP256R1, X25519, SECP384R1);
        private final List<Credential> credentials = new ArrayList<>();
        private final List<X509Certificate> trustAnchors = new ArrayList<>();
        private boolean verifyPeer = true;
        private String serverName;
        private boolean checkServerName;
        private ClientAuth clientAuth = ClientAuth.NONE;
        private SessionCache sessionCache;
        private boolean extendedMasterSecret = true;
        private boolean fallback;
        private Consumer<String> keyLog;
        private SecureRandom random;
        private CbcMacCheck cbcMacCheck = CbcMacCheck.PROVIDER;
        private BufferPool bufferPool = BufferPool.shared();

        private Builder(ProviderSet provider) {
            if (provider == null || !provider.available()) {
                throw new IllegalArgumentException("an available provider is required"
                        + (provider == null ? "" : ": " + provider.unavailableReason()));
            }
            this.provider = provider;
        }

        public Builder versions(ProtocolVersion min, ProtocolVersion max) {
            if (min == null || max == null || min.compareTo(max) > 0) {
                throw new IllegalArgumentException("version range " + min + " to " + max + " is empty");
            }
            minVersion = min;
            maxVersion = max;
            return this;
        }

        public Builder suites(List<CipherSuite> s) {
            if (s == null || s.isEmpty()) {
                throw new IllegalArgumentException("at least one cipher suite is required");
            }
            suites = List.copyOf(s);
            return this;
        }

        public Builder groups(List<Integer> g) {
            groups = List.copyOf(g);
            return this;
        }

        public Builder credential(Credential c) {
            credentials.add(c);
            return this;
        }

        public Builder trust(X509Certificate anchor) {
            trustAnchors.add(anchor);
            return this;
        }

        /** Skip certificate verification (the CLI's --insecure). */
        public Builder insecure() {
            verifyPeer = false;
            return this;
        }

        /** SNI to send; with check, the server certificate must name it. */
        public Builder serverName(String name, boolean check) {
            serverName = name;
            checkServerName = check;
            return this;
        }

        public Builder clientAuth(ClientAuth a) {
            clientAuth = a;
            return this;
        }

        public Builder sessionCache(SessionCache c) {
            sessionCache = c;
            return this;
        }

        public Builder extendedMasterSecret(boolean on) {
            extendedMasterSecret = on;
            return this;
        }

        /** Client: this is a fallback retry at a lower version; send TLS_FALLBACK_SCSV (RFC 7507). */
        public Builder fallback(boolean on) {
            fallback = on;
            return this;
        }

        /** Receives one NSS key log line per handshake: CLIENT_RANDOM &lt;client_random&gt; &lt;master_secret&gt;. */
        public Builder keyLog(Consumer<String> sink) {
            keyLog = sink;
            return this;
        }

        public Builder random(SecureRandom r) {
            random = r;
            return this;
        }

        /** How CBC open checks the MAC (see {@link CbcMacCheck}): endpoints facing real peers want CONSTANT_TIME. */
        public Builder cbcMacCheck(CbcMacCheck m) {
            if (m == null) {
                throw new IllegalArgumentException("CBC MAC check is required");
            }
            cbcMacCheck = m;
            return this;
        }

        /** Where the engines' record buffers come from (a test or a server may keep its own accounts). */
        public Builder bufferPool(BufferPool p) {
            if (p == null) {
                throw new IllegalArgumentException("buffer pool is required");
            }
            bufferPool = p;
            return this;
        }

        public TlsConfig build() {
            if (random == null) {
                random = new SecureRandom();
            }
            return new TlsConfig(this);
        }
    }
}
