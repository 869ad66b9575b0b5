package io.tlsbench.handshake.keyexchange;

import static io.tlsbench.handshake.keyexchange.KeyExchangeMath.FFDHE2048_P;
import static io.tlsbench.handshake.keyexchange.KeyExchangeMath.FFDHE_G;

import io.tlsbench.alert.AlertDescription;
import io.tlsbench.alert.TlsAlertException;
import io.tlsbench.handshake.message.ClientKeyExchange;
import io.tlsbench.handshake.message.Reader;
import io.tlsbench.handshake.message.ServerDhParams;
import io.tlsbench.handshake.message.ServerKeyExchange;
import io.tlsbench.provider.ProviderSet;
import io.tlsbench.suite.ProtocolVersion;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.util.List;

/**
 * Finite-field DHE (RFC 5246 §8.1.2): the server sends ffdhe2048 (RFC 7919) with its ephemeral
 * value; a client takes the group the server sends if it is at least 1024 bits.
 */
final class DheKeyAgreement implements KeyAgreement {
    private static final int MIN_PRIME_BITS = 1024;

    private final ProviderSet provider;
    private final SecureRandom random;
    /** Server: its ephemeral key pair. */
    private KeyPair ephemeral;
    /** Client: the server's group and public value. */
    private BigInteger p;
    private BigInteger g;
    private BigInteger ys;

    DheKeyAgreement(ProviderSet provider, SecureRandom random) {
        this.provider = provider;
        this.random = random;
    }

    /** namedGroup is ECDHE's: a DHE server always uses ffdhe2048. */
    @Override
    public ServerDhParams generateServerParams(int namedGroup) throws GeneralSecurityException {
        ephemeral = KeyExchangeMath.generateDh(provider, FFDHE2048_P, FFDHE_G, random);
        return new ServerDhParams(KeyExchangeMath.unsigned(FFDHE2048_P), KeyExchangeMath.unsigned(FFDHE_G),
                KeyExchangeMath.unsigned(KeyExchangeMath.dhY(ephemeral.getPublic())));
    }

    @Override
    public byte[] processClientKeyExchange(Reader body, ProtocolVersion version, PrivateKey serverKey,
                                           int clientHelloVersion) throws TlsAlertException {
        BigInteger yc = new BigInteger(1, ClientKeyExchange.Dhe.decode(body).yc());
        return KeyExchangeMath.agreeDh(provider, ephemeral.getPrivate(), FFDHE2048_P, FFDHE_G, yc);
    }

    @Override
    public ServerKeyExchange<ServerDhParams> processServerKeyExchange(Reader body, ProtocolVersion version,
                                                                      List<Integer> offeredGroups)
            throws TlsAlertException {
        ServerKeyExchange<ServerDhParams> message = ServerKeyExchange.decode(body, ServerDhParams::decode, version);
        p = message.params().prime();
        g = message.params().generator();
        ys = message.params().publicValue();
        if (p.bitLength() < MIN_PRIME_BITS || g.compareTo(BigInteger.ONE) <= 0 || g.compareTo(p) >= 0) {
            throw new TlsAlertException(AlertDescription.INSUFFICIENT_SECURITY, "DH group of "
                    + p.bitLength() + " bits or a bad generator");
        }
        return message;
    }

    /** Ys is range-checked here, with the agreement (KeyExchangeMath.agreeDh). */
    @Override
    public ClientExchange generateClientKeyExchange(PublicKey serverKey, ProtocolVersion offeredVersion)
            throws GeneralSecurityException, TlsAlertException {
        KeyPair own = KeyExchangeMath.generateDh(provider, p, g, random);
        byte[] preMaster = KeyExchangeMath.agreeDh(provider, own.getPrivate(), p, g, ys);
        return new ClientExchange(new ClientKeyExchange.Dhe(KeyExchangeMath.unsigned(KeyExchangeMath.dhY(
                own.getPublic()))), preMaster);
    }
}
