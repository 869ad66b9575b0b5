package io.tlsbench.record;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tlsbench.alert.AlertDescription;
import io.tlsbench.alert.TlsAlertException;
import io.tlsbench.buffer.BufferPool;
import io.tlsbench.kdf.SessionKeys;
import io.tlsbench.provider.ProviderId;
import io.tlsbench.provider.ProviderSet;
import io.tlsbench.provider.Providers;
import io.tlsbench.provider.UnsupportedPrimitiveException;
import io.tlsbench.suite.CipherSuite;
import io.tlsbench.suite.ConnectionEnd;
import io.tlsbench.suite.ProtocolVersion;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.Random;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class RecordBasicsTest {

    private static final ProviderSet JDK = Providers.require(ProviderId.SUNJCE);
    private static final CipherSuite AES = CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA;

    @Test
    void headerCodecRoundTrips() throws TlsAlertException {
        ByteBuffer b = ByteBuffer.allocate(5 + 300);
        RecordHeader.write(b, 0, ContentType.HANDSHAKE, 0x0303, 300);
        assertArrayEquals(new byte[] {22, 3, 3, 1, 44}, java.util.Arrays.copyOf(b.array(), 5));
        assertEquals(ContentType.HANDSHAKE, RecordHeader.type(b, 0));
        assertEquals(0x0303, RecordHeader.version(b, 0));
        assertEquals(300, RecordHeader.length(b, 0));
        assertEquals(300, RecordHeader.check(b, 0x0303));
    }

    @Test
    void accpPairedWithRc4Or3desIsAClearError() {
        ProviderSet accp = Providers.get(ProviderId.ACCP);
        Assumptions.assumeTrue(accp.available(), "ACCP unavailable: " + accp.unavailableReason());
        for (CipherSuite s : new CipherSuite[] {CipherSuite.TLS_RSA_WITH_RC4_128_SHA, CipherSuite.TLS_RSA_WITH_3DES_EDE_CBC_SHA}) {
            SessionKeys keys = RoundTripTest.keys(s, ProtocolVersion.TLS12, 1);
            UnsupportedPrimitiveException e = assertThrows(UnsupportedPrimitiveException.class, () ->
                    RecordSealer.create(spec(accp, s, ProtocolVersion.TLS12, keys, ConnectionEnd.CLIENT)));
            assertTrue(e.getMessage().contains("ACCP") && e.getMessage().contains(s.cipher.transformation.split("/")[0]),
                    e.getMessage());
        }
    }

    /** Output may share memory with the input: open a record into its own buffer, seal over the plaintext. */
    @Test
    void sealAndOpenInPlace() throws TlsAlertException {
        CipherSuite[] suites = {AES, AES, CipherSuite.TLS_RSA_WITH_RC4_128_SHA, CipherSuite.TLS_RSA_WITH_AES_128_GCM_SHA256};
        ProtocolVersion[] versions = {ProtocolVersion.TLS10, ProtocolVersion.TLS12, ProtocolVersion.TLS12, ProtocolVersion.TLS12};
        for (int i = 0; i < suites.length; i++) {
            CipherSuite s = suites[i];
            ProtocolVersion v = versions[i];
            SessionKeys keys = RoundTripTest.keys(s, v, 3);
            RecordSealer sealer = RecordSealer.create(spec(JDK, s, v, keys, ConnectionEnd.SERVER).random(new SecureRandom()));
            RecordOpener opener = RecordOpener.create(spec(JDK, s, v, keys, ConnectionEnd.SERVER));
            byte[] plain = new byte[1000];
            new Random(5).nextBytes(plain);
            ByteBuffer buf = ByteBuffer.allocate(sealer.sealedLength(plain.length));
            buf.put(plain).flip();
            ByteBuffer out = buf.duplicate();
            out.clear();
            int n = sealer.seal(ContentType.APPLICATION_DATA, buf, out);
            buf.clear().limit(n);
            ByteBuffer plainOut = buf.duplicate();
            plainOut.clear();
            opener.open(buf, plainOut);
            plainOut.flip();
            byte[] got = new byte[plainOut.remaining()];
            plainOut.get(got);
            assertArrayEquals(plain, got, s + " " + v);
        }
    }

    /** A half cannot be used in the wrong direction at all (it has no such method); a closed one refuses with an alert. */
    @Test
    void closedHalvesRefuseWithAnAlert() throws TlsAlertException {
        SessionKeys keys = RoundTripTest.keys(AES, ProtocolVersion.TLS12, 4);
        RecordSealer sealer = RecordSealer.create(spec(JDK, AES, ProtocolVersion.TLS12, keys, ConnectionEnd.CLIENT));
        RecordOpener opener = RecordOpener.create(spec(JDK, AES, ProtocolVersion.TLS12, keys, ConnectionEnd.CLIENT));
        ByteBuffer out = ByteBuffer.allocate(100);
        sealer.seal(ContentType.APPLICATION_DATA, ByteBuffer.allocate(1), out);
        sealer.close();
        TlsAlertException e = assertThrows(TlsAlertException.class,
                () -> sealer.seal(ContentType.APPLICATION_DATA, ByteBuffer.allocate(1), ByteBuffer.allocate(100)));
        assertEquals(AlertDescription.INTERNAL_ERROR, e.description());
        assertTrue(e.getMessage().contains("closed"), e.getMessage());
        out.flip();
        opener.close();
        e = assertThrows(TlsAlertException.class, () -> opener.open(out, ByteBuffer.allocate(100)));
        assertEquals(AlertDescription.INTERNAL_ERROR, e.description());
        assertTrue(e.getMessage().contains("closed"), e.getMessage());
        assertEquals(0, out.position(), "a closed opener reads nothing");
    }

    /** The direct work space (from the spec's pool) opens what the heap one seals, and gives its buffer back on close. */
    @Test
    void directWorkSpaceRoundTripsAndReturnsItsPooledBuffer() throws TlsAlertException {
        BufferPool pool = new BufferPool();
        for (ProviderSet p : Providers.all()) {
            if (!p.available()) {
                continue;
            }
            for (CipherSuite s : new CipherSuite[] {AES, CipherSuite.TLS_RSA_WITH_AES_128_GCM_SHA256,
                    CipherSuite.TLS_RSA_WITH_RC4_128_SHA}) {
                if (!RoundTripTest.offers(p, s)) {
                    continue;
                }
                SessionKeys keys = RoundTripTest.keys(s, ProtocolVersion.TLS12, 8);
                RecordSpec spec = spec(p, s, ProtocolVersion.TLS12, keys, ConnectionEnd.CLIENT).pool(pool);
                RecordSealer sealer = RecordSealer.create(spec.workSpace(WorkSpace.HEAP).random(new SecureRandom()));
                RecordOpener opener = RecordOpener.create(spec.workSpace(WorkSpace.DIRECT));
                assertEquals(1, pool.stats().outstanding(), "the direct work space is the spec's pool's");
                byte[] plain = new byte[5000];
                new Random(9).nextBytes(plain);
                ByteBuffer wire = ByteBuffer.allocateDirect(sealer.sealedLength(plain.length));
                sealer.seal(ContentType.APPLICATION_DATA, ByteBuffer.wrap(plain), wire);
                wire.flip();
                ByteBuffer out = ByteBuffer.allocateDirect(plain.length);
                opener.open(wire, out);
                out.flip();
                byte[] got = new byte[out.remaining()];
                out.get(got);
                assertArrayEquals(plain, got, p.id() + " " + s);
                sealer.close();
                opener.close();
                assertEquals(0, pool.stats().outstanding(), "pooled buffer returned");
            }
        }
    }

    @Test
    void keysForAnotherSuiteAreRefused() {
        SessionKeys keys = RoundTripTest.keys(AES, ProtocolVersion.TLS10, 6);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RecordSealer.create(
                spec(JDK, AES, ProtocolVersion.TLS12, keys, ConnectionEnd.CLIENT)));
        assertTrue(e.getMessage().contains("session keys are for"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> RecordOpener.create(
                spec(JDK, AES, ProtocolVersion.TLS12, keys, ConnectionEnd.CLIENT)));
        assertTrue(e.getMessage().contains("session keys are for"), e.getMessage());
    }

    @Test
    void anIncompleteSpecIsRefused() {
        SessionKeys keys = RoundTripTest.keys(AES, ProtocolVersion.TLS12, 6);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RecordSealer.create(RecordSpec.of(JDK).suite(AES, ProtocolVersion.TLS12)));
        assertEquals("suite, version, keys and writer are required", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> RecordOpener.create(RecordSpec.of(JDK).keys(keys, ConnectionEnd.CLIENT)));
        assertEquals("suite, version, keys and writer are required", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> RecordSpec.of(null));
        assertThrows(IllegalArgumentException.class, () -> RecordSpec.of(JDK).pool(null));
        assertThrows(IllegalArgumentException.class, () -> RecordSpec.of(JDK).macCheck(null));
    }

    static RecordSpec spec(ProviderSet p, CipherSuite s, ProtocolVersion v, SessionKeys keys, ConnectionEnd writer) {
        return RecordSpec.of(p).suite(s, v).keys(keys, writer);
    }
}
