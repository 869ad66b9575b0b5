package io.tlsbench.bench.axis;

import io.tlsbench.kdf.KeyBlockLayout;
import io.tlsbench.kdf.PrfAlgorithm;
import io.tlsbench.suite.CipherSuite;
import io.tlsbench.suite.ProtocolVersion;

/** The key-schedule shapes the benchmarks compare: a version, a suite, and so a PRF and key block. */
public enum Schedule implements Labelled {
    SSL3("ssl3", ProtocolVersion.SSL3, CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA),
    TLS10("tls10", ProtocolVersion.TLS10, CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA),
    TLS12_SHA256("tls12-sha256", ProtocolVersion.TLS12, CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA256),
    TLS12_SHA384("tls12-sha384", ProtocolVersion.TLS12, CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384);

    public final String label;
    public final ProtocolVersion version;
    public final CipherSuite suite;

    Schedule(String label, ProtocolVersion version, CipherSuite suite) {
        this.label = label;
        this.version = version;
        this.suite = suite;
    }

    public PrfAlgorithm prf() {
        return PrfAlgorithm.of(version, suite);
    }

    public KeyBlockLayout layout() {
        return KeyBlockLayout.of(suite, version);
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return label;
    }
}
