package io.tlsbench.record;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.management.ThreadMXBean;
import io.tlsbench.alert.TlsAlertException;
import io.tlsbench.kdf.SessionKeys;
import io.tlsbench.provider.ProviderId;
import io.tlsbench.provider.ProviderSet;
import io.tlsbench.suite.BulkCipher;
import io.tlsbench.suite.CipherKind;
import io.tlsbench.suite.CipherSuite;
import io.tlsbench.suite.ConnectionEnd;
import io.tlsbench.suite.ProtocolVersion;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Bytes allocated per 16 KB record by seal and by open, per suite × provider × buffer kind,
 * measured with the thread's allocated-bytes counter (com.sun.management.ThreadMXBean), not a
 * timing. Every path's figure is printed. The paths that should allocate nothing — SunJCE and BC
 * for CBC and RC4, heap and direct buffers — are held to under 16 B/record on average once two
 * allocation that is not the record layer's is accounted for, modelled exactly and printed in its
 * own column (TLS 1.1+ explicit IVs used to cost 64 B per record through SecureRandom.nextBytes —
 * the JDK's NativePRNG returns a fresh SHA-1 output per 20 bytes — until RandomBlocks replaced it):
 * <ul>
 * <li>BC's DESedeEngine.processBlock allocates a temporary new byte[8] for every 8-byte block
 *     (24 B per block, 3 B per byte of fragment), inside the provider; modelled as
 *     24 × fragment / 8 and subtracted.</li>
 * </ul>
 * The check is two-sided (|measured − accounted| &lt; 16), so an explanation that stops being
 * true (a BC release without the temporary) fails as loudly as a new allocation.
 * GCM (a new GCMParameterSpec and the provider's per-init state per record) and the JNI
 * providers (ACCP, Conscrypt) are printed, not asserted.
 *
 * <p>Record counts (the "records" column; warm-up + measured): 5,000 + 10,000 on SunJCE's AES
 * paths (CBC and GCM); elsewhere fewer, to keep the class under ~20 s on a small shared
 * machine, since these paths run at tens of MB/s and would take minutes at 10,000 each: 3DES on
 * every provider 100 + 200 (about 1.4 ms per 16 KB record), BC's CBC and GCM 150 + 400 (BC's AES
 * has no AES-NI: ~0.3 ms per record), RC4 500 + 2,000 on SunJCE and 300 + 1,000 on BC, and the
 * printed-only JNI paths 300 + 700 (RC4 200 + 400). One allocated object per record is
 * already ≥ 16 B/record at any count; the warm-up covers one-time lazy initialisation.
 */
class RecordAllocationTest {

    private static final int RECORD = 16 * 1024;
    private static final double BOUND = 16.0;

    record Path(String name, CipherSuite suite, ProtocolVersion version) {
    }

    static final Path[] PATHS = {
        new Path("AES-128-CBC-SHA TLS1.2", CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA, ProtocolVersion.TLS12),
        new Path("AES-128-CBC-SHA TLS1.0", CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA, ProtocolVersion.TLS10),
        new Path("AES-256-CBC-SHA TLS1.2", CipherSuite.TLS_RSA_WITH_AES_256_CBC_SHA, ProtocolVersion.TLS12),
        new Path("AES-128-CBC-SHA256 TLS1.2", CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA256, ProtocolVersion.TLS12),
        new Path("3DES-EDE-CBC-SHA TLS1.2", CipherSuite.TLS_RSA_WITH_3DES_EDE_CBC_SHA, ProtocolVersion.TLS12),
        new Path("RC4-128-SHA TLS1.2", CipherSuite.TLS_RSA_WITH_RC4_128_SHA, ProtocolVersion.TLS12),
        new Path("RC4-128-MD5 TLS1.2", CipherSuite.TLS_RSA_WITH_RC4_128_MD5, ProtocolVersion.TLS12),
        new Path("AES-128-GCM TLS1.2", CipherSuite.TLS_RSA_WITH_AES_128_GCM_SHA256, ProtocolVersion.TLS12),
    };

    record Result(Path path, ProviderId provider, boolean direct, int records, double seal, double open,
                  double sealAccounted, double openAccounted, double micros) {
        boolean shouldBeAllocationFree() {
            return (provider == ProviderId.SUNJCE || provider == ProviderId.BC)
                    && path.suite.cipher.kind != CipherKind.AEAD;
        }

        /** Two-sided: nothing beyond what is accounted, and everything accounted really is there. */
        boolean withinBound() {
            return Math.abs(sealNet()) < BOUND && Math.abs(openNet()) < BOUND;
        }

        double sealNet() {
            return seal - sealAccounted;
        }

        double openNet() {
            return open - openAccounted;
        }

        String label() {
            return String.format("%-26s %-10s %-6s", path.name, provider, direct ? "direct" : "heap");
        }
    }

    private static final ThreadMXBean MX = (ThreadMXBean) ManagementFactory.getThreadMXBean();

    @Test
    void recordsAllocateNothingOnTheJavaProvidersCbcAndRc4Paths() throws Exception {
        assertTrue(MX.isThreadAllocatedMemorySupported(), "the JVM must count allocated bytes per thread");
        MX.setThreadAllocatedMemoryEnabled(true);
        long overhead = counterOverhead();
        List<Result> results = new ArrayList<>();
        List<String> remeasured = new ArrayList<>();
        for (Path path : PATHS) {
            for (ProviderSet p : RoundTripTest.providersFor(path.suite)) {
                for (boolean direct : new boolean[] {false, true}) {
                    Result r = measure(path, p, direct, overhead);
                    if (r.shouldBeAllocationFree() && !r.withinBound()) {
                        // A one-off (a deoptimisation re-running interpreted code, a lazy initialisation)
                        // spread over a few hundred records can pass 16 B/record; an allocation per
                        // record shows again. Measure once more and keep the second figure, printed
                        // with the first.
                        Result again = measure(path, p, direct, overhead);
                        remeasured.add(String.format("%s: first run seal %.1f, open %.1f; again seal %.1f, open %.1f",
                                r.label().replaceAll(" +", " ").trim(), r.seal, r.open, again.seal, again.open));
                        r = again;
                    }
                    results.add(r);
                }
            }
        }

        StringBuilder table = new StringBuilder(String.format("%nRecord allocation, %d-byte records, B/record"
                + " (counter overhead %d B per reading, subtracted; 'accounted' = BC DESede, see class"
                + " comment)%n%-26s %-10s %-6s %10s %10s %10s %10s %8s %8s%n", RECORD, overhead,
                "path", "provider", "bufs", "seal", "accounted", "open", "accounted", "records", "µs/rec"));
        for (Result r : results) {
            table.append(String.format("%s %10.1f %10.1f %10.1f %10.1f %8d %8.1f%s%n", r.label(), r.seal,
                    r.sealAccounted, r.open, r.openAccounted, r.records, r.micros,
                    r.shouldBeAllocationFree() ? "  asserted" : ""));
        }
        for (String note : remeasured) {
            table.append("re-measured ").append(note).append(String.format("%n"));
        }
        System.out.println(table);

        List<String> failures = new ArrayList<>();
        int asserted = 0;
        for (Result r : results) {
            if (r.shouldBeAllocationFree()) {
                asserted++;
                if (!r.withinBound()) {
                    failures.add(String.format("%s: seal %.1f (accounted %.1f), open %.1f (accounted %.1f)",
                            r.label().replaceAll(" +", " ").trim(), r.seal, r.sealAccounted, r.open, r.openAccounted));
                }
            }
        }
        // 7 CBC/RC4 suites × {SunJCE, BC} × {heap, direct}.
        assertEquals(28, asserted, "the allocation-free paths measured");
        assertTrue(failures.isEmpty(), "paths that should allocate nothing per record (beyond what is accounted)"
                + " allocate: " + failures + table);
    }

    /** Bytes one allocated-bytes reading itself allocates (expected 0). */
    private static long counterOverhead() {
        long tid = Thread.currentThread().getId();
        long sum = 0;
        for (int i = 0; i < 20_000; i++) {
            sum += MX.getThreadAllocatedBytes(tid);
        }
        long before = MX.getThreadAllocatedBytes(tid);
        for (int i = 0; i < 10_000; i++) {
            sum += MX.getThreadAllocatedBytes(tid);
        }
        long after = MX.getThreadAllocatedBytes(tid);
        assertTrue(sum != 42);
        return Math.round((after - before) / 10_001.0);
    }

    /** Warm-up and measured record counts (see the class comment). */
    static int[] counts(Path path, ProviderId provider) {
        CipherKind kind = path.suite.cipher.kind;
        if (path.suite.cipher == BulkCipher.DES_EDE_CBC) {
            return new int[] {100, 200};
        }
        switch (provider) {
            case SUNJCE:
                return kind == CipherKind.STREAM ? new int[] {500, 2_000} : new int[] {5_000, 10_000};
            case BC:
                return kind == CipherKind.STREAM ? new int[] {300, 1_000} : new int[] {150, 400};
            default:
                return kind == CipherKind.STREAM ? new int[] {200, 400} : new int[] {300, 700};
        }
    }

    static Result measure(Path path, ProviderSet provider, boolean direct, long overhead) throws TlsAlertException {
        SessionKeys keys = RoundTripTest.keys(path.suite, path.version, 23);
        SecureRandom random = new SecureRandom();
        RecordSpec spec = RecordSpec.of(provider).suite(path.suite, path.version).keys(keys, ConnectionEnd.CLIENT);
        RecordSealer sealer = RecordSealer.create(spec.random(random));
        RecordOpener opener = RecordOpener.create(spec);
        ByteBuffer plain = direct ? ByteBuffer.allocateDirect(RECORD) : ByteBuffer.allocate(RECORD);
        byte[] data = new byte[RECORD];
        new Random(path.suite.id).nextBytes(data);
        plain.put(data).flip();
        int sealed = sealer.sealedLength(RECORD);
        ByteBuffer wire = direct ? ByteBuffer.allocateDirect(sealed) : ByteBuffer.allocate(sealed);
        ByteBuffer out = direct ? ByteBuffer.allocateDirect(RECORD) : ByteBuffer.allocate(RECORD);

        int[] counts = counts(path, provider.id());
        long[] bytes = new long[2];
        run(sealer, opener, plain, wire, out, counts[0], bytes);
        // The plaintext survives the trip (the loop is doing the real work).
        byte[] got = new byte[RECORD];
        out.get(0, got);
        assertArrayEquals(data, got, path.name + " " + provider.id());

        bytes[0] = 0;
        bytes[1] = 0;
        long start = System.nanoTime();
        run(sealer, opener, plain, wire, out, counts[1], bytes);
        double micros = (System.nanoTime() - start) / 1e3 / counts[1];
        sealer.close();
        opener.close();
        double seal = (double) bytes[0] / counts[1] - overhead;
        double open = (double) bytes[1] / counts[1] - overhead;

        // What is not the record layer's (see the class comment).
        double sealAccounted = 0;
        double openAccounted = 0;
        if (provider.id() == ProviderId.BC && path.suite.cipher == BulkCipher.DES_EDE_CBC) {
            double desTemporaries = 24.0 * (sealed - RecordHeader.LENGTH) / path.suite.cipher.blockLength;
            sealAccounted += desTemporaries;
            openAccounted += desTemporaries;
        }
        return new Result(path, provider.id(), direct, counts[1], seal, open, sealAccounted, openAccounted, micros);
    }

    private static void run(RecordSealer sealer, RecordOpener opener, ByteBuffer plain, ByteBuffer wire, ByteBuffer out,
                            int records, long[] bytes) throws TlsAlertException {
        long tid = Thread.currentThread().getId();
        for (int i = 0; i < records; i++) {
            plain.clear();
            wire.clear();
            out.clear();
            long a = MX.getThreadAllocatedBytes(tid);
            sealer.seal(ContentType.APPLICATION_DATA, plain, wire);
            long b = MX.getThreadAllocatedBytes(tid);
            wire.flip();
            opener.open(wire, out);
            long c = MX.getThreadAllocatedBytes(tid);
            bytes[0] += b - a;
            bytes[1] += c - b;
        }
    }
}
