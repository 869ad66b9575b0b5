package io.tlsbench.tool.cli;

import io.tlsbench.tool.peer.EchoServer;
import io.tlsbench.tool.peer.Pem;
import io.tlsbench.tool.peer.KeyLogFile;
import io.tlsbench.bench.SelfSigned;
import io.tlsbench.handshake.Credential;
import io.tlsbench.handshake.SessionCache;
import io.tlsbench.handshake.TlsConfig;
import io.tlsbench.handshake.TlsServer;
import io.tlsbench.record.CbcMacCheck;
import io.tlsbench.suite.CipherSuite;
import io.tlsbench.suite.ProtocolVersion;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tlsbench serve}: a TLS echo server on the tlsbench engine. Every connection gets a
 * TlsServer over a blocking socket on a pool thread; every application byte received is sent
 * back, until the client's close_notify (answered with ours) or end of stream. One session cache
 * serves all connections, so clients can resume.
 */
@Command(name = "serve", sortOptions = false,
        description = {
            "Run a TLS echo server on the tlsbench engine: every byte of application data comes back, until the "
                    + "client sends close_notify. Prints 'listening on HOST:PORT' on stdout once it accepts, and "
                    + "one line per connection on stderr. Up to " + EchoServer.THREADS + " connections are served at once; "
                    + "sessions are cached (one hour) for resumption.",
            "Without --cert/--key it makes self-signed RSA-2048, ECDSA P-256 and DSA-2048 certificates for "
                    + "CN=localhost (subjectAltNames DNS localhost and IP 127.0.0.1) and serves each suite with "
                    + "the key its key exchange needs.",
            "Exit code with --max-connections: 0 if every connection completed, 1 if any failed."})
public final class ServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--port", required = true, paramLabel = "PORT", description = "TCP port; 0 picks a free one")
    String port;

    @Option(names = "--host", defaultValue = "127.0.0.1", paramLabel = "ADDR",
            description = "address to listen on (default: ${DEFAULT-VALUE})")
    String host;

    @Option(names = "--cert", paramLabel = "PEM",
            description = "certificate chain, leaf first; repeat with --key for several key types")
    List<String> certs = new ArrayList<>();

    @Option(names = "--key", paramLabel = "PEM",
            description = "unencrypted private key (PKCS#8 or traditional RSA, EC or DSA), one per --cert")
    List<String> keys = new ArrayList<>();

    @Option(names = "--cert-out", paramLabel = "FILE",
            description = "write the generated self-signed certificates to FILE (PEM) for 'connect --trust'")
    String certOut;

    @Option(names = "--suites", split = ",", paramLabel = "SUITE",
            description = "comma list of IANA names, SSL_ aliases or 0xHHHH, in the server's preference order "
                    + "(default: every suite, AEAD and ECDHE first)")
    List<String> suites;

    @Option(names = "--versions", split = ",", paramLabel = "V",
            description = "comma list; allows the range from the oldest to the newest listed "
                    + "(ssl3, tls10, tls11, tls12; default tls10,tls12)")
    List<String> versions;

    @Option(names = "--client-auth",
            description = "request a client certificate (not required); without --trust any certificate is "
                    + "accepted, though the client must still prove it holds the key")
    boolean clientAuth;

    @Option(names = "--trust", paramLabel = "PEM", description = "with --client-auth: verify client chains against these")
    String trust;

    @Mixin
    KeyLogOption keylog;

    @Option(names = "--max-connections", paramLabel = "N",
            description = "exit after serving N connections (default: serve forever)")
    Integer maxConnections;

    @Option(names = "--timeout", defaultValue = "60", paramLabel = "SECONDS",
            description = "drop a connection silent for this long (default: ${DEFAULT-VALUE})")
    int timeoutSeconds;

    @Mixin
    ProviderOption provider;

    @Mixin
    MacCheckOption macCheck;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int p = TlsOptions.port("--port", port, true);
        checkOptions();
        CbcMacCheck macCheckMode = macCheck.mode();
        List<CipherSuite> suiteList = TlsOptions.suites("--suites", suites);
        ProtocolVersion[] range = TlsOptions.versionRange("--versions", versions);
        TlsOptions.checkOverlap(suiteList, range[0], range[1]);
        InetAddress address = address();
        List<Credential> credentials = new ArrayList<>();
        for (int i = 0; i < certs.size(); i++) {
            credentials.add(Pem.credential(certs.get(i), keys.get(i)));
        }
        TlsConfig.Builder b = configBuilder(suiteList, range, macCheckMode);
        try (KeyLogFile keyLog = keylog.open(err)) {
            if (keyLog != null) {
                b.keyLog(keyLog);
            }
            if (credentials.isEmpty()) {
                credentials.addAll(selfSigned());
            }
            credentials.forEach(b::credential);
            return serve(b.build(), new InetSocketAddress(address, p), out, err);
        }
    }

    /** The options that exclude or need each other, and the bounds of the numeric ones. */
    private void checkOptions() {
        if (certs.size() != keys.size()) {
            throw new IllegalArgumentException("--cert and --key come in pairs (" + certs.size() + " --cert, "
                    + keys.size() + " --key)");
        }
        if (certOut != null && !certs.isEmpty()) {
            throw new IllegalArgumentException("--cert-out writes generated certificates; it does not apply with --cert");
        }
        if (trust != null && !clientAuth) {
            throw new IllegalArgumentException("--trust verifies client certificates; it needs --client-auth");
        }
        if (maxConnections != null && maxConnections < 1) {
            throw new IllegalArgumentException("--max-connections " + maxConnections + " must be at least 1");
        }
        if (timeoutSeconds < 1) {
            throw new IllegalArgumentException("--timeout " + timeoutSeconds + " must be at least 1 second");
        }
    }

    private InetAddress address() {
        try {
            return InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("--host " + host + " does not resolve");
        }
    }

    /** Versions, suites, MAC check, the shared session cache and client authentication; credentials come later. */
    private TlsConfig.Builder configBuilder(List<CipherSuite> suiteList, ProtocolVersion[] range, CbcMacCheck macCheckMode) {
        List<X509Certificate> anchors = trust == null ? List.of() : Pem.certificates("--trust", trust);
        TlsConfig.Builder b = TlsConfig.builder(provider.require())
                .versions(range[0], range[1])
                .suites(suiteList)
                .cbcMacCheck(macCheckMode)
                .sessionCache(new SessionCache(4096, 3_600_000L));
        if (clientAuth) {
            b.clientAuth(TlsConfig.ClientAuth.REQUEST);
            if (anchors.isEmpty()) {
                b.insecure();
            }
            anchors.forEach(b::trust);
        }
        return b;
    }

    /** Self-signed credentials for every key type, their certificates written to --cert-out when asked. */
    private List<Credential> selfSigned() {
        List<Credential> generated = SelfSigned.all();
        if (certOut != null) {
            List<X509Certificate> leaves = new ArrayList<>();
            generated.forEach(c -> leaves.add(c.leaf()));
            Pem.write("--cert-out", certOut, leaves);
        }
        return generated;
    }

    private int serve(TlsConfig config, InetSocketAddress bind, PrintWriter out, PrintWriter err) throws IOException {
        EchoServer.Outcome o = new EchoServer(config, timeoutSeconds, maxConnections).serve(bind, out, err);
        if (o.interrupted()) {
            err.println("tlsbench: serve interrupted");
            return Main.FAILURE;
        }
        err.println("served " + maxConnections + " connection" + (maxConnections == 1 ? "" : "s")
                + (o.failed() == 0 ? "" : " (" + o.failed() + " failed)"));
        return o.failed() == 0 ? Main.OK : Main.FAILURE;
    }
}
