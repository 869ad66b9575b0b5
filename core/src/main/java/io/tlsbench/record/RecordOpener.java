package io.tlsbench.record;

import io.tlsbench.alert.AlertDescription;
import io.tlsbench.alert.TlsAlertException;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import javax.crypto.Cipher;

/**
 * The opening half of one direction's record protection (RFC 5246 §6.2.3): checks and decrypts
 * the peer's records with the peer's write keys. It cannot seal. Any failure of the protection
 * itself is the one bad_record_mac alert, however it failed.
 */
public abstract sealed class RecordOpener extends RecordHalf permits CbcOpener, StreamOpener, GcmOpener {

    RecordOpener(RecordSpec spec) {
        super(spec, Cipher.DECRYPT_MODE);
    }

    /**
     * The opening half for the spec's suite and version with the writer's keys (the peer's: a
     * client opens with SERVER). A suite whose primitives the provider lacks is an error naming both.
     */
    public static RecordOpener create(RecordSpec spec) {
        switch (spec.checked().suite.cipher.kind) {
            case BLOCK: return new CbcOpener(spec);
            case STREAM: return new StreamOpener(spec);
            case AEAD: return new GcmOpener(spec);
            default: throw new AssertionError(spec.suite.cipher.kind);
        }
    }

    /**
     * Opens the one record at record's position (header included) and writes its plaintext at
     * out's position; record advances past it. Returns the content type.
     */
    public final int open(ByteBuffer record, ByteBuffer out) throws TlsAlertException {
        checkOpen();
        if (record == null || out == null) {
            throw new TlsAlertException(AlertDescription.INTERNAL_ERROR, "record and output buffers are required");
        }
        int length = RecordHeader.check(record, wireVersion);
        int start = record.position();
        int type = RecordHeader.type(record, start);
        int limit = record.limit();
        int end = start + RecordHeader.LENGTH + length;
        try {
            long seq = sequence.take();
            reserve(length + SLACK);
            record.limit(end).position(start + RecordHeader.LENGTH);
            ByteBuffer fragment = record;
            if (preferHeap && record.isDirect()) {
                fragment = staging(length + SLACK);
                fragment.put(record);
                fragment.flip();
            }
            openFragment(type, seq, fragment, out);
            return type;
        } catch (GeneralSecurityException | RuntimeException e) {
            throw internalError("opening", e);
        } finally {
            record.limit(limit).position(end);
        }
    }

    /** Verifies and decrypts the fragment (position to limit) and writes the plaintext to out. */
    abstract void openFragment(int type, long seq, ByteBuffer fragment, ByteBuffer out)
            throws GeneralSecurityException, TlsAlertException;

    /** Copies work[from, from + n) to out, which must have room. */
    final void deliver(int from, int n, ByteBuffer out) throws TlsAlertException {
        if (n > RecordHeader.MAX_PLAINTEXT) {
            throw new TlsAlertException(AlertDescription.RECORD_OVERFLOW, "plaintext of " + n + " bytes exceeds 2^14");
        }
        if (out.remaining() < n) {
            throw new TlsAlertException(AlertDescription.INTERNAL_ERROR, "output buffer has " + out.remaining()
                    + " bytes; the plaintext is " + n);
        }
        work.limit(from + n).position(from);
        out.put(work);
    }

    static TlsAlertException badRecordMac() {
        return new TlsAlertException(AlertDescription.BAD_RECORD_MAC, "record failed authentication");
    }
}
