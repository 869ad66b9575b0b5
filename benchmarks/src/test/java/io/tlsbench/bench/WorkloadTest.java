package io.tlsbench.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tlsbench.bench.axis.BufferKind;
import io.tlsbench.bench.axis.CeilingCipher;
import io.tlsbench.bench.axis.CeilingMac;
import io.tlsbench.bench.axis.Engine;
import io.tlsbench.bench.axis.KeyScheduleImpl;
import io.tlsbench.bench.axis.RecordSize;
import io.tlsbench.bench.axis.RecordSuite;
import io.tlsbench.bench.axis.Schedule;
import io.tlsbench.kdf.SessionKeys;
import io.tlsbench.provider.ProviderId;
import io.tlsbench.provider.Providers;
import io.tlsbench.record.ContentType;
import io.tlsbench.suite.CipherSuite;
import io.tlsbench.suite.ProtocolVersion;
import java.nio.ByteBuffer;
import java.util.List;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.Test;

/** The workloads do what they claim: records open to what was sealed, engines unwrap what they wrapped, implementations agree. */
class WorkloadTest {

    private static final List<ProtocolVersion> VERSIONS = List.of(ProtocolVersion.TLS10, ProtocolVersion.TLS12);
    private static final RecordSize[] SIZES = RecordSize.values();

    /** open() opens what was sealed: every record of the ring, across a rewind, for every provider, suite and version. */
    @Test
    void recordOpenReturnsWhatWasSealed() throws Exception {
        int checked = 0;
        for (ProviderId id : ProviderId.values()) {
            if (!Providers.get(id).available()) {
                continue;
            }
            for (ProtocolVersion version : VERSIONS) {
                int i = 0;
                for (RecordSuite suite : RecordSuite.protectedBy(id, version)) {
                    int size = SIZES[i % SIZES.length].bytes;
                    BufferKind buffer = (i++ & 1) == 1 ? BufferKind.DIRECT : BufferKind.HEAP;
                    try (RecordWorkload w = new RecordWorkload(id, suite.suite, version, size, buffer, 7)) {
                        String what = id + " " + suite + " " + version + " " + size + " " + buffer;
                        byte[] plain = w.plaintext();
                        for (int n = 0; n < w.ringRecords() + 5; n++) {
                            assertEquals(ContentType.APPLICATION_DATA, w.open(), what);
                            assertArrayEquals(plain, w.lastOpened(), what + ", record " + n);
                        }
                        assertEquals(1, w.rewinds(), what + ": the ring was replayed once");
                        int length = w.seal();
                        ByteBuffer record = w.lastSealed();
                        assertEquals(length, record.remaining(), what);
                        assertEquals(ContentType.APPLICATION_DATA, record.get(0), what);
                        assertEquals(version.wire(), record.getShort(1) & 0xffff, what);
                        assertEquals(length - 5, record.getShort(3) & 0xffff, what);
                        assertFalse(contains(record, plain), what + ": the sealed record carries the plaintext in the clear");
                        checked++;
                    }
                }
            }
        }
        assertTrue(checked >= 24, "combinations checked: " + checked);
    }

    @Test
    void recordSealedByOneWorkloadOpensWithTheSameKeys() throws Exception {
        // Independent of the ring: a record from seal() opens with a fresh opener of the same keys,
        // provided it is the sealer's first record (TLS 1.2 GCM: the state is only the sequence number).
        RecordWorkload w = new RecordWorkload(ProviderId.SUNJCE, CipherSuite.TLS_RSA_WITH_AES_128_GCM_SHA256, ProtocolVersion.TLS12,
                1024, BufferKind.HEAP, 3);
        io.tlsbench.record.RecordSealer first = w.newSealer();
        io.tlsbench.record.RecordOpener opener = w.newOpener();
        ByteBuffer in = ByteBuffer.wrap(w.plaintext());
        ByteBuffer record = ByteBuffer.allocate(first.sealedLength(1024));
        first.seal(ContentType.APPLICATION_DATA, in, record);
        record.flip();
        ByteBuffer out = ByteBuffer.allocate(1024);
        opener.open(record, out);
        assertArrayEquals(w.plaintext(), out.array());
        first.close();
        opener.close();
        w.close();
    }

    @Test
    void unsupportedCombinationsAreRefusedInSetup() {
        assertThrows(IllegalArgumentException.class, () -> new RecordWorkload(ProviderId.SUNJCE,
                CipherSuite.TLS_RSA_WITH_AES_128_GCM_SHA256, ProtocolVersion.TLS10, 64, BufferKind.HEAP, 1));
        assertThrows(IllegalArgumentException.class, () -> new RecordWorkload(ProviderId.SUNJCE,
                CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA256, ProtocolVersion.TLS10, 64, BufferKind.HEAP, 1));
        if (Providers.get(ProviderId.ACCP).available()) {
            assertThrows(IllegalArgumentException.class, () -> new RecordWorkload(ProviderId.ACCP,
                    CipherSuite.TLS_RSA_WITH_RC4_128_SHA, ProtocolVersion.TLS12, 64, BufferKind.HEAP, 1));
            assertThrows(IllegalArgumentException.class, () -> new CipherCeiling(ProviderId.ACCP, CeilingCipher.DES_EDE_CBC, 64));
        }
        assertThrows(IllegalArgumentException.class, () -> new JsseRecordWorkload(Engine.CONSCRYPT, RecordSuite.AES_128_CBC_SHA,
                ProtocolVersion.TLS10, 64, BufferKind.HEAP));
        assertThrows(IllegalArgumentException.class, () -> new JsseRecordWorkload(Engine.CONSCRYPT, RecordSuite.RC4_128_SHA,
                ProtocolVersion.TLS12, 64, BufferKind.HEAP));
        // A suite that is not a record suite at all ("NULL-SHA" before the axis was typed): the record axis refuses it.
        assertThrows(IllegalArgumentException.class, () -> io.tlsbench.bench.axis.Axis.RECORD_SUITE.parse("NULL-SHA"));
    }

    @Test
    void sslEngineUnwrapReturnsWhatWasWrapped() throws Exception {
        for (Engine engine : Engine.values()) {
            for (ProtocolVersion v : VERSIONS) {
                for (RecordSuite suite : JsseRecordWorkload.supportedSuites(engine, v)) {
                    JsseRecordWorkload w = new JsseRecordWorkload(engine, suite, v, 100, BufferKind.DIRECT);
                    for (int round = 0; round < 2; round++) {
                        w.refill();
                        for (int i = 0; i < JsseRecordWorkload.RING; i++) {
                            assertEquals(100, w.unwrapNext(), engine + " " + suite + " " + v);
                            assertArrayEquals(w.plaintext(), w.lastUnwrapped(), engine + " " + suite + " " + v);
                        }
                    }
                    assertTrue(w.negotiated().endsWith(suite.suite.name)
                            || w.negotiated().endsWith(suite.suite.sslAlias), w.negotiated());
                }
            }
        }
        // Conscrypt's engine is TLS 1.2 only, with AES-CBC-SHA and AES-GCM of these suites.
        if (Providers.get(ProviderId.CONSCRYPT).available()) {
            assertEquals(List.of(), JsseRecordWorkload.supportedSuites(Engine.CONSCRYPT, ProtocolVersion.TLS10));
            assertEquals(List.of(RecordSuite.AES_128_CBC_SHA, RecordSuite.AES_256_CBC_SHA, RecordSuite.AES_128_GCM),
                    JsseRecordWorkload.supportedSuites(Engine.CONSCRYPT, ProtocolVersion.TLS12));
        }
    }

    @Test
    void ceilingsRoundTrip() throws Exception {
        for (ProviderId id : ProviderId.values()) {
            if (!Providers.get(id).available()) {
                continue;
            }
            for (CeilingCipher c : CipherCeiling.supported(id)) {
                CipherCeiling enc = new CipherCeiling(id, c, 1024);
                int n = enc.decrypt();
                if (c.gcm()) {
                    assertArrayEquals(enc.input(), enc.output(n), id + " " + c);
                }
                assertTrue(enc.encrypt() >= 1024, id + " " + c);
            }
            for (CeilingMac m : MacCeiling.supported(id)) {
                byte[] a = new MacCeiling(id, m, 64).mac().clone();
                byte[] b = new MacCeiling(id, m, 64).mac();
                assertArrayEquals(a, b, id + " " + m + " is deterministic");
                assertNotEquals(0, a.length);
            }
        }
    }

    private static boolean contains(ByteBuffer haystack, byte[] needle) {
        if (needle.length < 16) {
            return false;
        }
        byte[] h = new byte[haystack.remaining()];
        haystack.duplicate().get(h);
        outer:
        for (int i = 0; i + needle.length <= h.length; i++) {
            for (int j = 0; j < 16; j++) {
                if (h[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /** The workloads compute the same master secret and key block, whoever computes them. */
    @Test
    void implementationsAgreeOnTheKeys() {
        for (Schedule s : Schedule.values()) {
            long seed = 42 + s.ordinal();
            KeyScheduleWorkload core = KeyScheduleWorkload.create(KeyScheduleImpl.CORE_SUNJCE, s, seed);
            byte[] master = ((byte[]) core.masterSecret()).clone();
            byte[] keyBlock = ((SessionKeys) core.masterAndKeyBlock()).keyBlock();
            KeyScheduleWorkload jdk = KeyScheduleWorkload.create(KeyScheduleImpl.JDK, s, seed);
            KeyScheduleWorkload bc = KeyScheduleWorkload.create(KeyScheduleImpl.BCTLS, s, seed);
            assertArrayEquals(master, ((SecretKey) jdk.masterSecret()).getEncoded(), s.label + " jdk master");
            assertArrayEquals(master, (byte[]) bc.masterSecret(), s.label + " bctls master");
            assertArrayEquals(keyBlock, (byte[]) bc.masterAndKeyBlock(), s.label + " bctls key block");
        }
    }
}
