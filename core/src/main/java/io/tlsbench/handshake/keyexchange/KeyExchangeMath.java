package io.tlsbench.handshake.keyexchange;

import io.tlsbench.alert.AlertDescription;
import io.tlsbench.alert.TlsAlertException;
import io.tlsbench.provider.ProviderSet;
import io.tlsbench.suite.NamedGroup;
import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECFieldFp;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.NamedParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import javax.crypto.interfaces.DHPublicKey;
import javax.crypto.spec.DHParameterSpec;
import javax.crypto.spec.DHPublicKeySpec;

/**
 * The ephemeral key exchanges' encodings and agreements over a provider: ECDHE on secp256r1 and
 * secp384r1 (uncompressed points, RFC 4492 §5.4), X25519 (32-byte little-endian u, RFC 7748 via
 * RFC 8422), and finite-field DHE (ffdhe2048 from RFC 7919 by default). Peer values are checked
 * here, whatever the provider checks: an off-curve point or out-of-range Y is illegal_parameter.
 */
public final class KeyExchangeMath {

    /** RFC 7919 Appendix A.1 ffdhe2048, generator 2. */
    public static final BigInteger FFDHE2048_P = new BigInteger(
            "FFFFFFFFFFFFFFFFADF85458A2BB4A9AAFDC5620273D3CF1D8B9C583CE2D3695"
            + "A9E13641146433FBCC939DCE249B3EF97D2FE363630C75D8F681B202AEC4617A"
            + "D3DF1ED5D5FD65612433F51F5F066ED0856365553DED1AF3B557135E7F57C935"
            + "984F0C70E0E68B77E2A689DAF3EFE8721DF158A136ADE73530ACCA4F483A797A"
            + "BC0AB182B324FB61D108A94BB2C8E3FBB96ADAB760D7F4681D4F42A3DE394DF4"
            + "AE56EDE76372BB190B07A7C8EE0A6D709E02FCE1CDF7E2ECC03404CD28342F61"
            + "9172FE9CE98583FF8E4F1232EEF28183C3FE3B1B4C6FAD733BB5FCBC2EC22005"
            + "C58EF1837D1683B2C6F34A26C1B2EFFA886B423861285C97FFFFFFFFFFFFFFFF", 16);
    public static final BigInteger FFDHE_G = BigInteger.TWO;

    /** DER SubjectPublicKeyInfo prefix of an X25519 key (RFC 8410): the 32 raw bytes follow. */
    private static final byte[] X25519_SPKI_PREFIX = {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x6e, 0x03, 0x21, 0x00};

    private KeyExchangeMath() {
    }

    static String curveName(int group) {
        switch (group) {
            case NamedGroup.SECP256R1: return "secp256r1";
            case NamedGroup.SECP384R1: return "secp384r1";
            case NamedGroup.X25519: return "x25519";
            default: return null;
        }
    }

    public static boolean supported(int group) {
        return curveName(group) != null;
    }

    // ---- ECDHE / X25519

    static KeyPair generate(ProviderSet p, int group, SecureRandom random) throws GeneralSecurityException {
        if (group == NamedGroup.X25519) {
            KeyPairGenerator g = p.keyPairGenerator(xdhName(p));
            g.initialize(NamedParameterSpec.X25519, random);
            return g.generateKeyPair();
        }
        KeyPairGenerator g = p.keyPairGenerator("EC");
        g.initialize(new ECGenParameterSpec(curveName(group)), random);
        return g.generateKeyPair();
    }

    private static String xdhName(ProviderSet p) {
        try {
            p.keyPairGenerator("XDH");
            return "XDH";
        } catch (IllegalArgumentException e) {
            return "X25519";
        }
    }

    /** The public value as sent: an uncompressed point, or X25519's 32 bytes. */
    static byte[] encode(int group, PublicKey key) {
        if (group == NamedGroup.X25519) {
            byte[] spki = key.getEncoded();
            return Arrays.copyOfRange(spki, spki.length - 32, spki.length);
        }
        ECPublicKey ec = (ECPublicKey) key;
        int size = fieldSize(ec.getParams());
        byte[] out = new byte[1 + 2 * size];
        out[0] = 4;
        unsigned(ec.getW().getAffineX(), out, 1, size);
        unsigned(ec.getW().getAffineY(), out, 1 + size, size);
        return out;
    }

    /** Decodes and validates the peer's public value. */
    static PublicKey decode(ProviderSet p, int group, byte[] value) throws TlsAlertException {
        try {
            if (group == NamedGroup.X25519) {
                if (value.length != 32) {
                    throw illegal("X25519 public value of " + value.length + " bytes");
                }
                byte[] spki = Arrays.copyOf(X25519_SPKI_PREFIX, X25519_SPKI_PREFIX.length + 32);
                System.arraycopy(value, 0, spki, X25519_SPKI_PREFIX.length, 32);
                return p.keyFactory(xdhName(p)).generatePublic(new X509EncodedKeySpec(spki));
            }
            ECParameterSpec params = ecParams(curveName(group));
            int size = fieldSize(params);
            if (value.length != 1 + 2 * size || value[0] != 4) {
                throw illegal("EC point is not an uncompressed " + curveName(group) + " point");
            }
            BigInteger x = new BigInteger(1, Arrays.copyOfRange(value, 1, 1 + size));
            BigInteger y = new BigInteger(1, Arrays.copyOfRange(value, 1 + size, value.length));
            checkOnCurve(params, x, y);
            return p.keyFactory("EC").generatePublic(new ECPublicKeySpec(new ECPoint(x, y), params));
        } catch (GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
            throw illegal("peer public value rejected: " + e.getMessage());
        }
    }

    static ECParameterSpec ecParams(String curve) throws GeneralSecurityException {
        AlgorithmParameters ap = AlgorithmParameters.getInstance("EC");
        ap.init(new ECGenParameterSpec(curve));
        return ap.getParameterSpec(ECParameterSpec.class);
    }

    /** y² = x³ + ax + b (mod p), coordinates in [0, p): otherwise the point is not the curve's. */
    private static void checkOnCurve(ECParameterSpec params, BigInteger x, BigInteger y) throws TlsAlertException {
        BigInteger prime = ((ECFieldFp) params.getCurve().getField()).getP();
        if (x.compareTo(prime) >= 0 || y.compareTo(prime) >= 0) {
            throw illegal("EC point coordinate out of range");
        }
        BigInteger lhs = y.multiply(y).mod(prime);
        BigInteger rhs = x.pow(3).add(params.getCurve().getA().multiply(x)).add(params.getCurve().getB()).mod(prime);
        if (!lhs.equals(rhs)) {
            throw illegal("EC point is not on " + params.getCurve());
        }
    }

    static byte[] agree(ProviderSet p, int group, PrivateKey own, PublicKey peer) throws TlsAlertException {
        try {
            javax.crypto.KeyAgreement ka = p.keyAgreement(group == NamedGroup.X25519 ? xdhName(p) : "ECDH");
            ka.init(own);
            ka.doPhase(peer, true);
            byte[] secret = ka.generateSecret();
            if (group == NamedGroup.X25519 && isZero(secret)) {
                throw illegal("X25519 shared secret is zero (small-order peer value)"); // RFC 8422 §5.11
            }
            return secret;
        } catch (GeneralSecurityException | IllegalStateException e) {
            throw illegal("key agreement failed: " + e.getMessage());
        }
    }

    // ---- DHE

    static KeyPair generateDh(ProviderSet p, BigInteger prime, BigInteger g, SecureRandom random)
            throws GeneralSecurityException {
        KeyPairGenerator gen = p.keyPairGenerator("DH");
        gen.initialize(new DHParameterSpec(prime, g), random);
        return gen.generateKeyPair();
    }

    static BigInteger dhY(PublicKey key) {
        return ((DHPublicKey) key).getY();
    }

    /** Validates 1 < Y < p − 1 and agrees; the pre-master drops leading zero bytes (RFC 5246 §8.1.2). */
    static byte[] agreeDh(ProviderSet p, PrivateKey own, BigInteger prime, BigInteger g, BigInteger peerY)
            throws TlsAlertException {
        if (peerY.compareTo(BigInteger.ONE) <= 0 || peerY.compareTo(prime.subtract(BigInteger.ONE)) >= 0) {
            throw illegal("DH public value out of range");
        }
        try {
            PublicKey peer = p.keyFactory("DH").generatePublic(new DHPublicKeySpec(peerY, prime, g));
            javax.crypto.KeyAgreement ka = p.keyAgreement("DH");
            ka.init(own);
            ka.doPhase(peer, true);
            byte[] s = ka.generateSecret();
            int z = 0;
            while (z < s.length - 1 && s[z] == 0) {
                z++;
            }
            if (z == 0) {
                return s;
            }
            byte[] stripped = Arrays.copyOfRange(s, z, s.length);
            Arrays.fill(s, (byte) 0); // the unstripped secret must not outlive the copy
            return stripped;
        } catch (GeneralSecurityException | IllegalStateException e) {
            throw illegal("DH agreement failed: " + e.getMessage());
        }
    }

    // ---- helpers

    /** The magnitude without a sign byte, as TLS sends a DH value. */
    public static byte[] unsigned(BigInteger v) {
        byte[] b = v.toByteArray();
        return b[0] == 0 && b.length > 1 ? Arrays.copyOfRange(b, 1, b.length) : b;
    }

    private static void unsigned(BigInteger v, byte[] out, int off, int size) {
        byte[] b = unsigned(v);
        System.arraycopy(b, 0, out, off + size - b.length, b.length);
    }

    private static int fieldSize(ECParameterSpec params) {
        return (params.getCurve().getField().getFieldSize() + 7) / 8;
    }

    private static boolean isZero(byte[] b) {
        int acc = 0;
        for (byte x : b) {
            acc |= x;
        }
        return acc == 0;
    }

    private static TlsAlertException illegal(String message) {
        return new TlsAlertException(AlertDescription.ILLEGAL_PARAMETER, message);
    }
}
