package io.tlsbench.kdf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tlsbench.suite.CipherSuite;
import io.tlsbench.suite.ConnectionEnd;
import io.tlsbench.suite.ProtocolVersion;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.MessageDigest;
import java.security.spec.AlgorithmParameterSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Supplier;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Differential tests against the JDK's own TLS key derivation: the SunJCE key generators JSSE
 * uses (SunTlsPrf, SunTls12Prf, SunTlsMasterSecret, SunTls12MasterSecret,
 * SunTlsExtendedMasterSecret, SunTlsKeyMaterial, SunTls12KeyMaterial). Each function gets at
 * least {@value #N} random inputs (per PRF algorithm or per version where it says so); each input
 * is derived once by the JDK and compared with tlsbench over every schedule of
 * {@link TestProviders#schedules()} (every available provider in both HMAC styles), skipping a
 * schedule only when {@link TestProviders#supports} says its provider lacks a hash.
 *
 * <p>The generators' parameter specs live in sun.security.internal.spec, which javac refuses to
 * see with {@code --release 17}; they are built by reflection here, and the test JVM exports the
 * package ({@code --add-exports java.base/sun.security.internal.spec=ALL-UNNAMED} in the root
 * pom's surefire argLine). Expected values never come from tlsbench: the JDK computes them from
 * parameters (versions, hash sizes, key/IV/MAC lengths, labels) written out in this file, the
 * suite lengths read off the IANA suite name.
 *
 * <p>Every failure names the test's seed, the case index and the case seed, so it reproduces.
 */
class JdkDifferentialTest {

    static final int N = 1000;
    private static final List<KeySchedule> SCHEDULES = TestProviders.schedules();
    /** Comparisons per schedule, printed after the class. */
    private static final Map<String, Integer> COMPARED = new TreeMap<>();
    private static final HexFormat HEX = HexFormat.of();

    // ------------------------------------------------------------------------------------------
    // PRF
    // ------------------------------------------------------------------------------------------

    /** TLS 1.0/1.1 (SunTlsPrf) and every TLS 1.2 hash (SunTls12Prf takes any JDK digest). */
    @Test
    void prfMatchesSunTlsPrfAndSunTls12Prf() {
        for (PrfAlgorithm alg : PrfAlgorithm.values()) {
            if (alg == PrfAlgorithm.SSL3) {
                continue; // the JDK has no SSLv3 PRF generator: see the two SSLv3 tests below
            }
            repeat(0x5eed_0100L + alg.ordinal(), N, (in, how, where) -> {
                byte[] secret = bytes(in, in.nextInt(301));
                String label = label(in, 0, 40);
                byte[] seed = bytes(in, in.nextInt(201));
                int len = 1 + in.nextInt(300);
                byte[] expected = Jdk.prf(alg, secret, label, seed, len);
                Supplier<String> inputs = () -> alg + " secret " + hex(secret) + " label '" + label + "' seed "
                        + hex(seed) + " length " + len;
                forEachSchedule(alg, where, "prf", (ks, name) -> assertArrayEquals(expected,
                        derive(ks.prf(alg), how, secret, ascii(label), seed, len, () -> name + " " + inputs.get()),
                        () -> name + " " + inputs.get()));
            });
        }
    }

    /**
     * SSLv3 PRF with random secret lengths and random seeds: SunTlsMasterSecret in version 3.0
     * runs it (three rounds, 48 bytes) over premaster ‖ client_random ‖ server_random and takes
     * randoms of any length, so cutting a random seed in two gives it any seed.
     */
    @Test
    void ssl3PrfMatchesSunTlsMasterSecret() {
        repeat(0x5eed_0200L, N, (in, how, where) -> {
            byte[] secret = bytes(in, 1 + in.nextInt(300));
            byte[] cr = bytes(in, in.nextInt(101));
            byte[] sr = bytes(in, in.nextInt(101));
            byte[] expected = Jdk.master(ProtocolVersion.SSL3, null, secret, cr, sr);
            Supplier<String> inputs = () -> "SSL3 secret " + hex(secret) + " seed " + hex(cat(cr, sr)) + " length 48";
            forEachSchedule(PrfAlgorithm.SSL3, where, "ssl3 prf", (ks, name) -> assertArrayEquals(expected,
                    derive(ks.prf(PrfAlgorithm.SSL3), how, secret, null, cat(cr, sr), 48, () -> name + " " + inputs.get()),
                    () -> name + " " + inputs.get()));
        });
    }

    /**
     * SSLv3 PRF with random output lengths: SunTlsKeyMaterial in version 3.0 runs it over
     * master ‖ server_random ‖ client_random; asking for MAC keys only (no cipher key), its key
     * block is exactly client MAC ‖ server MAC, so any even length up to the JDK's 160-byte limit
     * (its salt table stops at ten rounds). Secrets and randoms of any length are accepted.
     */
    @Test
    void ssl3PrfMatchesSunTlsKeyMaterial() {
        repeat(0x5eed_0300L, N, (in, how, where) -> {
            byte[] secret = bytes(in, 1 + in.nextInt(300));
            byte[] cr = bytes(in, in.nextInt(65));
            byte[] sr = bytes(in, in.nextInt(65));
            int half = 1 + in.nextInt(80);
            byte[][] km = Jdk.keyMaterial(ProtocolVersion.SSL3, null, secret, cr, sr, "RC4", 0, 0, 0, half);
            byte[] expected = cat(km[0], km[1]);
            assertEquals(2 * half, expected.length, where);
            Supplier<String> inputs = () -> "SSL3 secret " + hex(secret) + " seed " + hex(cat(sr, cr)) + " length "
                    + 2 * half;
            forEachSchedule(PrfAlgorithm.SSL3, where, "ssl3 prf", (ks, name) -> assertArrayEquals(expected,
                    derive(ks.prf(PrfAlgorithm.SSL3), how, secret, null, cat(sr, cr), 2 * half,
                            () -> name + " " + inputs.get()),
                    () -> name + " " + inputs.get()));
        });
    }

    // ------------------------------------------------------------------------------------------
    // master secret, extended master secret
    // ------------------------------------------------------------------------------------------

    /** Per version ({@value #N} each), a random suite the version allows, premaster 1..300 bytes. */
    @Test
    void masterSecretMatchesSunTlsMasterSecretPerVersionAndSuite() {
        for (ProtocolVersion v : ProtocolVersion.values()) {
            List<CipherSuite> suites = suitesAllowing(v);
            repeat(0x5eed_0400L + v.ordinal(), N, (in, how, where) -> {
                CipherSuite suite = suites.get(in.nextInt(suites.size()));
                byte[] pms = bytes(in, 1 + in.nextInt(300));
                byte[] cr = bytes(in, 32);
                byte[] sr = bytes(in, 32);
                byte[] expected = Jdk.master(v, v == ProtocolVersion.TLS12 ? NameSpec.of(suite).tls12Prf : null,
                        pms, cr, sr);
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

    /** The PRF-level overload for every PRF, the TLS 1.2 ones no suite uses included. */
    @Test
    void masterSecretMatchesSunTlsMasterSecretForEveryPrf() {
        for (PrfAlgorithm alg : PrfAlgorithm.values()) {
            repeat(0x5eed_0500L + alg.ordinal(), N, (in, how, where) -> {
                byte[] pms = bytes(in, 1 + in.nextInt(300));
                byte[] cr = bytes(in, 32);
                byte[] sr = bytes(in, 32);
                byte[] expected = Jdk.master(versionOf(alg), alg, pms, cr, sr);
                Supplier<String> inputs = () -> alg + " premaster " + hex(pms) + " client_random " + hex(cr)
                        + " server_random " + hex(sr);
                forEachSchedule(alg, where, "master secret", (ks, name) -> {
                    byte[] out = bytes(how, 48);
                    ks.masterSecret(alg, pms, cr, sr, out);
                    assertArrayEquals(expected, out, () -> name + " " + inputs.get());
                });
            });
        }
    }

    /** RFC 7627 per version (TLS 1.0, 1.1, 1.2; {@value #N} each) and for every TLS 1.2 PRF hash. */
    @Test
    void extendedMasterSecretMatchesSunTlsExtendedMasterSecret() {
        for (ProtocolVersion v : List.of(ProtocolVersion.TLS10, ProtocolVersion.TLS11, ProtocolVersion.TLS12)) {
            List<CipherSuite> suites = suitesAllowing(v);
            repeat(0x5eed_0600L + v.ordinal(), N, (in, how, where) -> {
                CipherSuite suite = suites.get(in.nextInt(suites.size()));
                PrfAlgorithm jdkPrf = v == ProtocolVersion.TLS12 ? NameSpec.of(suite).tls12Prf : null;
                byte[] pms = bytes(in, 1 + in.nextInt(300));
                // TLS 1.0/1.1: MD5 ‖ SHA-1 (36 bytes); TLS 1.2: the PRF hash.
                byte[] sessionHash = bytes(in, jdkPrf == null ? 36 : JdkHash.of(jdkPrf).length);
                byte[] expected = Jdk.extendedMaster(v, jdkPrf, pms, sessionHash);
                Supplier<String> inputs = () -> v + " " + suite + " premaster " + hex(pms) + " session_hash "
                        + hex(sessionHash);
                forEachSchedule(PrfAlgorithm.of(v, suite), where, "extended master secret", (ks, name) -> {
                    byte[] out = bytes(how, 48);
                    ks.extendedMasterSecret(v, suite, pms, sessionHash, out);
                    assertArrayEquals(expected, out, () -> name + " " + inputs.get());
                });
            });
        }
        for (PrfAlgorithm alg : PrfAlgorithm.values()) {
            if (alg == PrfAlgorithm.SSL3) {
                continue; // RFC 7627 §5.2: not defined for SSLv3 (tlsbench rejects it)
            }
            repeat(0x5eed_0610L + alg.ordinal(), N, (in, how, where) -> {
                byte[] pms = bytes(in, 1 + in.nextInt(300));
                byte[] sessionHash = bytes(in, alg == PrfAlgorithm.MD5_SHA1 ? 36 : JdkHash.of(alg).length);
                byte[] expected = Jdk.extendedMaster(versionOf(alg), alg, pms, sessionHash);
                Supplier<String> inputs = () -> alg + " premaster " + hex(pms) + " session_hash " + hex(sessionHash);
                forEachSchedule(alg, where, "extended master secret", (ks, name) -> {
                    byte[] out = bytes(how, 48);
                    ks.extendedMasterSecret(alg, pms, sessionHash, out);
                    assertArrayEquals(expected, out, () -> name + " " + inputs.get());
                });
            });
        }
    }

    // ------------------------------------------------------------------------------------------
    // key block
    // ------------------------------------------------------------------------------------------

    /**
     * Every suite in every version it allows, at least 20 cases each and {@value #N} or more in
     * all. The layout must match what the suite's name says (checked once per pair), and the six
     * secrets must match SunTlsKeyMaterial / SunTls12KeyMaterial given the name's lengths. Each
     * schedule reuses one SessionKeys per pair, as a connection would.
     */
    @Test
    void keyBlockMatchesSunTlsKeyMaterialForEverySuiteAndVersion() {
        List<Object[]> pairs = new ArrayList<>();
        for (CipherSuite suite : CipherSuite.all()) {
            for (ProtocolVersion v : ProtocolVersion.values()) {
                if (suite.allows(v)) {
                    pairs.add(new Object[] {suite, v});
                }
            }
        }
        int perPair = Math.max(20, (N + pairs.size() - 1) / pairs.size());
        int total = 0;
        for (Object[] pair : pairs) {
            CipherSuite suite = (CipherSuite) pair[0];
            ProtocolVersion v = (ProtocolVersion) pair[1];
            NameSpec ns = NameSpec.of(suite);
            KeyBlockLayout expectedLayout = new KeyBlockLayout(ns.macLength, ns.keyLength, ns.ivLength(v), 0);
            assertEquals(expectedLayout, KeyBlockLayout.of(suite, v), suite + " in " + v + ": layout vs the suite name");
            Map<KeySchedule, SessionKeys> keys = new IdentityHashMap<>();
            repeat(0x5eed_0700L + 31L * suite.id + v.ordinal(), perPair, (in, how, where) -> {
                byte[] master = bytes(in, 48);
                byte[] cr = bytes(in, 32);
                byte[] sr = bytes(in, 32);
                byte[][] expected = Jdk.keyMaterial(v, v == ProtocolVersion.TLS12 ? ns.tls12Prf : null, master, cr, sr,
                        ns.jdkCipher, ns.keyLength, 0, ns.ivLength(v), ns.macLength);
                Supplier<String> inputs = () -> v + " " + suite + " master " + hex(master) + " client_random "
                        + hex(cr) + " server_random " + hex(sr);
                forEachSchedule(PrfAlgorithm.of(v, suite), where, "key block", (ks, name) -> {
                    SessionKeys out = keys.computeIfAbsent(ks, k -> new SessionKeys(expectedLayout));
                    ks.keyBlock(v, suite, master, cr, sr, out);
                    assertSixSecrets(expected, out, () -> name + " " + inputs.get());
                    assertArrayEquals(cat(expected), out.keyBlock(), () -> name + " raw key block; " + inputs.get());
                });
            });
            total += perPair;
        }
        assertTrue(total >= N, "only " + total + " key block cases");
    }

    /**
     * Export layouts (SSLv3 and TLS 1.0 only) through the lower-level keyBlock: random MAC, key,
     * IV and final key lengths against SunTlsKeyMaterial's exportable branch. SSLv3 stretches keys
     * and IVs with one MD5, so both stay within 16 bytes there, and the JDK's 160-byte SSLv3 key
     * block caps MAC + key at 80.
     */
    @Test
    void exportKeyBlockMatchesSunTlsKeyMaterial() {
        repeat(0x5eed_0800L, N, (in, how, where) -> {
            boolean ssl3 = in.nextBoolean();
            ProtocolVersion v = ssl3 ? ProtocolVersion.SSL3 : ProtocolVersion.TLS10;
            PrfAlgorithm alg = ssl3 ? PrfAlgorithm.SSL3 : PrfAlgorithm.MD5_SHA1;
            int mac = new int[] {0, 16, 20, 32, 48}[in.nextInt(5)];
            // Export suites stretch a short key-block key (5 bytes in RC4_40, DES40, RC2_40) to a longer
            // final key, so key <= export here (KeyBlockLayout rejects key > export).
            int export = 1 + in.nextInt(ssl3 ? 16 : 32);
            int key = 1 + in.nextInt(export);
            int iv = in.nextInt(3) == 0 ? 0 : 1 + in.nextInt(ssl3 ? 16 : 32);
            KeyBlockLayout layout = new KeyBlockLayout(mac, key, iv, export);
            byte[] master = bytes(in, 48);
            byte[] cr = bytes(in, 32);
            byte[] sr = bytes(in, 32);
            byte[][] expected = Jdk.keyMaterial(v, null, master, cr, sr, "DES", key, export, iv, mac);
            Supplier<String> inputs = () -> v + " export layout " + layout + " master " + hex(master)
                    + " client_random " + hex(cr) + " server_random " + hex(sr);
            forEachSchedule(alg, where, "export key block", (ks, name) -> {
                SessionKeys out = new SessionKeys(layout);
                ks.keyBlock(v, alg, master, cr, sr, out);
                assertSixSecrets(expected, out, () -> name + " " + inputs.get());
            });
        });
    }

    // ------------------------------------------------------------------------------------------
    // Finished, exporter
    // ------------------------------------------------------------------------------------------

    /**
     * TLS verify_data as JSSE computes it: the handshake hash from the JDK's SUN digests, then
     * PRF(master, "client finished" | "server finished", hash)[0..11] from SunTlsPrf/SunTls12Prf.
     * Both tlsbench entry points: the one over raw messages and the one over a given hash.
     *
     * <p>SSLv3 Finished is not compared here: the JDK computes it only inside sun.security.ssl
     * (no key generator exposes it), so BcDifferentialTest compares it with Bouncy Castle's.
     */
    @Test
    void tlsFinishedMatchesJdk() {
        for (PrfAlgorithm alg : PrfAlgorithm.values()) {
            if (alg == PrfAlgorithm.SSL3) {
                continue;
            }
            repeat(0x5eed_0900L + alg.ordinal(), N, (in, how, where) -> {
                ProtocolVersion v = alg == PrfAlgorithm.MD5_SHA1
                        ? (in.nextBoolean() ? ProtocolVersion.TLS10 : ProtocolVersion.TLS11) : ProtocolVersion.TLS12;
                byte[] master = bytes(in, 48);
                byte[] messages = bytes(in, in.nextInt(2001));
                boolean client = in.nextBoolean();
                byte[] hash = Jdk.handshakeHash(alg, messages);
                byte[] expected = Jdk.prf(alg, master, client ? "client finished" : "server finished", hash, 12);
                Supplier<String> inputs = () -> v + " " + alg + (client ? " client" : " server") + " master "
                        + hex(master) + " messages " + hex(messages);
                ConnectionEnd sender = client ? ConnectionEnd.CLIENT : ConnectionEnd.SERVER;
                forEachSchedule(alg, where, "finished", (ks, name) -> {
                    assertArrayEquals(expected, ks.verifyData(v, alg, master, sender, messages),
                            () -> name + " (from messages) " + inputs.get());
                    // The lower-level form, given the JDK's hash in a longer array, writing between guards.
                    byte[] hashBuf = cat(hash, bytes(how, how.nextInt(4)));
                    int off = how.nextInt(5);
                    byte[] out = bytes(how, off + 12 + how.nextInt(5));
                    byte[] before = out.clone();
                    ks.verifyData(alg, master, sender, hashBuf, hash.length, out, off);
                    assertArrayEquals(expected, java.util.Arrays.copyOfRange(out, off, off + 12),
                            () -> name + " (from hash) " + inputs.get());
                    assertGuards(before, out, off, 12, () -> name + " (from hash) " + inputs.get());
                });
            });
        }
    }

    /** RFC 5705: PRF(master, label, client_random ‖ server_random [‖ uint16 length ‖ context]). */
    @Test
    void exporterMatchesJdkPrf() {
        for (PrfAlgorithm alg : PrfAlgorithm.values()) {
            if (alg == PrfAlgorithm.SSL3) {
                continue; // not defined for SSLv3 (tlsbench rejects it)
            }
            repeat(0x5eed_0a00L + alg.ordinal(), N, (in, how, where) -> {
                byte[] master = bytes(in, 48);
                byte[] cr = bytes(in, 32);
                byte[] sr = bytes(in, 32);
                String label = label(in, 1, 40);
                int c = in.nextInt(6);
                byte[] context = c == 0 || c == 1 ? null : c == 2 ? new byte[0] : bytes(in, 1 + in.nextInt(300));
                int len = 1 + in.nextInt(300);
                byte[] seed = context == null ? cat(cr, sr)
                        : cat(cr, sr, new byte[] {(byte) (context.length >>> 8), (byte) context.length}, context);
                byte[] expected = Jdk.prf(alg, master, label, seed, len);
                Supplier<String> inputs = () -> alg + " label '" + label + "' master " + hex(master) + " client_random "
                        + hex(cr) + " server_random " + hex(sr) + " context "
                        + (context == null ? "none" : hex(context)) + " length " + len;
                forEachSchedule(alg, where, "exporter", (ks, name) -> assertArrayEquals(expected,
                        ks.exportKeyingMaterial(alg, master, label, cr, sr, context, len),
                        () -> name + " " + inputs.get()));
            });
        }
    }

    // ------------------------------------------------------------------------------------------
    // mixed: one schedule serving every function in random order (state must not leak between them)
    // ------------------------------------------------------------------------------------------

    @Test
    void interleavedDerivationsMatchJdk() {
        List<CipherSuite> suites = CipherSuite.all();
        repeat(0x5eed_0b00L, N, (in, how, where) -> {
            CipherSuite suite = suites.get(in.nextInt(suites.size()));
            List<ProtocolVersion> versions = new ArrayList<>();
            for (ProtocolVersion v : ProtocolVersion.values()) {
                if (suite.allows(v)) {
                    versions.add(v);
                }
            }
            ProtocolVersion v = versions.get(in.nextInt(versions.size()));
            NameSpec ns = NameSpec.of(suite);
            PrfAlgorithm jdkPrf = v == ProtocolVersion.TLS12 ? ns.tls12Prf : null;
            PrfAlgorithm alg = v == ProtocolVersion.SSL3 ? PrfAlgorithm.SSL3
                    : v == ProtocolVersion.TLS12 ? ns.tls12Prf : PrfAlgorithm.MD5_SHA1;
            byte[] pms = bytes(in, 1 + in.nextInt(300));
            byte[] cr = bytes(in, 32);
            byte[] sr = bytes(in, 32);
            byte[] messages = bytes(in, in.nextInt(600));
            int op = in.nextInt(v == ProtocolVersion.SSL3 ? 2 : 5);
            String label = label(in, 1, 30);
            int len = 1 + in.nextInt(100);
            Supplier<String> inputs = () -> "op " + op + " " + v + " " + suite + " premaster " + hex(pms)
                    + " client_random " + hex(cr) + " server_random " + hex(sr) + " messages " + hex(messages)
                    + " label '" + label + "' length " + len;
            byte[] master = Jdk.master(v, jdkPrf, pms, cr, sr);
            byte[][] km = Jdk.keyMaterial(v, jdkPrf, master, cr, sr, ns.jdkCipher, ns.keyLength, 0, ns.ivLength(v),
                    ns.macLength);
            byte[] ems = op == 2 ? Jdk.extendedMaster(v, jdkPrf, pms, Jdk.handshakeHash(alg, messages)) : null;
            byte[] other = op == 3 ? Jdk.prf(alg, master, "server finished", Jdk.handshakeHash(alg, messages), 12)
                    : op == 4 ? Jdk.prf(alg, master, label, cat(cr, sr), len) : null;
            forEachSchedule(alg, where, "interleaved", (ks, name) -> {
                byte[] ours = new byte[48];
                ks.masterSecret(v, suite, pms, cr, sr, ours);
                assertArrayEquals(master, ours, () -> name + " master; " + inputs.get());
                if (op == 1) {
                    SessionKeys out = new SessionKeys(KeyBlockLayout.of(suite, v));
                    ks.keyBlock(v, suite, ours, cr, sr, out);
                    assertSixSecrets(km, out, () -> name + " key block; " + inputs.get());
                } else if (op == 2) {
                    byte[] sessionHash = new byte[64];
                    int n = ks.handshakeHash(alg, messages, sessionHash);
                    byte[] e = new byte[48];
                    ks.extendedMasterSecret(v, suite, pms, java.util.Arrays.copyOf(sessionHash, n), e);
                    assertArrayEquals(ems, e, () -> name + " extended master; " + inputs.get());
                } else if (op == 3) {
                    assertArrayEquals(other, ks.verifyData(v, alg, ours, ConnectionEnd.SERVER, messages),
                            () -> name + " finished; " + inputs.get());
                } else if (op == 4) {
                    assertArrayEquals(other, ks.exportKeyingMaterial(alg, ours, label, cr, sr, null, len),
                            () -> name + " exporter; " + inputs.get());
                }
            });
        });
    }

    @AfterAll
    static void report() {
        System.out.println("JdkDifferentialTest comparisons per schedule: " + COMPARED);
    }

    // ------------------------------------------------------------------------------------------
    // the JDK side
    // ------------------------------------------------------------------------------------------

    /** The JDK's TLS key generators, their parameter specs built by reflection. */
    static final class Jdk {
        private static final String PKG = "sun.security.internal.spec.";
        private static final Constructor<?> PRF_SPEC;
        private static final Constructor<?> MASTER_SPEC;
        private static final Constructor<?> EMS_SPEC;
        private static final Constructor<?> KEY_SPEC;
        private static final Method[] KEY_MATERIAL_GETTERS;
        private static final Map<String, KeyGenerator> GENERATORS = new HashMap<>();

        static {
            try {
                Class<?> prf = Class.forName(PKG + "TlsPrfParameterSpec");
                Class<?> master = Class.forName(PKG + "TlsMasterSecretParameterSpec");
                Class<?> key = Class.forName(PKG + "TlsKeyMaterialParameterSpec");
                Class<?> material = Class.forName(PKG + "TlsKeyMaterialSpec");
                PRF_SPEC = prf.getConstructor(SecretKey.class, String.class, byte[].class, int.class, String.class,
                        int.class, int.class);
                MASTER_SPEC = master.getConstructor(SecretKey.class, int.class, int.class, byte[].class, byte[].class,
                        String.class, int.class, int.class);
                EMS_SPEC = master.getConstructor(SecretKey.class, int.class, int.class, byte[].class, String.class,
                        int.class, int.class);
                KEY_SPEC = key.getConstructor(SecretKey.class, int.class, int.class, byte[].class, byte[].class,
                        String.class, int.class, int.class, int.class, int.class, String.class, int.class, int.class);
                KEY_MATERIAL_GETTERS = new Method[] {
                    material.getMethod("getClientMacKey"), material.getMethod("getServerMacKey"),
                    material.getMethod("getClientCipherKey"), material.getMethod("getServerCipherKey"),
                    material.getMethod("getClientIv"), material.getMethod("getServerIv")};
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        private Jdk() {
        }

        /** TLS PRF: SunTlsPrf for MD5/SHA-1, SunTls12Prf for a TLS 1.2 hash. An empty secret is passed as null. */
        static byte[] prf(PrfAlgorithm alg, byte[] secret, String label, byte[] seed, int length) {
            SecretKey key = secret.length == 0 ? null : new SecretKeySpec(secret, "TlsPrf");
            if (alg == PrfAlgorithm.MD5_SHA1) {
                return generate("SunTlsPrf", spec(PRF_SPEC, key, label, seed, length, null, -1, -1)).getEncoded();
            }
            JdkHash h = JdkHash.of(alg);
            return generate("SunTls12Prf", spec(PRF_SPEC, key, label, seed, length, h.name, h.length, h.block))
                    .getEncoded();
        }

        /** SunTlsMasterSecret (SSLv3, TLS 1.0/1.1) or SunTls12MasterSecret with the given TLS 1.2 hash. */
        static byte[] master(ProtocolVersion v, PrfAlgorithm tls12, byte[] pms, byte[] cr, byte[] sr) {
            SecretKey key = new SecretKeySpec(pms, "TlsPremasterSecret");
            if (v == ProtocolVersion.TLS12) {
                JdkHash h = JdkHash.of(tls12);
                return generate("SunTls12MasterSecret", spec(MASTER_SPEC, key, 3, minor(v), cr, sr, h.name, h.length,
                        h.block)).getEncoded();
            }
            return generate("SunTlsMasterSecret", spec(MASTER_SPEC, key, 3, minor(v), cr, sr, null, -1, -1))
                    .getEncoded();
        }

        static byte[] extendedMaster(ProtocolVersion v, PrfAlgorithm tls12, byte[] pms, byte[] sessionHash) {
            SecretKey key = new SecretKeySpec(pms, "TlsPremasterSecret");
            Object spec = v == ProtocolVersion.TLS12
                    ? spec(EMS_SPEC, key, 3, minor(v), sessionHash, JdkHash.of(tls12).name, JdkHash.of(tls12).length,
                            JdkHash.of(tls12).block)
                    : spec(EMS_SPEC, key, 3, minor(v), sessionHash, null, -1, -1);
            return generate("SunTlsExtendedMasterSecret", spec).getEncoded();
        }

        /**
         * SunTlsKeyMaterial / SunTls12KeyMaterial: client MAC, server MAC, client key, server key,
         * client IV, server IV (absent ones as empty arrays). An expanded key length of 0 means not
         * an export suite, as JSSE passes it.
         */
        static byte[][] keyMaterial(ProtocolVersion v, PrfAlgorithm tls12, byte[] master, byte[] cr, byte[] sr,
                                    String cipher, int keyLength, int expandedKeyLength, int ivLength, int macLength) {
            SecretKey key = new SecretKeySpec(master, "TlsMasterSecret");
            Object spec;
            String generator;
            if (v == ProtocolVersion.TLS12) {
                JdkHash h = JdkHash.of(tls12);
                generator = "SunTls12KeyMaterial";
                spec = spec(KEY_SPEC, key, 3, minor(v), cr, sr, cipher, keyLength, expandedKeyLength, ivLength,
                        macLength, h.name, h.length, h.block);
            } else {
                generator = "SunTlsKeyMaterial";
                spec = spec(KEY_SPEC, key, 3, minor(v), cr, sr, cipher, keyLength, expandedKeyLength, ivLength,
                        macLength, null, -1, -1);
            }
            SecretKey material = generate(generator, spec);
            byte[][] out = new byte[6][];
            try {
                for (int i = 0; i < 6; i++) {
                    Object part = KEY_MATERIAL_GETTERS[i].invoke(material);
                    out[i] = part == null ? new byte[0]
                            : part instanceof IvParameterSpec ? ((IvParameterSpec) part).getIV()
                            : ((Key) part).getEncoded();
                }
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(e);
            }
            return out;
        }

        /** The handshake hash JSSE feeds to Finished: MD5 ‖ SHA-1 before TLS 1.2, else the PRF hash (SUN digests). */
        static byte[] handshakeHash(PrfAlgorithm alg, byte[] messages) {
            try {
                if (alg == PrfAlgorithm.SSL3 || alg == PrfAlgorithm.MD5_SHA1) {
                    return cat(MessageDigest.getInstance("MD5", "SUN").digest(messages),
                            MessageDigest.getInstance("SHA-1", "SUN").digest(messages));
                }
                return MessageDigest.getInstance(JdkHash.of(alg).name, "SUN").digest(messages);
            } catch (GeneralSecurityException e) {
                throw new AssertionError(e);
            }
        }

        private static int minor(ProtocolVersion v) {
            switch (v) {
                case SSL3: return 0;
                case TLS10: return 1;
                case TLS11: return 2;
                case TLS12: return 3;
                default: throw new AssertionError(v);
            }
        }

        private static Object spec(Constructor<?> c, Object... args) {
            try {
                return c.newInstance(args);
            } catch (IllegalAccessException e) {
                throw new AssertionError("the test JVM must run with --add-exports "
                        + "java.base/sun.security.internal.spec=ALL-UNNAMED (root pom surefire argLine)", e);
            } catch (InvocationTargetException e) {
                throw new AssertionError("the JDK refused a TLS parameter spec", e.getCause());
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(e);
            }
        }

        private static SecretKey generate(String algorithm, Object spec) {
            try {
                KeyGenerator kg = GENERATORS.get(algorithm);
                if (kg == null) {
                    kg = KeyGenerator.getInstance(algorithm, "SunJCE");
                    GENERATORS.put(algorithm, kg);
                }
                kg.init((AlgorithmParameterSpec) spec);
                return kg.generateKey();
            } catch (GeneralSecurityException e) {
                throw new AssertionError("SunJCE " + algorithm + " failed", e);
            }
        }
    }

    /** JDK digest name, output and block length of each TLS 1.2 PRF hash (FIPS 180-4), written here. */
    static final class JdkHash {
        final String name;
        final int length;
        final int block;

        private JdkHash(String name, int length, int block) {
            this.name = name;
            this.length = length;
            this.block = block;
        }

        static JdkHash of(PrfAlgorithm alg) {
            switch (alg) {
                case SHA224: return new JdkHash("SHA-224", 28, 64);
                case SHA256: return new JdkHash("SHA-256", 32, 64);
                case SHA384: return new JdkHash("SHA-384", 48, 128);
                case SHA512: return new JdkHash("SHA-512", 64, 128);
                case SHA512_256: return new JdkHash("SHA-512/256", 32, 128);
                default: throw new AssertionError("no single hash for " + alg);
            }
        }
    }

    /**
     * What a suite's IANA name says about its key block (RFC 5246 §6.3 and App. C, RFC 4492,
     * RFC 5288/5289): read off the name, never off tlsbench's suite table.
     */
    static final class NameSpec {
        final String jdkCipher;
        final int keyLength;
        /** CBC block size, GCM implicit salt, or 0 for RC4. */
        final int fixedIv;
        final boolean cbc;
        final int macLength;
        /** TLS 1.2 PRF: SHA-384 when the name ends in SHA384, otherwise SHA-256 (RFC 5246 §5). */
        final PrfAlgorithm tls12Prf;

        private NameSpec(String jdkCipher, int keyLength, int fixedIv, boolean cbc, int macLength, PrfAlgorithm prf) {
            this.jdkCipher = jdkCipher;
            this.keyLength = keyLength;
            this.fixedIv = fixedIv;
            this.cbc = cbc;
            this.macLength = macLength;
            this.tls12Prf = prf;
        }

        static NameSpec of(CipherSuite suite) {
            String name = suite.name;
            String rest = name.substring(name.indexOf("_WITH_") + "_WITH_".length());
            PrfAlgorithm prf = name.endsWith("_SHA384") ? PrfAlgorithm.SHA384 : PrfAlgorithm.SHA256;
            String[][] ciphers = {
                // name part, JDK algorithm, key length, fixed IV, cbc
                {"RC4_128_", "RC4", "16", "0", "n"},
                {"3DES_EDE_CBC_", "DESede", "24", "8", "y"},
                {"AES_128_CBC_", "AES", "16", "16", "y"},
                {"AES_256_CBC_", "AES", "32", "16", "y"},
                {"AES_128_GCM_", "AES", "16", "4", "n"},
                {"AES_256_GCM_", "AES", "32", "4", "n"},
            };
            for (String[] c : ciphers) {
                if (rest.startsWith(c[0])) {
                    String macPart = rest.substring(c[0].length());
                    int mac;
                    if (c[0].contains("GCM")) {
                        mac = 0; // AEAD: the hash names the PRF only
                    } else {
                        switch (macPart) {
                            case "MD5": mac = 16; break;
                            case "SHA": mac = 20; break;
                            case "SHA256": mac = 32; break;
                            case "SHA384": mac = 48; break;
                            default: throw new AssertionError("unknown MAC in " + name);
                        }
                    }
                    return new NameSpec(c[1], Integer.parseInt(c[2]), Integer.parseInt(c[3]), c[4].equals("y"), mac,
                            prf);
                }
            }
            throw new AssertionError("unknown cipher in " + name);
        }

        /** CBC takes its IVs from the key block only in SSLv3 and TLS 1.0 (RFC 4346 §6.3). */
        int ivLength(ProtocolVersion v) {
            if (cbc) {
                return v == ProtocolVersion.SSL3 || v == ProtocolVersion.TLS10 ? fixedIv : 0;
            }
            return fixedIv;
        }
    }

    // ------------------------------------------------------------------------------------------
    // helpers (the generic ones are shared with BcDifferentialTest)
    // ------------------------------------------------------------------------------------------

    interface Case {
        void run(SplittableRandom inputs, SplittableRandom callShape, String where);
    }

    interface Check {
        void run(KeySchedule ks, String name);
    }

    /** n cases; each draws its inputs from its own seed (named in every failure) and the call shape from another. */
    static void repeat(long seed, int n, Case c) {
        SplittableRandom base = new SplittableRandom(seed);
        for (int i = 0; i < n; i++) {
            long caseSeed = base.nextLong();
            String where = String.format("[seed 0x%x, case %d, case seed 0x%x]", seed, i, caseSeed);
            c.run(new SplittableRandom(caseSeed), new SplittableRandom(~caseSeed), where);
        }
    }

    private static void forEachSchedule(PrfAlgorithm alg, String where, String what, Check check) {
        runOver(SCHEDULES, COMPARED, alg, where, what, check);
    }

    // ---- shared with BcDifferentialTest ----

    /**
     * Runs a check over every schedule whose provider has the PRF's hashes (counting it per
     * schedule); at least one must (SunJCE has them all).
     */
    static void runOver(List<KeySchedule> schedules, Map<String, Integer> counts, PrfAlgorithm alg, String where,
                        String what, Check check) {
        int ran = 0;
        for (KeySchedule ks : schedules) {
            if (!TestProviders.supports(ks, alg)) {
                continue;
            }
            String name = where + " " + TestProviders.name(ks) + " " + what;
            check.run(ks, name);
            counts.merge(TestProviders.name(ks), 1, Integer::sum);
            ran++;
        }
        assertTrue(ran > 0, where + ": no schedule supports " + alg);
    }

    /**
     * tlsbench's PRF, called in a random shape: either the allocating convenience form, or the
     * in-place form with the secret at an offset inside a larger array, the seed cut into up to
     * three pieces (null or empty ones included), and the output written between guard bytes
     * that must stay untouched.
     */
    static byte[] derive(Prf prf, SplittableRandom how, byte[] secret, byte[] label, byte[] seed, int len,
                         Supplier<String> inputs) {
        if (label == null && how.nextBoolean()) {
            label = new byte[0];
        }
        if (how.nextInt(4) == 0) {
            return prf.derive(secret, label, seed, len);
        }
        int so = how.nextInt(9);
        byte[] secretBuf = bytes(how, so + secret.length + how.nextInt(9));
        System.arraycopy(secret, 0, secretBuf, so, secret.length);
        int c1 = how.nextInt(seed.length + 1);
        int c2 = c1 + how.nextInt(seed.length - c1 + 1);
        byte[] s1 = piece(how, seed, 0, c1);
        byte[] s2 = piece(how, seed, c1, c2);
        byte[] s3 = piece(how, seed, c2, seed.length);
        int oo = how.nextInt(9);
        byte[] out = bytes(how, oo + len + how.nextInt(9));
        byte[] before = out.clone();
        prf.derive(secretBuf, so, secret.length, label, s1, s2, s3, out, oo, len);
        assertGuards(before, out, oo, len, inputs);
        return java.util.Arrays.copyOfRange(out, oo, oo + len);
    }

    private static byte[] piece(SplittableRandom how, byte[] seed, int from, int to) {
        if (from == to && how.nextBoolean()) {
            return null;
        }
        return java.util.Arrays.copyOfRange(seed, from, to);
    }

    static void assertGuards(byte[] before, byte[] after, int off, int len, Supplier<String> inputs) {
        for (int i = 0; i < after.length; i++) {
            if ((i < off || i >= off + len) && before[i] != after[i]) {
                throw new AssertionError("byte " + i + " outside the output range [" + off + ", " + (off + len)
                        + ") was overwritten; " + inputs.get());
            }
        }
    }

    static void assertSixSecrets(byte[][] expected, SessionKeys actual, Supplier<String> inputs) {
        byte[][] ours = {actual.clientMacKey, actual.serverMacKey, actual.clientWriteKey, actual.serverWriteKey,
            actual.clientIv, actual.serverIv};
        String[] names = {"client MAC key", "server MAC key", "client write key", "server write key", "client IV",
            "server IV"};
        for (int i = 0; i < 6; i++) {
            int k = i;
            assertArrayEquals(expected[i], ours[i], () -> names[k] + ": " + inputs.get());
        }
    }

    static List<CipherSuite> suitesAllowing(ProtocolVersion v) {
        List<CipherSuite> out = new ArrayList<>();
        for (CipherSuite s : CipherSuite.all()) {
            if (s.allows(v)) {
                out.add(s);
            }
        }
        assertTrue(!out.isEmpty(), "no suite allows " + v);
        return out;
    }

    /** The protocol version whose PRF this is (TLS 1.2 for every single-hash PRF). */
    static ProtocolVersion versionOf(PrfAlgorithm alg) {
        return alg == PrfAlgorithm.SSL3 ? ProtocolVersion.SSL3
                : alg == PrfAlgorithm.MD5_SHA1 ? ProtocolVersion.TLS10 : ProtocolVersion.TLS12;
    }

    static byte[] bytes(SplittableRandom r, int n) {
        byte[] b = new byte[n];
        r.nextBytes(b);
        return b;
    }

    /** Printable ASCII, as TLS labels are. */
    static String label(SplittableRandom r, int min, int max) {
        int n = min + r.nextInt(max - min + 1);
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append((char) (0x20 + r.nextInt(0x7f - 0x20)));
        }
        return sb.toString();
    }

    static byte[] ascii(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    static byte[] cat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    static String hex(byte[] b) {
        return b == null ? "null" : HEX.formatHex(b);
    }
}
