package io.tlsbench.kdf;

import static io.tlsbench.kdf.JdkDifferentialTest.N;
import static io.tlsbench.kdf.JdkDifferentialTest.ascii;
import static io.tlsbench.kdf.JdkDifferentialTest.assertGuards;
import static io.tlsbench.kdf.JdkDifferentialTest.assertSixSecrets;
import static io.tlsbench.kdf.JdkDifferentialTest.bytes;
import static io.tlsbench.kdf.JdkDifferentialTest.cat;
import static io.tlsbench.kdf.JdkDifferentialTest.derive;
import static io.tlsbench.kdf.JdkDifferentialTest.hex;
import static io.tlsbench.kdf.JdkDifferentialTest.label;
import static io.tlsbench.kdf.JdkDifferentialTest.repeat;
import static io.tlsbench.kdf.JdkDifferentialTest.suitesAllowing;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tlsbench.suite.CipherSuite;
import io.tlsbench.suite.ConnectionEnd;
import io.tlsbench.suite.ProtocolVersion;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.bouncycastle.tls.CipherType;
import org.bouncycastle.tls.EncryptionAlgorithm;
import org.bouncycastle.tls.MACAlgorithm;
import org.bouncycastle.tls.PRFAlgorithm;
import org.bouncycastle.tls.SecurityParameters;
import org.bouncycastle.tls.TlsContext;
import org.bouncycastle.tls.TlsHandshakeHash;
import org.bouncycastle.tls.TlsUtils;
import org.bouncycastle.tls.crypto.CryptoHashAlgorithm;
import org.bouncycastle.tls.crypto.TlsCryptoParameters;
import org.bouncycastle.tls.crypto.TlsCryptoUtils;
import org.bouncycastle.tls.crypto.TlsHash;
import org.bouncycastle.tls.crypto.TlsSecret;
import org.bouncycastle.tls.crypto.impl.TlsImplUtils;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsSecret;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Differential tests against Bouncy Castle's TLS stack (bctls, lightweight BcTlsCrypto): its PRFs
 * and, where reachable, the very routines its TLS handshake runs — TlsUtils.calculateMasterSecret
 * (both forms), TlsImplUtils.calculateKeyBlock, TlsUtils.calculateVerifyData (SSLv3 through
 * SSL3Utils and CombinedHash, TLS through the PRF) and TlsUtils.calculateExporterSeed — driven by a
 * SecurityParameters filled in by reflection and a minimal TlsContext proxy. BC also chooses the
 * PRF of each suite and version (TlsUtils.getPRFAlgorithm), and its suite tables give the key
 * block lengths, so tlsbench's choices are checked too. At least {@value JdkDifferentialTest#N}
 * random inputs per function (per PRF algorithm or per version where it says so), each compared
 * over every schedule of {@link TestProviders#schedules()} that supports the PRF's hashes.
 *
 * <p>Every failure names the test's seed, the case index and the case seed, so it reproduces.
 */
class BcDifferentialTest {

    private static final List<KeySchedule> SCHEDULES = TestProviders.schedules();
    private static final Map<String, Integer> COMPARED = new TreeMap<>();

    // ------------------------------------------------------------------------------------------
    // PRF
    // ------------------------------------------------------------------------------------------

    /**
     * Every PRF BC has: SSLv3, TLS 1.0/1.1 and TLS 1.2 SHA-256/SHA-384 through
     * TlsSecret.deriveUsingPRF; TLS 1.2 over SHA-224 and SHA-512 through BcTlsSecret's P_hash
     * (hmacHash, reached by reflection). SHA-512/256 is not among BC's TLS hashes (the JDK test
     * covers it).
     *
     * <p>SSLv3 outputs stop at 240 bytes: BC's salt table has 15 rounds (the JDK's 10). tlsbench
     * allows up to 416 (26 rounds, 'A' to 'Z'); bytes 241..416 have no independent implementation
     * in either library and no SSLv3 key block comes near them (the largest is 136 bytes).
     */
    @Test
    void prfMatchesBc() {
        PrfAlgorithm[] algs = {PrfAlgorithm.SSL3, PrfAlgorithm.MD5_SHA1, PrfAlgorithm.SHA224, PrfAlgorithm.SHA256,
            PrfAlgorithm.SHA384, PrfAlgorithm.SHA512};
        for (PrfAlgorithm alg : algs) {
            repeat(0xbc5e_0100L + alg.ordinal(), N, (in, how, where) -> {
                boolean ssl3 = alg == PrfAlgorithm.SSL3;
                byte[] secret = bytes(in, in.nextInt(301));
                String label = ssl3 ? "" : label(in, 0, 40);
                byte[] seed = bytes(in, in.nextInt(201));
                int len = 1 + in.nextInt(ssl3 ? 240 : 300);
                byte[] expected;
                if (alg == PrfAlgorithm.SHA224) {
                    expected = Bc.pHash(CryptoHashAlgorithm.sha224, secret, cat(ascii(label), seed), len);
                } else if (alg == PrfAlgorithm.SHA512) {
                    expected = Bc.pHash(CryptoHashAlgorithm.sha512, secret, cat(ascii(label), seed), len);
                } else {
                    expected = Bc.crypto().createSecret(secret).deriveUsingPRF(Bc.prfId(alg), label, seed, len)
                            .extract();
                }
                assertEquals(len, expected.length, where);
                Supplier<String> inputs = () -> alg + " secret " + hex(secret) + " label '" + label + "' seed "
                        + hex(seed) + " length " + len;
                forEachSchedule(alg, where, "prf", (ks, name) -> assertArrayEquals(expected,
                        derive(ks.prf(alg), how, secret, ssl3 ? null : ascii(label), seed, len,
                                () -> name + " " + inputs.get()),
                        () -> name + " " + inputs.get()));
            });
        }
    }

    // ------------------------------------------------------------------------------------------
    // master secret, extended master secret
    // ------------------------------------------------------------------------------------------

    /** Per version ({@value JdkDifferentialTest#N} each), random suites, premaster 1..300 bytes. */
    @Test
    void masterSecretMatchesBcCalculateMasterSecret() {
        for (ProtocolVersion v : ProtocolVersion.values()) {
            List<CipherSuite> suites = suitesAllowing(v);
            repeat(0xbc5e_0200L + v.ordinal(), N, (in, how, where) -> {
                CipherSuite suite = suites.get(in.nextInt(suites.size()));
                byte[] pms = bytes(in, 1 + in.nextInt(300));
                byte[] cr = bytes(in, 32);
                byte[] sr = bytes(in, 32);
                Bc.Session s = new Bc.Session(v, suite.id);
                s.randoms(cr, sr);
                byte[] expected = s.masterSecret(pms);
                Supplier<String> inputs = () -> v + " " + suite + " premaster " + hex(pms) + " client_random "
                        + hex(cr) + " server_random " + hex(sr);
                forEachSchedule(PrfAlgorithm.of(v, suite), where, "master secret", (ks, name) -> {
                    byte[] out = bytes(how, 48);
                    ks.masterSecret(v, suite, pms, cr, sr, out);
                    assertArrayEquals(expected, out, () -> name + " " + inputs.get());
                });
            });
        }
    }

    /** RFC 7627, per version TLS 1.0, 1.1, 1.2 ({@value JdkDifferentialTest#N} each). */
    @Test
    void extendedMasterSecretMatchesBcCalculateMasterSecret() {
        for (ProtocolVersion v : List.of(ProtocolVersion.TLS10, ProtocolVersion.TLS11, ProtocolVersion.TLS12)) {
            List<CipherSuite> suites = suitesAllowing(v);
            repeat(0xbc5e_0300L + v.ordinal(), N, (in, how, where) -> {
                CipherSuite suite = suites.get(in.nextInt(suites.size()));
                Bc.Session s = new Bc.Session(v, suite.id);
                byte[] pms = bytes(in, 1 + in.nextInt(300));
                byte[] sessionHash = bytes(in, s.handshakeHashLength());
                byte[] expected = s.extendedMasterSecret(pms, sessionHash);
                Supplier<String> inputs = () -> v + " " + suite + " premaster " + hex(pms) + " session_hash "
                        + hex(sessionHash);
                forEachSchedule(PrfAlgorithm.of(v, suite), where, "extended master secret", (ks, name) -> {
                    byte[] out = bytes(how, 48);
                    ks.extendedMasterSecret(v, suite, pms, sessionHash, out);
                    assertArrayEquals(expected, out, () -> name + " " + inputs.get());
                });
            });
        }
    }

    // ------------------------------------------------------------------------------------------
    // key block
    // ------------------------------------------------------------------------------------------

    /**
     * Every suite in every version it allows (at least 20 cases each, {@value JdkDifferentialTest#N}
     * or more in all): BC's key block (TlsImplUtils.calculateKeyBlock), cut by the lengths BC's
     * suite tables give (cipher type, encryption and MAC algorithm; explicit CBC IVs from TLS 1.1
     * on, as BC's TlsBlockCipher decides), against tlsbench's six secrets and raw key block. The
     * layout and the PRF tlsbench picks must agree with BC's, and BC must not reject a version
     * tlsbench allows.
     */
    @Test
    void keyBlockMatchesBcForEverySuiteAndVersion() {
        int pairs = 0;
        for (CipherSuite suite : CipherSuite.all()) {
            for (ProtocolVersion v : ProtocolVersion.values()) {
                pairs += suite.allows(v) ? 1 : 0;
            }
        }
        int perPair = Math.max(20, (N + pairs - 1) / pairs);
        int total = 0;
        for (CipherSuite suite : CipherSuite.all()) {
            for (ProtocolVersion v : ProtocolVersion.values()) {
                if (!suite.allows(v)) {
                    continue;
                }
                assertTrue(TlsUtils.isValidVersionForCipherSuite(suite.id, Bc.version(v)),
                        suite + " is allowed in " + v + " by tlsbench but not by BC");
                Bc.Session probe = new Bc.Session(v, suite.id);
                assertEquals(probe.prf(), PrfAlgorithm.of(v, suite), suite + " in " + v + ": PRF vs BC's choice");
                KeyBlockLayout layout = probe.layout();
                assertEquals(layout, KeyBlockLayout.of(suite, v), suite + " in " + v + ": layout vs BC's tables");
                Map<KeySchedule, SessionKeys> keys = new IdentityHashMap<>();
                repeat(0xbc5e_0400L + 31L * suite.id + v.ordinal(), perPair, (in, how, where) -> {
                    byte[] master = bytes(in, 48);
                    byte[] cr = bytes(in, 32);
                    byte[] sr = bytes(in, 32);
                    Bc.Session s = new Bc.Session(v, suite.id);
                    s.randoms(cr, sr);
                    s.master(master);
                    byte[] block = s.keyBlock(2 * (layout.macLength() + layout.keyLength() + layout.ivLength()));
                    byte[][] expected = split(block, layout.macLength(), layout.keyLength(), layout.ivLength());
                    Supplier<String> inputs = () -> v + " " + suite + " master " + hex(master) + " client_random "
                            + hex(cr) + " server_random " + hex(sr);
                    forEachSchedule(PrfAlgorithm.of(v, suite), where, "key block", (ks, name) -> {
                        SessionKeys out = keys.computeIfAbsent(ks, k -> new SessionKeys(layout));
                        ks.keyBlock(v, suite, master, cr, sr, out);
                        assertSixSecrets(expected, out, () -> name + " " + inputs.get());
                        assertArrayEquals(block, out.keyBlock(), () -> name + " raw key block; " + inputs.get());
                    });
                });
                total += perPair;
            }
        }
        assertTrue(total >= N, "only " + total + " key block cases");
    }

    // ------------------------------------------------------------------------------------------
    // Finished, exporter
    // ------------------------------------------------------------------------------------------

    /**
     * verify_data per version ({@value JdkDifferentialTest#N} each, random suites) from BC's
     * TlsUtils.calculateVerifyData over a handshake-hash stand-in that forks BC's own transcript
     * hashes: SSLv3 goes through SSL3Utils (sender "CLNT"/"SRVR", CombinedHash's MD5/SHA-1 pad
     * completion with the master secret, 36 bytes), TLS through the PRF (12 bytes). For TLS the
     * lower-level tlsbench form is also given BC's handshake hash.
     */
    @Test
    void finishedMatchesBcCalculateVerifyData() {
        for (ProtocolVersion v : ProtocolVersion.values()) {
            List<CipherSuite> suites = suitesAllowing(v);
            repeat(0xbc5e_0500L + v.ordinal(), N, (in, how, where) -> {
                CipherSuite suite = suites.get(in.nextInt(suites.size()));
                byte[] master = bytes(in, 48);
                byte[] messages = bytes(in, in.nextInt(2001));
                boolean server = in.nextBoolean();
                Bc.Session s = new Bc.Session(v, suite.id);
                s.master(master);
                byte[] expected = s.verifyData(messages, server);
                assertEquals(v == ProtocolVersion.SSL3 ? 36 : 12, expected.length, where);
                byte[] hash = v == ProtocolVersion.SSL3 ? null : s.transcriptHash(messages);
                PrfAlgorithm alg = PrfAlgorithm.of(v, suite);
                ConnectionEnd sender = server ? ConnectionEnd.SERVER : ConnectionEnd.CLIENT;
                Supplier<String> inputs = () -> v + " " + suite + " " + sender + " master " + hex(master)
                        + " messages " + hex(messages);
                forEachSchedule(alg, where, "finished", (ks, name) -> {
                    assertArrayEquals(expected, ks.verifyData(v, alg, master, sender, messages),
                            () -> name + " (from messages) " + inputs.get());
                    if (hash != null) {
                        byte[] hashBuf = cat(hash, bytes(how, how.nextInt(4)));
                        int off = how.nextInt(5);
                        byte[] out = bytes(how, off + 12 + how.nextInt(5));
                        byte[] before = out.clone();
                        ks.verifyData(alg, master, sender, hashBuf, hash.length, out, off);
                        assertArrayEquals(expected, Arrays.copyOfRange(out, off, off + 12),
                                () -> name + " (from hash) " + inputs.get());
                        assertGuards(before, out, off, 12, () -> name + " (from hash) " + inputs.get());
                    }
                });
            });
        }
    }

    /**
     * RFC 5705 per TLS PRF BC has ({@value JdkDifferentialTest#N} each): BC's exporter seed
     * (TlsUtils.calculateExporterSeed, with or without context) and TlsUtils.PRF, as BC's own
     * exportKeyingMaterial composes them; lengths 0..300, contexts absent, empty or up to 300 bytes.
     */
    @Test
    void exporterMatchesBc() {
        for (PrfAlgorithm alg : List.of(PrfAlgorithm.MD5_SHA1, PrfAlgorithm.SHA256, PrfAlgorithm.SHA384)) {
            repeat(0xbc5e_0600L + alg.ordinal(), N, (in, how, where) -> {
                byte[] master = bytes(in, 48);
                byte[] cr = bytes(in, 32);
                byte[] sr = bytes(in, 32);
                String label = label(in, 1, 40);
                int c = in.nextInt(6);
                byte[] context = c == 0 || c == 1 ? null : c == 2 ? new byte[0] : bytes(in, 1 + in.nextInt(300));
                int len = in.nextInt(301);
                Bc.Session s = new Bc.Session(alg);
                s.randoms(cr, sr);
                s.master(master);
                byte[] expected = s.export(label, context, len);
                Supplier<String> inputs = () -> alg + " label '" + label + "' master " + hex(master) + " client_random "
                        + hex(cr) + " server_random " + hex(sr) + " context "
                        + (context == null ? "none" : hex(context)) + " length " + len;
                forEachSchedule(alg, where, "exporter", (ks, name) -> assertArrayEquals(expected,
                        ks.exportKeyingMaterial(alg, master, label, cr, sr, context, len),
                        () -> name + " " + inputs.get()));
            });
        }
    }

    @AfterAll
    static void report() {
        System.out.println("BcDifferentialTest comparisons per schedule: " + COMPARED);
    }

    // ------------------------------------------------------------------------------------------
    // the Bouncy Castle side
    // ------------------------------------------------------------------------------------------

    /** BC's TLS routines; package-private ones through reflection (bctls is on the class path, not a module). */
    static final class Bc {
        private static final BcTlsCrypto CRYPTO = new BcTlsCrypto(new SecureRandom());
        private static final Method HMAC_HASH;
        private static final Method CALCULATE_MASTER_SECRET;
        private static final Method CALCULATE_VERIFY_DATA;
        private static final Method GET_PRF_ALGORITHM;
        private static final Constructor<?> COMBINED_HASH;

        static {
            try {
                HMAC_HASH = BcTlsSecret.class.getDeclaredMethod("hmacHash", int.class, byte[].class, int.class,
                        int.class, byte[].class, byte[].class);
                CALCULATE_MASTER_SECRET = TlsUtils.class.getDeclaredMethod("calculateMasterSecret", TlsContext.class,
                        TlsSecret.class);
                CALCULATE_VERIFY_DATA = TlsUtils.class.getDeclaredMethod("calculateVerifyData", TlsContext.class,
                        TlsHandshakeHash.class, boolean.class);
                GET_PRF_ALGORITHM = TlsUtils.class.getDeclaredMethod("getPRFAlgorithm", SecurityParameters.class,
                        int.class);
                COMBINED_HASH = Class.forName("org.bouncycastle.tls.CombinedHash")
                        .getDeclaredConstructor(TlsContext.class, TlsHash.class, TlsHash.class);
                for (java.lang.reflect.AccessibleObject o : new java.lang.reflect.AccessibleObject[] {
                    HMAC_HASH, CALCULATE_MASTER_SECRET, CALCULATE_VERIFY_DATA, GET_PRF_ALGORITHM, COMBINED_HASH}) {
                    o.setAccessible(true);
                }
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        private Bc() {
        }

        static BcTlsCrypto crypto() {
            return CRYPTO;
        }

        /** BC's PRF identifiers (written here, not taken from tlsbench). */
        static int prfId(PrfAlgorithm alg) {
            switch (alg) {
                case SSL3: return PRFAlgorithm.ssl_prf_legacy;
                case MD5_SHA1: return PRFAlgorithm.tls_prf_legacy;
                case SHA256: return PRFAlgorithm.tls_prf_sha256;
                case SHA384: return PRFAlgorithm.tls_prf_sha384;
                default: throw new AssertionError("BC has no PRF id for " + alg);
            }
        }

        static PrfAlgorithm fromPrfId(int id) {
            switch (id) {
                case PRFAlgorithm.ssl_prf_legacy: return PrfAlgorithm.SSL3;
                case PRFAlgorithm.tls_prf_legacy: return PrfAlgorithm.MD5_SHA1;
                case PRFAlgorithm.tls_prf_sha256: return PrfAlgorithm.SHA256;
                case PRFAlgorithm.tls_prf_sha384: return PrfAlgorithm.SHA384;
                default: throw new AssertionError("unexpected BC PRF " + PRFAlgorithm.getText(id));
            }
        }

        static org.bouncycastle.tls.ProtocolVersion version(ProtocolVersion v) {
            switch (v) {
                case SSL3: return org.bouncycastle.tls.ProtocolVersion.SSLv3;
                case TLS10: return org.bouncycastle.tls.ProtocolVersion.TLSv10;
                case TLS11: return org.bouncycastle.tls.ProtocolVersion.TLSv11;
                case TLS12: return org.bouncycastle.tls.ProtocolVersion.TLSv12;
                default: throw new AssertionError(v);
            }
        }

        /** P_hash (RFC 5246 §5) of BcTlsSecret over any of BC's hashes; labelSeed = label ‖ seed. */
        static byte[] pHash(int cryptoHash, byte[] secret, byte[] labelSeed, int len) {
            byte[] out = new byte[len];
            invoke(HMAC_HASH, CRYPTO.createSecret(new byte[1]), cryptoHash, secret, 0, secret.length, labelSeed, out);
            return out;
        }

        private static Object invoke(Method m, Object target, Object... args) {
            try {
                return m.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw new AssertionError("BC " + m.getName() + " failed", e.getCause());
            } catch (IllegalAccessException e) {
                throw new AssertionError(e);
            }
        }

        /** One connection's SecurityParameters and a TlsContext around them, as far as the key schedule needs. */
        static final class Session {
            final SecurityParameters sp = new SecurityParameters();
            final TlsContext context;
            final int suite;

            /** A negotiated version and suite: BC picks the PRF (TlsUtils.getPRFAlgorithm). */
            Session(ProtocolVersion v, int suite) {
                this.suite = suite;
                this.context = context(sp);
                set("negotiatedVersion", version(v));
                set("cipherSuite", suite);
                set("verifyDataLength", v == ProtocolVersion.SSL3 ? 36 : 12);
                set("prfAlgorithm", invoke(GET_PRF_ALGORITHM, null, sp, suite));
                set("prfCryptoHashAlgorithm", prfHash());
            }

            /** Just a PRF (TLS 1.2 for the single-hash ones), for the exporter. */
            Session(PrfAlgorithm prf) {
                this.suite = -1;
                this.context = context(sp);
                set("negotiatedVersion", version(JdkDifferentialTest.versionOf(prf)));
                set("verifyDataLength", 12);
                set("prfAlgorithm", prfId(prf));
                set("prfCryptoHashAlgorithm", prfHash());
            }

            PrfAlgorithm prf() {
                return fromPrfId(sp.getPRFAlgorithm());
            }

            /** BC's hash for the TLS 1.2 PRF, or -1 for the legacy PRFs (their transcript is MD5 ‖ SHA-1). */
            private int prfHash() {
                int prf = sp.getPRFAlgorithm();
                return prf == PRFAlgorithm.ssl_prf_legacy || prf == PRFAlgorithm.tls_prf_legacy ? -1
                        : TlsCryptoUtils.getHashForPRF(prf);
            }

            int handshakeHashLength() {
                int h = prfHash();
                return h < 0 ? 16 + 20 : TlsCryptoUtils.getHashOutputSize(h);
            }

            void randoms(byte[] cr, byte[] sr) {
                set("clientRandom", cr.clone());
                set("serverRandom", sr.clone());
            }

            void master(byte[] master) {
                set("masterSecret", CRYPTO.createSecret(master.clone()));
            }

            byte[] masterSecret(byte[] pms) {
                set("extendedMasterSecret", false);
                return ((TlsSecret) invoke(CALCULATE_MASTER_SECRET, null, context, CRYPTO.createSecret(pms.clone())))
                        .extract();
            }

            byte[] extendedMasterSecret(byte[] pms, byte[] sessionHash) {
                set("extendedMasterSecret", true);
                set("sessionHash", sessionHash.clone());
                return ((TlsSecret) invoke(CALCULATE_MASTER_SECRET, null, context, CRYPTO.createSecret(pms.clone())))
                        .extract();
            }

            byte[] keyBlock(int length) {
                return TlsImplUtils.calculateKeyBlock(new TlsCryptoParameters(context), length);
            }

            /** BC's transcript hash of the messages as Finished forks it (CombinedHash or the PRF hash). */
            TlsHash transcript(byte[] messages) {
                int h = prfHash();
                TlsHash hash;
                if (h < 0) {
                    try {
                        hash = (TlsHash) COMBINED_HASH.newInstance(context, CRYPTO.createHash(CryptoHashAlgorithm.md5),
                                CRYPTO.createHash(CryptoHashAlgorithm.sha1));
                    } catch (ReflectiveOperationException e) {
                        throw new AssertionError(e);
                    }
                } else {
                    hash = CRYPTO.createHash(h);
                }
                hash.update(messages, 0, messages.length);
                return hash;
            }

            /** The handshake hash TLS Finished is computed over (not meaningful for SSLv3, whose hash is keyed). */
            byte[] transcriptHash(byte[] messages) {
                return transcript(messages).calculateHash();
            }

            byte[] verifyData(byte[] messages, boolean server) {
                TlsHandshakeHash hh = (TlsHandshakeHash) Proxy.newProxyInstance(
                        TlsHandshakeHash.class.getClassLoader(), new Class<?>[] {TlsHandshakeHash.class},
                        (proxy, m, args) -> {
                            switch (m.getName()) {
                                case "forkPRFHash": return transcript(messages);
                                case "hashCode": return System.identityHashCode(proxy);
                                case "equals": return proxy == args[0];
                                case "toString": return "test handshake hash";
                                default: throw new UnsupportedOperationException("TlsHandshakeHash." + m.getName());
                            }
                        });
                return (byte[]) invoke(CALCULATE_VERIFY_DATA, null, context, hh, server);
            }

            /** What BC's AbstractTlsContext.exportKeyingMaterial computes. */
            byte[] export(String label, byte[] contextValue, int length) {
                byte[] seed = TlsUtils.calculateExporterSeed(sp, contextValue);
                return TlsUtils.PRF(sp, sp.getMasterSecret(), label, seed, length).extract();
            }

            /**
             * The key block layout BC's tables give for the suite: MAC key length from BC's HMAC
             * for the suite's MAC algorithm; key and implicit IV lengths from its encryption
             * algorithm; CBC IVs from the key block only before TLS 1.1 (BC: TlsImplUtils.isTLSv11).
             */
            KeyBlockLayout layout() {
                int mac = TlsUtils.getMACAlgorithm(suite);
                int enc = TlsUtils.getEncryptionAlgorithm(suite);
                int type = TlsUtils.getCipherType(suite);
                if (enc < 0) {
                    // BC 1.84 has dropped the RC4 suites from its tables (all three answer -1): their
                    // algorithms are written here by id (RFC 5246 App. C, RFC 4492 §6).
                    switch (suite) {
                        case 0x0004: mac = MACAlgorithm.hmac_md5; break;          // TLS_RSA_WITH_RC4_128_MD5
                        case 0x0005:                                              // TLS_RSA_WITH_RC4_128_SHA
                        case 0xc007:                                              // TLS_ECDHE_ECDSA_WITH_RC4_128_SHA
                        case 0xc011: mac = MACAlgorithm.hmac_sha1; break;         // TLS_ECDHE_RSA_WITH_RC4_128_SHA
                        default: throw new AssertionError(String.format("BC does not know suite 0x%04x", suite));
                    }
                    enc = EncryptionAlgorithm.RC4_128;
                    type = CipherType.stream;
                }
                int macLength = mac == MACAlgorithm._null ? 0 : CRYPTO.createHMAC(mac).getMacLength();
                int keyLength;
                int block;
                switch (enc) {
                    case EncryptionAlgorithm.RC4_128: keyLength = 16; block = 0; break;
                    case EncryptionAlgorithm._3DES_EDE_CBC: keyLength = 24; block = 8; break;
                    case EncryptionAlgorithm.AES_128_CBC: keyLength = 16; block = 16; break;
                    case EncryptionAlgorithm.AES_256_CBC: keyLength = 32; block = 16; break;
                    case EncryptionAlgorithm.AES_128_GCM: keyLength = 16; block = 0; break;
                    case EncryptionAlgorithm.AES_256_GCM: keyLength = 32; block = 0; break;
                    default: throw new AssertionError("unexpected BC encryption algorithm " + enc);
                }
                int iv;
                switch (type) {
                    case CipherType.stream: iv = 0; break;
                    case CipherType.block:
                        iv = TlsImplUtils.isTLSv11(new TlsCryptoParameters(context)) ? 0 : block;
                        break;
                    case CipherType.aead: iv = 4; break; // RFC 5288 §3: the implicit salt
                    default: throw new AssertionError("unexpected BC cipher type " + type);
                }
                return new KeyBlockLayout(macLength, keyLength, iv, 0);
            }

            private void set(String field, Object value) {
                try {
                    Field f = SecurityParameters.class.getDeclaredField(field);
                    f.setAccessible(true);
                    f.set(sp, value);
                } catch (ReflectiveOperationException e) {
                    throw new AssertionError("SecurityParameters." + field, e);
                }
            }

            private static TlsContext context(SecurityParameters sp) {
                return (TlsContext) Proxy.newProxyInstance(TlsContext.class.getClassLoader(),
                        new Class<?>[] {TlsContext.class}, (proxy, m, args) -> {
                            switch (m.getName()) {
                                case "getCrypto": return CRYPTO;
                                case "getSecurityParameters":
                                case "getSecurityParametersHandshake":
                                case "getSecurityParametersConnection": return sp;
                                case "getServerVersion":
                                case "getClientVersion":
                                case "getRSAPreMasterSecretVersion": return sp.getNegotiatedVersion();
                                case "isServer": return false;
                                case "hashCode": return System.identityHashCode(proxy);
                                case "equals": return proxy == args[0];
                                case "toString": return "test TlsContext";
                                default: throw new UnsupportedOperationException("TlsContext." + m.getName());
                            }
                        });
            }
        }
    }

    // ------------------------------------------------------------------------------------------
    // helpers
    // ------------------------------------------------------------------------------------------

    private static void forEachSchedule(PrfAlgorithm alg, String where, String what, JdkDifferentialTest.Check check) {
        JdkDifferentialTest.runOver(SCHEDULES, COMPARED, alg, where, what, check);
    }

    /** RFC 5246 §6.3 order: client MAC, server MAC, client key, server key, client IV, server IV. */
    private static byte[][] split(byte[] block, int mac, int key, int iv) {
        int[] lengths = {mac, mac, key, key, iv, iv};
        byte[][] out = new byte[6][];
        int at = 0;
        for (int i = 0; i < 6; i++) {
            out[i] = Arrays.copyOfRange(block, at, at + lengths[i]);
            at += lengths[i];
        }
        assertEquals(block.length, at, "key block length");
        return out;
    }
}
