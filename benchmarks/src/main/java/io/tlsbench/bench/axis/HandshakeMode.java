package io.tlsbench.bench.axis;

/** A full handshake, an abbreviated one resuming a session (RFC 5246 §7.3), or a full one with client authentication. */
public enum HandshakeMode implements Labelled {
    FULL("full"), RESUMED("resumed"), CLIENT_AUTH("clientauth");

    private final String label;

    HandshakeMode(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return label;
    }
}
