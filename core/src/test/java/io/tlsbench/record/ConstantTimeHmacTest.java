package io.tlsbench.record;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.tlsbench.kdf.SessionKeys;
import io.tlsbench.provider.ProviderId;
import io.tlsbench.provider.ProviderSet;
import io.tlsbench.provider.Providers;
import io.tlsbench.suite.CipherKind;
import io.tlsbench.suite.CipherSuite;
import io.tlsbench.suite.ConnectionEnd;
import io.tlsbench.suite.HashAlgorithm;
import io.tlsbench.suite.ProtocolVersion;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Random;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** tlsbench's constant-time record HMAC against the JDK's HMAC, and CBC open with it against the providers' seal. */
class ConstantTimeHmacTest {

    /** The JDK's HMAC over the record header and data[0, length): the reference. */
    static byte[] reference(HashAlgorithm hash, byte[] key, long seq, int type, int version, byte[] data, int length)
            throws Exception {
        Mac mac = Mac.getInstance(hash.hmacName, "SunJCE");
        mac.init(new SecretKeySpec(key, hash.hmacName));
        ByteBuffer header = ByteBuffer.allocate(13).putLong(seq).put((byte) type).putShort((short) version)
                .putShort((short) length);
        mac.update(header.array());
        mac.update(data, 0, length);
        return mac.doFinal();
    }

    @ParameterizedTest
    @EnumSource(value = HashAlgorithm.class, names = {"SHA1", "SHA256", "SHA384"})
    void equalsTheJdksHmacForEveryLengthTheWindowAllows(HashAlgorithm hash) throws Exception {
        Random r = new Random(hash.ordinal());
        byte[] key = new byte[hash.length];
        r.nextBytes(key);
        ConstantTimeHmac h = ConstantTimeHmac.create(hash, key);
        byte[] data = new byte[1200];
        r.nextBytes(data);
        byte[] out = new byte[hash.length];
        int checked = 0;
        // Every maximum from 0 to 700 (every block-boundary case for 64- and 128-byte blocks), each
        // with the shortest, the longest and a random length of its window; every length for a few.
        for (int max = 0; max <= 700; max++) {
            int min = Math.max(0, max - 255);
            int[] lengths = max % 97 == 0 ? range(min, max) : new int[] {min, max, min + r.nextInt(max - min + 1)};
            for (int length : lengths) {
                long seq = r.nextLong() & Long.MAX_VALUE;
                int at = r.nextInt(8);
                byte[] shifted = new byte[at + data.length];
                System.arraycopy(data, 0, shifted, at, data.length);
                h.compute(seq, 23, 0x0303, ByteBuffer.wrap(shifted), at, length, max, out);
                assertArrayEquals(reference(hash, key, seq, 23, 0x0303, data, length), out,
                        hash + " length " + length + " of max " + max);
                checked++;
            }
        }
        assertEquals(true, checked > 2000, "checked " + checked);
    }

    @Test
    void macKeysOfAnyCbcLengthAndNoMd5() throws Exception {
        assertNull(ConstantTimeHmac.create(HashAlgorithm.MD5, new byte[16]), "MD5 MACs are for RC4 only");
        byte[] key = new byte[64];
        Arrays.fill(key, (byte) 7);
        byte[] data = new byte[100];
        byte[] out = new byte[20];
        ConstantTimeHmac.create(HashAlgorithm.SHA1, key).compute(1, 22, 0x0301, ByteBuffer.wrap(data), 0, 100, 100, out);
        assertArrayEquals(reference(HashAlgorithm.SHA1, key, 1, 22, 0x0301, data, 100), out, "a block-long key");
    }

    @Test
    void moduloWithoutDivision() {
        for (int m : new int[] {20, 32, 48}) {
            for (int x = 0; x < 255 + 2 * m; x++) {
                assertEquals(x % m, CbcOpener.modulo(x, m), x + " mod " + m);
            }
        }
    }

    /** Providers' seal → constant-time open, every CBC suite and TLS version, sizes across the padding window. */
    @Test
    void opensWhatEveryProviderSeals() throws Exception {
        int cases = 0;
        for (CipherSuite suite : CipherSuite.all()) {
            if (suite.cipher.kind != CipherKind.BLOCK) {
                continue;
            }
            for (ProtocolVersion v : new ProtocolVersion[] {ProtocolVersion.TLS10, ProtocolVersion.TLS11, ProtocolVersion.TLS12}) {
                if (!suite.allows(v)) {
                    continue;
                }
                for (ProviderId id : ProviderId.values()) {
                    ProviderSet p = Providers.get(id);
                    if (!p.available() || !RoundTripTest.offers(p, suite)) {
                        continue;
                    }
                    SessionKeys keys = RoundTripTest.keys(suite, v, suite.id + 7L * v.ordinal());
                    RecordSealer sealer = RecordSealer.create(RecordSpec.of(p).suite(suite, v).keys(keys, ConnectionEnd.SERVER)
                            .workSpace(WorkSpace.HEAP).random(new SecureRandom()));
                    RecordOpener opener = RecordOpener.create(RecordSpec.of(Providers.require(ProviderId.SUNJCE))
                            .suite(suite, v).keys(keys, ConnectionEnd.SERVER).workSpace(WorkSpace.HEAP)
                            .macCheck(CbcMacCheck.CONSTANT_TIME));
                    Random r = new Random(suite.id);
                    for (int size : new int[] {0, 1, 15, 16, 17, 55, 56, 63, 64, 65, 119, 120, 255, 256, 1000, 16384}) {
                        byte[] plain = new byte[size];
                        r.nextBytes(plain);
                        ByteBuffer wire = ByteBuffer.allocate(sealer.sealedLength(size));
                        sealer.seal(ContentType.APPLICATION_DATA, ByteBuffer.wrap(plain), wire);
                        wire.flip();
                        ByteBuffer got = ByteBuffer.allocate(size);
                        assertEquals(ContentType.APPLICATION_DATA, opener.open(wire, got));
                        assertArrayEquals(plain, got.array(), suite + " " + v + " " + id + " size " + size);
                        cases++;
                    }
                    sealer.close();
                    opener.close();
                }
            }
        }
        assertEquals(true, cases > 100, "cases " + cases);
    }

    static int[] range(int from, int to) {
        int[] out = new int[to - from + 1];
        for (int i = 0; i < out.length; i++) {
            out[i] = from + i;
        }
        return out;
    }
}
