package io.tlsbench.handshake.message;

import io.tlsbench.alert.AlertDescription;
import io.tlsbench.alert.TlsAlertException;

/**
 * renegotiation_info (RFC 5746 §3.2). This engine has only initial handshakes (it refuses
 * renegotiation), where renegotiated_connection is empty; anything else in the body — another
 * value or a malformed one — fails as §3.4 and §3.6 ask: handshake_failure.
 */
public record RenegotiationInfo() implements HelloExtension {

    public static final ExtensionType<RenegotiationInfo> TYPE = new ExtensionType<>(0xff01, RenegotiationInfo::decode);
    /** An initial handshake's: an empty renegotiated_connection. */
    public static final RenegotiationInfo INITIAL = new RenegotiationInfo();

    public static RenegotiationInfo decode(byte[] body) throws TlsAlertException {
        if (body.length != 1 || body[0] != 0) {
            throw new TlsAlertException(AlertDescription.HANDSHAKE_FAILURE, "renegotiation_info is not empty");
        }
        return INITIAL;
    }

    @Override
    public int type() {
        return TYPE.code();
    }

    @Override
    public void encodeBody(Writer w) {
        w.vector8(new byte[0]);
    }
}
