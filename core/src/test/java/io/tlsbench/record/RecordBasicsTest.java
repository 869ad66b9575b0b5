package io.tlsbench.record;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tlsbench.alert.AlertDescription;
import io.tlsbench.alert.TlsAlertException;
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
                    RecordCipher.create(s, ProtocolVersion.TLS12, keys, ConnectionEnd.CLIENT, true, accp, null));
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
            RecordCipher sealer = RecordCipher.create(s, v, keys, ConnectionEnd.SERVER, true, JDK, new SecureRandom());
            RecordCipher opener = RecordCipher.create(s, v, keys, ConnectionEnd.SERVER, false, JDK, null);
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

    @Test
    void wrongDirectionAndClosedCiphersRefuseWithAnAlert() throws TlsAlertException {
        SessionKeys keys = RoundTripTest.keys(AES, ProtocolVersion.TLS12, 4);
        RecordCipher sealer = RecordCipher.create(AES, ProtocolVersion.TLS12, keys, ConnectionEnd.CLIENT, true, JDK, null);
        RecordCipher opener = RecordCipher.create(AES, ProtocolVersion.TLS12, keys, ConnectionEnd.CLIENT, false, JDK, null);
        ByteBuffer out = ByteBuffer.allocate(100);
        TlsAlertException e = assertThrows(TlsAlertException.class,
                () -> opener.seal(ContentType.APPLICATION_DATA, ByteBuffer.allocate(1), out));
        assertEquals(AlertDescription.INTERNAL_ERROR, e.description());
        sealer.seal(ContentType.APPLICATION_DATA, ByteBuffer.allocate(1), out);
        sealer.close();
        e = assertThrows(TlsAlertException.class,
                () -> sealer.seal(ContentType.APPLICATION_DATA, ByteBuffer.allocate(1), ByteBuffer.allocate(100)));
        assertTrue(e.getMessage().contains("closed"), e.getMessage());
    }

    /** The direct work space (pooled) opens what the heap one seals, and gives its buffer back zeroed on close. */
    @Test
    void directWorkSpaceRoundTripsAndReturnsItsPooledBuffer() throws TlsAlertException {
        long before = io.tlsbench.buffer.BufferPool.shared().stats().outstanding();
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
                RecordCipher sealer = RecordCipher.create(s, ProtocolVersion.TLS12, keys, ConnectionEnd.CLIENT, true, p,
                        WorkSpace.HEAP, new SecureRandom(), 0);
                RecordCipher opener = RecordCipher.create(s, ProtocolVersion.TLS12, keys, ConnectionEnd.CLIENT, false, p,
                        WorkSpace.DIRECT, null, 0);
                assertEquals(before + 1, io.tlsbench.buffer.BufferPool.shared().stats().outstanding());
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
                assertEquals(before, io.tlsbench.buffer.BufferPool.shared().stats().outstanding(), "pooled buffer returned");
            }
        }
    }

    @Test
    void keysForAnotherSuiteAreRefused() {
        SessionKeys keys = RoundTripTest.keys(AES, ProtocolVersion.TLS10, 6);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RecordCipher.create(
                AES, ProtocolVersion.TLS12, keys, ConnectionEnd.CLIENT, true, JDK, null));
        assertTrue(e.getMessage().contains("session keys are for"), e.getMessage());
    }
}
