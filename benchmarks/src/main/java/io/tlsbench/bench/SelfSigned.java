package io.tlsbench.bench;

import io.tlsbench.handshake.Credential;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Throwaway server credentials for {@code serve} without --cert/--key: self-signed RSA-2048,
 * ECDSA P-256 and DSA-2048 certificates for CN=localhost with the DNS name localhost and the IP
 * address 127.0.0.1 as subjectAltNames, valid from an hour ago for 30 days. Made with bcpkix.
 */
public final class SelfSigned {

    private SelfSigned() {
    }

    /** RSA, EC and DSA credentials, in that order. */
    public static List<Credential> all() {
        try {
            return List.of(credential(keys("RSA", 2048), "SHA256withRSA"),
                    credential(ec256(), "SHA256withECDSA"),
                    credential(keys("DSA", 2048), "SHA256withDSA"));
        } catch (GeneralSecurityException | OperatorCreationException | CertIOException e) {
            throw new IllegalStateException("generating the self-signed certificates failed: " + e, e);
        }
    }

    private static Credential credential(KeyPair keys, String sigAlg)
            throws GeneralSecurityException, OperatorCreationException, CertIOException {
        long now = System.currentTimeMillis();
        X500Name name = new X500Name("CN=localhost");
        JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(name,
                new BigInteger(63, new SecureRandom()).add(BigInteger.ONE),
                new Date(now - 3_600_000L), new Date(now + 30 * 86_400_000L), name, keys.getPublic());
        // No basicConstraints or keyUsage: a bare self-signed certificate that clients (openssl
        // s_client -CAfile included) accept as its own trust anchor.
        b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
            new GeneralName(GeneralName.dNSName, "localhost"),
            new GeneralName(GeneralName.iPAddress, "127.0.0.1")}));
        X509Certificate cert = new JcaX509CertificateConverter().getCertificate(
                b.build(new JcaContentSignerBuilder(sigAlg).build(keys.getPrivate())));
        return new Credential(keys.getPrivate(), List.of(cert));
    }

    private static KeyPair keys(String alg, int bits) throws GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance(alg);
        g.initialize(bits);
        return g.generateKeyPair();
    }

    private static KeyPair ec256() throws GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        return g.generateKeyPair();
    }
}
