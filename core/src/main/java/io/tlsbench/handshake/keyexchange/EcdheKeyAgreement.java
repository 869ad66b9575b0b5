package io.tlsbench.handshake.keyexchange;

import io.tlsbench.alert.AlertDescription;
import io.tlsbench.alert.TlsAlertException;
import io.tlsbench.handshake.message.ClientKeyExchange;
import io.tlsbench.handshake.message.Reader;
import io.tlsbench.handshake.message.ServerEcdhParams;
import io.tlsbench.handshake.message.ServerKeyExchange;
import io.tlsbench.provider.ProviderSet;
import io.tlsbench.suite.ProtocolVersion;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.util.List;

/** ECDHE (RFC 8422): ephemeral keys on a named curve or X25519 on both sides; the shared x-coordinate is the pre-master. */
final class EcdheKeyAgreement implements KeyAgreement {
    private final ProviderSet provider;
    private final SecureRandom random;
    private int group;
    /** Server: its ephemeral key pair. */
    private KeyPair ephemeral;
    /** Client: the server's ephemeral public value, validated. */
    private PublicKey serverPublic;

    EcdheKeyAgreement(ProviderSet provider, SecureRandom random) {
        this.provider = provider;
        this.random = random;
    }

    @Override
    public ServerEcdhParams generateServerParams(int namedGroup) throws GeneralSecurityException {
        group = namedGroup;
        ephemeral = KeyExchangeMath.generate(provider, group, random);
        return new ServerEcdhParams(group, KeyExchangeMath.encode(group, ephemeral.getPublic()));
    }

    @Override
    public byte[] processClientKeyExchange(Reader body, ProtocolVersion version, PrivateKey serverKey,
                                           int clientHelloVersion) throws TlsAlertException {
        ClientKeyExchange.Ecdhe message = ClientKeyExchange.Ecdhe.decode(body);
        PublicKey peer = KeyExchangeMath.decode(provider, group, message.point());
        return KeyExchangeMath.agree(provider, group, ephemeral.getPrivate(), peer);
    }

    @Override
    public ServerKeyExchange<ServerEcdhParams> processServerKeyExchange(Reader body, ProtocolVersion version,
                                                                        List<Integer> offeredGroups)
            throws TlsAlertException {
        ServerKeyExchange<ServerEcdhParams> message = ServerKeyExchange.decode(body, ServerEcdhParams::decode, version);
        group = message.params().namedCurve();
        if (!offeredGroups.contains(group) || !KeyExchangeMath.supported(group)) {
            throw new TlsAlertException(AlertDescription.ILLEGAL_PARAMETER, "server chose group " + group
                    + ", which was not offered");
        }
        serverPublic = KeyExchangeMath.decode(provider, group, message.params().point());
        return message;
    }

    @Override
    public ClientExchange generateClientKeyExchange(PublicKey serverKey, ProtocolVersion offeredVersion)
            throws GeneralSecurityException, TlsAlertException {
        KeyPair own = KeyExchangeMath.generate(provider, group, random);
        byte[] preMaster = KeyExchangeMath.agree(provider, group, own.getPrivate(), serverPublic);
        return new ClientExchange(new ClientKeyExchange.Ecdhe(KeyExchangeMath.encode(group, own.getPublic())),
                preMaster);
    }
}
