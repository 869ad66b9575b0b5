package io.tlsbench.bench.axis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tlsbench.provider.ProviderId;
import io.tlsbench.suite.CipherSuite;
import io.tlsbench.suite.ProtocolVersion;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The axes read both spellings a run folder may hold, and name their values as reports always have. */
class AxisTest {

    static final List<Axis<?>> ALL = List.of(Axis.PROVIDER, Axis.RECORD_SUITE, Axis.VERSION, Axis.SIZE, Axis.BUFFER,
            Axis.CIPHER, Axis.MAC, Axis.ENGINE, Axis.IMPL, Axis.SCHEDULE, Axis.STACK, Axis.CONFIG, Axis.HANDSHAKE_SUITE,
            Axis.MODE);

    /** What earlier runs' jmh.json hold (results/2026-11-27T*), and what each means. */
    @Test
    void earlierRunsSpellingsParse() {
        assertEquals(ProviderId.SUNJCE, Axis.PROVIDER.parse("sunjce"));
        assertEquals(ProviderId.CONSCRYPT, Axis.PROVIDER.parse("conscrypt"));
        assertEquals(RecordSuite.AES_128_CBC_SHA, Axis.RECORD_SUITE.parse("AES-128-CBC-SHA"));
        assertEquals(RecordSuite.DES_EDE_CBC_SHA, Axis.RECORD_SUITE.parse("3DES-EDE-CBC-SHA"));
        assertEquals(RecordSuite.AES_128_GCM, Axis.RECORD_SUITE.parse("AES-128-GCM"));
        assertEquals(RecordSuite.RC4_128_MD5, Axis.RECORD_SUITE.parse("RC4-128-MD5"));
        assertEquals(ProtocolVersion.TLS10, Axis.VERSION.parse("tls10"));
        assertEquals(ProtocolVersion.TLS12, Axis.VERSION.parse("tls12"));
        assertEquals(RecordSize.B16384, Axis.SIZE.parse("16384"));
        assertEquals(RecordSize.B64, Axis.SIZE.parse("64"));
        assertEquals(BufferKind.DIRECT, Axis.BUFFER.parse("direct"));
        assertEquals(CeilingCipher.RC4, Axis.CIPHER.parse("RC4"));
        assertEquals(CeilingCipher.DES_EDE_CBC, Axis.CIPHER.parse("3DES-EDE-CBC"));
        assertEquals(CeilingMac.HMAC_SHA1, Axis.MAC.parse("HmacSHA1"));
        assertEquals(CeilingMac.HMAC_SHA256, Axis.MAC.parse("HmacSHA256"));
        assertEquals(Engine.JDK, Axis.ENGINE.parse("jdk"));
        assertEquals(KeyScheduleImpl.CORE_ACCP, Axis.IMPL.parse("core-accp"));
        assertEquals(KeyScheduleImpl.BCTLS, Axis.IMPL.parse("bctls"));
        assertEquals(Schedule.TLS12_SHA256, Axis.SCHEDULE.parse("tls12-sha256"));
        assertEquals(Stack.BCJSSE, Axis.STACK.parse("bcjsse"));
        assertEquals(ProviderConfig.ACCP_FIRST, Axis.CONFIG.parse("accp-first"));
        assertEquals(ProviderConfig.JDK, Axis.CONFIG.parse("jdk"));
        assertEquals(HandshakeMode.CLIENT_AUTH, Axis.MODE.parse("clientauth"));
        assertEquals(CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA, Axis.HANDSHAKE_SUITE.parse("TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA"));
    }

    /** New runs write the constant names JMH takes; they read back to the same values, and label as before. */
    @Test
    void everyValueRoundTripsThroughBothSpellings() {
        for (Axis<?> a : ALL) {
            roundTrip(a);
        }
    }

    private static <T> void roundTrip(Axis<T> a) {
        for (T v : a.values()) {
            assertEquals(v, a.parse(a.jmh(v)), a + " " + v);
            assertEquals(v, a.parse(a.label(v)), a + " " + v);
        }
    }

    @Test
    void labelsAreTheReportsNames() {
        assertEquals("accp-first", Axis.CONFIG.label(ProviderConfig.ACCP_FIRST));
        assertEquals("core-conscrypt", Axis.IMPL.label(KeyScheduleImpl.CORE_CONSCRYPT));
        assertEquals("3DES-EDE-CBC-SHA", Axis.RECORD_SUITE.label(RecordSuite.DES_EDE_CBC_SHA));
        assertEquals("DES_EDE_CBC_SHA", Axis.RECORD_SUITE.jmh(RecordSuite.DES_EDE_CBC_SHA));
        assertEquals("tls12", Axis.VERSION.label(ProtocolVersion.TLS12));
        assertEquals("sunjce", Axis.PROVIDER.label(ProviderId.SUNJCE));
        assertEquals("16384", Axis.SIZE.label(RecordSize.B16384));
        assertEquals("B16384", Axis.SIZE.jmh(RecordSize.B16384));
    }

    @Test
    void unknownValuesNameTheAxis() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Axis.RECORD_SUITE.parse("NULL-SHA"));
        assertTrue(e.getMessage().startsWith("unknown record suite 'NULL-SHA' (AES-128-CBC-SHA, "), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Axis.CONFIG.parse("nss-first"));
        assertThrows(IllegalArgumentException.class, () -> Axis.SIZE.parse("4096"));
        assertThrows(IllegalArgumentException.class, () -> Axis.MODE.parse(null));
    }

    /** A record suite's name comes from the suite table's IANA name; the measured suites and their ceilings. */
    @Test
    void recordSuitesFollowTheSuiteTable() {
        assertEquals("AES-128-GCM", RecordSuite.shortName(CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256));
        assertEquals("AES-256-GCM", RecordSuite.shortName(CipherSuite.TLS_RSA_WITH_AES_256_GCM_SHA384));
        assertEquals("AES-256-CBC-SHA384", RecordSuite.shortName(CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384));
        assertEquals("RC4-128-MD5", RecordSuite.shortName(CipherSuite.TLS_RSA_WITH_RC4_128_MD5));
        assertEquals(RecordSuite.AES_128_GCM, RecordSuite.of(CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256));
        assertEquals(RecordSuite.AES_128_CBC_SHA, RecordSuite.of(CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA));
        assertNull(RecordSuite.of(CipherSuite.TLS_RSA_WITH_AES_256_GCM_SHA384));
        assertEquals(CeilingCipher.RC4, RecordSuite.RC4_128_MD5.ceilingCipher());
        assertEquals(CeilingMac.HMAC_MD5, RecordSuite.RC4_128_MD5.ceilingMac());
        assertEquals(CeilingCipher.DES_EDE_CBC, RecordSuite.DES_EDE_CBC_SHA.ceilingCipher());
        assertEquals(CeilingMac.HMAC_SHA256, RecordSuite.AES_128_CBC_SHA256.ceilingMac());
        assertEquals(CeilingCipher.AES_128_GCM, RecordSuite.AES_128_GCM.ceilingCipher());
        assertNull(RecordSuite.AES_128_GCM.ceilingMac());
        assertTrue(RecordSuite.AES_128_GCM.aead());
    }

    @Test
    void providerConfigurationsNameTheProviderAskedFirst() {
        assertEquals(ProviderId.SUNJCE, ProviderConfig.JDK.first);
        assertEquals(ProviderId.BC, ProviderConfig.BC_FIRST.first);
        assertTrue(ProviderConfig.JDK.jdkDefault());
        assertEquals(Engine.JDK, Engine.of(Stack.JSSE));
        assertNull(Engine.of(Stack.BCJSSE));
        assertEquals(KeyScheduleImpl.CORE_BC, KeyScheduleImpl.core(ProviderId.BC));
    }
}
