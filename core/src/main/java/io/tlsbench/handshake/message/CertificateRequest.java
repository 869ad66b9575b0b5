package io.tlsbench.handshake.message;

import io.tlsbench.alert.AlertDescription;
import io.tlsbench.alert.TlsAlertException;
import io.tlsbench.suite.ProtocolVersion;
import java.util.List;

/**
 * CertificateRequest (RFC 5246 §7.4.4): the certificate types and, in TLS 1.2, the signature
 * schemes the server accepts (none before), and the authorities it names (kept raw).
 */
public record CertificateRequest(byte[] certificateTypes, List<Integer> signatureSchemes,
                                 byte[] certificateAuthorities) implements HandshakeMessage {

    /** ClientCertificateType values (RFC 5246 §7.4.4, RFC 8422 §5.5). */
    public static final byte RSA_SIGN = 1;
    public static final byte ECDSA_SIGN = 64;

    public CertificateRequest {
        signatureSchemes = List.copyOf(signatureSchemes);
    }

    public static CertificateRequest decode(Reader r, ProtocolVersion version) throws TlsAlertException {
        byte[] types = r.vector8("certificate_types");
        if (types.length == 0) {
            throw new TlsAlertException(AlertDescription.DECODE_ERROR, "empty certificate_types");
        }
        // supported_signature_algorithms<2..2^16-2>
        List<Integer> schemes = version == ProtocolVersion.TLS12
                ? r.u16List("supported_signature_algorithms", 2) : List.of();
        byte[] authorities = r.vector16("certificate_authorities");
        r.end();
        return new CertificateRequest(types, schemes, authorities);
    }

    @Override
    public HandshakeType type() {
        return HandshakeType.CERTIFICATE_REQUEST;
    }

    @Override
    public void encode(Writer w, ProtocolVersion version) {
        w.vector8(certificateTypes);
        if (version == ProtocolVersion.TLS12) {
            U16s.encode(w, signatureSchemes);
        }
        w.vector16(certificateAuthorities);
    }
}
