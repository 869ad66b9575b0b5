package io.tlsbench.tool.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tlsbench.interop.InteropPki;
import io.tlsbench.interop.ServeThread;
import io.tlsbench.record.CbcMacCheck;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * {@code serve} and {@code connect} in-process: serve runs on a thread with --port 0 and
 * --max-connections, connect runs with its stdin and data output replaced (Stdio.run).
 */
class ServeConnectTest {

    static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path tmp;

    /** One connect run. */
    record Result(int code, byte[] data, String out, String err) {
        List<String> errLines() {
            return err.isEmpty() ? List.of() : List.of(err.split("\\R"));
        }
    }

    static Result connect(byte[] stdin, String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "connect";
        System.arraycopy(args, 0, all, 1, args.length);
        return run(stdin, all);
    }

    /** Any command line, in-process, with stdin and the data output replaced. */
    static Result run(byte[] stdin, String... all) {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Stdio.run(new ByteArrayInputStream(stdin), data, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), all);
        return new Result(code, data.toByteArray(), out.toString(StandardCharsets.UTF_8),
                err.toString(StandardCharsets.UTF_8));
    }

    static List<String> report(String version, String suite, boolean resumed) {
        return List.of("version: " + version, "suite: " + suite, "resumed: " + (resumed ? "yes" : "no"));
    }

    static byte[] random(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    @Test
    void echoesAndReports() throws Exception {
        try (ServeThread serve = ServeThread.start("--port", "0", "--max-connections", "3")) {
            String at = "127.0.0.1:" + serve.port();
            // A megabyte: sending and receiving overlap, so an echo this large cannot deadlock.
            byte[] big = random(1 << 20, 1);
            Result r = connect(big, at, "--insecure");
            assertEquals(0, r.code(), r.err());
            assertArrayEquals(big, r.data());
            assertEquals("", r.out());
            assertEquals(report("TLSv1.2", "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", false), r.errLines());

            byte[] small = "hello, tlsbench\n".getBytes(StandardCharsets.US_ASCII);
            Result dss = connect(small, at, "--insecure", "--suite", "TLS_DHE_DSS_WITH_AES_128_CBC_SHA", "--version", "tls10");
            assertEquals(0, dss.code(), dss.err());
            assertArrayEquals(small, dss.data());
            assertEquals(report("TLSv1", "TLS_DHE_DSS_WITH_AES_128_CBC_SHA", false), dss.errLines());

            // Empty input: handshake, close_notify both ways, nothing printed.
            Result empty = connect(new byte[0], at, "--insecure", "--suite", "TLS_RSA_WITH_AES_256_CBC_SHA256");
            assertEquals(0, empty.code(), empty.err());
            assertEquals(0, empty.data().length);
            assertEquals(report("TLSv1.2", "TLS_RSA_WITH_AES_256_CBC_SHA256", false), empty.errLines());

            assertEquals(0, serve.exitCode(WAIT), serve.stderr());
            String log = serve.stderr();
            assertTrue(log.contains(": TLSv1.2 TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256 resumed: no, 1048576 bytes echoed"), log);
            assertTrue(log.contains(": TLSv1 TLS_DHE_DSS_WITH_AES_128_CBC_SHA resumed: no, 16 bytes echoed"), log);
            assertTrue(log.contains("served 3 connections\n"), log);
        }
    }

    @Test
    void reconnectResumesAndKeyLogsAgree() throws Exception {
        Path serverLog = tmp.resolve("server.keylog");
        Path clientLog = tmp.resolve("client.keylog");
        for (String[] sv : new String[][] {{"TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384", "tls12", "TLSv1.2"},
                {"TLS_DHE_RSA_WITH_AES_128_CBC_SHA", "tls11", "TLSv1.1"}}) {
            try (ServeThread serve = ServeThread.start("--port", "0", "--max-connections", "2",
                    "--keylog", serverLog.toString(), "--versions", "tls10,tls11,tls12")) {
                byte[] data = random(70_000, 2);
                Result r = connect(data, "127.0.0.1:" + serve.port(), "--insecure", "--reconnect", "--suite", sv[0],
                        "--version", sv[1], "--keylog", clientLog.toString());
                assertEquals(0, r.code(), r.err());
                assertArrayEquals(data, r.data());
                List<String> expected = new ArrayList<>(report(sv[2], sv[0], false));
                expected.addAll(report(sv[2], sv[0], true));
                assertEquals(expected, r.errLines());
                assertEquals(0, serve.exitCode(WAIT), serve.stderr());
                assertTrue(serve.stderr().contains(sv[2] + " " + sv[0] + " resumed: yes, 0 bytes echoed"), serve.stderr());
            }
        }
        // Appended, one line per handshake, the same on both sides: 2 runs × 2 handshakes.
        List<String> server = Files.readAllLines(serverLog);
        List<String> client = Files.readAllLines(clientLog);
        assertEquals(4, client.size(), client.toString());
        assertEquals(client, server);
        for (String line : client) {
            assertTrue(line.matches("CLIENT_RANDOM [0-9a-f]{64} [0-9a-f]{96}"), line);
        }
    }

    @Test
    void trustSniAndGeneratedCertificates() throws Exception {
        Path certs = tmp.resolve("generated.pem");
        try (ServeThread serve = ServeThread.start("--port", "0", "--max-connections", "5", "--cert-out", certs.toString())) {
            String port = String.valueOf(serve.port());
            byte[] hi = "hi\n".getBytes(StandardCharsets.US_ASCII);
            // Each key type's self-signed certificate, checked against the written file and the name localhost.
            for (String suite : List.of("TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA", "TLS_RSA_WITH_AES_128_GCM_SHA256",
                    "TLS_DHE_DSS_WITH_AES_256_CBC_SHA")) {
                Result r = connect(hi, "127.0.0.1:" + port, "--trust", certs.toString(), "--sni", "localhost", "--suite", suite);
                assertEquals(0, r.code(), r.err());
                assertArrayEquals(hi, r.data());
            }
            // HOST is a name: it is the SNI and the name checked, by default.
            Result byName = connect(hi, "localhost:" + port, "--trust", certs.toString());
            assertEquals(0, byName.code(), byName.err());
            // The certificate does not name other.example: the handshake fails, one line, exit 1.
            Result wrong = connect(hi, "127.0.0.1:" + port, "--trust", certs.toString(), "--sni", "other.example");
            assertEquals(1, wrong.code());
            assertEquals(1, wrong.errLines().size(), wrong.err());
            assertTrue(wrong.err().startsWith("tlsbench: ") && wrong.err().contains("does not name other.example"), wrong.err());
            assertEquals(Main.FAILURE, serve.exitCode(WAIT), "one connection failed: " + serve.stderr());
            assertTrue(serve.stderr().contains("served 5 connections (1 failed)"), serve.stderr());
        }
    }

    @Test
    void certificateFilesVersionsAndClientAuth() throws Exception {
        InteropPki pki = InteropPki.get();
        try (ServeThread serve = ServeThread.start("--port", "0", "--max-connections", "3",
                "--cert", pki.rsa.chain().toString(), "--key", pki.rsa.key().toString(),
                "--suites", "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA,TLS_RSA_WITH_AES_256_CBC_SHA",
                "--versions", "tls11,tls10", "--client-auth", "--trust", pki.caPem.toString())) {
            String at = "127.0.0.1:" + serve.port();
            byte[] data = random(5000, 3);
            // Client certificate from the test CA: verified by the server.
            Result authed = connect(data, at, "--trust", pki.caPem.toString(), "--sni", "localhost",
                    "--cert", pki.client.chain().toString(), "--key", pki.client.key().toString());
            assertEquals(0, authed.code(), authed.err());
            assertArrayEquals(data, authed.data());
            assertEquals(report("TLSv1.1", "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA", false), authed.errLines());
            // The certificate is requested, not required.
            Result anonymous = connect(data, at, "--trust", pki.caPem.toString(), "--sni", "localhost",
                    "--suite", "TLS_RSA_WITH_AES_256_CBC_SHA", "--version", "tls10");
            assertEquals(0, anonymous.code(), anonymous.err());
            assertEquals(report("TLSv1", "TLS_RSA_WITH_AES_256_CBC_SHA", false), anonymous.errLines());
            // TLS 1.2 is outside the server's range: the handshake fails.
            Result tls12 = connect(data, at, "--insecure", "--version", "tls12");
            assertEquals(1, tls12.code());
            assertEquals(1, tls12.errLines().size(), tls12.err());
            assertTrue(tls12.err().startsWith("tlsbench: connection to " + at + " failed: "), tls12.err());
            assertEquals(Main.FAILURE, serve.exitCode(WAIT));
        }
    }

    @Test
    void connectionRefusedIsOneLine() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Result r = connect(new byte[0], "127.0.0.1:" + port, "--insecure", "--timeout", "5");
        assertEquals(1, r.code());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.err().startsWith("tlsbench: connection to 127.0.0.1:" + port + " failed: "), r.err());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "connect 127.0.0.1:4433",
        "connect 127.0.0.1:4433 --trust x.pem --insecure",
        "connect",
        "connect nohostport --insecure",
        "connect 127.0.0.1:0 --insecure",
        "connect 127.0.0.1:99999 --insecure",
        "connect 127.0.0.1:4433 --insecure --suite TLS_NOPE",
        "connect 127.0.0.1:4433 --insecure --suite TLS_RSA_WITH_AES_128_GCM_SHA256 --version tls10",
        "connect 127.0.0.1:4433 --insecure --version tls13",
        "connect 127.0.0.1:4433 --trust /nonexistent/ca.pem",
        "connect 127.0.0.1:4433 --insecure --cert /nonexistent/c.pem",
        "connect 127.0.0.1:4433 --insecure --provider nope",
        "connect 127.0.0.1:4433 --insecure --sni 10.0.0.1",
        "connect 127.0.0.1:4433 --insecure --bogus",
        "connect 127.0.0.1:4433 --insecure --mac-check fast",
        "serve",
        "serve --port 70000",
        "serve --port x",
        "serve --port 0 --cert /nonexistent/c.pem",
        "serve --port 0 --cert /nonexistent/c.pem --key /nonexistent/k.pem",
        "serve --port 0 --trust /nonexistent/ca.pem",
        "serve --port 0 --versions tls13",
        "serve --port 0 --suites TLS_NOPE",
        "serve --port 0 --suites TLS_RSA_WITH_AES_128_GCM_SHA256 --versions tls10,tls11",
        "serve --port 0 --max-connections 0",
        "serve --port 0 --host no.such.host.invalid",
        "serve --port 0 --keylog /nonexistent/dir/keylog",
        "serve --port 0 --mac-check nope",
    })
    void badArgumentsExitTwoWithOneLine(String line) {
        Result r = run(new byte[0], line.split(" "));
        assertEquals(Main.BAD_ARGUMENT, r.code(), () -> line + " → " + r.err());
        assertEquals(1, r.errLines().size(), () -> line + " → " + r.err());
        assertTrue(r.err().startsWith("tlsbench: "), r.err());
        assertEquals("", r.out());
    }

    /** serve and connect face real peers: CBC open checks the MAC in constant time unless told otherwise. */
    @Test
    void macCheckIsConstantTimeUnlessToldOtherwise() {
        ServeCommand serve = new ServeCommand();
        new CommandLine(serve).parseArgs("--port", "0");
        assertEquals(CbcMacCheck.CONSTANT_TIME, serve.macCheck.mode());
        ConnectCommand connect = new ConnectCommand();
        new CommandLine(connect).parseArgs("127.0.0.1:4433", "--insecure");
        assertEquals(CbcMacCheck.CONSTANT_TIME, connect.macCheck.mode());
        serve = new ServeCommand();
        new CommandLine(serve).parseArgs("--port", "0", "--mac-check", "provider");
        assertEquals(CbcMacCheck.PROVIDER, serve.macCheck.mode());
        Result r = run(new byte[0], "serve", "--port", "0", "--mac-check", "nope");
        assertEquals(List.of("tlsbench: --mac-check: unknown CBC MAC check 'nope' (provider or constant-time)"),
                r.errLines());
    }

    /** Either mode on either side opens the other's CBC records. */
    @Test
    void cbcEchoesWithEitherMacCheck() throws Exception {
        try (ServeThread serve = ServeThread.start("--port", "0", "--max-connections", "2", "--mac-check", "provider")) {
            String at = "127.0.0.1:" + serve.port();
            byte[] data = random(40_000, 3);
            for (String mode : new String[] {"constant-time", "provider"}) {
                Result r = connect(data, at, "--insecure", "--suite", "TLS_RSA_WITH_AES_128_CBC_SHA256", "--mac-check", mode);
                assertEquals(0, r.code(), r.err());
                assertArrayEquals(data, r.data(), mode);
            }
            assertEquals(0, serve.exitCode(WAIT), serve.stderr());
        }
    }

    @Test
    void missingTrustSaysWhatIsRequired() {
        Result r = connect(new byte[0], "127.0.0.1:4433");
        assertEquals(Main.BAD_ARGUMENT, r.code());
        assertEquals(List.of("tlsbench: --trust PEM or --insecure is required"), r.errLines());
    }
}
