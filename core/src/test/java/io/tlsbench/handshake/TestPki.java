package io.tlsbench.handshake;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Test keys and certificates made at run time with bcpkix (none are committed): a CA, and RSA-2048,
 * ECDSA P-256 and DSA-2048 leaves for "localhost", plus a client credential. Built once per JVM.
 */
final class TestPki {

    static final TestPki INSTANCE = create();

    final KeyPair caKeys;
    final X509Certificate ca;
    final Credential rsa;
    final Credential ecdsa;
    final Credential dsa;
    /** For JSSE as a TLS 1.0/1.1 DHE_DSS server: its SHA1withDSA refuses 2048-bit DSA keys. */
    final Credential dsa1024;
    final Credential clientRsa;
    final Credential clientEcdsa;

    private TestPki(KeyPair caKeys, X509Certificate ca, Credential rsa, Credential ecdsa, Credential dsa,
                    Credential dsa1024, Credential clientRsa, Credential clientEcdsa) {
        this.caKeys = caKeys;
        this.ca = ca;
        this.rsa = rsa;
        this.ecdsa = ecdsa;
        this.dsa = dsa;
        this.dsa1024 = dsa1024;
        this.clientRsa = clientRsa;
        this.clientEcdsa = clientEcdsa;
    }

    private static TestPki create() {
        try {
            KeyPair caKeys = rsa2048();
            X509Certificate ca = certificate("CN=tlsbench test CA", caKeys.getPublic(), "CN=tlsbench test CA",
                    caKeys.getPrivate(), "SHA256withRSA", true, null, 0, 365);
            return new TestPki(caKeys, ca,
                    leaf(rsa2048(), caKeys, ca, "localhost"),
                    leaf(ec256(), caKeys, ca, "localhost"),
                    leaf(dsa2048(), caKeys, ca, "localhost"),
                    leaf(dsa(1024), caKeys, ca, "localhost"),
                    leaf(rsa2048(), caKeys, ca, "client"),
                    leaf(ec256(), caKeys, ca, "client"));
        } catch (Exception e) {
            throw new IllegalStateException("test PKI generation failed", e);
        }
    }

    static Credential leaf(KeyPair keys, KeyPair caKeys, X509Certificate ca, String name) throws Exception {
        X509Certificate c = certificate("CN=" + name, keys.getPublic(), ca.getSubjectX500Principal().getName(),
                caKeys.getPrivate(), "SHA256withRSA", false, name, 0, 30);
        return new Credential(keys.getPrivate(), List.of(c, ca));
    }

    static X509Certificate certificate(String subject, PublicKey key, String issuer, PrivateKey issuerKey,
                                       String sigAlg, boolean isCa, String dnsName, int startDays, int days)
            throws Exception {
        long now = System.currentTimeMillis();
        JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(new X500Name(issuer),
                BigInteger.valueOf(now).add(BigInteger.valueOf(new SecureRandom().nextInt(1 << 30))),
                new Date(now + startDays * 86_400_000L - 60_000), new Date(now + (long) (startDays + days) * 86_400_000L),
                new X500Name(subject), key);
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(isCa));
        if (dnsName != null) {
            b.addExtension(Extension.subjectAlternativeName, false,
                    new GeneralNames(new GeneralName(GeneralName.dNSName, dnsName)));
        }
        return new JcaX509CertificateConverter().getCertificate(
                b.build(new JcaContentSignerBuilder(sigAlg).build(issuerKey)));
    }

    static KeyPair rsa2048() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        return g.generateKeyPair();
    }

    static KeyPair ec256() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        return g.generateKeyPair();
    }

    static KeyPair dsa2048() throws Exception {
        return dsa(2048);
    }

    static KeyPair dsa(int bits) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("DSA");
        g.initialize(bits);
        return g.generateKeyPair();
    }
}
