package io.tlsbench.bench;

import io.tlsbench.bench.axis.CeilingCipher;
import io.tlsbench.provider.ProviderId;
import io.tlsbench.provider.Providers;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A provider's bulk Cipher alone, with no record layer around it: the ceiling a record figure
 * can be held against (with {@link MacCeiling}: a MAC-then-encrypt record cannot beat
 * 1 / (1/cipher + 1/mac)). Plain code with no JMH dependency.
 *
 * <p>CBC and RC4 are initialised once and driven with update() over {@code size} bytes, as the
 * record layer drives them (the CBC chain and RC4 key stream run on). AES-GCM is one message per
 * call: init with a fresh 12-byte nonce (a new GCMParameterSpec, as the record layer makes one
 * per record), 13 bytes of AAD, doFinal. Decrypt: CBC and RC4 decrypt {@code size} bytes with
 * update(); GCM re-initialises with one fixed nonce and authenticates and decrypts the same
 * message each call (reusing a nonce is allowed for decryption). CBC decryption can run blocks in
 * parallel, encryption cannot, so the two directions differ and a record's open compares with
 * decrypt, its seal with encrypt.
 */
public final class CipherCeiling {

    private static final int TAG_BITS = 128;

    private final CeilingCipher cipher;
    private final int size;
    private final SecretKeySpec key;
    private final Cipher encryptor;
    private final Cipher decryptor;
    private final byte[] in;
    private final byte[] out;
    private final byte[] aad = new byte[13];
    private final byte[] nonce = new byte[12];
    private final byte[] sealedMessage;
    private final GCMParameterSpec fixedNonce;
    private long counter;

    public CipherCeiling(ProviderId id, CeilingCipher cipher, int size) {
        this.cipher = cipher;
        String why = unsupported(id, cipher);
        if (why != null) {
            throw new IllegalArgumentException(why);
        }
        if (cipher.ivLength > 0 && !cipher.gcm() && size % cipher.ivLength != 0) {
            throw new IllegalArgumentException(cipher + " takes whole blocks; " + size + " is not a multiple of " + cipher.ivLength);
        }
        this.size = size;
        Random r = new Random(size);
        byte[] k = new byte[cipher.keyLength()];
        r.nextBytes(k);
        key = new SecretKeySpec(k, cipher.keyAlgorithm());
        in = new byte[size];
        r.nextBytes(in);
        r.nextBytes(aad);
        out = new byte[size + 32];
        byte[] iv = new byte[Math.max(cipher.ivLength, 1)];
        r.nextBytes(iv);
        encryptor = (Cipher) Providers.require(id).instance(cipher.primitive);
        decryptor = (Cipher) Providers.require(id).instance(cipher.primitive);
        try {
            if (cipher.gcm()) {
                r.nextBytes(nonce);
                fixedNonce = new GCMParameterSpec(TAG_BITS, nonce.clone());
                decryptor.init(Cipher.ENCRYPT_MODE, key, fixedNonce);
                decryptor.updateAAD(aad);
                sealedMessage = decryptor.doFinal(in);
            } else {
                fixedNonce = null;
                sealedMessage = in;
                if (cipher.ivLength == 0) {
                    encryptor.init(Cipher.ENCRYPT_MODE, key);
                    decryptor.init(Cipher.DECRYPT_MODE, key);
                } else {
                    encryptor.init(Cipher.ENCRYPT_MODE, key, new IvParameterSpec(iv));
                    decryptor.init(Cipher.DECRYPT_MODE, key, new IvParameterSpec(iv));
                }
            }
            encrypt();
            decrypt();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(cipher + " from " + id + ": " + e, e);
        }
    }

    /** Null when the provider offers the cipher; otherwise why not. */
    public static String unsupported(ProviderId id, CeilingCipher cipher) {
        return Providers.get(id).probe(cipher.primitive);
    }

    /** The ceiling ciphers a provider offers, in the axis's order. */
    public static List<CeilingCipher> supported(ProviderId id) {
        List<CeilingCipher> out = new ArrayList<>();
        for (CeilingCipher c : CeilingCipher.values()) {
            if (unsupported(id, c) == null) {
                out.add(c);
            }
        }
        return out;
    }

    /** Encrypts {@code size} bytes; returns the bytes written. */
    public int encrypt() throws GeneralSecurityException {
        if (cipher.gcm()) {
            long c = ++counter;
            for (int i = 0; i < 8; i++) {
                nonce[4 + i] = (byte) (c >>> (56 - 8 * i));
            }
            encryptor.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            encryptor.updateAAD(aad);
            return encryptor.doFinal(in, 0, size, out, 0);
        }
        return encryptor.update(in, 0, size, out, 0);
    }

    /** Decrypts {@code size} bytes (GCM: and checks the tag); returns the bytes written. */
    public int decrypt() throws GeneralSecurityException {
        if (cipher.gcm()) {
            decryptor.init(Cipher.DECRYPT_MODE, key, fixedNonce);
            decryptor.updateAAD(aad);
            return decryptor.doFinal(sealedMessage, 0, sealedMessage.length, out, 0);
        }
        return decryptor.update(sealedMessage, 0, size, out, 0);
    }

    /** The input, and (after decrypt) what decrypt produced, for tests. */
    byte[] input() {
        return in.clone();
    }

    byte[] output(int n) {
        return java.util.Arrays.copyOf(out, n);
    }
}
