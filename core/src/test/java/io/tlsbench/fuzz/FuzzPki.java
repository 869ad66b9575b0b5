package io.tlsbench.fuzz;

import io.tlsbench.handshake.Credential;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Keys and certificates that are the same in every JVM: RSA keys drawn from seeded randoms,
 * certificates with fixed serials and validity (2020–2099), signed with deterministic RSA PKCS#1.
 * Fuzz seeds hold signatures and Finished messages made with them, so they must not change
 * between runs. A CA, a server leaf and a client leaf.
 */
final class FuzzPki {

    static final Pki INSTANCE = create();

    /** The CA certificate (the trust anchor), the server's and the client's credentials. */
    record Pki(X509Certificate ca, Credential server, Credential client) {
    }

    private FuzzPki() {
    }

    private static Pki create() {
        try {
            KeyPair caKeys = rsa(1);
            X509Certificate ca = certificate(1, "CN=tlsbench fuzz CA", caKeys.getPublic(), "CN=tlsbench fuzz CA",
                    caKeys.getPrivate(), true);
            KeyPair serverKeys = rsa(2);
            KeyPair clientKeys = rsa(3);
            return new Pki(ca,
                    new Credential(serverKeys.getPrivate(), List.of(certificate(2, "CN=localhost",
                            serverKeys.getPublic(), "CN=tlsbench fuzz CA", caKeys.getPrivate(), false), ca)),
                    new Credential(clientKeys.getPrivate(), List.of(certificate(3, "CN=client",
                            clientKeys.getPublic(), "CN=tlsbench fuzz CA", caKeys.getPrivate(), false), ca)));
        } catch (Exception e) {
            throw new IllegalStateException("fuzz PKI generation failed", e);
        }
    }

    private static KeyPair rsa(long seed) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA", "SunRsaSign");
        g.initialize(2048, FuzzCheck.deterministic(seed));
        return g.generateKeyPair();
    }

    private static X509Certificate certificate(long serial, String subject, PublicKey key, String issuer,
                                               PrivateKey signer, boolean isCa) throws Exception {
        JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(new X500Name(issuer), BigInteger.valueOf(serial),
                Date.from(Instant.parse("2020-01-01T00:00:00Z")), Date.from(Instant.parse("2099-12-31T00:00:00Z")),
                new X500Name(subject), key);
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(isCa));
        return new JcaX509CertificateConverter().getCertificate(b.build(new JcaContentSignerBuilder("SHA256withRSA")
                .build(signer)));
    }
}
