package io.tlsbench.handshake;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * A private key and its certificate chain (leaf first). The key's algorithm — RSA, EC or DSA —
 * decides which key exchanges it can serve and which signatures it makes.
 */
public record Credential(PrivateKey privateKey, List<X509Certificate> chain) {
    public Credential {
        if (privateKey == null || chain == null || chain.isEmpty()) {
            throw new IllegalArgumentException("a credential needs a private key and at least one certificate");
        }
        chain = List.copyOf(chain);
    }

    /** JCA key algorithm: RSA, EC or DSA. */
    public String keyAlgorithm() {
        return privateKey.getAlgorithm();
    }

    public X509Certificate leaf() {
        return chain.get(0);
    }
}
