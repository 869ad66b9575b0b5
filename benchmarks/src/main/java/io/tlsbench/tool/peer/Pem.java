package io.tlsbench.tool.peer;

import io.tlsbench.handshake.Credential;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/**
 * PEM files for the command line: certificate chains, unencrypted private keys (PKCS#8
 * "PRIVATE KEY", or the traditional RSA/EC/DSA forms), read with bcpkix's PEMParser. Keys come out
 * of the JDK's own key factories, so their algorithm is "RSA", "EC" or "DSA" as the engine expects.
 * Every problem is an IllegalArgumentException naming the option and the file.
 */
public final class Pem {

    private Pem() {
    }

    /** Every certificate in the file, in file order (leaf first for a chain). */
    public static List<X509Certificate> certificates(String option, String path) {
        List<X509Certificate> out = new ArrayList<>();
        JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
        try (Reader r = Files.newBufferedReader(Path.of(path), StandardCharsets.US_ASCII);
             PEMParser p = new PEMParser(r)) {
            Object o;
            while ((o = p.readObject()) != null) {
                if (o instanceof X509CertificateHolder) {
                    out.add(converter.getCertificate((X509CertificateHolder) o));
                }
            }
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            throw new IllegalArgumentException(option + " " + path + ": " + reason(e));
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException(option + " " + path + " holds no PEM certificate");
        }
        return out;
    }

    /** The first private key in the file. */
    public static PrivateKey privateKey(String option, String path) {
        try (Reader r = Files.newBufferedReader(Path.of(path), StandardCharsets.US_ASCII);
             PEMParser p = new PEMParser(r)) {
            Object o;
            while ((o = p.readObject()) != null) {
                if (o instanceof PEMEncryptedKeyPair || o instanceof PKCS8EncryptedPrivateKeyInfo) {
                    throw new IllegalArgumentException(option + " " + path + " is encrypted; an unencrypted key is needed");
                }
                if (o instanceof PEMKeyPair) {
                    return toJca(((PEMKeyPair) o).getPrivateKeyInfo());
                }
                if (o instanceof PrivateKeyInfo) {
                    return toJca((PrivateKeyInfo) o);
                }
            }
        } catch (IllegalArgumentException e) {
            throw e.getMessage() != null && e.getMessage().startsWith(option) ? e
                    : new IllegalArgumentException(option + " " + path + ": " + reason(e));
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            throw new IllegalArgumentException(option + " " + path + ": " + reason(e));
        }
        throw new IllegalArgumentException(option + " " + path + " holds no PEM private key");
    }

    /** A credential from a chain file and a key file; the key must belong to the chain's first certificate. */
    public static Credential credential(String certPath, String keyPath) {
        List<X509Certificate> chain = certificates("--cert", certPath);
        PrivateKey key = privateKey("--key", keyPath);
        X509Certificate leaf = chain.get(0);
        String alg = key.getAlgorithm();
        if (!alg.equals(leaf.getPublicKey().getAlgorithm())) {
            throw new IllegalArgumentException("--key " + keyPath + " is a " + alg + " key but --cert " + certPath
                    + " certifies a " + leaf.getPublicKey().getAlgorithm() + " key");
        }
        try {
            String sigAlg = "SHA256with" + ("EC".equals(alg) ? "ECDSA" : alg);
            byte[] probe = "tlsbench key check".getBytes(StandardCharsets.US_ASCII);
            Signature s = Signature.getInstance(sigAlg);
            s.initSign(key, new SecureRandom());
            s.update(probe);
            byte[] sig = s.sign();
            s.initVerify(leaf.getPublicKey());
            s.update(probe);
            if (!s.verify(sig)) {
                throw new IllegalArgumentException("--key " + keyPath + " does not match the certificate in --cert "
                        + certPath);
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("--key " + keyPath + " cannot sign: " + reason(e));
        }
        return new Credential(key, chain);
    }

    /** PEM text for certificates (as openssl writes them). */
    public static String encode(List<X509Certificate> certs) {
        StringWriter s = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(s)) {
            for (X509Certificate c : certs) {
                w.writeObject(c);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return s.toString();
    }

    /** Writes PEM certificates (overwriting). */
    public static void write(String option, String path, List<X509Certificate> certs) {
        try (Writer w = Files.newBufferedWriter(Path.of(path), StandardCharsets.US_ASCII)) {
            w.write(encode(certs));
        } catch (IOException e) {
            throw new IllegalArgumentException(option + " " + path + " cannot be written: " + reason(e));
        }
    }

    private static PrivateKey toJca(PrivateKeyInfo info) throws IOException, GeneralSecurityException {
        ASN1ObjectIdentifier oid = info.getPrivateKeyAlgorithm().getAlgorithm();
        String alg;
        if (oid.equals(PKCSObjectIdentifiers.rsaEncryption)) {
            alg = "RSA";
        } else if (oid.equals(X9ObjectIdentifiers.id_ecPublicKey)) {
            alg = "EC";
        } else if (oid.equals(X9ObjectIdentifiers.id_dsa)) {
            alg = "DSA";
        } else {
            throw new IllegalArgumentException("unsupported key algorithm " + oid + " (RSA, EC or DSA expected)");
        }
        return KeyFactory.getInstance(alg).generatePrivate(new PKCS8EncodedKeySpec(info.getEncoded()));
    }

    private static String reason(Exception e) {
        String m = e.getMessage();
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file";
        }
        return e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }
}
