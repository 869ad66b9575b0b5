package io.tlsbench.handshake;

import io.tlsbench.alert.AlertDescription;
import io.tlsbench.alert.TlsAlertException;
import io.tlsbench.kdf.KeySchedule;
import io.tlsbench.kdf.PrfAlgorithm;
import io.tlsbench.suite.CipherSuite;
import io.tlsbench.suite.ConnectionEnd;
import io.tlsbench.suite.KeyExchange;
import io.tlsbench.suite.ProtocolVersion;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Cipher;

/** The server's handshake (RFC 5246 §7.3), resuming from its session cache when it can. */
public final class TlsServer extends TlsEngine {

    private enum State { WAIT_CLIENT_HELLO, WAIT_CERTIFICATE, WAIT_KEY_EXCHANGE, WAIT_CERTIFICATE_VERIFY, WAIT_CCS,
        WAIT_FINISHED, DONE }

    /** The CertificateRequest asks for RSA and ECDSA client certificates: these are their schemes. */
    private static final List<Integer> REQUESTED_SCHEMES = Signatures.SUPPORTED.stream()
            .filter(scheme -> (scheme & 0xff) != 2).toList();

    private State state = State.WAIT_CLIENT_HELLO;
    private byte[] clientRandom;
    private final byte[] serverRandom = new byte[32];
    private int clientVersion;
    private boolean ems;
    private Credential credential;
    private int group;
    private KeyPair ephemeral;
    private List<Integer> clientSchemes;
    private boolean requestCertificate;
    private List<X509Certificate> clientChain = List.of();

    public TlsServer(TlsConfig config) {
        super(config, ConnectionEnd.SERVER);
        if (config.credentials.isEmpty()) {
            throw new IllegalArgumentException("a server needs at least one credential");
        }
    }

    @Override
    public void start() {
        // The server speaks second.
    }

    @Override
    protected void onHandshakeMessage(int type, Reader body, byte[] raw) throws TlsAlertException {
        if (state == State.DONE) {
            if (type == HandshakeType.CLIENT_HELLO) {
                refuseRenegotiation();
                return;
            }
            throw unexpected(type);
        }
        switch (state) {
            case WAIT_CLIENT_HELLO:
                expect(type, HandshakeType.CLIENT_HELLO);
                transcript.bytes(raw);
                clientHello(body);
                break;
            case WAIT_CERTIFICATE:
                expect(type, HandshakeType.CERTIFICATE);
                transcript.bytes(raw);
                clientCertificate(body);
                state = State.WAIT_KEY_EXCHANGE;
                break;
            case WAIT_KEY_EXCHANGE:
                expect(type, HandshakeType.CLIENT_KEY_EXCHANGE);
                transcript.bytes(raw);
                clientKeyExchange(body);
                state = clientChain.isEmpty() ? State.WAIT_CCS : State.WAIT_CERTIFICATE_VERIFY;
                break;
            case WAIT_CERTIFICATE_VERIFY:
                expect(type, HandshakeType.CERTIFICATE_VERIFY);
                certificateVerify(body);
                transcript.bytes(raw);
                state = State.WAIT_CCS;
                break;
            case WAIT_FINISHED:
                expect(type, HandshakeType.FINISHED);
                finished(body, raw);
                break;
            default:
                throw unexpected(type);
        }
    }

    private void clientHello(Reader r) throws TlsAlertException {
        clientVersion = r.u16("client_version");
        if ((clientVersion >>> 8) < 3) {
            throw new TlsAlertException(AlertDescription.PROTOCOL_VERSION,
                    String.format("client version 0x%04x", clientVersion));
        }
        // RFC 5246 Appendix E.1: a higher version than ours is answered with our highest.
        ProtocolVersion offered = (clientVersion >>> 8) > 3 || (clientVersion & 0xff) >= 3 ? ProtocolVersion.TLS12
                : ProtocolVersion.fromWire(3, clientVersion & 0xff);
        ProtocolVersion v = offered.compareTo(config.maxVersion) < 0 ? offered : config.maxVersion;
        if (v.compareTo(config.minVersion) < 0) {
            throw new TlsAlertException(AlertDescription.PROTOCOL_VERSION, "client offers at most " + offered
                    + "; this server needs at least " + config.minVersion);
        }
        clientRandom = r.bytes(32, "random");
        byte[] sessionId = r.vector8("session_id");
        if (sessionId.length > 32) {
            throw new TlsAlertException(AlertDescription.DECODE_ERROR, "session id of " + sessionId.length + " bytes");
        }
        int suitesLength = r.u16("cipher_suites length");
        if (suitesLength < 2 || suitesLength % 2 != 0) {
            throw new TlsAlertException(AlertDescription.DECODE_ERROR, "cipher_suites length " + suitesLength);
        }
        Reader suitesReader = r.sub(suitesLength, "cipher_suites");
        List<Integer> offeredSuites = new ArrayList<>();
        while (suitesReader.hasRemaining()) {
            offeredSuites.add(suitesReader.u16("cipher suite"));
        }
        byte[] compression = r.vector8("compression_methods");
        if (compression.length == 0) {
            throw new TlsAlertException(AlertDescription.DECODE_ERROR, "empty compression_methods");
        }
        boolean nullCompression = false;
        for (byte c : compression) {
            nullCompression |= c == 0;
        }
        if (!nullCompression) {
            throw new TlsAlertException(AlertDescription.ILLEGAL_PARAMETER, "client does not offer null compression");
        }
        Map<Integer, byte[]> ext = Extensions.decode(r);
        r.end();

        if (offeredSuites.contains(Extensions.FALLBACK_SCSV) && v.compareTo(config.maxVersion) < 0) {
            throw new TlsAlertException(AlertDescription.INAPPROPRIATE_FALLBACK, "fallback to " + v
                    + " while " + config.maxVersion + " is supported (RFC 7507)");
        }
        byte[] reneg = ext.get(Extensions.RENEGOTIATION_INFO);
        if (reneg != null && !(reneg.length == 1 && reneg[0] == 0)) {
            throw new TlsAlertException(AlertDescription.HANDSHAKE_FAILURE, "renegotiation_info is not empty");
        }
        boolean secureRenegotiation = reneg != null || offeredSuites.contains(Extensions.EMPTY_RENEGOTIATION_INFO_SCSV);
        byte[] emsExt = ext.get(Extensions.EXTENDED_MASTER_SECRET);
        if (emsExt != null && emsExt.length != 0) {
            throw new TlsAlertException(AlertDescription.DECODE_ERROR, "extended_master_secret is not empty");
        }
        boolean clientEms = emsExt != null && v != ProtocolVersion.SSL3;
        byte[] pointFormats = ext.get(Extensions.EC_POINT_FORMATS);
        if (pointFormats != null) {
            Reader pf = new Reader(pointFormats, "ec_point_formats");
            byte[] formats = pf.vector8("ec_point_format_list");
            pf.end();
            boolean uncompressed = false;
            for (byte f : formats) {
                uncompressed |= f == 0;
            }
            if (!uncompressed) {
                // RFC 8422 §5.1.2: the uncompressed format is mandatory.
                throw new TlsAlertException(AlertDescription.ILLEGAL_PARAMETER, "ec_point_formats lacks uncompressed");
            }
        }
        List<Integer> clientGroups = groups(ext.get(Extensions.SUPPORTED_GROUPS));
        clientSchemes = schemes(ext.get(Extensions.SIGNATURE_ALGORITHMS));
        version = v;

        Session cached = config.sessionCache == null ? null : config.sessionCache.get(sessionId);
        if (cached != null && cached.version() == v && offeredSuites.contains(cached.suite().id)
                && config.suites.contains(cached.suite())) {
            if (cached.extendedMasterSecret() && !clientEms) {
                // RFC 7627 §5.3: an EMS session must not be resumed without EMS.
                throw new TlsAlertException(AlertDescription.HANDSHAKE_FAILURE,
                        "client resumes an extended-master-secret session without the extension");
            }
            byte[] cachedMaster = cached.extendedMasterSecret() == clientEms ? cached.masterSecretCopy() : null;
            if (cachedMaster != null) { // null: invalidated since the lookup (evicted, or a fatal alert elsewhere)
                resume(cached, cachedMaster, secureRenegotiation);
                return;
            }
        }
        ems = clientEms && config.extendedMasterSecret;
        chooseSuite(offeredSuites, clientGroups);
        fullHandshake(secureRenegotiation, ext.containsKey(Extensions.EC_POINT_FORMATS));
    }

    private void chooseSuite(List<Integer> offeredSuites, List<Integer> clientGroups) throws TlsAlertException {
        for (CipherSuite s : config.suites) {
            if (!offeredSuites.contains(s.id) || !s.allows(version)) {
                continue;
            }
            Credential c = credentialFor(s.keyExchange);
            if (c == null) {
                continue;
            }
            if (s.keyExchange.elliptic()) {
                int g = commonGroup(clientGroups);
                if (g < 0) {
                    continue;
                }
                group = g;
            }
            if (version == ProtocolVersion.TLS12 && s.keyExchange.ephemeral) {
                try {
                    Signatures.choose(c.keyAlgorithm(), clientSchemes);
                } catch (TlsAlertException e) {
                    continue;
                }
            }
            suite = s;
            credential = c;
            return;
        }
        throw new TlsAlertException(AlertDescription.HANDSHAKE_FAILURE, "no cipher suite in common for " + version);
    }

    private Credential credentialFor(KeyExchange kx) {
        for (Credential c : config.credentials) {
            if (c.keyAlgorithm().equals(kx.certificateKeyAlgorithm)) {
                return c;
            }
        }
        return null;
    }

    private int commonGroup(List<Integer> clientGroups) {
        for (int g : config.groups) {
            if (clientGroups.contains(g) && KeyExchangeMath.supported(g)) {
                return g;
            }
        }
        return -1;
    }

    private void fullHandshake(boolean secureRenegotiation, boolean pointFormats) throws TlsAlertException {
        config.random.nextBytes(serverRandom);
        byte[] sessionId = new byte[config.sessionCache == null ? 0 : 32];
        config.random.nextBytes(sessionId);
        session = new Session(sessionId, version, suite, new byte[48], ems, List.of(), System.currentTimeMillis());
        sendServerHello(sessionId, secureRenegotiation, pointFormats && suite.keyExchange.elliptic());

        sendCertificate(credential.chain());

        if (suite.keyExchange.ephemeral) {
            serverKeyExchange();
        }
        requestCertificate = config.clientAuth != TlsConfig.ClientAuth.NONE;
        if (requestCertificate) {
            Writer w = new Writer(64);
            // rsa_sign and ecdsa_sign; SSLv3 has no ECDSA, so rsa_sign there.
            w.vector8(version == ProtocolVersion.SSL3 ? new byte[] {1} : new byte[] {1, 64});
            if (version == ProtocolVersion.TLS12) {
                int sm = w.mark(2);
                for (int scheme : REQUESTED_SCHEMES) {
                    w.u16(scheme);
                }
                w.fillLength(sm, 2);
            }
            w.u16(0); // any certificate authority
            sendHandshake(HandshakeType.CERTIFICATE_REQUEST, w.toByteArray());
        }
        sendHandshake(HandshakeType.SERVER_HELLO_DONE, new byte[0]);
        flushHandshake();
        state = requestCertificate ? State.WAIT_CERTIFICATE : State.WAIT_KEY_EXCHANGE;
    }

    private void sendServerHello(byte[] sessionId, boolean secureRenegotiation, boolean pointFormats) {
        Writer w = new Writer(128);
        w.u16(version.wire()).bytes(serverRandom).vector8(sessionId).u16(suite.id).u8(0);
        if (version != ProtocolVersion.SSL3 || secureRenegotiation) {
            Map<Integer, byte[]> ext = new LinkedHashMap<>();
            if (secureRenegotiation) {
                ext.put(Extensions.RENEGOTIATION_INFO, new byte[] {0});
            }
            if (ems) {
                ext.put(Extensions.EXTENDED_MASTER_SECRET, new byte[0]);
            }
            if (pointFormats) {
                ext.put(Extensions.EC_POINT_FORMATS, new byte[] {1, 0});
            }
            Extensions.encode(w, ext);
        }
        sendHandshake(HandshakeType.SERVER_HELLO, w.toByteArray());
    }

    private void serverKeyExchange() throws TlsAlertException {
        Writer params = new Writer(600);
        try {
            if (suite.keyExchange.elliptic()) {
                ephemeral = KeyExchangeMath.generate(config.provider, group, config.random);
                params.u8(3).u16(group).vector8(KeyExchangeMath.encode(group, ephemeral.getPublic()));
            } else {
                ephemeral = KeyExchangeMath.generateDh(config.provider, KeyExchangeMath.FFDHE2048_P,
                        KeyExchangeMath.FFDHE_G, config.random);
                params.vector16(KeyExchangeMath.unsigned(KeyExchangeMath.FFDHE2048_P))
                        .vector16(KeyExchangeMath.unsigned(KeyExchangeMath.FFDHE_G))
                        .vector16(KeyExchangeMath.unsigned(KeyExchangeMath.dhY(ephemeral.getPublic())));
            }
            byte[] p = params.toByteArray();
            Writer w = new Writer(p.length + 520);
            w.bytes(p);
            int scheme = 0;
            if (version == ProtocolVersion.TLS12) {
                scheme = Signatures.choose(credential.keyAlgorithm(), clientSchemes);
                w.u16(scheme);
            }
            w.vector16(Signatures.sign(config.provider, version, scheme, signingKey(credential), config.random,
                    clientRandom, serverRandom, p));
            sendHandshake(HandshakeType.SERVER_KEY_EXCHANGE, w.toByteArray());
        } catch (GeneralSecurityException e) {
            throw new TlsAlertException(AlertDescription.INTERNAL_ERROR, "ServerKeyExchange failed in "
                    + providerName() + ": " + e.getMessage(), e);
        }
    }

    private void clientCertificate(Reader r) throws TlsAlertException {
        List<X509Certificate> chain = readCertificates(r);
        if (chain.isEmpty()) {
            if (config.clientAuth == TlsConfig.ClientAuth.REQUIRE) {
                throw new TlsAlertException(AlertDescription.HANDSHAKE_FAILURE, "client certificate required");
            }
            return;
        }
        String keyType = chain.get(0).getPublicKey().getAlgorithm();
        if (!keyType.equals("RSA") && !keyType.equals("EC")) {
            throw new TlsAlertException(AlertDescription.UNSUPPORTED_CERTIFICATE,
                    "a " + keyType + " client certificate; rsa_sign or ecdsa_sign was requested");
        }
        if (config.verifyPeer) {
            CertificateChecker.check(chain, config.trustAnchors, null, new Date());
        }
        clientChain = chain;
    }

    private void clientKeyExchange(Reader r) throws TlsAlertException {
        KeyExchange kx = suite.keyExchange;
        if (kx == KeyExchange.RSA) {
            byte[] encrypted = version == ProtocolVersion.SSL3 ? r.bytes(r.remaining(), "EncryptedPreMasterSecret")
                    : r.vector16("EncryptedPreMasterSecret");
            r.end();
            preMaster = rsaPreMaster(encrypted);
        } else if (kx.elliptic()) {
            byte[] point = r.vector8("ecdh_Yc");
            r.end();
            PublicKey peer = KeyExchangeMath.decode(config.provider, group, point);
            preMaster = KeyExchangeMath.agree(config.provider, group, ephemeral.getPrivate(), peer);
        } else {
            BigInteger yc = new BigInteger(1, r.vector16("dh_Yc"));
            r.end();
            preMaster = KeyExchangeMath.agreeDh(config.provider, ephemeral.getPrivate(), KeyExchangeMath.FFDHE2048_P,
                    KeyExchangeMath.FFDHE_G, yc);
        }
        master = new byte[KeySchedule.MASTER_SECRET_LENGTH];
        try {
            if (ems) {
                byte[] hash = new byte[64];
                int n = keySchedule.handshakeHash(PrfAlgorithm.of(version, suite), transcriptBytes(), hash);
                keySchedule.extendedMasterSecret(version, suite, preMaster, Arrays.copyOf(hash, n), master);
            } else {
                keySchedule.masterSecret(version, suite, preMaster, clientRandom, serverRandom, master);
            }
        } finally {
            Arrays.fill(preMaster, (byte) 0);
        }
        keyLog(clientRandom, master);
        installKeys(master, clientRandom, serverRandom);
    }

    /**
     * RFC 5246 §7.4.7.1: whatever goes wrong — bad padding, wrong length, wrong version — the
     * server carries on with a random pre-master, so the outcome is only visible at Finished.
     */
    private byte[] rsaPreMaster(byte[] encrypted) throws TlsAlertException {
        byte[] random = new byte[48];
        config.random.nextBytes(random);
        byte[] decrypted = null;
        try {
            Cipher rsa = config.provider.cipher("RSA/ECB/PKCS1Padding");
            rsa.init(Cipher.DECRYPT_MODE, signingKey(credential));
            decrypted = rsa.doFinal(encrypted);
        } catch (GeneralSecurityException | RuntimeException e) {
            decrypted = null;
        }
        boolean good = decrypted != null && decrypted.length == 48
                && ((decrypted[0] & 0xff) << 8 | (decrypted[1] & 0xff)) == clientVersion;
        if (good) {
            Arrays.fill(random, (byte) 0);
            return decrypted;
        }
        if (decrypted != null) {
            Arrays.fill(decrypted, (byte) 0);
        }
        return random;
    }

    private void certificateVerify(Reader r) throws TlsAlertException {
        int scheme = 0;
        if (version == ProtocolVersion.TLS12) {
            scheme = r.u16("signature algorithm");
            if (!REQUESTED_SCHEMES.contains(scheme)) {
                throw new TlsAlertException(AlertDescription.ILLEGAL_PARAMETER,
                        String.format("client signed with 0x%04x, which was not requested", scheme));
            }
        }
        byte[] signature = r.vector16("signature");
        r.end();
        if (version == ProtocolVersion.SSL3) {
            Signatures.verifySsl3(config.provider, clientChain.get(0).getPublicKey(), signature,
                    keySchedule.ssl3CertificateVerifyHash(master, transcriptBytes()));
            return;
        }
        Signatures.verify(config.provider, version, scheme, clientChain.get(0).getPublicKey(), signature,
                "CertificateVerify", transcriptBytes());
    }

    private void resume(Session cached, byte[] cachedMaster, boolean secureRenegotiation) throws TlsAlertException {
        resumed = true;
        session = cached;
        suite = cached.suite();
        ems = cached.extendedMasterSecret();
        master = cachedMaster;
        config.random.nextBytes(serverRandom);
        sendServerHello(cached.idBytes(), secureRenegotiation, false);
        installKeys(master, clientRandom, serverRandom);
        keyLog(clientRandom, master);
        sendFinished();
        state = State.WAIT_CCS;
    }

    /** SSLv3 client without a certificate: fine unless one is required. */
    @Override
    protected void onNoCertificate() throws TlsAlertException {
        if (state != State.WAIT_CERTIFICATE || version != ProtocolVersion.SSL3) {
            super.onNoCertificate();
        }
        if (config.clientAuth == TlsConfig.ClientAuth.REQUIRE) {
            throw new TlsAlertException(AlertDescription.HANDSHAKE_FAILURE, "client certificate required");
        }
        state = State.WAIT_KEY_EXCHANGE;
    }

    @Override
    protected void onChangeCipherSpec() throws TlsAlertException {
        if (state != State.WAIT_CCS) {
            throw new TlsAlertException(AlertDescription.UNEXPECTED_MESSAGE, "ChangeCipherSpec out of order");
        }
        state = State.WAIT_FINISHED;
    }

    private void finished(Reader r, byte[] raw) throws TlsAlertException {
        checkFinished(r, raw);
        if (!resumed) {
            sendFinished();
            session = new Session(session.idBytes(), version, suite, master, ems, clientChain, System.currentTimeMillis());
            if (config.sessionCache != null) {
                config.sessionCache.put(session);
            }
        }
        state = State.DONE;
        complete();
    }


    private static List<Integer> groups(byte[] ext) throws TlsAlertException {
        // RFC 4492 §4: absent means the client supports P-256 (at least).
        return ext == null ? List.of(TlsConfig.SECP256R1) : u16List(ext, "named_group_list");
    }

    private static List<Integer> schemes(byte[] ext) throws TlsAlertException {
        return ext == null ? null : u16List(ext, "supported_signature_algorithms");
    }

}
