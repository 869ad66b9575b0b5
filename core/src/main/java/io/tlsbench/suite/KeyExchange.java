package io.tlsbench.suite;

/** How the pre-master secret is established, and what signs the server's key exchange. */
public enum KeyExchange {
    RSA(false, "RSA"),
    DHE_RSA(true, "RSA"),
    DHE_DSS(true, "DSA"),
    ECDHE_RSA(true, "RSA"),
    ECDHE_ECDSA(true, "EC");

    /** Whether the server sends a ServerKeyExchange with an ephemeral key (forward secrecy). */
    public final boolean ephemeral;
    /** JCA key algorithm of the server certificate's key. */
    public final String certificateKeyAlgorithm;

    KeyExchange(boolean ephemeral, String certificateKeyAlgorithm) {
        this.ephemeral = ephemeral;
        this.certificateKeyAlgorithm = certificateKeyAlgorithm;
    }

    public boolean elliptic() {
        return this == ECDHE_RSA || this == ECDHE_ECDSA;
    }
}
