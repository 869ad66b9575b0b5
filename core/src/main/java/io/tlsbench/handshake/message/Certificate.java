package io.tlsbench.handshake.message;

import io.tlsbench.alert.AlertDescription;
import io.tlsbench.alert.TlsAlertException;
import io.tlsbench.suite.ProtocolVersion;
import java.io.ByteArrayInputStream;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Certificate (RFC 5246 §7.4.2, §7.4.6): a chain, leaf first; a client's may be empty. */
public record Certificate(List<X509Certificate> chain) implements HandshakeMessage {

    public Certificate {
        chain = List.copyOf(chain);
    }

    /** Decodes the list and each certificate in strict DER; one that does not parse is a bad_certificate. */
    public static Certificate decode(Reader r) throws TlsAlertException {
        Reader list = r.sub(r.u24("certificate_list length"), "certificate_list");
        r.end();
        List<X509Certificate> chain = new ArrayList<>();
        try {
            CertificateFactory cf = CertificateFactory.getInstance("X.509");
            while (list.hasRemaining()) {
                chain.add(parse(cf, list.vector24("certificate")));
            }
        } catch (CertificateException e) {
            throw new TlsAlertException(AlertDescription.BAD_CERTIFICATE, "unparseable certificate: " + e.getMessage());
        }
        return new Certificate(chain);
    }

    /** Strict DER: one X.509 certificate, nothing before or after it (CertificateFactory also takes PEM). */
    static X509Certificate parse(CertificateFactory cf, byte[] der) throws CertificateException {
        if (der.length == 0 || der[0] != 0x30) {
            throw new CertificateException("not a DER certificate");
        }
        java.security.cert.Certificate c = cf.generateCertificate(new ByteArrayInputStream(der));
        if (!(c instanceof X509Certificate) || !Arrays.equals(c.getEncoded(), der)) {
            throw new CertificateException("trailing or non-canonical bytes around the certificate");
        }
        return (X509Certificate) c;
    }

    @Override
    public HandshakeType type() {
        return HandshakeType.CERTIFICATE;
    }

    @Override
    public void encode(Writer w, ProtocolVersion negotiated) {
        int list = w.mark(3);
        for (X509Certificate c : chain) {
            try {
                w.vector24(c.getEncoded());
            } catch (CertificateEncodingException e) {
                // A certificate that parsed (a configured credential) encodes; the engine ends this as internal_error.
                throw new IllegalStateException("certificate encoding: " + e.getMessage(), e);
            }
        }
        w.fillLength(list, 3);
    }
}
