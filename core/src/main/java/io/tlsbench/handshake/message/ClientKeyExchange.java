package io.tlsbench.handshake.message;

import io.tlsbench.alert.TlsAlertException;
import io.tlsbench.suite.ProtocolVersion;

/** ClientKeyExchange (RFC 5246 §7.4.7): one form per key exchange. */
public sealed interface ClientKeyExchange extends HandshakeMessage {

    @Override
    default HandshakeType type() {
        return HandshakeType.CLIENT_KEY_EXCHANGE;
    }

    /**
     * EncryptedPreMasterSecret (RFC 5246 §7.4.7.1): a 16-bit length first, except in SSLv3, which
     * sends the bare encryption (RFC 6101 §5.6.7).
     */
    record Rsa(byte[] encryptedPreMaster) implements ClientKeyExchange {

        public static Rsa decode(Reader r, ProtocolVersion version) throws TlsAlertException {
            byte[] encrypted = version == ProtocolVersion.SSL3
                    ? r.bytes(r.remaining(), "EncryptedPreMasterSecret") : r.vector16("EncryptedPreMasterSecret");
            r.end();
            return new Rsa(encrypted);
        }

        @Override
        public void encode(Writer w, ProtocolVersion version) {
            if (version == ProtocolVersion.SSL3) {
                w.bytes(encryptedPreMaster);
            } else {
                w.vector16(encryptedPreMaster);
            }
        }
    }

    /** ClientECDiffieHellmanPublic (RFC 8422 §5.7): the client's ephemeral point. */
    record Ecdhe(byte[] point) implements ClientKeyExchange {

        public static Ecdhe decode(Reader r) throws TlsAlertException {
            byte[] point = r.vector8("ecdh_Yc");
            r.end();
            return new Ecdhe(point);
        }

        @Override
        public void encode(Writer w, ProtocolVersion version) {
            w.vector8(point);
        }
    }

    /** ClientDiffieHellmanPublic, explicit (RFC 5246 §7.4.7.2): the client's Yc. */
    record Dhe(byte[] yc) implements ClientKeyExchange {

        public static Dhe decode(Reader r) throws TlsAlertException {
            byte[] yc = r.vector16("dh_Yc");
            r.end();
            return new Dhe(yc);
        }

        @Override
        public void encode(Writer w, ProtocolVersion version) {
            w.vector16(yc);
        }
    }
}
