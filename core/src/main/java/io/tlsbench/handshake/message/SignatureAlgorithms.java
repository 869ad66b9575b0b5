package io.tlsbench.handshake.message;

import io.tlsbench.alert.TlsAlertException;
import java.util.List;

/** signature_algorithms (RFC 5246 §7.4.1.4.1): the SignatureAndHashAlgorithm pairs the client accepts, preferred first. */
public record SignatureAlgorithms(List<Integer> schemes) implements HelloExtension {

    public static final ExtensionType<SignatureAlgorithms> TYPE = new ExtensionType<>(13, SignatureAlgorithms::decode);

    public SignatureAlgorithms {
        schemes = List.copyOf(schemes);
    }

    public static SignatureAlgorithms decode(byte[] body) throws TlsAlertException {
        return new SignatureAlgorithms(U16s.decodeBody(body, "signature_algorithms", "supported_signature_algorithms"));
    }

    @Override
    public int type() {
        return TYPE.code();
    }

    @Override
    public void encodeBody(Writer w) {
        U16s.encode(w, schemes);
    }
}
