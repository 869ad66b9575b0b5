package io.tlsbench.interop;

import io.tlsbench.handshake.Credential;
import io.tlsbench.suite.KeyExchange;
import io.tlsbench.testing.TestPki;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Comparator;
import java.util.stream.Stream;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;

/**
 * The tests' one PKI ({@link TestPki}) as PEM files for OpenSSL and the command line: the CA, and
 * the RSA, ECDSA and DSA server leaves and the RSA client leaf (each as the leaf alone, the chain,
 * and its key as PKCS#8), written once per JVM into a temporary directory that is removed at exit.
 */
public final class InteropPki {

    private static InteropPki instance;

    public final Path dir;
    public final X509Certificate ca;
    public final Path caPem;
    public final Leaf rsa;
    public final Leaf ecdsa;
    public final Leaf dsa;
    public final Leaf client;

    /** A credential (leaf + CA chain) and its PEM files: the leaf alone, the chain, the key. */
    public record Leaf(Credential credential, Path cert, Path chain, Path key) {
    }

    public static synchronized InteropPki get() {
        if (instance == null) {
            try {
                instance = new InteropPki(TestPki.INSTANCE);
            } catch (IOException e) {
                throw new IllegalStateException("writing the test PKI as PEM failed", e);
            }
        }
        return instance;
    }

    private InteropPki(TestPki pki) throws IOException {
        dir = Files.createTempDirectory("tlsbench-interop-");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir)));
        ca = pki.ca;
        caPem = dir.resolve("ca.pem");
        writePem(caPem, ca);
        rsa = leaf("rsa", pki.rsa);
        ecdsa = leaf("ecdsa", pki.ecdsa);
        dsa = leaf("dsa", pki.dsa);
        client = leaf("client", pki.clientRsa);
    }

    /** The server leaf whose key serves this key exchange. */
    public Leaf forKeyExchange(KeyExchange kx) {
        switch (kx.certificateKeyAlgorithm) {
            case "RSA": return rsa;
            case "EC": return ecdsa;
            case "DSA": return dsa;
            default: throw new IllegalArgumentException(kx.toString());
        }
    }

    private Leaf leaf(String name, Credential credential) throws IOException {
        Path cert = dir.resolve(name + ".pem");
        Path chain = dir.resolve(name + "-chain.pem");
        Path key = dir.resolve(name + ".key");
        writePem(cert, credential.leaf());
        writePem(chain, credential.chain().toArray(X509Certificate[]::new));
        try (Writer w = Files.newBufferedWriter(key, StandardCharsets.US_ASCII); JcaPEMWriter p = new JcaPEMWriter(w)) {
            p.writeObject(new JcaPKCS8Generator(credential.privateKey(), null)); // "PRIVATE KEY" (PKCS#8)
        }
        return new Leaf(credential, cert, chain, key);
    }

    private static void writePem(Path file, X509Certificate... certs) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.US_ASCII); JcaPEMWriter p = new JcaPEMWriter(w)) {
            for (X509Certificate c : certs) {
                p.writeObject(c);
            }
        }
    }

    static void delete(Path root) {
        try (Stream<Path> s = Files.walk(root)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort at exit
        }
    }
}
