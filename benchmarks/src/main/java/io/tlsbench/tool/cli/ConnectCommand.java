package io.tlsbench.tool.cli;

import io.tlsbench.tool.peer.Pem;
import io.tlsbench.tool.peer.StdioClient;
import io.tlsbench.tool.peer.KeyLogFile;
import io.tlsbench.alert.TlsAlertException;
import io.tlsbench.handshake.Session;
import io.tlsbench.handshake.TlsConfig;
import io.tlsbench.record.CbcMacCheck;
import io.tlsbench.suite.CipherSuite;
import io.tlsbench.suite.ProtocolVersion;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code tlsbench connect}: a TLS client on the tlsbench engine that copies standard input to the
 * server and what the server sends to standard output.
 *
 * <p>The connection itself (when it stops, how sending and receiving overlap): {@link StdioClient}.
 */
@Command(name = "connect", sortOptions = false,
        description = {
            "Connect to a TLS server with the tlsbench engine, send standard input until its end, and print "
                    + "what the server sends to stdout.",
            "After the end of input, once as many bytes have come back as were sent (an echo server's answer), "
                    + "connect sends close_notify and prints the rest until the server closes; a server that "
                    + "closes first ends it too.",
            "Reports 'version: ...', 'suite: ...' and 'resumed: yes|no' on stderr after each handshake."})
public final class ConnectCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "HOST:PORT", description = "server address ([IPv6]:PORT for IPv6)")
    String target;

    @Option(names = "--suite", split = ",", paramLabel = "SUITE",
            description = "suite to offer (IANA name, SSL_ alias or 0xHHHH; a comma list offers several; "
                    + "default: every suite, AEAD and ECDHE first)")
    List<String> suites;

    @Option(names = "--version", paramLabel = "V", description = "offer only this version: ssl3, tls10, tls11 or "
            + "tls12 (default: tls10 to tls12)")
    String version;

    @Option(names = "--trust", paramLabel = "PEM", description = "verify the server's chain against these certificates")
    String trust;

    @Option(names = "--insecure", description = "do not verify the server's certificate")
    boolean insecure;

    @Option(names = "--sni", paramLabel = "NAME",
            description = "server name to send; with --trust the certificate must name it. Default: HOST unless it "
                    + "is an IP address (then no SNI and no name check)")
    String sni;

    @Option(names = "--cert", paramLabel = "PEM", description = "client certificate chain, if the server asks for one")
    String cert;

    @Option(names = "--key", paramLabel = "PEM", description = "the private key for --cert")
    String key;

    @Mixin
    KeyLogOption keylog;

    @Option(names = "--reconnect",
            description = "then connect again offering the first session (handshake and close, no data) and "
                    + "report again")
    boolean reconnect;

    @Option(names = "--timeout", defaultValue = "30", paramLabel = "SECONDS",
            description = "give up when the server is silent this long while awaited (default: ${DEFAULT-VALUE})")
    int timeoutSeconds;

    @Mixin
    ProviderOption provider;

    @Mixin
    MacCheckOption macCheck;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        InetSocketAddress unresolved = TlsOptions.hostPort("HOST:PORT", target);
        checkOptions();
        CbcMacCheck macCheckMode = macCheck.mode();
        List<CipherSuite> suiteList = TlsOptions.suites("--suite", suites);
        ProtocolVersion[] range = versionRange(suiteList);
        String host = unresolved.getHostString();
        TlsConfig.Builder b = configBuilder(suiteList, range, macCheckMode, serverName(host));
        try (KeyLogFile keyLog = keylog.open(err)) {
            if (keyLog != null) {
                b.keyLog(keyLog);
            }
            TlsConfig config = b.build();
            InetSocketAddress address = new InetSocketAddress(host, unresolved.getPort());
            if (address.isUnresolved()) {
                throw new IllegalArgumentException("host " + host + " does not resolve");
            }
            return copy(address, config, err);
        }
    }

    /** The options that exclude or need each other, and the timeout's bound. */
    private void checkOptions() {
        if (trust == null && !insecure) {
            throw new IllegalArgumentException("--trust PEM or --insecure is required");
        }
        if (trust != null && insecure) {
            throw new IllegalArgumentException("--trust and --insecure exclude each other");
        }
        if ((cert == null) != (key == null)) {
            throw new IllegalArgumentException("--cert and --key go together");
        }
        if (timeoutSeconds < 1) {
            throw new IllegalArgumentException("--timeout " + timeoutSeconds + " must be at least 1 second");
        }
    }

    /** --version's one version (else the default range); one named suite must be allowed in it. */
    private ProtocolVersion[] versionRange(List<CipherSuite> suiteList) {
        ProtocolVersion[] range = version == null ? TlsOptions.versionRange("--version", null)
                : TlsOptions.versionRange("--version", List.of(version));
        if (suites != null && version != null && suiteList.size() == 1) {
            suiteList.get(0).checkVersion(range[0]);
        }
        TlsOptions.checkOverlap(suiteList, range[0], range[1]);
        return range;
    }

    /** The SNI to send: --sni, else the target's host name; none for an IP literal. */
    private String serverName(String host) {
        String serverName = sni != null ? sni : TlsOptions.ipLiteral(host) ? null : host;
        if (serverName != null && (serverName.isEmpty() || TlsOptions.ipLiteral(serverName))) {
            throw new IllegalArgumentException("--sni '" + serverName + "' is not a host name");
        }
        return serverName;
    }

    /** Versions, suites, MAC check, trust (checking the server name against --trust's chains) and the client's credential. */
    private TlsConfig.Builder configBuilder(List<CipherSuite> suiteList, ProtocolVersion[] range, CbcMacCheck macCheckMode,
                                            String serverName) {
        TlsConfig.Builder b = TlsConfig.builder(provider.require()).versions(range[0], range[1]).suites(suiteList)
                .cbcMacCheck(macCheckMode);
        if (trust != null) {
            List<X509Certificate> anchors = Pem.certificates("--trust", trust);
            anchors.forEach(b::trust);
        } else {
            b.insecure();
        }
        if (serverName != null) {
            b.serverName(serverName, trust != null);
        }
        if (cert != null) {
            b.credential(Pem.credential(cert, key));
        }
        return b;
    }

    /** Standard input to the server, the server's data to standard output; with --reconnect, a resumed second connection. */
    private int copy(InetSocketAddress address, TlsConfig config, PrintWriter err) {
        OutputStream out = Stdio.out();
        try {
            StdioClient client = new StdioClient(timeoutSeconds);
            Session first = client.session(address, config, null, Stdio.in(), out, err);
            if (reconnect) {
                client.session(address, config, first, null, out, err);
            }
        } catch (IOException | TlsAlertException e) {
            err.println("tlsbench: connection to " + target + " failed: " + Main.message(e));
            return Main.FAILURE;
        }
        return Main.OK;
    }
}
