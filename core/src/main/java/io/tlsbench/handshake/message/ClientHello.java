package io.tlsbench.handshake.message;

import io.tlsbench.alert.AlertDescription;
import io.tlsbench.alert.TlsAlertException;
import io.tlsbench.suite.ProtocolVersion;
import java.util.List;

/**
 * ClientHello (RFC 5246 §7.4.1.2). version is the wire client_version (a client may offer one
 * this engine does not know); cipherSuites holds wire ids, signalling values included.
 */
public record ClientHello(int version, byte[] random, byte[] sessionId, List<Integer> cipherSuites,
                          byte[] compressionMethods, Extensions extensions) implements HandshakeMessage {

    /** Cipher-suite values that are signals, not suites (RFC 5746 §3.3, RFC 7507 §2). */
    public static final int EMPTY_RENEGOTIATION_INFO_SCSV = 0x00ff;
    public static final int FALLBACK_SCSV = 0x5600;
    private static final byte NULL_COMPRESSION = 0;
    /** compression_methods with only the null method, all this engine offers. */
    public static final byte[] NO_COMPRESSION = {NULL_COMPRESSION};

    public ClientHello {
        cipherSuites = List.copyOf(cipherSuites);
    }

    public static ClientHello decode(Reader r) throws TlsAlertException {
        int version = r.u16("client_version");
        byte[] random = r.bytes(Hello.RANDOM_LENGTH, "random");
        byte[] sessionId = r.vector8("session_id", Hello.MAX_SESSION_ID);
        List<Integer> suites = r.u16List("cipher_suites", 2);
        byte[] compression = r.vector8("compression_methods");
        if (compression.length == 0) {
            throw new TlsAlertException(AlertDescription.DECODE_ERROR, "empty compression_methods");
        }
        Extensions extensions = Extensions.decode(r);
        r.end();
        return new ClientHello(version, random, sessionId, suites, compression, extensions);
    }

    /** Whether the client offers the null compression method, which every client must (RFC 5246 §7.4.1.2). */
    public boolean offersNullCompression() {
        for (byte c : compressionMethods) {
            if (c == NULL_COMPRESSION) {
                return true;
            }
        }
        return false;
    }

    @Override
    public HandshakeType type() {
        return HandshakeType.CLIENT_HELLO;
    }

    @Override
    public void encode(Writer w, ProtocolVersion negotiated) {
        w.u16(version).bytes(random).vector8(sessionId);
        U16s.encode(w, cipherSuites);
        w.vector8(compressionMethods);
        extensions.encode(w);
    }
}
