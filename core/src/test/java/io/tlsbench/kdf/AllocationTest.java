package io.tlsbench.kdf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.management.ThreadMXBean;
import io.tlsbench.provider.ProviderId;
import io.tlsbench.provider.ProviderSet;
import io.tlsbench.provider.Providers;
import io.tlsbench.suite.CipherSuite;
import io.tlsbench.suite.ConnectionEnd;
import io.tlsbench.suite.ProtocolVersion;
import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Steady-state allocation of master secret + key block + both Finished, measured with the
 * thread's allocated-bytes counter (not a timing). Zero is asserted on the paths that can be
 * allocation-free; every path's figure is printed for the record.
 */
class AllocationTest {

    private static final int WARMUP = 8_000;
    private static final int MEASURED = 2_000;

    record Path(ProtocolVersion version, CipherSuite suite) {
    }

    private static final Path[] PATHS = {
        new Path(ProtocolVersion.SSL3, CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA),
        new Path(ProtocolVersion.TLS10, CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA),
        new Path(ProtocolVersion.TLS12, CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA),
        new Path(ProtocolVersion.TLS12, CipherSuite.TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384),
    };

    @Test
    void keyScheduleAllocatesNothingPerCallOnInPlaceDigestPaths() {
        Map<String, Double> perCall = new LinkedHashMap<>();
        for (ProviderSet p : Providers.all()) {
            if (!p.available()) {
                continue;
            }
            for (HmacStyle style : HmacStyle.values()) {
                for (Path path : PATHS) {
                    perCall.put(p.id() + "/" + style + " " + path.version.shortName + " " + path.suite.prfHash,
                            bytesPerCall(new KeySchedule(p, style), path));
                }
            }
        }
        perCall.forEach((k, v) -> System.out.printf("key schedule allocation %-40s %8.1f B/call%n", k, v));
        // The JDK's and BC's digests write in place; ACCP's and Conscrypt's MessageDigest and every
        // javax.crypto.Mac return fresh arrays, so those paths allocate inside the provider.
        for (ProviderId id : new ProviderId[] {ProviderId.SUNJCE, ProviderId.BC}) {
            for (Path path : PATHS) {
                String key = id + "/" + HmacStyle.DIGEST + " " + path.version.shortName + " " + path.suite.prfHash;
                assertEquals(0.0, perCall.get(key), 0.5, key + " should allocate nothing per call");
            }
        }
    }

    private static double bytesPerCall(KeySchedule ks, Path path) {
        byte[] pre = new byte[48];
        byte[] cr = new byte[32];
        byte[] sr = new byte[32];
        byte[] master = new byte[48];
        byte[] hash = new byte[48];
        byte[] verify = new byte[12];
        SessionKeys keys = new SessionKeys(KeyBlockLayout.of(path.suite, path.version));
        PrfAlgorithm prf = PrfAlgorithm.of(path.version, path.suite);
        ThreadMXBean mx = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        long tid = Thread.currentThread().getId();
        for (int i = 0; i < WARMUP; i++) {
            once(ks, path, prf, pre, cr, sr, master, hash, verify, keys, i);
        }
        long before = mx.getThreadAllocatedBytes(tid);
        for (int i = 0; i < MEASURED; i++) {
            once(ks, path, prf, pre, cr, sr, master, hash, verify, keys, i);
        }
        long after = mx.getThreadAllocatedBytes(tid);
        return (after - before) / (double) MEASURED;
    }

    private static void once(KeySchedule ks, Path path, PrfAlgorithm prf, byte[] pre, byte[] cr, byte[] sr,
                             byte[] master, byte[] hash, byte[] verify, SessionKeys keys, int i) {
        pre[0] = (byte) i;
        ks.masterSecret(path.version, path.suite, pre, cr, sr, master);
        ks.keyBlock(path.version, path.suite, master, cr, sr, keys);
        if (prf != PrfAlgorithm.SSL3) {
            int n = prf.handshakeHashLength();
            ks.verifyData(prf, master, ConnectionEnd.CLIENT, hash, n, verify, 0);
            ks.verifyData(prf, master, ConnectionEnd.SERVER, hash, n, verify, 0);
        }
    }
}
