package io.tlsbench.handshake.message;

/** RFC 5246 §7.4 HandshakeType: the messages this engine knows, by wire code and RFC name. */
public enum HandshakeType {
    HELLO_REQUEST(0, "HelloRequest"),
    CLIENT_HELLO(1, "ClientHello"),
    SERVER_HELLO(2, "ServerHello"),
    CERTIFICATE(11, "Certificate"),
    SERVER_KEY_EXCHANGE(12, "ServerKeyExchange"),
    CERTIFICATE_REQUEST(13, "CertificateRequest"),
    SERVER_HELLO_DONE(14, "ServerHelloDone"),
    CERTIFICATE_VERIFY(15, "CertificateVerify"),
    CLIENT_KEY_EXCHANGE(16, "ClientKeyExchange"),
    FINISHED(20, "Finished");

    private static final HandshakeType[] BY_CODE = new HandshakeType[256];

    static {
        for (HandshakeType t : values()) {
            BY_CODE[t.code] = t;
        }
    }

    public final int code;
    private final String rfcName;

    HandshakeType(int code, String rfcName) {
        this.code = code;
        this.rfcName = rfcName;
    }

    /** The type of a wire code, or null for one this engine does not know. */
    public static HandshakeType of(int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }

    @Override
    public String toString() {
        return rfcName;
    }
}
