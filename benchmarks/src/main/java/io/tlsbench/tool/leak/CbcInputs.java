package io.tlsbench.tool.leak;

import io.tlsbench.kdf.SessionKeys;
import io.tlsbench.record.ContentType;
import io.tlsbench.suite.CipherKind;
import io.tlsbench.suite.CipherSuite;
import io.tlsbench.suite.ProtocolVersion;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The input classes of the leak check and the records that carry them: TLS 1.2 CBC records of
 * one fixed length (so only the class differs), each class at several padding lengths.
 *
 * <ul>
 * <li>{@link Kind#VALID}: random data ‖ its MAC ‖ p + 1 bytes of value p.</li>
 * <li>{@link Kind#BAD_PADDING}: as valid, with one of the p padding bytes before the length byte
 *     (chosen at random) changed. At p = 0 there is no such byte; there the length byte says 1
 *     and the byte before it (the MAC's last) is not 1.</li>
 * <li>{@link Kind#BAD_MAC}: as valid, with one MAC byte (chosen at random) changed.</li>
 * </ul>
 *
 * <p>Records are built by hand with the JDK's own HMAC and AES (SunJCE), not with tlsbench's
 * sealer, which only ever writes minimal, valid padding. Each record's MAC is over the sequence
 * number it will be opened at. The encrypting Cipher is initialised once and driven with
 * update(), the way {@code CbcSealer} seals: each record is a random block R ‖ body
 * encrypted under the running CBC state, and R's ciphertext is the record's explicit IV.
 */
public final class CbcInputs {

    /** What is wrong with a record. */
    public enum Kind {
        VALID("valid"), BAD_PADDING("bad padding"), BAD_MAC("bad MAC");

        public final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    /** One input class: a kind at a padding length. */
    public record InputClass(Kind kind, int padding) {
        public String label() {
            return kind.label + ", pad " + padding;
        }
    }

    /** The padding lengths measured unless told otherwise. */
    public static final List<Integer> DEFAULT_PADDINGS = List.of(0, 1, 15, 255);

    private final CipherSuite suite;
    private final ProtocolVersion version = ProtocolVersion.TLS12;
    private final List<InputClass> classes = new ArrayList<>();
    private final int block;
    private final int macLength;
    /** Decrypted body length: data ‖ MAC ‖ padding ‖ padding length, the same for every record. */
    private final int body;
    private final Mac mac;
    private final Cipher cipher;
    private final byte[] plain;
    private final byte[] header = new byte[13];

    public CbcInputs(CipherSuite suite, SessionKeys keys, List<Integer> paddings) {
        if (suite.cipher.kind != CipherKind.BLOCK) {
            throw new IllegalArgumentException("leakcheck tests CBC record open; " + suite + " is not a CBC suite");
        }
        suite.checkVersion(version);
        this.suite = suite;
        this.block = suite.cipher.blockLength;
        this.macLength = suite.mac.length();
        int maxPad = 0;
        for (int p : paddings) {
            if (p < 0 || p > 255) {
                throw new IllegalArgumentException("padding length " + p + " is outside 0..255");
            }
            maxPad = Math.max(maxPad, p);
            for (Kind k : Kind.values()) {
                classes.add(new InputClass(k, p));
            }
        }
        // At least 16 bytes of data at the longest padding, whole blocks.
        int least = 16 + macLength + maxPad + 1;
        this.body = (least + block - 1) / block * block;
        this.plain = new byte[block + body];
        try {
            String hmac = suite.mac.hash.hmacName;
            mac = Mac.getInstance(hmac, "SunJCE");
            mac.init(new SecretKeySpec(keys.clientMacKey, hmac));
            cipher = Cipher.getInstance(suite.cipher.transformation, "SunJCE");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(keys.clientWriteKey, suite.cipher.keyAlgorithm),
                    new IvParameterSpec(new byte[block]));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SunJCE cannot build " + suite + " records: " + e, e);
        }
    }

    public CipherSuite suite() {
        return suite;
    }

    public ProtocolVersion version() {
        return version;
    }

    public List<InputClass> classes() {
        return List.copyOf(classes);
    }

    /** Bytes of every record, header included. */
    public int recordLength() {
        return 5 + block + body;
    }

    /** Plaintext bytes of a valid record at this padding (the opener's output buffer needs room for the longest). */
    public int dataLength(int padding) {
        return body - macLength - 1 - padding;
    }

    /** Appends one record of class c, to be opened at sequence number seq, at out's position (a heap buffer). */
    public void write(int c, long seq, SplittableRandom random, ByteBuffer out) throws GeneralSecurityException {
        InputClass ic = classes.get(c);
        int p = ic.padding();
        int data = dataLength(p);
        random.nextBytes(plain);
        for (int i = 7; i >= 0; i--) {
            header[i] = (byte) (seq >>> (8 * (7 - i)));
        }
        header[8] = (byte) ContentType.APPLICATION_DATA;
        header[9] = (byte) (version.wire() >>> 8);
        header[10] = (byte) version.wire();
        header[11] = (byte) (data >>> 8);
        header[12] = (byte) data;
        mac.update(header);
        mac.update(plain, block, data);
        mac.doFinal(plain, block + data);
        int padAt = block + data + macLength;
        for (int i = padAt; i < plain.length; i++) {
            plain[i] = (byte) p;
        }
        int flip = 1 + random.nextInt(255);
        switch (ic.kind()) {
            case VALID:
                break;
            case BAD_MAC:
                plain[block + data + random.nextInt(macLength)] ^= (byte) flip;
                break;
            case BAD_PADDING:
                if (p > 0) {
                    plain[padAt + random.nextInt(p)] ^= (byte) flip;
                } else {
                    plain[plain.length - 1] = 1;
                    if (plain[plain.length - 2] == 1) {
                        plain[plain.length - 2] = 2;
                    }
                }
                break;
            default:
                throw new AssertionError(ic.kind());
        }
        int at = out.position();
        int fragment = block + body;
        out.put((byte) ContentType.APPLICATION_DATA).put((byte) (version.wire() >>> 8)).put((byte) version.wire())
                .put((byte) (fragment >>> 8)).put((byte) fragment);
        int written = cipher.update(plain, 0, plain.length, out.array(), out.arrayOffset() + at + 5);
        if (written != fragment) {
            throw new IllegalStateException("CBC wrote " + written + " bytes, expected " + fragment);
        }
        out.position(at + 5 + fragment);
    }
}
