package io.tlsbench.suite;

/** Named groups for ECDHE (RFC 8422 §5.1.1, RFC 7748 via RFC 8422): the wire ids this engine knows. */
public final class NamedGroup {
    public static final int SECP256R1 = 23;
    public static final int SECP384R1 = 24;
    public static final int X25519 = 29;

    private NamedGroup() {
    }
}
