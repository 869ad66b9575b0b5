package io.tlsbench.handshake.message;

import io.tlsbench.alert.AlertDescription;
import io.tlsbench.alert.TlsAlertException;

/** extended_master_secret (RFC 7627 §5.1): an empty extension that asks for the session hash in the master secret. */
public record ExtendedMasterSecret() implements HelloExtension {

    public static final ExtensionType<ExtendedMasterSecret> TYPE = new ExtensionType<>(23, ExtendedMasterSecret::decode);
    public static final ExtendedMasterSecret INSTANCE = new ExtendedMasterSecret();

    public static ExtendedMasterSecret decode(byte[] body) throws TlsAlertException {
        if (body.length != 0) {
            throw new TlsAlertException(AlertDescription.DECODE_ERROR, "extended_master_secret is not empty");
        }
        return INSTANCE;
    }

    @Override
    public int type() {
        return TYPE.code();
    }

    @Override
    public void encodeBody(Writer w) {
        // extension_data is empty
    }
}
