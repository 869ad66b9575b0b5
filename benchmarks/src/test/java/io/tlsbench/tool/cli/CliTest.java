package io.tlsbench.tool.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tlsbench.provider.Primitive;
import io.tlsbench.provider.ProviderId;
import io.tlsbench.provider.Providers;
import io.tlsbench.suite.CipherSuite;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Runs the command line in-process and checks stdout, stderr and the exit code. */
class CliTest {

    /** One run's exit code and output. */
    record Result(int code, String out, String err) {
        List<String> errLines() {
            return err.isEmpty() ? List.of() : List.of(err.split("\\R"));
        }
    }

    static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), args);
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static String ok(String... args) {
        Result r = run(args);
        assertEquals(0, r.code(), () -> "exit code; stderr: " + r.err());
        assertEquals("", r.err());
        return r.out();
    }

    /** "name: hex" lines in order. */
    static Map<String, String> keyLines(String out) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String line : out.split("\\R")) {
            int colon = line.indexOf(": ");
            assertTrue(colon > 0, () -> "not 'name: hex': '" + line + "'");
            m.put(line.substring(0, colon), line.substring(colon + 2));
        }
        return m;
    }

    // ---- kdf ----

    private static final String IETF_SHA256 = "e3f229ba727be17b8d122620557cd453c2aab21d07c3d495329b52d4e61edb5a"
            + "6b301791e90d35c9c9a46b4e14baf9af0fa022f7077def17abfd3797c0564bab4fbc91666e9def9b97fce34f796789baa48082"
            + "d122ee42c5a72e5a5110fff70187347b66";

    @Test
    void kdfIetfTls12Sha256() {
        String out = ok("kdf", "--version", "tls12", "--secret", "9bbe436ba940f017b17652849a71db35",
                "--label", "test label", "--seed", "a0ba9f936cda311827a6f796ffd5198c", "--length", "100");
        assertEquals(IETF_SHA256 + System.lineSeparator(), out);
    }

    @ParameterizedTest
    @CsvSource({"sunjce", "bc", "accp", "conscrypt"})
    void kdfIetfOverEveryProvider(String provider) {
        Result r = run("kdf", "--version", "tls12", "--hash", "sha256", "--secret", "9bbe436ba940f017b17652849a71db35",
                "--label", "test label", "--seed", "a0ba9f936cda311827a6f796ffd5198c", "--length", "100",
                "--provider", provider);
        Assumptions.assumeFalse(r.code() == 2 && r.err().contains("not available"), r.err());
        assertEquals(0, r.code(), r.err());
        assertEquals(IETF_SHA256, r.out().trim());
    }

    /** mbed TLS's SSLv3 PRF vector (no label). */
    @Test
    void kdfSsl3() {
        String hex48 = "1234567890abcdef".repeat(6);
        String out = ok("kdf", "--version", "ssl3", "--secret", hex48, "--seed", "1234567890abcdef".repeat(8),
                "--length", "16");
        assertEquals("3ff3d192aa599255339def5a9723444a", out.trim());
    }

    /** The real openssl binary's TLS1-PRF over the same inputs, several lengths and odd secrets. */
    @ParameterizedTest
    @CsvSource({
        "tls10, , MD5-SHA1, 48, 13",
        "tls10, , MD5-SHA1, 47, 100",
        "tls11, , MD5-SHA1, 1, 1",
        "tls12, sha256, SHA256, 48, 104",
        "tls12, sha256, SHA256, 33, 7",
        "tls12, sha384, SHA384, 48, 128",
        "tls12, sha384, SHA384, 200, 49",
    })
    void kdfMatchesOpenssl(String version, String hash, String digest, int secretLength, int length) throws Exception {
        Random rnd = new Random(secretLength * 1000L + length);
        String secret = randomHex(rnd, secretLength);
        String seed = randomHex(rnd, 64);
        String label = "key expansion";
        String expected = openssl("kdf", "-keylen", Integer.toString(length), "-kdfopt", "digest:" + digest,
                "-kdfopt", "hexsecret:" + secret, "-kdfopt", "seed:" + label, "-kdfopt", "hexseed:" + seed, "TLS1-PRF");
        List<String> args = new ArrayList<>(List.of("kdf", "--version", version, "--secret", secret, "--label", label,
                "--seed", seed, "--length", Integer.toString(length)));
        if (hash != null) {
            args.addAll(List.of("--hash", hash));
        }
        String out = ok(args.toArray(String[]::new)).trim();
        assertEquals(expected.replace(":", "").toLowerCase(), out);
        assertEquals(2 * length, out.length());
    }

    private static String randomHex(Random rnd, int n) {
        byte[] b = new byte[n];
        rnd.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    /** Runs openssl; skips the test where it is absent. */
    private static String openssl(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add("openssl");
        cmd.addAll(List.of(args));
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        } catch (IOException e) {
            Assumptions.abort("openssl is not installed: " + e.getMessage());
            throw e;
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "openssl timed out");
        Assumptions.assumeTrue(p.exitValue() == 0, () -> "openssl kdf failed (too old?): " + out);
        return out;
    }

    // ---- keys ----

    private static final String CR = "42f3368e9dc9693ec18a38d3e0ec2b58c2e00cde4ff3af51d25cbcb2c33b1e56";
    private static final String SR = "42f3368efafd233efdf9bc883c9893f3c31d9c2a4a3b02a740d4640459e96597";
    private static final String MASTER =
            "f105154533be50d6880b03bb889befd43b98aa4013713c1cd9df34c75075ad5c0ad4feedd5586bff2bcec612bc6b7edc";
    private static final List<String> KEY_NAMES = List.of("master_secret", "client_mac_key", "server_mac_key",
            "client_write_key", "server_write_key", "client_write_iv", "server_write_iv");

    @Test
    void keysTls10AesCbcSha() {
        Map<String, String> k = keyLines(ok("keys", "--version", "tls10", "--suite", "TLS_RSA_WITH_AES_128_CBC_SHA",
                "--premaster", "0301" + "ab".repeat(46), "--client-random", CR, "--server-random", SR));
        assertEquals(KEY_NAMES, List.copyOf(k.keySet()));
        assertEquals(96, k.get("master_secret").length());
        assertEquals(40, k.get("client_mac_key").length());
        assertEquals(40, k.get("server_mac_key").length());
        assertEquals(32, k.get("client_write_key").length());
        assertEquals(32, k.get("server_write_key").length());
        assertEquals(32, k.get("client_write_iv").length());
        assertEquals(32, k.get("server_write_iv").length());
    }

    @Test
    void keysTls12CbcHasNoIvs() {
        Result r = run("keys", "--version", "tls12", "--suite", "0x002f", "--master", MASTER,
                "--client-random", CR, "--server-random", SR);
        assertEquals(0, r.code(), r.err());
        Map<String, String> k = keyLines(r.out());
        assertEquals(KEY_NAMES, List.copyOf(k.keySet()));
        assertEquals(MASTER, k.get("master_secret"));
        assertEquals(40, k.get("client_mac_key").length());
        assertEquals(32, k.get("client_write_key").length());
        assertEquals("", k.get("client_write_iv"));
        assertEquals("", k.get("server_write_iv"));
        assertTrue(r.out().contains("client_write_iv: " + System.lineSeparator()));
    }

    /** OpenJDK keymatdata.txt, TLS 1.2 GCM entries (jdk-km-228, jdk-km-229 in ../shared/vectors). */
    @ParameterizedTest
    @CsvSource({
        "TLS_RSA_WITH_AES_128_GCM_SHA256, 607a45a96e7658ead944c525f892f126, 42c0ed75a251217c50749d789af7352b, a13c3e4a, 85abee70",
        "TLS_RSA_WITH_AES_256_GCM_SHA384, 3c0317611e884aaa014cac6cf8bb91c30eec57c7bf07ffeb4922f9801264722a, "
                + "f8008eb2dc2598f19700552860a365da428918bb409453d2752a29e5aa941d7a, 2402766f, 3b6d335a",
    })
    void keysOpenjdkGcm(String suite, String clientKey, String serverKey, String clientIv, String serverIv) {
        Map<String, String> k = keyLines(ok("keys", "--version", "tls12", "--suite", suite, "--master", MASTER,
                "--client-random", CR, "--server-random", SR));
        assertEquals(MASTER, k.get("master_secret"));
        assertEquals("", k.get("client_mac_key"));
        assertEquals("", k.get("server_mac_key"));
        assertEquals(clientKey, k.get("client_write_key"));
        assertEquals(serverKey, k.get("server_write_key"));
        assertEquals(clientIv, k.get("client_write_iv"));
        assertEquals(serverIv, k.get("server_write_iv"));
    }

    /** NIST ACVP TLS-v1.2 KDF RFC 7627 sample tcId 1 (SHA-256): master, and the key block's first 96 bytes. */
    @Test
    void keysExtendedMasterSecret() {
        Map<String, String> k = keyLines(ok("keys", "--version", "tls12", "--suite", "TLS_RSA_WITH_AES_128_CBC_SHA256",
                "--premaster", "8252b983a6459a6fb3b9debe8725247e276139ebf7c9adccdd7d240f3ada7f5e3351b2769b6c8dc169a6d799c3c0ffeb",
                "--session-hash", "1359d7df74cb27c67f74c98d521d442b887eaf0decf6e382c62434d6c3dd7d0d",
                "--client-random", "abe7af69affc5e0944f4009b3e7abd1cc0a5cce8db055eff4a509e5b6de9475a",
                "--server-random", "50e0a1a1fd64a55259781a5c22580a81f99799c32f52d3f48d2c10c5c692e289"));
        assertEquals("43a5e821fcf5446c712207f7cd161ed213ee3b9d001d418c57231befd596b583ecd55ab2c4456b02738698f90bc59ac0",
                k.get("master_secret"));
        assertEquals("4886e75be82dd4fb73c540729072d3e29b93c164e1cffe071f1212b1237b98dc", k.get("client_mac_key"));
        assertEquals("0b0a5895f331f7180ceb30b17bb8c3e92a074b26325ff975237dbd22320c0b88", k.get("server_mac_key"));
        assertEquals("d64931f39c777b1527d36a999ad5fe5e", k.get("client_write_key"));
        assertEquals("e7f53fc42a509beb22634b17ec7b768e", k.get("server_write_key"));
        assertEquals("", k.get("client_write_iv"));
    }

    // ---- providers ----

    @Test
    void providersListsEveryProviderAndPrimitive() {
        String out = ok("providers");
        for (ProviderId id : ProviderId.values()) {
            assertTrue(out.contains(id.displayName), () -> id + " missing from:\n" + out);
        }
        for (Primitive p : Primitive.values()) {
            assertTrue(out.lines().anyMatch(l -> l.startsWith(p.name() + " ")), () -> p + " row missing from:\n" + out);
        }
        assertTrue(out.contains("providers:") && out.contains("missing:"), out);
        assertTrue(out.lines().anyMatch(l -> l.matches("\\s+SunJCE\\s+available\\s+SunJCE .*")), out);
    }

    /** Per suite, which providers can protect its records: RC4 and 3DES are not ACCP's. */
    @Test
    void providersShowsRecordProtectionPerSuite() {
        String out = ok("providers");
        assertTrue(out.contains("record protection per suite"), out);
        for (CipherSuite s : CipherSuite.all()) {
            assertTrue(out.lines().anyMatch(l -> l.trim().startsWith(s.name + " ")), () -> s + " row missing:\n" + out);
        }
        if (Providers.get(ProviderId.ACCP).available()) {
            // columns: suite, SunJCE, BC, ACCP, Conscrypt
            String rc4 = out.lines().filter(l -> l.trim().startsWith("TLS_RSA_WITH_RC4_128_SHA ")).findFirst().orElseThrow();
            assertTrue(rc4.trim().split("\\s+")[3].equals("-"), rc4);
            String aes = out.lines().filter(l -> l.trim().startsWith("TLS_RSA_WITH_AES_128_CBC_SHA ")).findFirst().orElseThrow();
            assertTrue(aes.trim().split("\\s+")[3].equals("yes"), aes);
        }
    }

    // ---- help ----

    @Test
    void helpExitsZero() {
        String top = ok("--help");
        assertTrue(top.contains("kdf") && top.contains("keys") && top.contains("providers"), top);
        String kdf = ok("kdf", "--help");
        assertTrue(kdf.contains("--secret") && kdf.contains("--label"), kdf);
    }

    // ---- bad arguments: exit 2, one "tlsbench: " line, nothing on stdout ----

    private static final String[] KDF = {"kdf", "--version", "tls12", "--label", "x", "--secret", "0102",
        "--seed", "0304", "--length", "16"};

    private static String[] kdfWith(String... more) {
        List<String> a = new ArrayList<>(List.of(KDF));
        a.addAll(List.of(more));
        return a.toArray(String[]::new);
    }

    private static String[] keys(String version, String suite, String... more) {
        List<String> a = new ArrayList<>(List.of("keys", "--version", version, "--suite", suite,
                "--client-random", CR, "--server-random", SR));
        a.addAll(List.of(more));
        return a.toArray(String[]::new);
    }

    private static void bad(String expectedFragment, String... args) {
        Result r = run(args);
        assertEquals(2, r.code(), () -> "exit code for " + String.join(" ", args) + "; out: " + r.out());
        assertEquals(1, r.errLines().size(), () -> "stderr: " + r.err());
        assertTrue(r.err().startsWith("tlsbench: "), r.err());
        assertTrue(r.err().contains(expectedFragment), () -> "expected '" + expectedFragment + "' in " + r.err());
        assertEquals("", r.out());
    }

    @Test
    void badArguments() {
        bad("Unknown option: '--bogus'", kdfWith("--bogus"));
        bad("Missing required option: '--secret", "kdf", "--version", "tls12", "--label", "x", "--seed", "00",
                "--length", "4");
        bad("--secret is not hex", "kdf", "--version", "tls12", "--label", "x", "--secret", "abc", "--seed", "00",
                "--length", "4");
        bad("--secret is not hex", "kdf", "--version", "tls12", "--label", "x", "--secret", "zz", "--seed", "00",
                "--length", "4");
        bad("--seed is not hex", "kdf", "--version", "tls12", "--label", "x", "--secret", "00", "--seed", "0g",
                "--length", "4");
        bad("--label", "kdf", "--version", "ssl3", "--label", "x", "--secret", "00", "--seed", "00", "--length", "4");
        bad("--hash", "kdf", "--version", "tls10", "--hash", "sha256", "--label", "x", "--secret", "00",
                "--seed", "00", "--length", "4");
        bad("--length -1", "kdf", "--version", "tls12", "--label", "x", "--secret", "00", "--seed", "00",
                "--length", "-1");
        bad("--length 100000000", "kdf", "--version", "tls12", "--label", "x", "--secret", "00", "--seed", "00",
                "--length", "100000000");
        bad("'99999999999'", "kdf", "--version", "tls12", "--label", "x", "--secret", "00", "--seed", "00",
                "--length", "99999999999");
        bad("unknown protocol version 'tls13'", "kdf", "--version", "tls13", "--label", "x", "--secret", "00",
                "--seed", "00", "--length", "4");
        bad("unknown provider 'nss'", kdfWith("--provider", "nss"));
        bad("a subcommand is required");
        // '@' starts no argument file (picocli's @-files are off): "@/" is an unknown argument.
        bad("'@/'", "@/");
        bad("'@/no/such/tlsbench-args'", kdfWith("@/no/such/tlsbench-args"));
        bad("'bogus'", "bogus");

        bad("unknown cipher suite 'TLS_NOPE'", keys("tls12", "TLS_NOPE", "--master", MASTER));
        bad("is not allowed in TLSv1", keys("tls10", "TLS_RSA_WITH_AES_128_GCM_SHA256", "--master", MASTER));
        bad("mutually exclusive", keys("tls12", "TLS_RSA_WITH_AES_128_CBC_SHA", "--master", MASTER, "--premaster", "00"));
        bad("--premaster", keys("tls12", "TLS_RSA_WITH_AES_128_CBC_SHA"));
        bad("--client-random is 31 bytes", "keys", "--version", "tls12", "--suite", "TLS_RSA_WITH_AES_128_CBC_SHA",
                "--master", MASTER, "--client-random", CR.substring(2), "--server-random", SR);
        bad("--master is 47 bytes", keys("tls12", "TLS_RSA_WITH_AES_128_CBC_SHA", "--master", MASTER.substring(2)));
        bad("needs --premaster", keys("tls12", "TLS_RSA_WITH_AES_128_CBC_SHA", "--master", MASTER,
                "--session-hash", "00".repeat(32)));
        bad("SSLv3", keys("ssl3", "TLS_RSA_WITH_AES_128_CBC_SHA", "--premaster", "00".repeat(48),
                "--session-hash", "00".repeat(36)));
        bad("unknown protocol version", keys("tls9", "TLS_RSA_WITH_AES_128_CBC_SHA", "--master", MASTER));
        bad("unknown provider", keys("tls12", "TLS_RSA_WITH_AES_128_CBC_SHA", "--master", MASTER, "--provider", "x"));
    }
}
