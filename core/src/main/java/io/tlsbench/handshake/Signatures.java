package io.tlsbench.handshake;

import io.tlsbench.alert.AlertDescription;
import io.tlsbench.alert.TlsAlertException;
import io.tlsbench.provider.ProviderSet;
import io.tlsbench.suite.HashAlgorithm;
import io.tlsbench.suite.ProtocolVersion;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.util.List;

/**
 * Handshake signatures per version: TLS 1.2 names a SignatureAndHashAlgorithm (RFC 5246
 * §7.4.1.4.1); TLS 1.0/1.1 and SSLv3 sign MD5 ‖ SHA-1 with raw PKCS#1 for RSA, SHA-1 for DSA and
 * ECDSA (RFC 4492 §5.10).
 */
final class Signatures {

    /** What this side offers and accepts in TLS 1.2, most preferred first (hash byte, signature byte). */
    static final List<Integer> SUPPORTED = List.of(0x0401, 0x0403, 0x0402, 0x0501, 0x0503, 0x0601, 0x0603,
            0x0201, 0x0203, 0x0202);

    private Signatures() {
    }

    static int signatureByte(String keyAlgorithm) {
        switch (keyAlgorithm) {
            case "RSA": return 1;
            case "DSA": return 2;
            case "EC": return 3;
            default: return -1;
        }
    }

    /** The scheme to sign with: our first that the peer offered for this key (SHA-1 when it sent none). */
    static int choose(String keyAlgorithm, List<Integer> peerOffered) throws TlsAlertException {
        int sig = signatureByte(keyAlgorithm);
        if (peerOffered == null) {
            return 0x0200 | sig; // RFC 5246 §7.4.1.4.1: absent extension means sha1 with our key type
        }
        for (int scheme : SUPPORTED) {
            if ((scheme & 0xff) == sig && peerOffered.contains(scheme)) {
                return scheme;
            }
        }
        throw new TlsAlertException(AlertDescription.HANDSHAKE_FAILURE,
                "no signature algorithm in common for a " + keyAlgorithm + " key");
    }

    static String jcaName(int scheme) throws TlsAlertException {
        String hash;
        switch (scheme >>> 8) {
            case 2: hash = "SHA1"; break;
            case 4: hash = "SHA256"; break;
            case 5: hash = "SHA384"; break;
            case 6: hash = "SHA512"; break;
            default: throw new TlsAlertException(AlertDescription.ILLEGAL_PARAMETER,
                    String.format("unsupported signature hash in 0x%04x", scheme));
        }
        switch (scheme & 0xff) {
            case 1: return hash + "withRSA";
            case 2: return hash + "withDSA";
            case 3: return hash + "withECDSA";
            default: throw new TlsAlertException(AlertDescription.ILLEGAL_PARAMETER,
                    String.format("unsupported signature algorithm in 0x%04x", scheme));
        }
    }

    /**
     * SSLv3 CertificateVerify: the 36-byte hash is signed as it is — raw PKCS#1 for RSA, and for
     * DSA its SHA-1 half (RFC 6101 §5.6.8). SSLv3 has no ECDSA.
     */
    static byte[] signSsl3(ProviderSet p, PrivateKey key, SecureRandom random, byte[] hash36)
            throws GeneralSecurityException, TlsAlertException {
        Signature s = ssl3Signature(p, key.getAlgorithm());
        s.initSign(key, random);
        s.update(ssl3Input(key.getAlgorithm(), hash36));
        return s.sign();
    }

    static void verifySsl3(ProviderSet p, PublicKey key, byte[] signature, byte[] hash36) throws TlsAlertException {
        boolean ok;
        try {
            Signature s = ssl3Signature(p, key.getAlgorithm());
            s.initVerify(key);
            s.update(ssl3Input(key.getAlgorithm(), hash36));
            ok = s.verify(signature);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            ok = false;
        }
        if (!ok) {
            throw new TlsAlertException(AlertDescription.DECRYPT_ERROR, "CertificateVerify signature does not verify");
        }
    }

    private static Signature ssl3Signature(ProviderSet p, String keyAlgorithm) throws TlsAlertException {
        switch (keyAlgorithm) {
            case "RSA": return p.signature("NONEwithRSA");
            case "DSA": return p.signature("NONEwithDSA");
            default: throw new TlsAlertException(AlertDescription.UNSUPPORTED_CERTIFICATE,
                    "SSLv3 client certificates are RSA or DSA, not " + keyAlgorithm);
        }
    }

    private static byte[] ssl3Input(String keyAlgorithm, byte[] hash36) {
        return keyAlgorithm.equals("DSA") ? java.util.Arrays.copyOfRange(hash36, 16, 36) : hash36;
    }

    /** Signs the concatenation of parts; scheme is used in TLS 1.2 only. */
    static byte[] sign(ProviderSet p, ProtocolVersion v, int scheme, PrivateKey key, SecureRandom random,
                       byte[]... parts) throws GeneralSecurityException, TlsAlertException {
        Signature s = signature(p, v, scheme, key.getAlgorithm());
        s.initSign(key, random);
        feed(p, v, s, key.getAlgorithm(), parts);
        return s.sign();
    }

    static void verify(ProviderSet p, ProtocolVersion v, int scheme, PublicKey key, byte[] signature,
                       String what, byte[]... parts) throws TlsAlertException {
        boolean ok;
        try {
            Signature s = signature(p, v, scheme, key.getAlgorithm());
            s.initVerify(key);
            feed(p, v, s, key.getAlgorithm(), parts);
            ok = s.verify(signature);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            ok = false;
        }
        if (!ok) {
            throw new TlsAlertException(AlertDescription.DECRYPT_ERROR, what + " signature does not verify");
        }
    }

    private static Signature signature(ProviderSet p, ProtocolVersion v, int scheme, String keyAlgorithm)
            throws TlsAlertException {
        if (v == ProtocolVersion.TLS12) {
            if ((scheme & 0xff) != signatureByte(keyAlgorithm)) {
                throw new TlsAlertException(AlertDescription.ILLEGAL_PARAMETER, String.format(
                        "signature algorithm 0x%04x does not match the %s key", scheme, keyAlgorithm));
            }
            return p.signature(jcaName(scheme));
        }
        switch (keyAlgorithm) {
            case "RSA": return p.signature("NONEwithRSA");
            case "DSA": return p.signature("NONEwithDSA"); // over SHA-1(data): SHA1withDSA refuses 2048-bit keys
            case "EC": return p.signature("SHA1withECDSA");
            default: throw new TlsAlertException(AlertDescription.UNSUPPORTED_CERTIFICATE, "key type " + keyAlgorithm);
        }
    }

    /**
     * TLS 1.0/1.1 RSA signs MD5(data) ‖ SHA-1(data) raw; DSA signs SHA-1(data) raw (the same
     * signature SHA1withDSA would make, without the JDK's refusal of SHA-1 with 2048-bit keys);
     * everything else feeds the data itself.
     */
    private static void feed(ProviderSet p, ProtocolVersion v, Signature s, String keyAlgorithm, byte[][] parts)
            throws GeneralSecurityException {
        if (v != ProtocolVersion.TLS12 && keyAlgorithm.equals("DSA")) {
            MessageDigest sha1 = p.messageDigest(HashAlgorithm.SHA1);
            for (byte[] part : parts) {
                sha1.update(part);
            }
            s.update(sha1.digest());
            return;
        }
        if (v != ProtocolVersion.TLS12 && keyAlgorithm.equals("RSA")) {
            MessageDigest md5 = p.messageDigest(HashAlgorithm.MD5);
            MessageDigest sha1 = p.messageDigest(HashAlgorithm.SHA1);
            for (byte[] part : parts) {
                md5.update(part);
                sha1.update(part);
            }
            s.update(md5.digest());
            s.update(sha1.digest());
            return;
        }
        for (byte[] part : parts) {
            s.update(part);
        }
    }
}
