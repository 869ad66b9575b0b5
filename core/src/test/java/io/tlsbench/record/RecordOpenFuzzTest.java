package io.tlsbench.record;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.tlsbench.alert.TlsAlertException;
import io.tlsbench.fuzz.FuzzCheck;
import io.tlsbench.kdf.SessionKeys;
import io.tlsbench.provider.ProviderId;
import io.tlsbench.provider.ProviderSet;
import io.tlsbench.provider.Providers;
import io.tlsbench.record.TamperTest.Kind;
import io.tlsbench.suite.ConnectionEnd;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Fuzz targets: RecordOpener.open for each kind of record protection ({@link TamperTest.Kind}: CBC
 * with TLS 1.0's chained IV, with TLS 1.2's explicit IV, SSLv3's CBC, RC4, AES-GCM), on a chain of
 * records so chained IVs and RC4's running key stream carry state from one record to the next.
 * Input: a list of {@code flags u8, length u16, fragment}; the harness writes each record's header
 * with the cipher's version and the fragment's true length. Flags pick the content type (low two
 * bits), a direct record buffer (0x80) and, in the first record, a pooled direct work space (0x40).
 * Opening stops at the first alert. Seeds are records sealed by the engine's own sealer.
 */
public class RecordOpenFuzzTest {

    static final ProviderSet JDK = Providers.require(ProviderId.SUNJCE);
    static final int[] TYPES = {ContentType.APPLICATION_DATA, ContentType.HANDSHAKE, ContentType.ALERT,
        ContentType.CHANGE_CIPHER_SPEC};

    @FuzzTest
    public void cbcTls10ChainedIv(byte[] input) {
        open(Kind.CBC_TLS10, input);
    }

    @FuzzTest
    public void cbcTls12ExplicitIv(byte[] input) {
        open(Kind.CBC_TLS12, input);
    }

    @FuzzTest
    public void cbcSsl3(byte[] input) {
        open(Kind.CBC_SSL3, input);
    }

    @FuzzTest
    public void rc4Stream(byte[] input) {
        open(Kind.RC4, input);
    }

    @FuzzTest
    public void aesGcm(byte[] input) {
        open(Kind.GCM, input);
    }

    static RecordSealer sealer(Kind kind) {
        SessionKeys keys = RoundTripTest.keys(kind.suite, kind.version, kind.ordinal());
        try {
            return RecordSealer.create(spec(kind, keys).random(FuzzCheck.deterministic(9)));
        } finally {
            keys.wipe();
        }
    }

    static RecordOpener opener(Kind kind, WorkSpace space) {
        SessionKeys keys = RoundTripTest.keys(kind.suite, kind.version, kind.ordinal());
        try {
            return RecordOpener.create(spec(kind, keys).workSpace(space));
        } finally {
            keys.wipe();
        }
    }

    private static RecordSpec spec(Kind kind, SessionKeys keys) {
        return RecordSpec.of(JDK).suite(kind.suite, kind.version).keys(keys, ConnectionEnd.CLIENT);
    }

    static void open(Kind kind, byte[] input) {
        if (input.length == 0) {
            return;
        }
        FuzzCheck.onlyAlerts(() -> {
            RecordOpener opener = opener(kind, (input[0] & 0x40) != 0 ? WorkSpace.DIRECT : WorkSpace.HEAP);
            try {
                ByteBuffer out = ByteBuffer.allocate(1 << 15);
                int p = 0;
                while (input.length - p >= 3) {
                    int flags = input[p] & 0xff;
                    int length = Math.min(((input[p + 1] & 0xff) << 8) | (input[p + 2] & 0xff), input.length - p - 3);
                    int type = TYPES[flags & 3];
                    byte[] record = TamperTest.header(new byte[5 + length], type, kind.version.wire(), length);
                    System.arraycopy(input, p + 3, record, 5, length);
                    p += 3 + length;
                    ByteBuffer in = (flags & 0x80) != 0 ? ByteBuffer.allocateDirect(record.length)
                            : ByteBuffer.allocate(record.length);
                    in.put(record).flip();
                    out.clear();
                    int got = opener.open(in, out);
                    if (got != type || out.position() > length || in.hasRemaining()) {
                        throw new IllegalStateException("opened type " + got + " (sent " + type + "), "
                                + out.position() + " plaintext bytes from a " + length + "-byte fragment");
                    }
                }
            } finally {
                opener.close();
            }
        });
    }

    /** Seeds per kind, by target method name: chains of records sealed by the engine's sealer under the same keys. */
    public static List<String> targets() {
        return List.of("cbcTls10ChainedIv", "cbcTls12ExplicitIv", "cbcSsl3", "rc4Stream", "aesGcm");
    }

    public static List<byte[]> seeds(int target) throws TlsAlertException {
        Kind kind = List.of(Kind.CBC_TLS10, Kind.CBC_TLS12, Kind.CBC_SSL3, Kind.RC4, Kind.GCM).get(target);
        int[][] chains = {{33}, {0, 1, 300}, {16384}, {15, 16, 17, 255}};
        List<byte[]> out = new ArrayList<>();
        for (int[] sizes : chains) {
            RecordSealer sealer = sealer(kind);
            try {
                byte[] chain = new byte[0];
                for (int i = 0; i < sizes.length; i++) {
                    byte[] plain = TamperTest.bytes(sizes[i], sizes[i]);
                    ByteBuffer sealed = ByteBuffer.allocate(sealer.sealedLength(plain.length));
                    sealer.seal(TYPES[i % 3], ByteBuffer.wrap(plain), sealed);
                    byte[] fragment = Arrays.copyOfRange(sealed.array(), 5, sealed.capacity());
                    int flags = (i % 3) | (i == 1 ? 0x80 : 0) | (sizes.length > 2 ? 0x40 : 0);
                    chain = TamperTest.concat(chain, new byte[] {(byte) flags, (byte) (fragment.length >>> 8),
                        (byte) fragment.length});
                    chain = TamperTest.concat(chain, fragment);
                }
                out.add(chain);
            } finally {
                sealer.close();
            }
        }
        return out;
    }
}
