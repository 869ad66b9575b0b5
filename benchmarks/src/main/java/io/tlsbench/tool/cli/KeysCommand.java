package io.tlsbench.tool.cli;

import io.tlsbench.kdf.KeyBlockLayout;
import io.tlsbench.kdf.KeySchedule;
import io.tlsbench.kdf.SessionKeys;
import io.tlsbench.provider.ProviderSet;
import io.tlsbench.suite.CipherSuite;
import io.tlsbench.suite.ProtocolVersion;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tlsbench keys}: master secret and the six key-block secrets of one suite and version. */
@Command(name = "keys", sortOptions = false,
        description = "Derive the master secret (or take it) and print the key block split into MAC keys, "
                + "write keys and IVs, one 'name: hex' line each (empty where the suite has none).")
public final class KeysCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--version", required = true, paramLabel = "VERSION", description = "ssl3, tls10, tls11 or tls12")
    String version;

    @Option(names = "--suite", required = true, paramLabel = "SUITE", description = "IANA name, SSL_ alias or 0xHHHH")
    String suite;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Secret secret;

    /** Exactly one of the two. */
    static final class Secret {
        @Option(names = "--premaster", required = true, paramLabel = "HEX", description = "pre-master secret")
        String premaster;

        @Option(names = "--master", required = true, paramLabel = "HEX", description = "48-byte master secret")
        String master;
    }

    @Option(names = "--client-random", required = true, paramLabel = "HEX", description = "32 bytes")
    String clientRandom;

    @Option(names = "--server-random", required = true, paramLabel = "HEX", description = "32 bytes")
    String serverRandom;

    @Option(names = "--session-hash", paramLabel = "HEX",
            description = "handshake hash: derive the extended master secret (RFC 7627); needs --premaster")
    String sessionHash;

    @Mixin
    ProviderOption provider;

    @Override
    public Integer call() {
        ProtocolVersion v = ProtocolVersion.parse(version);
        CipherSuite s = CipherSuite.forName(suite);
        KeyBlockLayout layout = KeyBlockLayout.of(s, v);
        byte[] cr = Hex.parse("--client-random", clientRandom, KeySchedule.RANDOM_LENGTH);
        byte[] sr = Hex.parse("--server-random", serverRandom, KeySchedule.RANDOM_LENGTH);
        if (sessionHash != null && secret.premaster == null) {
            throw new IllegalArgumentException("--session-hash derives the master secret, so it needs --premaster, not --master");
        }
        ProviderSet p = provider.require();
        KeySchedule ks = new KeySchedule(p);

        byte[] master;
        if (secret.master != null) {
            master = Hex.parse("--master", secret.master, KeySchedule.MASTER_SECRET_LENGTH);
        } else {
            byte[] pms = Hex.parse("--premaster", secret.premaster);
            master = new byte[KeySchedule.MASTER_SECRET_LENGTH];
            if (sessionHash != null) {
                ks.extendedMasterSecret(v, s, pms, Hex.parse("--session-hash", sessionHash), master);
            } else {
                ks.masterSecret(v, s, pms, cr, sr, master);
            }
        }
        SessionKeys keys = new SessionKeys(layout);
        ks.keyBlock(v, s, master, cr, sr, keys);

        PrintWriter out = spec.commandLine().getOut();
        line(out, "master_secret", master);
        line(out, "client_mac_key", keys.clientMacKey);
        line(out, "server_mac_key", keys.serverMacKey);
        line(out, "client_write_key", keys.clientWriteKey);
        line(out, "server_write_key", keys.serverWriteKey);
        line(out, "client_write_iv", keys.clientIv);
        line(out, "server_write_iv", keys.serverIv);
        return 0;
    }

    private static void line(PrintWriter out, String name, byte[] value) {
        out.println(name + ": " + Hex.format(value));
    }
}
