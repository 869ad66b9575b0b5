package io.tlsbench.provider;

import static io.tlsbench.suite.CipherSuite.TLS_DHE_DSS_WITH_AES_128_CBC_SHA;
import static io.tlsbench.suite.CipherSuite.TLS_DHE_RSA_WITH_AES_128_CBC_SHA;
import static io.tlsbench.suite.CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA;
import static io.tlsbench.suite.CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA;
import static io.tlsbench.suite.CipherSuite.TLS_RSA_WITH_AES_128_GCM_SHA256;
import static io.tlsbench.suite.CipherSuite.TLS_RSA_WITH_RC4_128_SHA;
import static io.tlsbench.suite.CipherSuite.TLS_RSA_WITH_3DES_EDE_CBC_SHA;
import static io.tlsbench.suite.ProtocolVersion.TLS10;
import static io.tlsbench.suite.ProtocolVersion.TLS12;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tlsbench.suite.CipherSuite;
import java.security.Security;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** What a provider configuration can do with a suite, asked of configurations whose primitives are known. */
class SuiteSupportTest {

    /**
     * SunJCE and SUN without SunEC and SunRsaSign: ciphers, MACs, DH and the RSA cipher (SunJCE),
     * digests and DSA signatures (SUN); no ECDH, no ECDSA, no RSA signatures.
     */
    private static SuiteSupport sunJceAndSun() {
        return SuiteSupport.of(ProviderSet.available(ProviderId.SUNJCE,
                List.of(Security.getProvider("SunJCE"), Security.getProvider("SUN"))));
    }

    @Test
    void recordsNeedTheVersionToAllowTheSuite() {
        SuiteSupport jdk = SuiteSupport.of(ProviderId.SUNJCE);
        assertEquals("TLS_RSA_WITH_AES_128_GCM_SHA256 is not allowed in tls10", jdk.records(TLS_RSA_WITH_AES_128_GCM_SHA256, TLS10));
        assertNull(jdk.records(TLS_RSA_WITH_AES_128_GCM_SHA256, TLS12));
        assertNull(jdk.records(TLS_RSA_WITH_RC4_128_SHA, TLS10));
    }

    /** The JDK's providers protect every suite's records in every version the suite allows. */
    @Test
    void recordSuitesFollowTheTableOrder() {
        List<CipherSuite> tls10 = CipherSuite.all().stream().filter(s -> s.minVersion.compareTo(TLS10) <= 0).toList();
        assertEquals(tls10, SuiteSupport.of(ProviderId.SUNJCE).recordSuites(CipherSuite.all(), TLS10));
        assertEquals(List.of(TLS_RSA_WITH_RC4_128_SHA, TLS_RSA_WITH_AES_128_CBC_SHA),
                SuiteSupport.of(ProviderId.SUNJCE).recordSuites(
                        List.of(TLS_RSA_WITH_AES_128_GCM_SHA256, TLS_RSA_WITH_RC4_128_SHA, TLS_RSA_WITH_AES_128_CBC_SHA), TLS10));
    }

    @Test
    void handshakesNeedTheKeyExchangeAndTheSignature() {
        SuiteSupport s = sunJceAndSun();
        assertNull(s.handshake(TLS_RSA_WITH_AES_128_CBC_SHA));
        assertNull(s.handshake(TLS_DHE_DSS_WITH_AES_128_CBC_SHA));
        assertEquals("SunJCE lacks RSA_SIGNATURE", s.handshake(TLS_DHE_RSA_WITH_AES_128_CBC_SHA));
        assertEquals("SunJCE lacks ECDH, ECDSA", s.handshake(TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA));
    }

    @Test
    void usableKeepsWhatCanBeCarriedOutInTheRangeInOrder() {
        SuiteSupport s = sunJceAndSun();
        List<CipherSuite> wanted = List.of(TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA, TLS_RSA_WITH_AES_128_GCM_SHA256,
                TLS_DHE_RSA_WITH_AES_128_CBC_SHA, TLS_DHE_DSS_WITH_AES_128_CBC_SHA, TLS_RSA_WITH_AES_128_CBC_SHA);
        assertEquals(List.of(TLS_RSA_WITH_AES_128_GCM_SHA256, TLS_DHE_DSS_WITH_AES_128_CBC_SHA, TLS_RSA_WITH_AES_128_CBC_SHA),
                s.usable(wanted, TLS10, TLS12));
        // GCM is TLS 1.2 only: out of a TLS 1.0 range.
        assertEquals(List.of(TLS_DHE_DSS_WITH_AES_128_CBC_SHA, TLS_RSA_WITH_AES_128_CBC_SHA), s.usable(wanted, TLS10, TLS10));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> s.usable(List.of(TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA), TLS10, TLS12));
        assertEquals("SunJCE can carry out none of the requested suites in TLSv1 to TLSv1.2", e.getMessage());
    }

    @Test
    void anUnavailableConfigurationSupportsNothing() {
        SuiteSupport none = SuiteSupport.of(ProviderSet.unavailable(ProviderId.BC, "not here"));
        assertEquals("BC is not available", none.records(TLS_RSA_WITH_AES_128_CBC_SHA, TLS12));
        assertEquals("BC is not available", none.handshake(TLS_RSA_WITH_AES_128_CBC_SHA));
        assertEquals(List.of(), none.recordSuites(List.of(TLS_RSA_WITH_AES_128_CBC_SHA), TLS12));
        assertThrows(IllegalArgumentException.class, () -> none.usable(List.of(TLS_RSA_WITH_AES_128_CBC_SHA), TLS12, TLS12));
    }

    /** ACCP has no RC4 or 3DES: it protects neither suite's records, and says what it lacks. */
    @Test
    void accpCannotProtectRc4Or3desRecords() {
        Assumptions.assumeTrue(Providers.get(ProviderId.ACCP).available(), "ACCP unavailable here");
        SuiteSupport accp = SuiteSupport.of(ProviderId.ACCP);
        String rc4 = accp.records(TLS_RSA_WITH_RC4_128_SHA, TLS12);
        assertTrue(rc4 != null && rc4.startsWith("ACCP lacks RC4"), rc4);
        String des = accp.records(TLS_RSA_WITH_3DES_EDE_CBC_SHA, TLS12);
        assertTrue(des != null && des.startsWith("ACCP lacks DESEDE_CBC"), des);
        assertNull(accp.records(TLS_RSA_WITH_AES_128_CBC_SHA, TLS12));
    }
}
