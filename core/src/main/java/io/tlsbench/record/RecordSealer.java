package io.tlsbench.record;

import io.tlsbench.alert.AlertDescription;
import io.tlsbench.alert.TlsAlertException;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import javax.crypto.Cipher;

/**
 * The sealing half of one direction's record protection (RFC 5246 §6.2.3): protects our records
 * with our write keys. It cannot open; its peer is the other side's {@link RecordOpener}.
 */
public abstract sealed class RecordSealer extends RecordHalf permits CbcSealer, StreamSealer, GcmSealer {

    RecordSealer(RecordSpec spec) {
        super(spec, Cipher.ENCRYPT_MODE);
    }

    /**
     * The sealing half for the spec's suite and version with the writer's keys. A suite whose
     * primitives the provider lacks is an error naming both.
     */
    public static RecordSealer create(RecordSpec spec) {
        switch (spec.checked().suite.cipher.kind) {
            case BLOCK: return new CbcSealer(spec);
            case STREAM: return new StreamSealer(spec);
            case AEAD: return new GcmSealer(spec);
            default: throw new AssertionError(spec.suite.cipher.kind);
        }
    }

    /** Bytes a sealed record of this many plaintext bytes takes on the wire, header included. */
    public final int sealedLength(int plaintextLength) {
        return RecordHeader.LENGTH + fragmentLength(plaintextLength);
    }

    abstract int fragmentLength(int plaintextLength);

    /**
     * Seals plaintext (position to limit, at most 2^14 bytes) into one record written at out's
     * position; both buffers advance. Returns the record's length.
     */
    public final int seal(int type, ByteBuffer plaintext, ByteBuffer out) throws TlsAlertException {
        checkOpen();
        if (plaintext == null || out == null) {
            throw new TlsAlertException(AlertDescription.INTERNAL_ERROR, "plaintext and output buffers are required");
        }
        if (!ContentType.known(type)) {
            throw new TlsAlertException(AlertDescription.INTERNAL_ERROR, "unknown content type " + type);
        }
        int n = plaintext.remaining();
        if (n > RecordHeader.MAX_PLAINTEXT) {
            throw new TlsAlertException(AlertDescription.RECORD_OVERFLOW, "plaintext of " + n + " bytes exceeds 2^14");
        }
        int fragment = fragmentLength(n);
        if (out.remaining() < RecordHeader.LENGTH + fragment) {
            throw new TlsAlertException(AlertDescription.INTERNAL_ERROR, "output buffer has " + out.remaining()
                    + " bytes; the record needs " + (RecordHeader.LENGTH + fragment));
        }
        try {
            long seq = sequence.take();
            reserve(RecordHeader.LENGTH + fragment + SLACK);
            int start = out.position();
            out.position(start + RecordHeader.LENGTH);
            if (preferHeap && out.isDirect()) {
                ByteBuffer stage = staging(RecordHeader.LENGTH + fragment + SLACK);
                sealFragment(type, seq, plaintext, stage, n);
                stage.flip();
                out.put(stage);
            } else {
                sealFragment(type, seq, plaintext, out, n);
            }
            // The header goes in last: out may share memory with the plaintext (sealing in place).
            RecordHeader.write(out, start, type, wireVersion, fragment);
            if (out.position() != start + RecordHeader.LENGTH + fragment) {
                throw new IllegalStateException("sealed " + (out.position() - start - RecordHeader.LENGTH)
                        + " bytes, expected " + fragment);
            }
            return RecordHeader.LENGTH + fragment;
        } catch (GeneralSecurityException | RuntimeException e) {
            throw internalError("sealing", e);
        }
    }

    /** Writes the protected fragment of n plaintext bytes at target's position; consumes plaintext. */
    abstract void sealFragment(int type, long seq, ByteBuffer plaintext, ByteBuffer target, int n)
            throws GeneralSecurityException, TlsAlertException;
}
