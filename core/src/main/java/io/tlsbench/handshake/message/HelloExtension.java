package io.tlsbench.handshake.message;

/** One hello extension (RFC 5246 §7.4.1.4): its type code and body. */
public interface HelloExtension {

    /** The extension_type code. */
    int type();

    /** Writes the extension_data (without its length). */
    void encodeBody(Writer w);
}
