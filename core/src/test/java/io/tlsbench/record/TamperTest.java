package io.tlsbench.record;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.tlsbench.alert.AlertDescription;
import io.tlsbench.alert.TlsAlertException;
import io.tlsbench.kdf.SessionKeys;
import io.tlsbench.provider.ProviderId;
import io.tlsbench.provider.ProviderSet;
import io.tlsbench.provider.Providers;
import io.tlsbench.suite.CipherSuite;
import io.tlsbench.suite.ConnectionEnd;
import io.tlsbench.suite.HashAlgorithm;
import io.tlsbench.suite.ProtocolVersion;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Bad input of every kind becomes one TlsAlertException with the right description, and nothing
 * else escapes seal or open. Each configuration runs on SunJCE and on one JNI provider (ACCP where
 * it offers the suite, else Conscrypt).
 *
 * <p>Hand-built records use tlsbench's key block but nothing else of tlsbench: the MAC is a raw
 * javax.crypto.Mac (or, for SSLv3, a raw MessageDigest), the encryption a raw SunJCE Cipher.
 */
class TamperTest {

    /** The record kinds: CBC with chained IV, CBC with explicit IV, SSLv3 CBC, RC4, GCM. */
    enum Kind {
        CBC_TLS10(CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA, ProtocolVersion.TLS10),
        CBC_TLS12(CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA, ProtocolVersion.TLS12),
        CBC_SSL3(CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA, ProtocolVersion.SSL3),
        RC4(CipherSuite.TLS_RSA_WITH_RC4_128_SHA, ProtocolVersion.TLS12),
        GCM(CipherSuite.TLS_RSA_WITH_AES_128_GCM_SHA256, ProtocolVersion.TLS12);

        final CipherSuite suite;
        final ProtocolVersion version;

        Kind(CipherSuite suite, ProtocolVersion version) {
            this.suite = suite;
            this.version = version;
        }
    }

    /** A kind of record on a provider, opened with the given CBC MAC check. */
    record Config(Kind kind, ProviderSet provider, CbcMacCheck macCheck) {
        CipherSuite suite() {
            return kind.suite;
        }

        ProtocolVersion version() {
            return kind.version;
        }

        @Override
        public String toString() {
            return kind + " on " + provider.id() + (macCheck == CbcMacCheck.PROVIDER ? "" : ", " + macCheck.label());
        }
    }

    private static final int SMALL = 33;
    private static final String BAD_RECORD_MAC = "bad_record_mac: record failed authentication";

    /** SunJCE and the first JNI provider that offers the suite's primitives. */
    /** How this class's openers check CBC MACs; {@link TamperConstantTimeTest} runs every case again with the other mode. */
    CbcMacCheck macCheck() {
        return CbcMacCheck.PROVIDER;
    }

    List<Config> configs(Kind... kinds) {
        List<Config> out = new ArrayList<>();
        for (Kind k : kinds.length == 0 ? Kind.values() : kinds) {
            out.add(new Config(k, Providers.require(ProviderId.SUNJCE), macCheck()));
            for (ProviderId id : new ProviderId[] {ProviderId.ACCP, ProviderId.CONSCRYPT}) {
                ProviderSet p = Providers.get(id);
                if (p.available() && RoundTripTest.offers(p, k.suite)) {
                    out.add(new Config(k, p, macCheck()));
                    break;
                }
            }
        }
        return out;
    }

    static Stream<DynamicTest> each(List<Config> configs, Check check) {
        return configs.stream().map(c -> DynamicTest.dynamicTest(c.toString(), () -> check.run(c)));
    }

    @FunctionalInterface
    interface Check {
        void run(Config c) throws Exception;
    }

    // ---- single-byte flips, everywhere in the record ----

    @TestFactory
    Stream<DynamicTest> everySingleByteFlipIsRefusedWithTheRightAlert() {
        return each(configs(), TamperTest::flipEveryByte);
    }

    static void flipEveryByte(Config c) throws Exception {
        SessionKeys keys = keys(c);
        byte[] plain = bytes(SMALL, 1);
        byte[] record = seal(c, keys, 0, ContentType.APPLICATION_DATA, plain);
        int fragmentLength = record.length - 5;
        // Control: the untouched record opens.
        assertArrayEquals(plain, openOk(opener(c, keys, 0), record, false), c + " control");
        TreeMap<String, Integer> seen = new TreeMap<>();
        TreeSet<String> macMessages = new TreeSet<>();
        for (int i = 0; i < record.length; i++) {
            for (int mask : new int[] {0x01, 0x80, 0xff, 0x5a}) {
                byte[] tampered = record.clone();
                tampered[i] ^= (byte) mask;
                AlertDescription expected;
                if (i == 0) {
                    int type = tampered[0] & 0xff;
                    // An unknown type is refused by the header check; another known type reaches the
                    // MAC (or the AEAD's additional data), which covers the type.
                    expected = ContentType.known(type) ? AlertDescription.BAD_RECORD_MAC : AlertDescription.UNEXPECTED_MESSAGE;
                } else if (i <= 2) {
                    expected = AlertDescription.PROTOCOL_VERSION;
                } else if (i <= 4) {
                    int length = ((tampered[3] & 0xff) << 8) | (tampered[4] & 0xff);
                    expected = length > RecordHeader.MAX_CIPHERTEXT ? AlertDescription.RECORD_OVERFLOW
                            : length > fragmentLength ? AlertDescription.DECODE_ERROR : AlertDescription.BAD_RECORD_MAC;
                } else {
                    // Every body byte — explicit IV or nonce, data, MAC, padding, tag. For CBC a flip in
                    // ciphertext block k garbles all of plaintext block k, so even in SSLv3 (whose padding
                    // content is not checked) no single ciphertext flip can leave the MAC intact.
                    expected = AlertDescription.BAD_RECORD_MAC;
                }
                String what = c + ": byte " + i + " (" + region(c, i) + ") ^ 0x" + Integer.toHexString(mask);
                TlsAlertException e = openAlert(opener(c, keys, 0), tampered, (i & 1) == 1, what);
                assertEquals(expected, e.description(), what + ": " + e.getMessage());
                assertTrue(e.fatal(), what);
                if (expected == AlertDescription.BAD_RECORD_MAC) {
                    macMessages.add(e.getMessage());
                }
                seen.merge(expected.rfcName(), 1, Integer::sum);
            }
        }
        assertEquals(new TreeSet<>(List.of(BAD_RECORD_MAC)), macMessages, c + ": one bad_record_mac message for every failure");
        assertTrue(seen.keySet().containsAll(List.of("bad_record_mac", "unexpected_message", "protocol_version",
                "record_overflow", "decode_error")), c + " exercised " + seen);
    }

    static String region(Config c, int i) {
        if (i == 0) {
            return "header type";
        }
        if (i <= 2) {
            return "header version";
        }
        if (i <= 4) {
            return "header length";
        }
        int at = i - 5;
        int mac = c.suite().mac.length();
        switch (c.suite().cipher.kind) {
            case AEAD:
                return at < 8 ? "explicit nonce" : at < 8 + SMALL ? "data" : "tag";
            case STREAM:
                return at < SMALL ? "data" : "MAC";
            default:
                int iv = c.version().explicitCbcIv() ? c.suite().cipher.blockLength : 0;
                if (at < iv) {
                    return "explicit IV";
                }
                at -= iv;
                return at < SMALL ? "data" : at < SMALL + mac ? "MAC" : "padding";
        }
    }

    // ---- sequence numbers ----

    @TestFactory
    Stream<DynamicTest> aWrongSequenceNumberIsBadRecordMac() {
        return each(configs(), c -> {
            SessionKeys keys = keys(c);
            byte[] plain = bytes(SMALL, 2);
            byte[] record = seal(c, keys, 0, ContentType.APPLICATION_DATA, plain);
            TlsAlertException e = openAlert(opener(c, keys, 1), record, false, c + " opener at 1");
            assertEquals(AlertDescription.BAD_RECORD_MAC, e.description(), e.getMessage());
            assertEquals(BAD_RECORD_MAC, e.getMessage());
            assertArrayEquals(plain, openOk(opener(c, keys, 0), record, true), c + " opener at 0");
            // Both sides starting elsewhere agree again.
            byte[] at5 = seal(c, keys, 5, ContentType.APPLICATION_DATA, plain);
            assertArrayEquals(plain, openOk(opener(c, keys, 5), at5, false), c + " both at 5");
            assertEquals(AlertDescription.BAD_RECORD_MAC,
                    openAlert(opener(c, keys, 0), at5, false, c + " record 5 at 0").description());
        });
    }

    @TestFactory
    Stream<DynamicTest> theSequenceNumberNeverWraps() {
        return each(configs(), c -> {
            SessionKeys keys = keys(c);
            byte[] plain = bytes(SMALL, 3);
            RecordSealer sealer = sealer(c, keys, -1L); // 2^64 − 1, the last number allowed
            byte[] last = sealWith(sealer, ContentType.APPLICATION_DATA, plain, false);
            TlsAlertException e = alert(() -> sealWith(sealer, ContentType.APPLICATION_DATA, plain, false), c + " seal 2^64");
            assertEquals(AlertDescription.INTERNAL_ERROR, e.description(), e.getMessage());
            assertTrue(e.getMessage().contains("sequence number exhausted"), e.getMessage());

            RecordOpener opener = opener(c, keys, -1L);
            assertArrayEquals(plain, openWith(opener, last, false), c + " open at 2^64 − 1");
            e = openAlert(opener, last, false, c + " open 2^64");
            assertEquals(AlertDescription.INTERNAL_ERROR, e.description(), e.getMessage());
            assertTrue(e.getMessage().contains("sequence number exhausted"), e.getMessage());
            // The MAC did cover 2^64 − 1: the record does not open at 2^64 − 2.
            assertEquals(AlertDescription.BAD_RECORD_MAC,
                    openAlert(opener(c, keys, -2L), last, false, c + " at 2^64 − 2").description());
        });
    }

    // ---- truncation ----

    @TestFactory
    Stream<DynamicTest> truncatedRecordsAreDecodeErrors() {
        return each(configs(), c -> {
            SessionKeys keys = keys(c);
            byte[] record = seal(c, keys, 0, ContentType.APPLICATION_DATA, bytes(SMALL, 4));
            for (int cut = 0; cut < record.length; cut++) {
                String what = c + " cut at " + cut + " of " + record.length;
                TlsAlertException e = openAlert(opener(c, keys, 0), Arrays.copyOf(record, cut), (cut & 1) == 0, what);
                assertEquals(AlertDescription.DECODE_ERROR, e.description(), what + ": " + e.getMessage());
                assertTrue(e.getMessage().startsWith(cut < 5 ? "decode_error: truncated record header"
                        : "decode_error: truncated record: header says"), what + ": " + e.getMessage());
            }
        });
    }

    @TestFactory
    Stream<DynamicTest> consistentHeaderButShortFragmentIsBadRecordMac() {
        return each(configs(), c -> {
            SessionKeys keys = keys(c);
            byte[] record = seal(c, keys, 0, ContentType.APPLICATION_DATA, bytes(SMALL, 5));
            int fragment = record.length - 5;
            for (int k = 0; k < fragment; k++) {
                for (boolean suffix : new boolean[] {false, true}) {
                    byte[] shortened = new byte[5 + k];
                    System.arraycopy(record, 0, shortened, 0, 5);
                    System.arraycopy(record, suffix ? record.length - k : 5, shortened, 5, k);
                    shortened[3] = (byte) (k >>> 8);
                    shortened[4] = (byte) k;
                    String what = c + " fragment " + (suffix ? "suffix" : "prefix") + " of " + k + "/" + fragment;
                    TlsAlertException e = openAlert(opener(c, keys, 0), shortened, suffix, what);
                    assertEquals(BAD_RECORD_MAC, e.getMessage(), what);
                }
            }
        });
    }

    // ---- oversized ----

    @TestFactory
    Stream<DynamicTest> oversizedPlaintextsAndFragmentsAreRecordOverflow() {
        return each(configs(), c -> {
            SessionKeys keys = keys(c);
            RecordSealer sealer = sealer(c, keys, 0);
            ByteBuffer out = ByteBuffer.allocate(RecordHeader.MAX_RECORD + 1024);
            TlsAlertException e = alert(() -> sealer.seal(ContentType.APPLICATION_DATA,
                    ByteBuffer.allocate(RecordHeader.MAX_PLAINTEXT + 1), out), c + " seal 2^14+1");
            assertEquals(AlertDescription.RECORD_OVERFLOW, e.description(), e.getMessage());
            assertEquals(0, out.position(), "nothing written");
            // 2^14 is fine.
            byte[] max = bytes(RecordHeader.MAX_PLAINTEXT, 6);
            byte[] record = sealWith(sealer, ContentType.APPLICATION_DATA, max, true);
            assertArrayEquals(max, openOk(opener(c, keys, 0), record, false), c + " 2^14");

            // A header announcing 2^14 + 2049 bytes, with and without the bytes present.
            for (boolean present : new boolean[] {false, true}) {
                byte[] big = new byte[5 + (present ? RecordHeader.MAX_CIPHERTEXT + 1 : 10)];
                header(big, ContentType.APPLICATION_DATA, c.version().wire(), RecordHeader.MAX_CIPHERTEXT + 1);
                e = openAlert(opener(c, keys, 0), big, present, c + " 2^14+2049 present=" + present);
                assertEquals(AlertDescription.RECORD_OVERFLOW, e.description(), e.getMessage());
            }
            for (int length : new int[] {0xffff, 0x8000}) {
                byte[] big = new byte[5];
                header(big, ContentType.APPLICATION_DATA, c.version().wire(), length);
                assertEquals(AlertDescription.RECORD_OVERFLOW, openAlert(opener(c, keys, 0), big, false, c + " " + length)
                        .description());
            }
            // Exactly 2^14 + 2048 of garbage passes the header check; then it fails authentication —
            // except GCM, whose plaintext length is public (fragment − 24 > 2^14) and refused first.
            byte[] limit = new byte[5 + RecordHeader.MAX_CIPHERTEXT];
            new Random(7).nextBytes(limit);
            header(limit, ContentType.APPLICATION_DATA, c.version().wire(), RecordHeader.MAX_CIPHERTEXT);
            e = openAlert(opener(c, keys, 0), limit, false, c + " 2^14+2048 of garbage");
            assertEquals(c.kind() == Kind.GCM ? AlertDescription.RECORD_OVERFLOW : AlertDescription.BAD_RECORD_MAC,
                    e.description(), e.getMessage());

            // An authentic record (built with raw JCA) whose plaintext is 2^14 + 1 bytes.
            byte[] over = bytes(RecordHeader.MAX_PLAINTEXT + 1, 8);
            byte[] authentic = handBuilt(c, keys, 0, ContentType.APPLICATION_DATA, over);
            e = openAlert(opener(c, keys, 0), authentic, true, c + " authentic 2^14+1");
            assertEquals(AlertDescription.RECORD_OVERFLOW, e.description(), e.getMessage());
            // Control: the same construction at 2^14 opens, so the refusal is about the size.
            byte[] fits = handBuilt(c, keys, 0, ContentType.APPLICATION_DATA, max);
            assertArrayEquals(max, openOk(opener(c, keys, 0), fits, false), c + " hand-built 2^14");
        });
    }

    // ---- CBC padding, by hand ----

    @TestFactory
    Stream<DynamicTest> everyInvalidCbcPaddingIsTheSameBadRecordMac() {
        return each(configs(Kind.CBC_TLS10, Kind.CBC_TLS12), c -> {
            SessionKeys keys = keys(c);
            int block = c.suite().cipher.blockLength;
            int mac = c.suite().mac.length();
            TreeSet<String> alerts = new TreeSet<>();
            int refused = 0;
            Random r = new Random(11);
            for (int pad = 0; pad <= 255; pad++) {
                byte[] data = bytes(dataLengthFor(pad, mac, block, 0), pad);
                // Control: every padding length from 0 to 255 is valid when all its bytes are right.
                byte[] good = cbc(c, keys, 0, ContentType.APPLICATION_DATA, data, -1, padding(pad));
                assertArrayEquals(data, openOk(opener(c, keys, 0), good, (pad & 1) == 0), c + " valid padding " + pad);

                // One wrong padding byte: every position for a few lengths, three positions for the rest.
                TreeSet<Integer> positions = new TreeSet<>();
                if (pad <= 17 || pad >= 250 || pad % 64 == 0) {
                    for (int j = 0; j < pad; j++) {
                        positions.add(j);
                    }
                } else if (pad > 0) {
                    positions.addAll(List.of(0, pad / 2, pad - 1));
                }
                for (int j : positions) {
                    byte[] padding = padding(pad);
                    padding[j] ^= (byte) (1 << r.nextInt(8));
                    byte[] bad = cbc(c, keys, 0, ContentType.APPLICATION_DATA, data, -1, padding);
                    alerts.add(openAlert(opener(c, keys, 0), bad, (j & 1) == 0, c + " pad " + pad + " byte " + j)
                            .getMessage());
                    refused++;
                }
                if (pad == 0) {
                    // No padding bytes to spoil: spoil the length byte instead, to every other value.
                    for (int wrong = 1; wrong <= 255; wrong++) {
                        byte[] bad = cbc(c, keys, 0, ContentType.APPLICATION_DATA, data, -1, new byte[] {(byte) wrong});
                        alerts.add(openAlert(opener(c, keys, 0), bad, (wrong & 1) == 0, c + " length byte " + wrong)
                                .getMessage());
                        refused++;
                    }
                }
                // Valid padding, wrong MAC (one byte of it).
                byte[] badMac = cbc(c, keys, 0, ContentType.APPLICATION_DATA, data, pad % mac, padding(pad));
                alerts.add(openAlert(opener(c, keys, 0), badMac, false, c + " pad " + pad + " bad MAC").getMessage());
                refused++;
            }
            // Padding length too large for the fragment: the length byte claims more than the
            // fragment holds beside the MAC, and every byte holds that length, so a checker that
            // trusted the length would find a "valid" pattern.
            for (int blocks = 2; blocks <= 4; blocks++) {
                int n = blocks * block;
                for (int claimed = n - mac; claimed <= 255; claimed++) {
                    byte[] body = new byte[n];
                    Arrays.fill(body, (byte) claimed);
                    byte[] bad = cbcRaw(c, keys, body);
                    alerts.add(openAlert(opener(c, keys, 0), bad, (claimed & 1) == 0, c + " claimed " + claimed + " in " + n)
                            .getMessage());
                    refused++;
                }
            }
            // Valid padding, MAC over the wrong header fields.
            byte[] data = bytes(40, 12);
            int version = c.version().wire();
            for (int[] f : new int[][] {{1, 23, version, 40}, {0, 22, version, 40}, {0, 23, version ^ 1, 40},
                    {0, 23, version, 41}, {0, 23, version, 39}}) {
                byte[] body = concat(data, macOf(c, keys, f[0], f[1], f[2], f[3], data));
                body = concat(body, padding(block - 1 - body.length % block));
                alerts.add(openAlert(opener(c, keys, 0), cbcRaw(c, keys, body), false, c + " MAC fields " + Arrays.toString(f))
                        .getMessage());
                refused++;
            }
            assertEquals(new TreeSet<>(List.of(BAD_RECORD_MAC)), alerts, c + ": " + refused + " refusals, one alert");
            assertTrue(refused > 1500, "refused " + refused);
        });
    }

    /**
     * SSLv3 padding (RFC 6101 §5.2.3.2): at most one block long, and its content is arbitrary —
     * the receiver checks only the length byte. That is by design here (it is the protocol), and it
     * is exactly what POODLE (CVE-2014-3566, Möller, Duong, Kotowicz 2014) exploits: a record
     * whose padding bytes differ opens as if nothing were changed. TLS (RFC 5246 §6.2.3.2) requires
     * every padding byte to equal the length, so the same record is refused there.
     */
    @TestFactory
    Stream<DynamicTest> sslv3IgnoresPaddingContentButTlsDoesNot() {
        List<Config> all = configs(Kind.CBC_SSL3);
        all.addAll(configs(Kind.CBC_TLS10));
        return each(all, c -> {
            SessionKeys keys = keys(c);
            int block = c.suite().cipher.blockLength;
            int mac = c.suite().mac.length();
            boolean ssl3 = c.kind() == Kind.CBC_SSL3;
            Random r = new Random(13);
            for (int pad = 1; pad < block; pad++) {
                byte[] data = bytes(dataLengthFor(pad, mac, block, 32), pad);
                for (int j = 0; j < pad; j++) {
                    byte[] padding = padding(pad);
                    padding[j] = (byte) (pad + 1 + r.nextInt(200)); // any value but the length
                    byte[] record = cbc(c, keys, 0, ContentType.APPLICATION_DATA, data, -1, padding);
                    String what = c + " padding " + pad + ", byte " + j + " changed";
                    if (ssl3) {
                        assertArrayEquals(data, openOk(opener(c, keys, 0), record, false), what + " opens (RFC 6101, POODLE)");
                    } else {
                        assertEquals(BAD_RECORD_MAC, openAlert(opener(c, keys, 0), record, false, what).getMessage());
                    }
                }
                // Arbitrary content in every padding byte at once.
                byte[] padding = padding(pad);
                for (int j = 0; j < pad; j++) {
                    padding[j] = (byte) r.nextInt(256);
                }
                padding[pad - 1] = (byte) (pad ^ 0x40);
                byte[] record = cbc(c, keys, 0, ContentType.APPLICATION_DATA, data, -1, padding);
                if (ssl3) {
                    assertArrayEquals(data, openOk(opener(c, keys, 0), record, true), c + " random padding " + pad);
                } else {
                    assertEquals(BAD_RECORD_MAC, openAlert(opener(c, keys, 0), record, true, c + " random " + pad).getMessage());
                }
            }
            // The length byte itself is checked in both: a different length moves the MAC.
            byte[] data = bytes(dataLengthFor(3, mac, block, 32), 14);
            byte[] padding = padding(3);
            padding[3] = 2;
            assertEquals(BAD_RECORD_MAC, openAlert(opener(c, keys, 0), cbc(c, keys, 0, ContentType.APPLICATION_DATA, data,
                    -1, padding), false, c + " length byte").getMessage());
            if (ssl3) {
                // SSLv3 padding must be shorter than a block: a full block or more of it is refused
                // even when the MAC is right.
                for (int pad = block; pad <= 255; pad++) {
                    byte[] d = bytes(dataLengthFor(pad, mac, block, 0), pad);
                    assertEquals(BAD_RECORD_MAC, openAlert(opener(c, keys, 0), cbc(c, keys, 0, ContentType.APPLICATION_DATA,
                            d, -1, padding(pad)), false, c + " SSLv3 padding " + pad).getMessage());
                }
            }
        });
    }

    // ---- helpers: tlsbench ----

    static SessionKeys keys(Config c) {
        return RoundTripTest.keys(c.suite(), c.version(), 17 + c.kind().ordinal());
    }

    static RecordSealer sealer(Config c, SessionKeys keys, long first) {
        return RecordSealer.create(spec(c, keys, first).random(new SecureRandom()));
    }

    static RecordOpener opener(Config c, SessionKeys keys, long first) {
        return RecordOpener.create(spec(c, keys, first).macCheck(c.macCheck()));
    }

    /** The client's records of the configuration, from sequence number first. */
    static RecordSpec spec(Config c, SessionKeys keys, long first) {
        return RecordSpec.of(c.provider()).suite(c.suite(), c.version()).keys(keys, ConnectionEnd.CLIENT).firstSequence(first);
    }

    static byte[] seal(Config c, SessionKeys keys, long seq, int type, byte[] plain) throws Exception {
        return sealWith(sealer(c, keys, seq), type, plain, false);
    }

    static byte[] sealWith(RecordSealer sealer, int type, byte[] plain, boolean direct) throws TlsAlertException {
        ByteBuffer in = direct ? ByteBuffer.allocateDirect(plain.length) : ByteBuffer.allocate(plain.length);
        in.put(plain).flip();
        ByteBuffer out = direct ? ByteBuffer.allocateDirect(sealer.sealedLength(plain.length))
                : ByteBuffer.allocate(sealer.sealedLength(plain.length));
        sealer.seal(type, in, out);
        out.flip();
        byte[] record = new byte[out.remaining()];
        out.get(record);
        return record;
    }

    static byte[] openWith(RecordOpener opener, byte[] record, boolean direct) throws TlsAlertException {
        ByteBuffer in = direct ? ByteBuffer.allocateDirect(record.length) : ByteBuffer.allocate(record.length);
        in.put(record).flip();
        // Plaintext is never longer than the record that carries it.
        ByteBuffer out = direct ? ByteBuffer.allocateDirect(record.length) : ByteBuffer.allocate(record.length);
        opener.open(in, out);
        out.flip();
        byte[] plain = new byte[out.remaining()];
        out.get(plain);
        return plain;
    }

    static byte[] openOk(RecordOpener opener, byte[] record, boolean direct) {
        try {
            return openWith(opener, record, direct);
        } catch (Throwable t) {
            return fail("expected the record to open, got " + t, t);
        }
    }

    @FunctionalInterface
    interface Action {
        Object run() throws Exception;
    }

    /** The alert the action raises; any other throwable, or none, fails the test. */
    static TlsAlertException alert(Action action, String what) {
        Object result;
        try {
            result = action.run();
        } catch (TlsAlertException e) {
            return e;
        } catch (Throwable t) {
            return fail(what + ": something other than TlsAlertException escaped: " + t, t);
        }
        return fail(what + ": expected an alert, but " + (result instanceof byte[]
                ? "the record opened to " + ((byte[]) result).length + " bytes" : "got " + result));
    }

    static TlsAlertException openAlert(RecordOpener opener, byte[] record, boolean direct, String what) {
        return alert(() -> openWith(opener, record, direct), what);
    }

    // ---- helpers: records built by hand with raw JCA and tlsbench's key block ----

    static byte[] bytes(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    /** TLS padding of length pad: pad + 1 bytes, each holding pad. */
    static byte[] padding(int pad) {
        byte[] p = new byte[pad + 1];
        Arrays.fill(p, (byte) pad);
        return p;
    }

    /** A data length ≥ minimum such that data ‖ MAC ‖ padding(pad) fills whole blocks. */
    static int dataLengthFor(int pad, int mac, int block, int minimum) {
        int d = minimum;
        while ((d + mac + pad + 1) % block != 0) {
            d++;
        }
        return d;
    }

    static byte[] header(byte[] record, int type, int version, int length) {
        record[0] = (byte) type;
        record[1] = (byte) (version >>> 8);
        record[2] = (byte) version;
        record[3] = (byte) (length >>> 8);
        record[4] = (byte) length;
        return record;
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    /** The record MAC over explicit header fields: raw HMAC (TLS) or the SSLv3 keyed hash (RFC 6101 §5.2.3.1). */
    static byte[] macOf(Config c, SessionKeys keys, long seq, int type, int version, int length, byte[] data)
            throws GeneralSecurityException {
        HashAlgorithm hash = c.suite().mac.hash;
        byte[] key = keys.clientMacKey;
        if (c.version() == ProtocolVersion.SSL3) {
            int padLength = hash == HashAlgorithm.MD5 ? 48 : 40;
            MessageDigest md = MessageDigest.getInstance(hash.jcaName, "SUN");
            md.update(key);
            md.update(filled(padLength, 0x36));
            md.update(longBytes(seq));
            md.update((byte) type);
            md.update((byte) (length >>> 8));
            md.update((byte) length);
            md.update(data);
            byte[] inner = md.digest();
            md.update(key);
            md.update(filled(padLength, 0x5c));
            md.update(inner);
            return md.digest();
        }
        Mac mac = Mac.getInstance(hash.hmacName, "SunJCE");
        mac.init(new SecretKeySpec(key, hash.hmacName));
        mac.update(longBytes(seq));
        mac.update((byte) type);
        mac.update((byte) (version >>> 8));
        mac.update((byte) version);
        mac.update((byte) (length >>> 8));
        mac.update((byte) length);
        mac.update(data);
        return mac.doFinal();
    }

    static byte[] filled(int n, int value) {
        byte[] b = new byte[n];
        Arrays.fill(b, (byte) value);
        return b;
    }

    static byte[] longBytes(long v) {
        byte[] b = new byte[8];
        for (int i = 7; i >= 0; i--) {
            b[i] = (byte) v;
            v >>>= 8;
        }
        return b;
    }

    /** A CBC record: data ‖ MAC (one byte flipped if macFlip ≥ 0) ‖ the given padding bytes. */
    static byte[] cbc(Config c, SessionKeys keys, long seq, int type, byte[] data, int macFlip, byte[] padding)
            throws GeneralSecurityException {
        byte[] mac = macOf(c, keys, seq, type, c.version().wire(), data.length, data);
        if (macFlip >= 0) {
            mac[macFlip] ^= 0x10;
        }
        return cbcRaw(c, keys, concat(concat(data, mac), padding));
    }

    /**
     * Encrypts a whole-block body as the first record of a connection (application data): after
     * an explicit random IV in TLS 1.1+, or under the key block's IV in SSLv3 and TLS 1.0.
     */
    static byte[] cbcRaw(Config c, SessionKeys keys, byte[] body) throws GeneralSecurityException {
        int block = c.suite().cipher.blockLength;
        assertEquals(0, body.length % block, "test bug: body is not whole blocks");
        boolean explicit = c.version().explicitCbcIv();
        byte[] iv = explicit ? bytes(block, body.length * 31L + body[body.length - 1]) : keys.clientIv;
        Cipher cipher = Cipher.getInstance(c.suite().cipher.transformation, "SunJCE");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(keys.clientWriteKey, c.suite().cipher.keyAlgorithm),
                new IvParameterSpec(iv));
        byte[] ct = cipher.doFinal(body);
        byte[] fragment = explicit ? concat(iv, ct) : ct;
        byte[] record = new byte[5 + fragment.length];
        header(record, ContentType.APPLICATION_DATA, c.version().wire(), fragment.length);
        System.arraycopy(fragment, 0, record, 5, fragment.length);
        return record;
    }

    /** An authentic record of any kind and any plaintext size, built with raw JCA (the first record). */
    static byte[] handBuilt(Config c, SessionKeys keys, long seq, int type, byte[] data) throws GeneralSecurityException {
        int version = c.version().wire();
        byte[] fragment;
        switch (c.suite().cipher.kind) {
            case BLOCK: {
                int block = c.suite().cipher.blockLength;
                byte[] body = concat(data, macOf(c, keys, seq, type, version, data.length, data));
                return cbc(c, keys, seq, type, data, -1, padding(block - 1 - body.length % block));
            }
            case STREAM: {
                Cipher rc4 = Cipher.getInstance("ARCFOUR", "SunJCE");
                rc4.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(keys.clientWriteKey, "ARCFOUR"));
                fragment = rc4.doFinal(concat(data, macOf(c, keys, seq, type, version, data.length, data)));
                break;
            }
            case AEAD: {
                byte[] explicit = longBytes(seq);
                byte[] nonce = concat(keys.clientIv, explicit);
                Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding", "SunJCE");
                gcm.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(keys.clientWriteKey, "AES"), new GCMParameterSpec(128, nonce));
                byte[] aad = concat(longBytes(seq), new byte[] {(byte) type, (byte) (version >>> 8), (byte) version,
                        (byte) (data.length >>> 8), (byte) data.length});
                gcm.updateAAD(aad);
                fragment = concat(explicit, gcm.doFinal(data));
                break;
            }
            default:
                throw new AssertionError(c.suite().cipher.kind);
        }
        byte[] record = new byte[5 + fragment.length];
        header(record, type, version, fragment.length);
        System.arraycopy(fragment, 0, record, 5, fragment.length);
        return record;
    }
}
