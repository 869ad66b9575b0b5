package io.tlsbench.handshake.message;

import io.tlsbench.alert.TlsAlertException;

/**
 * A known extension type: its code and how its body decodes. {@link Extensions#get} takes one and
 * returns the typed extension, decoding only the bodies a state machine asks for.
 */
public record ExtensionType<T extends HelloExtension>(int code, Decoder<T> decoder) {

    /** Decodes an extension_data; a malformed one is answered with its alert. */
    @FunctionalInterface
    public interface Decoder<T> {
        T decode(byte[] body) throws TlsAlertException;
    }
}
