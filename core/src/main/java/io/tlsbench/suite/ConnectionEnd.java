package io.tlsbench.suite;

/** RFC 5246 §6.1 ConnectionEnd: which side of the connection a secret or message belongs to. */
public enum ConnectionEnd {
    CLIENT, SERVER;

    public ConnectionEnd peer() {
        return this == CLIENT ? SERVER : CLIENT;
    }
}
