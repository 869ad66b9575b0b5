package io.tlsbench.record;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tlsbench.kdf.KeyBlockLayout;
import io.tlsbench.kdf.KeySchedule;
import io.tlsbench.kdf.SessionKeys;
import io.tlsbench.provider.ProviderId;
import io.tlsbench.provider.ProviderSet;
import io.tlsbench.provider.Providers;
import io.tlsbench.suite.CipherKind;
import io.tlsbench.suite.CipherSuite;
import io.tlsbench.suite.ConnectionEnd;
import io.tlsbench.suite.ProtocolVersion;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Proxy;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.bouncycastle.crypto.engines.RC4Engine;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.EncryptionAlgorithm;
import org.bouncycastle.tls.MACAlgorithm;
import org.bouncycastle.tls.PRFAlgorithm;
import org.bouncycastle.tls.SecurityParameters;
import org.bouncycastle.tls.TlsContext;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.crypto.TlsCipher;
import org.bouncycastle.tls.crypto.TlsCryptoParameters;
import org.bouncycastle.tls.crypto.TlsDecodeResult;
import org.bouncycastle.tls.crypto.TlsEncodeResult;
import org.bouncycastle.tls.crypto.TlsSecret;
import org.bouncycastle.tls.crypto.impl.TlsAEADCipher;
import org.bouncycastle.tls.crypto.impl.TlsBlockCipher;
import org.bouncycastle.tls.crypto.impl.TlsNullCipher;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The wire format checked against an implementation that is not ours: Bouncy Castle's TLS
 * record ciphers (bctls 1.84), which derive their own key block from the same master secret and
 * randoms through BC's own PRF. tlsbench's records (sealed over every provider that offers the
 * suite) are decoded by BC, and BC's records are opened by tlsbench, in runs of several records
 * so that TLS 1.0's chained IVs and RC4's running key stream are exercised; where the encoding is
 * deterministic (TLS 1.0 CBC, RC4, GCM with the sequence number as explicit nonce) the records
 * must also be byte-for-byte identical.
 *
 * <p>BC is driven through its public TlsCrypto API: BcTlsCrypto.createCipher with a
 * TlsCryptoParameters over a minimal TlsContext (a dynamic proxy) whose SecurityParameters carry
 * the master secret, randoms, PRF and negotiated version (set by reflection: the fields are
 * package-private and there is no public builder).
 *
 * <p>RC4: bctls 1.84 has no TlsStreamCipher any more and BcTlsCrypto.createCipher refuses
 * EncryptionAlgorithm.RC4_128. The reference is then assembled from BC parts: BC's TLS NULL cipher
 * (TlsNullCipher: BC's record MAC, TlsSuiteHMac, with MAC keys from BC's key block) for
 * fragment ‖ MAC, and BC's lightweight RC4Engine keyed with the write keys of the key block BC's
 * own PRF derives — still an implementation that is not ours. 3DES is served by BcTlsCrypto itself
 * (TlsBlockCipher over DESedeEngine).
 */
class BcInteropTest {

    private static final int[] SIZES = {0, 1, 16, 1000, 16384, 0, 1, 16, 1000, 16384};

    private static final CipherSuite[] CBC_AND_STREAM = {
        CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA,
        CipherSuite.TLS_RSA_WITH_RC4_128_SHA,
        CipherSuite.TLS_RSA_WITH_3DES_EDE_CBC_SHA,
    };

    @TestFactory
    Stream<DynamicTest> tlsbenchAndBouncyCastleReadEachOthersRecords() {
        List<DynamicTest> tests = new ArrayList<>();
        List<Object[]> cases = new ArrayList<>();
        for (ProtocolVersion v : new ProtocolVersion[] {ProtocolVersion.TLS12, ProtocolVersion.TLS10}) {
            for (CipherSuite s : CBC_AND_STREAM) {
                cases.add(new Object[] {s, v});
            }
        }
        cases.add(new Object[] {CipherSuite.TLS_RSA_WITH_AES_128_GCM_SHA256, ProtocolVersion.TLS12});
        for (Object[] c : cases) {
            CipherSuite suite = (CipherSuite) c[0];
            ProtocolVersion v = (ProtocolVersion) c[1];
            List<ProviderSet> providers = RoundTripTest.providersFor(suite);
            assertTrue(providers.stream().anyMatch(p -> p.id() == ProviderId.SUNJCE), suite + " on SunJCE");
            for (ProviderSet p : providers) {
                for (ConnectionEnd writer : ConnectionEnd.values()) {
                    tests.add(DynamicTest.dynamicTest(suite + " " + v + " " + p.id() + " written by " + writer,
                            () -> interoperate(suite, v, p, writer)));
                }
            }
        }
        return tests.stream();
    }

    /** Which providers took part (the report names them); SunJCE and BC always exist. */
    @Test
    void everyAvailableProviderIsCovered() {
        for (ProviderSet p : Providers.all()) {
            if (p.available()) {
                assertTrue(RoundTripTest.providersFor(CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA).contains(p),
                        p.id() + " offers AES-CBC and so takes part");
            }
        }
        assertTrue(Providers.get(ProviderId.BC).available());
    }

    /** The reference is not vacuous: BC refuses a tlsbench record with one flipped bit. */
    @Test
    void bouncyCastleRejectsATamperedRecord() throws Exception {
        for (CipherSuite suite : new CipherSuite[] {CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA,
                CipherSuite.TLS_RSA_WITH_RC4_128_SHA, CipherSuite.TLS_RSA_WITH_AES_128_GCM_SHA256}) {
            Material m = new Material(suite, ProtocolVersion.TLS12, 99);
            RecordSealer sealer = RecordSealer.create(RecordSpec.of(Providers.require(ProviderId.SUNJCE))
                    .suite(suite, ProtocolVersion.TLS12).keys(m.keys, ConnectionEnd.CLIENT).random(new SecureRandom()));
            byte[] record = seal(sealer, new byte[100], false);
            byte[] fragment = Arrays.copyOfRange(record, 5, record.length);
            fragment[fragment.length - 1] ^= 1;
            Reference bc = reference(suite, ProtocolVersion.TLS12, m, true);
            TlsFatalAlert e = assertThrows(TlsFatalAlert.class,
                    () -> bc.decode(0, ContentType.APPLICATION_DATA, fragment), suite.toString());
            assertEquals(AlertDescription.bad_record_mac, e.getAlertDescription(), suite.toString());
        }
    }

    static void interoperate(CipherSuite suite, ProtocolVersion v, ProviderSet provider, ConnectionEnd writer)
            throws Exception {
        Material m = new Material(suite, v, suite.id * 131L + v.ordinal());
        // BC plays the peer: it reads what `writer` writes when it is the other end, and writes as `writer`.
        Reference bcReader = reference(suite, v, m, writer == ConnectionEnd.CLIENT);
        Reference bcWriter = reference(suite, v, m, writer == ConnectionEnd.SERVER);
        RecordSpec spec = RecordSpec.of(provider).suite(suite, v).keys(m.keys, writer);
        RecordSealer sealer = RecordSealer.create(spec.random(new SecureRandom()));
        RecordOpener opener = RecordOpener.create(spec);
        boolean deterministic = !(suite.cipher.kind == CipherKind.BLOCK && v.explicitCbcIv());
        int[] types = {ContentType.APPLICATION_DATA, ContentType.HANDSHAKE, ContentType.ALERT};
        Random data = new Random(suite.id + 1000L * v.ordinal());
        Set<String> explicitIvs = new HashSet<>();
        for (int i = 0; i < SIZES.length; i++) {
            int size = SIZES[i];
            int type = types[i % types.length];
            long seq = i;
            boolean direct = (i & 1) == 1;
            byte[] plain = new byte[size];
            data.nextBytes(plain);
            String what = suite + " " + v + " " + provider.id() + " " + writer + " record " + i + " (" + size + " bytes)";

            // tlsbench seals, BC decodes.
            byte[] ours = seal(sealer, type, plain, direct);
            assertEquals(sealer.sealedLength(size), ours.length, what);
            assertEquals(type, ours[0], what);
            assertEquals(v.wire(), ((ours[1] & 0xff) << 8) | (ours[2] & 0xff), what);
            assertEquals(ours.length - 5, ((ours[3] & 0xff) << 8) | (ours[4] & 0xff), what);
            byte[] decoded = bcReader.decode(seq, type, Arrays.copyOfRange(ours, 5, ours.length));
            assertArrayEquals(plain, decoded, "BC decoding tlsbench's " + what);

            // BC encodes, tlsbench opens.
            byte[] theirs = bcWriter.encode(seq, type, v, plain);
            if (deterministic) {
                assertArrayEquals(theirs, ours, "identical records: " + what);
            } else {
                assertEquals(theirs.length, ours.length, "same length (minimal padding): " + what);
                assertTrue(explicitIvs.add(Arrays.toString(Arrays.copyOfRange(ours, 5, 5 + suite.cipher.blockLength))),
                        "explicit IV repeated: " + what);
            }
            ByteBuffer in = direct ? ByteBuffer.allocateDirect(theirs.length) : ByteBuffer.allocate(theirs.length);
            in.put(theirs).flip();
            ByteBuffer out = direct ? ByteBuffer.allocate(size) : ByteBuffer.allocateDirect(size);
            assertEquals(type, opener.open(in, out), what);
            assertFalse(in.hasRemaining(), what);
            out.flip();
            byte[] got = new byte[out.remaining()];
            out.get(got);
            assertArrayEquals(plain, got, "tlsbench opening BC's " + what);
        }
        sealer.close();
        opener.close();
    }

    static byte[] seal(RecordSealer sealer, byte[] plain, boolean direct) throws Exception {
        return seal(sealer, ContentType.APPLICATION_DATA, plain, direct);
    }

    static byte[] seal(RecordSealer sealer, int type, byte[] plain, boolean direct) throws Exception {
        ByteBuffer in = direct ? ByteBuffer.allocateDirect(plain.length) : ByteBuffer.allocate(plain.length);
        in.put(plain).flip();
        int length = sealer.sealedLength(plain.length);
        ByteBuffer out = direct ? ByteBuffer.allocate(length) : ByteBuffer.allocateDirect(length);
        assertEquals(length, sealer.seal(type, in, out));
        out.flip();
        byte[] record = new byte[out.remaining()];
        out.get(record);
        return record;
    }

    // ---- the key material, known to both sides only as master secret and randoms ----

    static final class Material {
        final byte[] master = new byte[48];
        final byte[] clientRandom = new byte[32];
        final byte[] serverRandom = new byte[32];
        final SessionKeys keys;

        Material(CipherSuite suite, ProtocolVersion v, long seed) {
            Random r = new Random(seed);
            r.nextBytes(master);
            r.nextBytes(clientRandom);
            r.nextBytes(serverRandom);
            keys = new SessionKeys(KeyBlockLayout.of(suite, v));
            new KeySchedule(Providers.require(ProviderId.SUNJCE)).keyBlock(v, suite, master, clientRandom, serverRandom,
                    keys);
        }
    }

    // ---- Bouncy Castle as the reference peer ----

    interface Reference {
        /** The fragment (no header) of one record. */
        byte[] encode(long seq, int type, ProtocolVersion v, byte[] plaintext) throws IOException;

        byte[] decode(long seq, int type, byte[] fragment) throws IOException;
    }

    static Reference reference(CipherSuite suite, ProtocolVersion v, Material m, boolean server) throws Exception {
        BcTlsCrypto crypto = new BcTlsCrypto(new SecureRandom());
        int prf = v == ProtocolVersion.TLS12 ? PRFAlgorithm.tls_prf_sha256 : PRFAlgorithm.tls_prf_legacy;
        org.bouncycastle.tls.ProtocolVersion bcVersion = bcVersion(v);
        TlsCryptoParameters params = new TlsCryptoParameters(context(crypto, securityParameters(crypto, suite, v, m, prf,
                server), server, bcVersion));
        int mac = macAlgorithm(suite);
        switch (suite.cipher) {
            case AES_128_CBC: {
                TlsCipher c = crypto.createCipher(params, EncryptionAlgorithm.AES_128_CBC, mac);
                assertTrue(c instanceof TlsBlockCipher, c.getClass().getName());
                return new Wrapped(c, bcVersion);
            }
            case DES_EDE_CBC: {
                TlsCipher c = crypto.createCipher(params, EncryptionAlgorithm._3DES_EDE_CBC, mac);
                assertTrue(c instanceof TlsBlockCipher, c.getClass().getName());
                return new Wrapped(c, bcVersion);
            }
            case AES_128_GCM: {
                TlsCipher c = crypto.createCipher(params, EncryptionAlgorithm.AES_128_GCM, MACAlgorithm._null);
                assertTrue(c instanceof TlsAEADCipher, c.getClass().getName());
                return new Wrapped(c, bcVersion);
            }
            case RC4_128: {
                // BC 1.84 refuses RC4 in its TlsCrypto (checked here, so a future BC that serves it is noticed).
                assertFalse(crypto.hasEncryptionAlgorithm(EncryptionAlgorithm.RC4_128), "BC serves RC4 again");
                TlsCipher nullCipher = crypto.createCipher(params, EncryptionAlgorithm.NULL, mac);
                assertTrue(nullCipher instanceof TlsNullCipher, nullCipher.getClass().getName());
                int macLength = suite.mac.length();
                int keyLength = suite.cipher.keyLength;
                TlsSecret secret = crypto.createSecret(m.master.clone());
                byte[] keyBlock = secret.deriveUsingPRF(prf, "key expansion", concat(m.serverRandom, m.clientRandom),
                        2 * macLength + 2 * keyLength).extract();
                byte[] clientKey = Arrays.copyOfRange(keyBlock, 2 * macLength, 2 * macLength + keyLength);
                byte[] serverKey = Arrays.copyOfRange(keyBlock, 2 * macLength + keyLength, 2 * macLength + 2 * keyLength);
                RC4Engine write = new RC4Engine();
                write.init(true, new KeyParameter(server ? serverKey : clientKey));
                RC4Engine read = new RC4Engine();
                read.init(false, new KeyParameter(server ? clientKey : serverKey));
                return new Rc4(nullCipher, write, read, bcVersion);
            }
            default:
                throw new AssertionError(suite.cipher);
        }
    }

    /** One of BC's own TLS record ciphers. */
    static final class Wrapped implements Reference {
        private final TlsCipher cipher;
        private final org.bouncycastle.tls.ProtocolVersion version;

        Wrapped(TlsCipher cipher, org.bouncycastle.tls.ProtocolVersion version) {
            this.cipher = cipher;
            this.version = version;
        }

        @Override
        public byte[] encode(long seq, int type, ProtocolVersion v, byte[] plaintext) throws IOException {
            TlsEncodeResult r = cipher.encodePlaintext(seq, (short) type, version, 5, plaintext, 0, plaintext.length);
            assertEquals(type, r.recordType);
            byte[] record = Arrays.copyOfRange(r.buf, r.off, r.off + r.len);
            int fragment = record.length - 5;
            record[0] = (byte) type;
            record[1] = (byte) version.getMajorVersion();
            record[2] = (byte) version.getMinorVersion();
            record[3] = (byte) (fragment >>> 8);
            record[4] = (byte) fragment;
            return record;
        }

        @Override
        public byte[] decode(long seq, int type, byte[] fragment) throws IOException {
            byte[] copy = fragment.clone();
            TlsDecodeResult r = cipher.decodeCiphertext(seq, (short) type, version, copy, 0, copy.length);
            assertEquals(type, r.contentType);
            return Arrays.copyOfRange(r.buf, r.off, r.off + r.len);
        }
    }

    /** BC's TLS NULL cipher (record MAC) under BC's RC4Engine: RC4's key stream runs on across records. */
    static final class Rc4 implements Reference {
        private final TlsCipher mac;
        private final RC4Engine write;
        private final RC4Engine read;
        private final Wrapped macOnly;

        Rc4(TlsCipher mac, RC4Engine write, RC4Engine read, org.bouncycastle.tls.ProtocolVersion version) {
            this.mac = mac;
            this.write = write;
            this.read = read;
            this.macOnly = new Wrapped(mac, version);
        }

        @Override
        public byte[] encode(long seq, int type, ProtocolVersion v, byte[] plaintext) throws IOException {
            byte[] record = macOnly.encode(seq, type, v, plaintext); // header ‖ plaintext ‖ MAC
            write.processBytes(record, 5, record.length - 5, record, 5);
            return record;
        }

        @Override
        public byte[] decode(long seq, int type, byte[] fragment) throws IOException {
            byte[] clear = new byte[fragment.length];
            read.processBytes(fragment, 0, fragment.length, clear, 0);
            return macOnly.decode(seq, type, clear);
        }
    }

    static org.bouncycastle.tls.ProtocolVersion bcVersion(ProtocolVersion v) {
        switch (v) {
            case TLS10: return org.bouncycastle.tls.ProtocolVersion.TLSv10;
            case TLS11: return org.bouncycastle.tls.ProtocolVersion.TLSv11;
            case TLS12: return org.bouncycastle.tls.ProtocolVersion.TLSv12;
            default: throw new AssertionError(v);
        }
    }

    static int macAlgorithm(CipherSuite suite) {
        switch (suite.mac) {
            case HMAC_MD5: return MACAlgorithm.hmac_md5;
            case HMAC_SHA1: return MACAlgorithm.hmac_sha1;
            case HMAC_SHA256: return MACAlgorithm.hmac_sha256;
            case HMAC_SHA384: return MACAlgorithm.hmac_sha384;
            default: return MACAlgorithm._null;
        }
    }

    static SecurityParameters securityParameters(BcTlsCrypto crypto, CipherSuite suite, ProtocolVersion v, Material m,
                                                 int prf, boolean server) throws ReflectiveOperationException {
        SecurityParameters sp = new SecurityParameters();
        set(sp, "entity", server ? org.bouncycastle.tls.ConnectionEnd.server : org.bouncycastle.tls.ConnectionEnd.client);
        set(sp, "cipherSuite", suite.id);
        set(sp, "prfAlgorithm", prf);
        set(sp, "negotiatedVersion", bcVersion(v));
        set(sp, "masterSecret", crypto.createSecret(m.master.clone()));
        set(sp, "clientRandom", m.clientRandom.clone());
        set(sp, "serverRandom", m.serverRandom.clone());
        set(sp, "verifyDataLength", 12);
        return sp;
    }

    private static void set(Object target, String field, Object value) throws ReflectiveOperationException {
        Field f = SecurityParameters.class.getDeclaredField(field);
        f.setAccessible(true);
        f.set(target, value);
    }

    /** The few TlsContext methods a record cipher consults; anything else is a test bug. */
    static TlsContext context(BcTlsCrypto crypto, SecurityParameters sp, boolean server,
                              org.bouncycastle.tls.ProtocolVersion version) {
        byte[] seed = new byte[32];
        new SecureRandom().nextBytes(seed);
        Object nonces = crypto.createNonceGenerator(seed);
        return (TlsContext) Proxy.newProxyInstance(TlsContext.class.getClassLoader(), new Class<?>[] {TlsContext.class},
                (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "getCrypto": return crypto;
                        case "getNonceGenerator": return nonces;
                        case "getSecurityParameters":
                        case "getSecurityParametersConnection":
                        case "getSecurityParametersHandshake": return sp;
                        case "isServer": return server;
                        case "getClientVersion":
                        case "getServerVersion":
                        case "getRSAPreMasterSecretVersion": return version;
                        case "hashCode": return System.identityHashCode(proxy);
                        case "equals": return proxy == args[0];
                        case "toString": return "minimal TlsContext for " + version;
                        default: throw new UnsupportedOperationException("TlsContext." + method.getName());
                    }
                });
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    @Test
    void referenceKeysMatchOursSoTheCheckIsAboutTheRecords() {
        // Sanity on the shared inputs: BC's key block (its own PRF) equals tlsbench's.
        for (ProtocolVersion v : new ProtocolVersion[] {ProtocolVersion.TLS10, ProtocolVersion.TLS12}) {
            CipherSuite suite = CipherSuite.TLS_RSA_WITH_RC4_128_SHA;
            Material m = new Material(suite, v, 5);
            int prf = v == ProtocolVersion.TLS12 ? PRFAlgorithm.tls_prf_sha256 : PRFAlgorithm.tls_prf_legacy;
            byte[] bc = new BcTlsCrypto(new SecureRandom()).createSecret(m.master.clone())
                    .deriveUsingPRF(prf, "key expansion", concat(m.serverRandom, m.clientRandom), m.keys.keyBlock().length)
                    .extract();
            assertArrayEquals(m.keys.keyBlock(), bc, v.toString());
            assertNotEquals(0, bc[0] | bc[1] | bc[2]);
        }
    }
}
