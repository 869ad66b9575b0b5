package io.tlsbench.tool.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tlsbench.buffer.BufferPool;
import io.tlsbench.handshake.Session;
import io.tlsbench.handshake.TlsConfig;
import io.tlsbench.interop.InteropPki;
import io.tlsbench.interop.OpenSsl;
import io.tlsbench.provider.ProviderId;
import io.tlsbench.provider.Providers;
import io.tlsbench.suite.CipherSuite;
import io.tlsbench.suite.ProtocolVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Sequential handshakes against one {@code openssl s_server} (skipped without openssl): TLS 1.2,
 * TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, every odd connection resuming the session of the one
 * before it by session ID. Each connection goes through {@link OpenSslInteropTest#reverseEcho}
 * (handshake, version, suite and resumption checked, about 100 bytes of text lines read back
 * reversed by {@code -rev}, close_notify); not one may fail. At the end s_server's own count of
 * session cache hits equals our resumptions, and every pooled buffer is back.
 *
 * <p>{@code -Dtlsbench.soak.handshakes=N} sets the count (default 10,000: 31–41 s in three runs on
 * this project's 2-core machine, so the normal test command runs all of them).
 */
class OpenSslSoakTest {

    static final int HANDSHAKES = Integer.getInteger("tlsbench.soak.handshakes", 10_000);
    static final CipherSuite SUITE = CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256;
    static final OpenSslInteropTest.Case CASE = new OpenSslInteropTest.Case(SUITE, ProtocolVersion.TLS12);
    /** Text sent per connection (lines of up to 200 characters), checked reversed. */
    static final int LINE_BYTES = 100;

    @AfterEach
    void killProcesses() {
        OpenSsl.killAll();
    }

    @Test
    void sequentialHandshakesHalfResumedAgainstSServer() throws Exception {
        Assumptions.assumeTrue(OpenSsl.version() != null, "no openssl on PATH");
        assertTrue(HANDSHAKES >= 2 && HANDSHAKES % 2 == 0, "an even count of at least 2");
        InteropPki pki = InteropPki.get();
        Path work = Files.createDirectories(pki.dir.resolve("soak"));
        TlsConfig config = TlsConfig.builder(Providers.require(ProviderId.SUNJCE))
                .versions(ProtocolVersion.TLS12, ProtocolVersion.TLS12).suites(List.of(SUITE)).trust(pki.ca)
                .serverName("localhost", true).build();
        long poolBefore = BufferPool.shared().stats().outstanding();
        int resumed = 0;
        long start = System.nanoTime();
        try (OpenSsl.Proc server = OpenSsl.start(work, "s_server", null, "s_server", "-accept", "127.0.0.1:0",
                "-cert", pki.rsa.cert().toString(), "-key", pki.rsa.key().toString(), "-rev", "-tls1_2",
                "-cipher", "ECDHE-RSA-AES128-GCM-SHA256", "-naccept", Integer.toString(HANDSHAKES))) {
            int port = Integer.parseInt(server.awaitStdout(Pattern.compile("ACCEPT 127\\.0\\.0\\.1:(\\d+)"),
                    Duration.ofSeconds(20)));
            Session session = null;
            for (int i = 0; i < HANDSHAKES; i++) {
                boolean resume = i % 2 == 1;
                try {
                    Session s = OpenSslInteropTest.reverseEcho(config, resume ? session : null, port, LINE_BYTES, CASE);
                    if (resume) {
                        resumed++;
                    } else {
                        session = s;
                    }
                } catch (Exception | AssertionError e) {
                    throw new AssertionError("connection " + (i + 1) + " of " + HANDSHAKES + " failed; s_server: "
                            + server.stderr(), e);
                }
            }
            assertTrue(server.waitFor(Duration.ofSeconds(30)), "s_server did not exit after its connections");
            Matcher hits = Pattern.compile("(\\d+) session cache hits").matcher(server.stdout());
            assertTrue(hits.find(), "s_server stats: " + server.stdout());
            assertEquals(resumed, Integer.parseInt(hits.group(1)), "s_server's session cache hits");
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("SOAK|%s|%s|%d handshakes (%d full, %d resumed)|0 failures|%.1f s|%.0f handshakes/s%n",
                OpenSsl.version(), SUITE, HANDSHAKES, HANDSHAKES - resumed, resumed, seconds, HANDSHAKES / seconds);
        assertEquals(poolBefore, BufferPool.shared().stats().outstanding(), "pooled buffers outstanding");
    }
}
