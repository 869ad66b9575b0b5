package io.tlsbench.record;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tlsbench.kdf.KeyBlockLayout;
import io.tlsbench.kdf.KeySchedule;
import io.tlsbench.kdf.SessionKeys;
import io.tlsbench.provider.ProviderId;
import io.tlsbench.provider.ProviderSet;
import io.tlsbench.provider.Providers;
import io.tlsbench.provider.SuiteSupport;
import io.tlsbench.suite.CipherSuite;
import io.tlsbench.suite.ConnectionEnd;
import io.tlsbench.suite.ProtocolVersion;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every suite × version it allows × provider pair: records sealed by one provider open with every
 * other that offers the primitives, at the plaintext sizes that sit on block and limit edges,
 * with heap and direct buffers, and in a chain of records so IV chaining and RC4's running key
 * stream are exercised.
 */
class RoundTripTest {

    static final int[] SIZES = {0, 1, 15, 16, 17, 255, 256, 1000, 16383, 16384};

    static List<ProviderSet> providersFor(CipherSuite suite) {
        List<ProviderSet> out = new ArrayList<>();
        for (ProviderSet p : Providers.all()) {
            if (p.available() && offers(p, suite)) {
                out.add(p);
            }
        }
        return out;
    }

    /** Whether the provider can protect the suite's records (core's answer: {@link SuiteSupport#records(CipherSuite)}). */
    static boolean offers(ProviderSet p, CipherSuite s) {
        return SuiteSupport.of(p).records(s) == null;
    }

    static SessionKeys keys(CipherSuite suite, ProtocolVersion v, long seed) {
        Random r = new Random(seed);
        byte[] master = new byte[48];
        byte[] cr = new byte[32];
        byte[] sr = new byte[32];
        r.nextBytes(master);
        r.nextBytes(cr);
        r.nextBytes(sr);
        SessionKeys keys = new SessionKeys(KeyBlockLayout.of(suite, v));
        new KeySchedule(Providers.require(ProviderId.SUNJCE)).keyBlock(v, suite, master, cr, sr, keys);
        return keys;
    }

    @TestFactory
    Stream<DynamicTest> everySuiteVersionAndProviderPair() {
        List<DynamicTest> tests = new ArrayList<>();
        for (CipherSuite suite : CipherSuite.all()) {
            for (ProtocolVersion v : ProtocolVersion.values()) {
                if (!suite.allows(v)) {
                    continue;
                }
                List<ProviderSet> providers = providersFor(suite);
                for (ProviderSet sealer : providers) {
                    for (ProviderSet opener : providers) {
                        tests.add(DynamicTest.dynamicTest(suite + " " + v + " " + sealer.id() + "→" + opener.id(),
                                () -> roundTrip(suite, v, sealer, opener)));
                    }
                }
            }
        }
        return tests.stream();
    }

    static void roundTrip(CipherSuite suite, ProtocolVersion v, ProviderSet sealerProvider, ProviderSet openerProvider)
            throws Exception {
        SessionKeys keys = keys(suite, v, suite.id * 31L + v.ordinal());
        RecordSealer sealer = RecordSealer.create(RecordSpec.of(sealerProvider).suite(suite, v).keys(keys, ConnectionEnd.CLIENT)
                .random(new SecureRandom()));
        RecordOpener opener = RecordOpener.create(RecordSpec.of(openerProvider).suite(suite, v).keys(keys, ConnectionEnd.CLIENT));
        Random data = new Random(7);
        int i = 0;
        for (int size : SIZES) {
            boolean direct = (i++ & 1) == 1;
            byte[] plain = new byte[size];
            data.nextBytes(plain);
            ByteBuffer in = direct ? ByteBuffer.allocateDirect(size) : ByteBuffer.allocate(size);
            in.put(plain).flip();
            ByteBuffer wire = direct ? ByteBuffer.allocate(sealer.sealedLength(size)) : ByteBuffer.allocateDirect(sealer.sealedLength(size));
            int n = sealer.seal(ContentType.APPLICATION_DATA, in, wire);
            assertEquals(sealer.sealedLength(size), n);
            assertEquals(0, in.remaining());
            wire.flip();
            ByteBuffer out = direct ? ByteBuffer.allocateDirect(size) : ByteBuffer.allocate(size);
            assertEquals(ContentType.APPLICATION_DATA, opener.open(wire, out));
            assertEquals(0, wire.remaining());
            out.flip();
            byte[] got = new byte[out.remaining()];
            out.get(got);
            org.junit.jupiter.api.Assertions.assertArrayEquals(plain, got, "size " + size);
        }
        sealer.close();
        opener.close();
    }
}
