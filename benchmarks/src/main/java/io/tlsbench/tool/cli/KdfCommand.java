package io.tlsbench.tool.cli;

import io.tlsbench.kdf.KeySchedule;
import io.tlsbench.kdf.Prf;
import io.tlsbench.kdf.PrfAlgorithm;
import io.tlsbench.suite.HashAlgorithm;
import io.tlsbench.suite.ProtocolVersion;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tlsbench kdf}: one PRF call, printed as lowercase hex (as {@code openssl kdf ... TLS1-PRF}). */
@Command(name = "kdf", sortOptions = false,
        description = "Print PRF(secret, label, seed) as hex: the SSLv3 construction, the TLS 1.0/1.1 MD5+SHA-1 PRF, "
                + "or the TLS 1.2 PRF over --hash.")
public final class KdfCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--version", required = true, paramLabel = "VERSION", description = "ssl3, tls10, tls11 or tls12")
    String version;

    @Option(names = "--hash", paramLabel = "HASH",
            description = "TLS 1.2 only: sha256 (default), sha384, sha224, sha512 or sha512-256")
    String hash;

    @Option(names = "--secret", required = true, paramLabel = "HEX", description = "the PRF secret")
    String secret;

    @Option(names = "--label", paramLabel = "TEXT", description = "the label (TLS only; SSLv3 has none)")
    String label;

    @Option(names = "--seed", required = true, paramLabel = "HEX", description = "the seed after the label")
    String seed;

    @Option(names = "--length", required = true, paramLabel = "N", description = "output bytes")
    int length;

    @Mixin
    ProviderOption provider;

    @Override
    public Integer call() {
        ProtocolVersion v = ProtocolVersion.parse(version);
        PrfAlgorithm prf = prf(v);
        if (v == ProtocolVersion.SSL3 && label != null) {
            throw new IllegalArgumentException("--label does not apply to --version ssl3: the SSLv3 construction has no label");
        }
        if (v != ProtocolVersion.SSL3 && label == null) {
            throw new IllegalArgumentException("--label is required for --version " + v.shortName + " (it may be empty)");
        }
        int max = prf == PrfAlgorithm.SSL3 ? Prf.SSL3_MAX_OUTPUT : Prf.MAX_OUTPUT;
        if (length < 1 || length > max) {
            throw new IllegalArgumentException("--length " + length + " is outside 1.." + max + " for the "
                    + prf.shortName + " PRF");
        }
        byte[] s = Hex.parse("--secret", secret);
        byte[] sd = Hex.parse("--seed", seed);
        byte[] l = label == null ? null : label.getBytes(StandardCharsets.UTF_8);
        byte[] out = new KeySchedule(provider.require()).prf(prf).derive(s, l, sd, length);
        spec.commandLine().getOut().println(Hex.format(out));
        return 0;
    }

    private PrfAlgorithm prf(ProtocolVersion v) {
        if (hash == null) {
            return PrfAlgorithm.forVersion(v, null);
        }
        if (v != ProtocolVersion.TLS12) {
            throw new IllegalArgumentException("--hash applies only to --version tls12; " + v.shortName
                    + " has a fixed PRF");
        }
        HashAlgorithm h = HashAlgorithm.parse(hash);
        if (h == HashAlgorithm.MD5 || h == HashAlgorithm.SHA1) {
            throw new IllegalArgumentException("--hash " + hash + " is not a TLS 1.2 PRF hash"
                    + " (expected sha256, sha384, sha224, sha512 or sha512-256)");
        }
        return PrfAlgorithm.forVersion(v, h);
    }
}
