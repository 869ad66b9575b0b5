package io.tlsbench.interop;

import io.tlsbench.handshake.Credential;
import io.tlsbench.suite.KeyExchange;
import java.io.IOException;
import java.io.Writer;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.stream.Stream;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A test CA (RSA-2048) and, signed by it, RSA-2048, ECDSA P-256 and DSA-2048 server certificates
 * for localhost (DNS SAN localhost, IP SAN 127.0.0.1) plus an RSA client certificate, made once per
 * JVM with bcpkix and written as PEM (certificates; keys as PKCS#8) into a temporary directory
 * that is removed at exit. Nothing is committed.
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
                instance = new InteropPki();
            } catch (Exception e) {
                throw new IllegalStateException("test PKI generation failed", e);
            }
        }
        return instance;
    }

    private InteropPki() throws Exception {
        dir = Files.createTempDirectory("tlsbench-interop-");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir)));
        KeyPair caKeys = keys("RSA", 2048);
        ca = certificate("CN=tlsbench interop CA", caKeys.getPublic(), "CN=tlsbench interop CA", caKeys.getPrivate(),
                true, null);
        caPem = dir.resolve("ca.pem");
        writePem(caPem, ca);
        rsa = leaf("rsa", keys("RSA", 2048), caKeys, "localhost");
        ecdsa = leaf("ecdsa", ec256(), caKeys, "localhost");
        dsa = leaf("dsa", keys("DSA", 2048), caKeys, "localhost");
        client = leaf("client", keys("RSA", 2048), caKeys, "client");
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

    public List<Credential> serverCredentials() {
        return List.of(rsa.credential(), ecdsa.credential(), dsa.credential());
    }

    private Leaf leaf(String name, KeyPair keys, KeyPair caKeys, String host) throws Exception {
        X509Certificate c = certificate("CN=" + host, keys.getPublic(), ca.getSubjectX500Principal().getName(),
                caKeys.getPrivate(), false, host);
        Path cert = dir.resolve(name + ".pem");
        Path chain = dir.resolve(name + "-chain.pem");
        Path key = dir.resolve(name + ".key");
        writePem(cert, c);
        writePem(chain, c, ca);
        try (Writer w = Files.newBufferedWriter(key, StandardCharsets.US_ASCII); JcaPEMWriter p = new JcaPEMWriter(w)) {
            p.writeObject(new JcaPKCS8Generator(keys.getPrivate(), null)); // "PRIVATE KEY" (PKCS#8)
        }
        return new Leaf(new Credential(keys.getPrivate(), List.of(c, ca)), cert, chain, key);
    }

    private static X509Certificate certificate(String subject, PublicKey key, String issuer, PrivateKey issuerKey,
                                               boolean isCa, String host) throws Exception {
        long now = System.currentTimeMillis();
        JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(new X500Name(issuer),
                new BigInteger(63, new SecureRandom()).add(BigInteger.ONE), new Date(now - 3_600_000L),
                new Date(now + 30 * 86_400_000L), new X500Name(subject), key);
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(isCa));
        if (isCa) {
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        }
        if (host != null) {
            b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                new GeneralName(GeneralName.dNSName, host), new GeneralName(GeneralName.iPAddress, "127.0.0.1")}));
        }
        return new JcaX509CertificateConverter().getCertificate(
                b.build(new JcaContentSignerBuilder("SHA256withRSA").build(issuerKey)));
    }

    private static void writePem(Path file, X509Certificate... certs) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.US_ASCII); JcaPEMWriter p = new JcaPEMWriter(w)) {
            for (X509Certificate c : certs) {
                p.writeObject(c);
            }
        }
    }

    private static KeyPair keys(String alg, int bits) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance(alg);
        g.initialize(bits);
        return g.generateKeyPair();
    }

    private static KeyPair ec256() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        return g.generateKeyPair();
    }

    static void delete(Path root) {
        try (Stream<Path> s = Files.walk(root)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort at exit
        }
    }
}
