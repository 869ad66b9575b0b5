package io.tlsbench.handshake.keyexchange;

import io.tlsbench.alert.TlsAlertException;
import io.tlsbench.handshake.message.ClientKeyExchange;
import io.tlsbench.handshake.message.Reader;
import io.tlsbench.handshake.message.ServerKeyExchange;
import io.tlsbench.handshake.message.ServerKeyExchangeParams;
import io.tlsbench.provider.ProviderSet;
import io.tlsbench.suite.KeyExchange;
import io.tlsbench.suite.ProtocolVersion;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.util.List;

/**
 * How one handshake establishes its pre-master secret (RFC 5246 §7.4.3, §7.4.7, §8.1): RSA key
 * transport, ECDHE or DHE, as the cipher suite's key exchange says. The server generates its
 * ServerKeyExchange params (none for RSA) and processes the ClientKeyExchange; the client
 * processes the ServerKeyExchange and generates its ClientKeyExchange. Signing and verifying the
 * params is the handshake's, around these calls. One instance serves one side of one handshake.
 */
public interface KeyAgreement {

    /** The agreement for a cipher suite's key exchange. */
    static KeyAgreement of(KeyExchange kx, ProviderSet provider, SecureRandom random) {
        return switch (kx) {
            case RSA -> new RsaKeyAgreement(provider, random);
            case DHE_RSA, DHE_DSS -> new DheKeyAgreement(provider, random);
            case ECDHE_RSA, ECDHE_ECDSA -> new EcdheKeyAgreement(provider, random);
        };
    }

    // ---------------------------------------------------------------- server side

    /**
     * The params to sign into ServerKeyExchange, for a fresh ephemeral key on the negotiated named
     * group (ECDHE) or the server's DH group (DHE); null for RSA, which sends none.
     */
    ServerKeyExchangeParams generateServerParams(int namedGroup) throws GeneralSecurityException;

    /**
     * The pre-master secret from the client's ClientKeyExchange body. RSA decrypts it with
     * serverKey and checks it against the client_version of the ClientHello.
     */
    byte[] processClientKeyExchange(Reader body, ProtocolVersion version, PrivateKey serverKey, int clientHelloVersion)
            throws TlsAlertException;

    // ---------------------------------------------------------------- client side

    /**
     * Decodes the server's ServerKeyExchange and checks its params (a group the client offered,
     * a valid public value); the caller verifies the signature.
     */
    ServerKeyExchange<?> processServerKeyExchange(Reader body, ProtocolVersion version, List<Integer> offeredGroups)
            throws TlsAlertException;

    /** The ClientKeyExchange and the pre-master secret it establishes (RSA encrypts to serverKey). */
    ClientExchange generateClientKeyExchange(PublicKey serverKey, ProtocolVersion offeredVersion)
            throws GeneralSecurityException, TlsAlertException;

    /** The client's message and its pre-master secret, which the caller wipes once it is used. */
    record ClientExchange(ClientKeyExchange message, byte[] preMaster) {
    }
}
