package io.tlsbench.bench.axis;

import io.tlsbench.provider.ProviderId;
import io.tlsbench.provider.SuiteSupport;
import io.tlsbench.suite.CipherKind;
import io.tlsbench.suite.CipherSuite;
import io.tlsbench.suite.ProtocolVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The suites whose record protection the record benchmarks measure. Records do not depend on the
 * key exchange, so each is named by its record protection alone, derived from the suite's IANA
 * name ({@link #shortName}): AES-128-CBC-SHA, 3DES-EDE-CBC-SHA, AES-128-GCM.
 */
public enum RecordSuite implements Labelled {
    AES_128_CBC_SHA(CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA),
    AES_256_CBC_SHA(CipherSuite.TLS_RSA_WITH_AES_256_CBC_SHA),
    AES_128_CBC_SHA256(CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA256),
    RC4_128_SHA(CipherSuite.TLS_RSA_WITH_RC4_128_SHA),
    RC4_128_MD5(CipherSuite.TLS_RSA_WITH_RC4_128_MD5),
    DES_EDE_CBC_SHA(CipherSuite.TLS_RSA_WITH_3DES_EDE_CBC_SHA),
    AES_128_GCM(CipherSuite.TLS_RSA_WITH_AES_128_GCM_SHA256);

    /** The suite whose records are measured (RSA key exchange: it does not change the records). */
    public final CipherSuite suite;
    private final String label;

    RecordSuite(CipherSuite suite) {
        this.suite = suite;
        this.label = shortName(suite);
    }

    @Override
    public String label() {
        return label;
    }

    /**
     * The name of a suite's record protection: the part of the IANA name after _WITH_, with '-'
     * for '_', and an AEAD suite's PRF hash dropped (it plays no part in the records, RFC 5288 §3):
     * TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256 → AES-128-GCM.
     */
    public static String shortName(CipherSuite suite) {
        String name = suite.name.substring(suite.name.indexOf("_WITH_") + "_WITH_".length());
        if (suite.cipher.kind == CipherKind.AEAD) {
            name = name.substring(0, name.lastIndexOf('_'));
        }
        return name.replace('_', '-').toUpperCase(Locale.ROOT);
    }

    /** The measured record protection of a suite (any key exchange), or null when none is measured. */
    public static RecordSuite of(CipherSuite suite) {
        for (RecordSuite r : values()) {
            if (r.suite.cipher == suite.cipher && r.suite.mac == suite.mac) {
                return r;
            }
        }
        return null;
    }

    /** The record suites a provider can protect in a version (asked of core's {@link SuiteSupport}), in order. */
    public static List<RecordSuite> protectedBy(ProviderId id, ProtocolVersion version) {
        SuiteSupport support = SuiteSupport.of(id);
        List<RecordSuite> out = new ArrayList<>();
        for (RecordSuite r : values()) {
            if (support.records(r.suite, version) == null) {
                out.add(r);
            }
        }
        return out;
    }

    public boolean aead() {
        return suite.cipher.kind == CipherKind.AEAD;
    }

    /** The ceiling benchmark's cipher for this record, or null when none is measured. */
    public CeilingCipher ceilingCipher() {
        return CeilingCipher.of(suite.cipher);
    }

    /** The ceiling benchmark's MAC for this record; null for AEAD or when none is measured. */
    public CeilingMac ceilingMac() {
        return CeilingMac.of(suite.mac);
    }

    @Override
    public String toString() {
        return label;
    }
}
