package io.tlsbench.handshake.message;

/** An extension as received (type and body), or one this engine does not know. */
public record RawExtension(int type, byte[] body) implements HelloExtension {

    @Override
    public void encodeBody(Writer w) {
        w.bytes(body);
    }
}
