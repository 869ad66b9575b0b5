package io.tlsbench.handshake.message;

import io.tlsbench.alert.AlertDescription;
import io.tlsbench.alert.TlsAlertException;
import io.tlsbench.kdf.KeySchedule;
import io.tlsbench.suite.ProtocolVersion;

/** Finished (RFC 5246 §7.4.9; RFC 6101 §5.6.9): verify_data, 12 bytes in TLS, 36 in SSLv3. */
public record Finished(byte[] verifyData) implements HandshakeMessage {

    /** Decodes verify_data of the version's length; any other length is a decode_error. */
    public static Finished decode(Reader r, ProtocolVersion version) throws TlsAlertException {
        int length = version == ProtocolVersion.SSL3 ? KeySchedule.SSL3_VERIFY_DATA_LENGTH
                : KeySchedule.TLS_VERIFY_DATA_LENGTH;
        if (r.remaining() != length) {
            throw new TlsAlertException(AlertDescription.DECODE_ERROR, "Finished of " + r.remaining() + " bytes");
        }
        return new Finished(r.bytes(length, "verify_data"));
    }

    @Override
    public HandshakeType type() {
        return HandshakeType.FINISHED;
    }

    @Override
    public void encode(Writer w, ProtocolVersion version) {
        w.bytes(verifyData);
    }
}
