package io.tlsbench.testing;

import io.tlsbench.handshake.Credential;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.NoSuchProviderException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The tests' one PKI, for core and benchmarks tests alike: a CA (RSA-2048) and, signed by it,
 * RSA-2048, ECDSA P-256, DSA-2048 and DSA-1024 leaves for localhost and RSA and ECDSA client
 * leaves, made with bcpkix once per JVM (none are committed).
 *
 * <p>Every key comes from a seeded generator and every certificate has fixed serials and
 * validity, so the PKI is the same in every JVM: fuzz seeds hold recorded handshakes — the
 * certificates, and signatures made with these keys — that must not change between runs.
 */
public final class TestPki {

    /** Fixed validity, so the certificates (and the fuzz seeds) are the same in every run. */
    private static final Date NOT_BEFORE = Date.from(Instant.parse("2020-01-01T00:00:00Z"));
    private static final Date NOT_AFTER = Date.from(Instant.parse("2099-12-31T00:00:00Z"));
    private static final String CA_NAME = "CN=tlsbench test CA";

    public static final TestPki INSTANCE = create();

    public final KeyPair caKeys;
    public final X509Certificate ca;
    public final Credential rsa;
    public final Credential ecdsa;
    public final Credential dsa;
    /** For JSSE as a TLS 1.0/1.1 DHE_DSS server: its SHA1withDSA refuses 2048-bit DSA keys. */
    public final Credential dsa1024;
    public final Credential clientRsa;
    public final Credential clientEcdsa;

    private TestPki() throws GeneralSecurityException {
        caKeys = keys("RSA", "SunRsaSign", 2048, 1);
        ca = certificate(CA_NAME, caKeys.getPublic(), CA_NAME, caKeys.getPrivate(), true, null, NOT_BEFORE, NOT_AFTER);
        rsa = leaf(keys("RSA", "SunRsaSign", 2048, 2), "localhost");
        clientRsa = leaf(keys("RSA", "SunRsaSign", 2048, 3), "client");
        ecdsa = leaf(ec256(4), "localhost");
        dsa = leaf(keys("DSA", "SUN", 2048, 5), "localhost");
        dsa1024 = leaf(keys("DSA", "SUN", 1024, 6), "localhost");
        clientEcdsa = leaf(ec256(7), "client");
    }

    private static TestPki create() {
        try {
            return new TestPki();
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IllegalStateException("test PKI generation failed", e);
        }
    }

    /** The server credentials: RSA, ECDSA and DSA-2048, one per certificate key type. */
    public List<Credential> serverCredentials() {
        return List.of(rsa, ecdsa, dsa);
    }

    /** The server credential whose key serves a key exchange's certificate (RSA, EC or DSA). */
    public Credential server(String keyAlgorithm) {
        for (Credential c : serverCredentials()) {
            if (c.keyAlgorithm().equals(keyAlgorithm)) {
                return c;
            }
        }
        throw new IllegalArgumentException("no " + keyAlgorithm + " server credential");
    }

    private Credential leaf(KeyPair keys, String host) throws GeneralSecurityException {
        X509Certificate c = certificate("CN=" + host, keys.getPublic(), CA_NAME, caKeys.getPrivate(), false, host,
                NOT_BEFORE, NOT_AFTER);
        return new Credential(keys.getPrivate(), List.of(c, ca));
    }

    /**
     * A certificate signed with SHA256withRSA: a CA (basicConstraints and keyUsage for signing
     * certificates), or a leaf naming host (DNS) and 127.0.0.1 (IP) as subjectAltNames. The serial
     * is derived from the key, so it is fixed for a fixed key.
     */
    public static X509Certificate certificate(String subject, PublicKey key, String issuer, PrivateKey issuerKey,
                                              boolean isCa, String host, Date notBefore, Date notAfter)
            throws GeneralSecurityException {
        try {
            JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(new X500Name(issuer), serial(key),
                    notBefore, notAfter, new X500Name(subject), key);
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
        } catch (org.bouncycastle.operator.OperatorCreationException | java.io.IOException e) {
            throw new GeneralSecurityException("certificate for " + subject + ": " + e.getMessage(), e);
        }
    }

    private static BigInteger serial(PublicKey key) throws NoSuchAlgorithmException {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
        return new BigInteger(1, Arrays.copyOf(digest, 8)).add(BigInteger.ONE);
    }

    /** A key pair from the named JDK provider (another registered provider would draw differently), seeded. */
    private static KeyPair keys(String algorithm, String provider, int bits, long seed)
            throws NoSuchAlgorithmException, NoSuchProviderException {
        KeyPairGenerator g = KeyPairGenerator.getInstance(algorithm, provider);
        g.initialize(bits, SeededRandom.of(seed));
        return g.generateKeyPair();
    }

    private static KeyPair ec256(long seed) throws GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC", "SunEC");
        g.initialize(new ECGenParameterSpec("secp256r1"), SeededRandom.of(seed));
        return g.generateKeyPair();
    }

    /** A fresh RSA-2048 key pair, unlike every other in this PKI (a stranger's key). */
    public static KeyPair freshRsa2048() throws NoSuchAlgorithmException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        return g.generateKeyPair();
    }
}
