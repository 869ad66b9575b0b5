package io.tlsbench.tool.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tlsbench.handshake.Session;
import io.tlsbench.handshake.SessionCache;
import io.tlsbench.handshake.TlsClient;
import io.tlsbench.handshake.TlsConfig;
import io.tlsbench.handshake.TlsConnection;
import io.tlsbench.interop.EchoServer;
import io.tlsbench.interop.InteropPki;
import io.tlsbench.interop.OpenSsl;
import io.tlsbench.interop.OpenSsl.Proc;
import io.tlsbench.interop.ServeThread;
import io.tlsbench.provider.ProviderId;
import io.tlsbench.provider.ProviderSet;
import io.tlsbench.provider.Providers;
import io.tlsbench.suite.CipherSuite;
import io.tlsbench.suite.ProtocolVersion;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * tlsbench against the real openssl command line (skipped when there is none), over 127.0.0.1,
 * in both roles, for every suite × version of our table that this OpenSSL offers (OpenSSL 3.0:
 * the AES-CBC and AES-GCM suites with RSA, DHE_DSS, DHE_RSA, ECDHE_RSA and ECDHE_ECDSA; no RC4,
 * 3DES or SSLv3; TLS 1.0/1.1 and the DSS suites only at @SECLEVEL=0):
 *
 * <ul>
 *   <li>tlsbench client (engine + TlsConnection) → {@code openssl s_server -rev}: 64 KB of text
 *       lines come back reversed, line by line;
 *   <li>{@code openssl s_client -quiet} → tlsbench server (engine over a socket, {@link EchoServer}):
 *       64 KB of random bytes from its stdin come back on its stdout.
 * </ul>
 *
 * Every case is a full handshake and then a resumed one (cheap enough to do everywhere: the whole
 * class takes seconds): tlsbench offering its session to s_server (TlsClient.resumed(), and
 * s_server's "1 session cache hits"), s_client {@code -sess_out} then {@code -sess_in} to tlsbench
 * (TlsServer.resumed()), data checked on both connections. Each case checks the negotiated version
 * and suite on both sides and that OpenSSL's key log ({@code -keylogfile}) and tlsbench's key log
 * sink hold the same CLIENT_RANDOM lines (same client random, same master secret) for both
 * handshakes. Two more tests drive the command line: {@code connect --reconnect} against
 * s_server, {@code s_client -reconnect} against {@code serve}.
 */
class OpenSslInteropTest {

    static final ProviderSet JDK = Providers.require(ProviderId.SUNJCE);
    static final int DATA = 64 * 1024;
    static final Duration STEP = Duration.ofSeconds(20);

    static InteropPki pki;
    static Path work;
    static Map<String, String> names;

    @BeforeAll
    static void setUp() throws Exception {
        Assumptions.assumeTrue(OpenSsl.version() != null, "no openssl on PATH");
        pki = InteropPki.get();
        work = Files.createDirectories(pki.dir.resolve("openssl"));
        names = OpenSsl.cipherNames(work);
    }

    @AfterEach
    void killProcesses() {
        OpenSsl.killAll();
    }

    record Case(CipherSuite suite, ProtocolVersion version) {
        long seed() {
            return suite.id * 16L + version.ordinal();
        }

        String openSslName() {
            return names.get(suite.name);
        }

        @Override
        public String toString() {
            return suite + " " + version;
        }
    }

    /** Every suite of the table this openssl knows × every TLS version (1.0–1.2) the suite allows. */
    static List<Case> matrix() {
        List<Case> out = new ArrayList<>();
        for (CipherSuite s : CipherSuite.all()) {
            if (!names.containsKey(s.name)) {
                continue;
            }
            for (ProtocolVersion v : EnumSet.range(ProtocolVersion.TLS10, ProtocolVersion.TLS12)) {
                if (s.allows(v)) {
                    out.add(new Case(s, v));
                }
            }
        }
        return out;
    }

    /** OpenSSL 3.0 offers every AES suite of the table: none may silently drop out of the matrix. */
    @Test
    void matrixCoversEveryAesSuite() {
        Set<CipherSuite> covered = matrix().stream().map(Case::suite).collect(Collectors.toSet());
        List<String> missing = new ArrayList<>();
        for (CipherSuite s : CipherSuite.all()) {
            boolean aes = s.cipher.name().startsWith("AES");
            if (aes && !covered.contains(s)) {
                missing.add(s.name);
            }
        }
        assertEquals(List.of(), missing, "AES suites this openssl does not offer (" + OpenSsl.version() + ")");
        assertEquals(24, covered.size());
        assertEquals(44, matrix().size(), "suite × version combinations");
    }

    @TestFactory
    Stream<DynamicTest> tlsbenchClientToOpenSslServer() {
        return matrix().stream().map(c -> DynamicTest.dynamicTest("tlsbench → s_server " + c, () -> clientToSServer(c)));
    }

    @TestFactory
    Stream<DynamicTest> openSslClientToTlsbenchServer() {
        return matrix().stream().map(c -> DynamicTest.dynamicTest("s_client → tlsbench " + c, () -> sClientToServer(c)));
    }

    // ------------------------------------------------------------------ tlsbench client → s_server

    static void clientToSServer(Case c) throws Exception {
        InteropPki.Leaf leaf = pki.forKeyExchange(c.suite().keyExchange);
        Path keylog = Files.createTempFile(work, "s_server-", ".keylog");
        List<String> ours = Collections.synchronizedList(new ArrayList<>());
        try (Proc server = OpenSsl.start(work, "s_server", null, "s_server", "-accept", "127.0.0.1:0",
                "-cert", leaf.cert().toString(), "-key", leaf.key().toString(), "-rev",
                "-naccept", "2", "-cipher", c.openSslName() + ":@SECLEVEL=0",
                versionFlag(c.version()), "-keylogfile", keylog.toString())) {
            int port = Integer.parseInt(server.awaitStdout(Pattern.compile("ACCEPT 127\\.0\\.0\\.1:(\\d+)"), STEP));
            TlsConfig config = TlsConfig.builder(JDK).versions(c.version(), c.version()).suites(List.of(c.suite()))
                    .trust(pki.ca).serverName("localhost", true).keyLog(ours::add).build();
            Session session = reverseEcho(config, null, port, DATA, c);
            reverseEcho(config, session, port, 4096, c);
            assertTrue(server.waitFor(STEP), "s_server did not exit after its connections; stderr: " + server.stderr());
            String err = server.stderr();
            assertTrue(err.contains("Protocol version: " + c.version().jsseName + "\n"), "s_server says: " + err);
            assertTrue(err.contains("Ciphersuite: " + c.openSslName() + "\n"), "s_server says: " + err);
            assertTrue(server.stdout().contains(" 1 session cache hits"), "s_server stats: " + server.stdout());
            assertSameKeyLog(keylog, ours, 2);
        }
    }

    /**
     * One connection: handshake (resuming when a session is given), then text lines in chunks of
     * about 8 KB, each chunk's reversed lines read back before the next; close_notify. Returns the session.
     */
    static Session reverseEcho(TlsConfig config, Session resume, int port, int bytes, Case c) throws Exception {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 10_000);
            socket.setSoTimeout(10_000);
            socket.setTcpNoDelay(true);
            TlsClient client = new TlsClient(config, resume);
            TlsConnection conn = new TlsConnection(client, socket);
            conn.handshake();
            assertEquals(resume != null, client.resumed(), "resumed");
            assertEquals(c.version(), client.version());
            assertEquals(c.suite(), client.suite());
            for (byte[] chunk : textChunks(bytes, c.seed() * 2 + (resume == null ? 0 : 1))) {
                conn.write(chunk, 0, chunk.length);
                byte[] back = new byte[chunk.length];
                int got = 0;
                while (got < back.length) {
                    int n = conn.read(back, got, back.length - got);
                    assertTrue(n > 0, "s_server closed after " + got + " of " + back.length + " bytes");
                    got += n;
                }
                assertArrayEquals(reverseLines(chunk), back, "reversed lines");
            }
            Session session = client.session();
            conn.close();
            return session;
        }
    }

    // ------------------------------------------------------------------ s_client → tlsbench server

    static void sClientToServer(Case c) throws Exception {
        List<String> ours = Collections.synchronizedList(new ArrayList<>());
        TlsConfig config = TlsConfig.builder(JDK).versions(ProtocolVersion.TLS10, ProtocolVersion.TLS12)
                .credential(pki.rsa.credential()).credential(pki.ecdsa.credential()).credential(pki.dsa.credential())
                .sessionCache(new SessionCache(16, 60_000)).keyLog(ours::add).build();
        byte[] data = new byte[DATA];
        new Random(c.seed()).nextBytes(data);
        Path input = Files.createTempFile(work, "s_client-", ".in");
        Files.write(input, data);
        Path keylog = Files.createTempFile(work, "s_client-", ".keylog");
        Path session = Files.createTempFile(work, "s_client-", ".session");
        int connections = 2;
        try (EchoServer server = new EchoServer(config, connections, DATA)) {
            for (int i = 0; i < connections; i++) {
                List<String> args = new ArrayList<>(List.of("s_client", "-connect", "127.0.0.1:" + server.port(),
                        "-cipher", c.openSslName() + ":@SECLEVEL=0", versionFlag(c.version()),
                        "-servername", "localhost", "-verify_hostname", "localhost",
                        "-CAfile", pki.caPem.toString(), "-verify_return_error",
                        "-quiet", "-nocommands", "-keylogfile", keylog.toString(),
                        i == 0 ? "-sess_out" : "-sess_in", session.toString()));
                try (Proc client = OpenSsl.start(work, "s_client", input, args.toArray(new String[0]))) {
                    assertTrue(client.waitFor(STEP), "s_client did not finish; stderr: " + client.stderr());
                    assertArrayEquals(data, client.stdoutBytes(), () -> "echo through s_client; stderr: " + client.stderr());
                }
            }
            List<EchoServer.Result> results = server.results(STEP);
            assertEquals(connections, results.size(), "connections served");
            for (int i = 0; i < connections; i++) {
                EchoServer.Result r = results.get(i);
                assertNull(r.error(), () -> "tlsbench server: " + r.error());
                assertEquals(c.version(), r.version());
                assertEquals(c.suite(), r.suite());
                assertEquals(i == 1, r.resumed(), "resumed on connection " + (i + 1));
                assertEquals(DATA, r.echoed());
            }
        }
        assertSameKeyLog(keylog, ours, connections);
    }

    // ------------------------------------------------------------------ the command line

    /** connect --reconnect --keylog → s_server -rev: reversed text on stdout, two reports, the second resumed. */
    @Test
    void connectCommandToSServer() throws Exception {
        for (Case c : List.of(new Case(CipherSuite.TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA, ProtocolVersion.TLS10),
                new Case(CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384, ProtocolVersion.TLS12))) {
            InteropPki.Leaf leaf = pki.forKeyExchange(c.suite().keyExchange);
            Path serverLog = Files.createTempFile(work, "s_server-", ".keylog");
            Path ourLog = Files.createTempFile(work, "connect-", ".keylog");
            try (Proc server = OpenSsl.start(work, "s_server", null, "s_server", "-accept", "127.0.0.1:0",
                    "-cert", leaf.cert().toString(), "-key", leaf.key().toString(), "-rev", "-naccept", "2",
                    "-cipher", "ALL:@SECLEVEL=0", "-keylogfile", serverLog.toString())) {
                int port = Integer.parseInt(server.awaitStdout(Pattern.compile("ACCEPT 127\\.0\\.0\\.1:(\\d+)"), STEP));
                byte[] text = join(textChunks(100_000, 7));
                ByteArrayOutputStream data = new ByteArrayOutputStream();
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                ByteArrayOutputStream err = new ByteArrayOutputStream();
                int code = Stdio.run(new ByteArrayInputStream(text), data, new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8), "connect", "127.0.0.1:" + port,
                        "--trust", pki.caPem.toString(), "--sni", "localhost", "--suite", c.suite().name,
                        "--version", c.version().shortName, "--keylog", ourLog.toString(), "--reconnect");
                String e = err.toString(StandardCharsets.UTF_8);
                assertEquals(0, code, "connect stderr: " + e + " s_server: " + server.stderr());
                assertArrayEquals(reverseLines(text), data.toByteArray(), "reversed by s_server");
                String report = "version: " + c.version().jsseName + "\nsuite: " + c.suite().name + "\nresumed: ";
                assertEquals(report + "no\n" + report + "yes\n", e.replace("\r\n", "\n"));
                assertTrue(server.waitFor(STEP), "s_server did not exit");
                assertTrue(server.stdout().contains(" 1 session cache hits"), server.stdout());
                assertSameKeyLog(serverLog, Files.readAllLines(ourLog), 2);
            }
        }
    }

    /** openssl s_client -reconnect → serve: one full handshake, five resumed (s_client's "Reused," lines). */
    @Test
    void sClientReconnectToServeCommand() throws Exception {
        Path keylog = Files.createTempFile(work, "serve-", ".keylog");
        Path clientLog = Files.createTempFile(work, "s_client-", ".keylog");
        try (ServeThread serve = ServeThread.start("--port", "0", "--max-connections", "6",
                "--cert", pki.rsa.chain().toString(), "--key", pki.rsa.key().toString(),
                "--cert", pki.ecdsa.chain().toString(), "--key", pki.ecdsa.key().toString(),
                "--keylog", keylog.toString());
             Proc client = OpenSsl.start(work, "s_client", null, "s_client", "-connect", "127.0.0.1:" + serve.port(),
                     "-tls1_2", "-cipher", "ECDHE-ECDSA-AES128-GCM-SHA256", "-servername", "localhost",
                     "-CAfile", pki.caPem.toString(), "-verify_return_error", "-reconnect", "-no_ign_eof",
                     "-keylogfile", clientLog.toString())) {
            assertTrue(client.waitFor(STEP), "s_client did not finish: " + client.stderr());
            String out = client.stdout();
            assertEquals(1, count(out, "(?m)^New, TLSv1.2, Cipher is ECDHE-ECDSA-AES128-GCM-SHA256$"), out);
            assertEquals(5, count(out, "(?m)^Reused, "), out);
            assertEquals(0, serve.exitCode(STEP), serve.stderr());
            String err = serve.stderr();
            assertEquals(1, count(err, "TLSv1.2 TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256 resumed: no"), err);
            assertEquals(5, count(err, "TLSv1.2 TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256 resumed: yes"), err);
            assertTrue(err.contains("served 6 connections\n"), err);
            assertSameKeyLog(clientLog, Files.readAllLines(keylog), 6);
        }
    }

    // ------------------------------------------------------------------ helpers

    static String versionFlag(ProtocolVersion v) {
        switch (v) {
            case TLS10: return "-tls1";
            case TLS11: return "-tls1_1";
            case TLS12: return "-tls1_2";
            default: throw new IllegalArgumentException(v.toString());
        }
    }

    /** The CLIENT_RANDOM lines of OpenSSL's key log file equal tlsbench's, as sets, and there are n. */
    static void assertSameKeyLog(Path openSslFile, List<String> tlsbench, int n) throws Exception {
        Set<String> theirs = new TreeSet<>();
        for (String line : Files.readAllLines(openSslFile)) {
            if (line.startsWith("CLIENT_RANDOM ")) {
                theirs.add(line.trim().toLowerCase(Locale.ROOT).replace("client_random", "CLIENT_RANDOM"));
            }
        }
        Set<String> ours = new TreeSet<>();
        synchronized (tlsbench) {
            for (String line : tlsbench) {
                ours.add(line.trim().toLowerCase(Locale.ROOT).replace("client_random", "CLIENT_RANDOM"));
            }
        }
        assertEquals(n, ours.size(), "tlsbench key log lines: " + ours);
        assertEquals(theirs, ours, "OpenSSL's and tlsbench's key logs");
        for (String line : ours) {
            assertTrue(line.matches("CLIENT_RANDOM [0-9a-f]{64} [0-9a-f]{96}"), line);
        }
    }

    /** Lines of 1–200 lowercase letters and digits, in chunks of about 8 KB ending at a newline. */
    static List<byte[]> textChunks(int bytes, long seed) {
        Random r = new Random(seed);
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        List<byte[]> chunks = new ArrayList<>();
        StringBuilder chunk = new StringBuilder();
        int total = 0;
        while (total < bytes) {
            int len = 1 + r.nextInt(Math.min(200, Math.max(1, bytes - total - 1)));
            StringBuilder line = new StringBuilder(len + 1);
            for (int i = 0; i < len; i++) {
                line.append(alphabet.charAt(r.nextInt(alphabet.length())));
            }
            line.append('\n');
            chunk.append(line);
            total += line.length();
            if (chunk.length() >= 8192) {
                chunks.add(chunk.toString().getBytes(StandardCharsets.US_ASCII));
                chunk.setLength(0);
            }
        }
        if (chunk.length() > 0) {
            chunks.add(chunk.toString().getBytes(StandardCharsets.US_ASCII));
        }
        return chunks;
    }

    /** What s_server -rev answers: every line reversed, newline kept. */
    static byte[] reverseLines(byte[] text) {
        String s = new String(text, StandardCharsets.US_ASCII);
        StringBuilder out = new StringBuilder(s.length());
        for (String line : s.split("\n")) {
            out.append(new StringBuilder(line).reverse()).append('\n');
        }
        return out.toString().getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] join(List<byte[]> chunks) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        chunks.forEach(b::writeBytes);
        return b.toByteArray();
    }

    static int count(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
