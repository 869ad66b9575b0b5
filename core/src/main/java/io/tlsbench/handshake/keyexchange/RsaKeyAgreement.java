package io.tlsbench.handshake.keyexchange;

import io.tlsbench.alert.AlertDescription;
import io.tlsbench.alert.TlsAlertException;
import io.tlsbench.handshake.message.ClientKeyExchange;
import io.tlsbench.handshake.message.Reader;
import io.tlsbench.handshake.message.ServerKeyExchange;
import io.tlsbench.handshake.message.ServerKeyExchangeParams;
import io.tlsbench.provider.ProviderSet;
import io.tlsbench.suite.ProtocolVersion;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import javax.crypto.Cipher;

/**
 * RSA key transport (RFC 5246 §7.4.7.1): the client encrypts a random pre-master, whose first
 * two bytes are the version it offered, to the server certificate's key. There is no
 * ServerKeyExchange.
 */
final class RsaKeyAgreement implements KeyAgreement {
    private static final int PRE_MASTER_LENGTH = 48;
    private static final String PKCS1 = "RSA/ECB/PKCS1Padding";

    private final ProviderSet provider;
    private final SecureRandom random;

    RsaKeyAgreement(ProviderSet provider, SecureRandom random) {
        this.provider = provider;
        this.random = random;
    }

    @Override
    public ServerKeyExchangeParams generateServerParams(int namedGroup) {
        return null; // the certificate's key is the key exchange
    }

    @Override
    public byte[] processClientKeyExchange(Reader body, ProtocolVersion version, PrivateKey serverKey,
                                           int clientHelloVersion) throws TlsAlertException {
        return decrypt(ClientKeyExchange.Rsa.decode(body, version).encryptedPreMaster(), serverKey, clientHelloVersion);
    }

    /**
     * RFC 5246 §7.4.7.1: whatever goes wrong — bad padding, wrong length, wrong version — the
     * server carries on with a random pre-master, so the outcome is only visible at Finished.
     */
    private byte[] decrypt(byte[] encrypted, PrivateKey serverKey, int clientHelloVersion) {
        byte[] random48 = new byte[PRE_MASTER_LENGTH];
        random.nextBytes(random48);
        byte[] decrypted = null;
        try {
            Cipher rsa = provider.cipher(PKCS1);
            rsa.init(Cipher.DECRYPT_MODE, provider.nativeKey(serverKey));
            decrypted = rsa.doFinal(encrypted);
        } catch (GeneralSecurityException | RuntimeException e) {
            decrypted = null;
        }
        boolean good = decrypted != null && decrypted.length == PRE_MASTER_LENGTH
                && ((decrypted[0] & 0xff) << 8 | (decrypted[1] & 0xff)) == clientHelloVersion;
        if (good) {
            Arrays.fill(random48, (byte) 0);
            return decrypted;
        }
        if (decrypted != null) {
            Arrays.fill(decrypted, (byte) 0);
        }
        return random48;
    }

    /** Not reached: the state machine expects a ServerKeyExchange only for ephemeral exchanges. */
    @Override
    public ServerKeyExchange<?> processServerKeyExchange(Reader body, ProtocolVersion version,
                                                         List<Integer> offeredGroups) throws TlsAlertException {
        throw new TlsAlertException(AlertDescription.UNEXPECTED_MESSAGE, "ServerKeyExchange in an RSA key exchange");
    }

    @Override
    public ClientExchange generateClientKeyExchange(PublicKey serverKey, ProtocolVersion offeredVersion)
            throws GeneralSecurityException {
        byte[] preMaster = new byte[PRE_MASTER_LENGTH];
        random.nextBytes(preMaster);
        preMaster[0] = (byte) offeredVersion.major; // RFC 5246 §7.4.7.1: the version the client offered
        preMaster[1] = (byte) offeredVersion.minor;
        try {
            Cipher rsa = provider.cipher(PKCS1);
            rsa.init(Cipher.ENCRYPT_MODE, serverKey, random);
            return new ClientExchange(new ClientKeyExchange.Rsa(rsa.doFinal(preMaster)), preMaster);
        } catch (GeneralSecurityException | RuntimeException e) {
            Arrays.fill(preMaster, (byte) 0); // no caller holds it yet
            throw e;
        }
    }
}
