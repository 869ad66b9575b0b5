package io.tlsbench.handshake.message;

import io.tlsbench.alert.TlsAlertException;
import io.tlsbench.suite.ProtocolVersion;

/**
 * CertificateVerify (RFC 5246 §7.4.8): the client's signature over the handshake so far. scheme
 * is the TLS 1.2 SignatureAndHashAlgorithm; earlier versions have no such field (0).
 */
public record CertificateVerify(int scheme, byte[] signature) implements HandshakeMessage {

    public static CertificateVerify decode(Reader r, ProtocolVersion version) throws TlsAlertException {
        int scheme = version == ProtocolVersion.TLS12 ? r.u16("signature algorithm") : 0;
        byte[] signature = r.vector16("signature");
        r.end();
        return new CertificateVerify(scheme, signature);
    }

    @Override
    public HandshakeType type() {
        return HandshakeType.CERTIFICATE_VERIFY;
    }

    @Override
    public void encode(Writer w, ProtocolVersion version) {
        if (version == ProtocolVersion.TLS12) {
            w.u16(scheme);
        }
        w.vector16(signature);
    }
}
