package io.tlsbench.handshake;

import io.tlsbench.alert.AlertDescription;
import io.tlsbench.alert.TlsAlertException;
import io.tlsbench.handshake.keyexchange.KeyAgreement;
import io.tlsbench.handshake.keyexchange.KeyExchangeMath;
import io.tlsbench.handshake.message.Certificate;
import io.tlsbench.handshake.message.CertificateRequest;
import io.tlsbench.handshake.message.CertificateVerify;
import io.tlsbench.handshake.message.ClientHello;
import io.tlsbench.handshake.message.EcPointFormats;
import io.tlsbench.handshake.message.ExtendedMasterSecret;
import io.tlsbench.handshake.message.Extensions;
import io.tlsbench.handshake.message.HandshakeType;
import io.tlsbench.handshake.message.HelloExtension;
import io.tlsbench.handshake.message.Reader;
import io.tlsbench.handshake.message.RenegotiationInfo;
import io.tlsbench.handshake.message.ServerHello;
import io.tlsbench.handshake.message.ServerHelloDone;
import io.tlsbench.handshake.message.ServerKeyExchange;
import io.tlsbench.handshake.message.ServerKeyExchangeParams;
import io.tlsbench.handshake.message.SignatureAlgorithms;
import io.tlsbench.handshake.message.SupportedGroups;
import io.tlsbench.suite.CipherSuite;
import io.tlsbench.suite.ConnectionEnd;
import io.tlsbench.suite.KeyExchange;
import io.tlsbench.suite.ProtocolVersion;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * The server's handshake (RFC 5246 §7.3): process the ClientHello, resume from the session cache
 * when it can, else run the full handshake — ServerHello, Certificate, ServerKeyExchange,
 * CertificateRequest, ServerHelloDone; read the client's flight, establish the keys, read its
 * Finished, send ours.
 */
public final class TlsServer extends HandshakeEngine {

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
    private KeyAgreement keyAgreement;
    private List<Integer> clientSchemes;
    private List<X509Certificate> clientChain = List.of();

    /** What the ClientHello asked of the ServerHello's extensions (RFC 5746, RFC 7627, RFC 8422). */
    private record HelloOptions(boolean secureRenegotiation, boolean clientEms, boolean pointFormats) {
    }

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
    protected void onHandshakeMessage(HandshakeType type, Reader body, byte[] raw) throws TlsAlertException {
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
                processClientHello(ClientHello.decode(body));
                break;
            case WAIT_CERTIFICATE:
                expect(type, HandshakeType.CERTIFICATE);
                transcript.bytes(raw);
                processClientCertificate(Certificate.decode(body));
                state = State.WAIT_KEY_EXCHANGE;
                break;
            case WAIT_KEY_EXCHANGE:
                expect(type, HandshakeType.CLIENT_KEY_EXCHANGE);
                transcript.bytes(raw);
                processClientKeyExchange(body);
                state = clientChain.isEmpty() ? State.WAIT_CCS : State.WAIT_CERTIFICATE_VERIFY;
                break;
            case WAIT_CERTIFICATE_VERIFY:
                expect(type, HandshakeType.CERTIFICATE_VERIFY);
                processCertificateVerify(CertificateVerify.decode(body, version));
                transcript.bytes(raw); // after: the signature covers the messages before it
                state = State.WAIT_CCS;
                break;
            case WAIT_FINISHED:
                expect(type, HandshakeType.FINISHED);
                processFinished(body, raw);
                break;
            default:
                throw unexpected(type);
        }
    }

    // ---------------------------------------------------------------- ClientHello

    private void processClientHello(ClientHello hello) throws TlsAlertException {
        clientVersion = hello.version();
        ProtocolVersion v = negotiateVersion(clientVersion);
        if (!hello.offersNullCompression()) {
            throw new TlsAlertException(AlertDescription.ILLEGAL_PARAMETER, "client does not offer null compression");
        }
        clientRandom = hello.random();
        if (hello.cipherSuites().contains(ClientHello.FALLBACK_SCSV) && v.compareTo(config.maxVersion) < 0) {
            throw new TlsAlertException(AlertDescription.INAPPROPRIATE_FALLBACK, "fallback to " + v
                    + " while " + config.maxVersion + " is supported (RFC 7507)");
        }
        HelloOptions options = helloOptions(hello, v);
        SupportedGroups groups = hello.extensions().get(SupportedGroups.TYPE);
        // RFC 4492 §4: absent means the client supports P-256 (at least).
        List<Integer> clientGroups = groups == null ? List.of(TlsConfig.SECP256R1) : groups.groups();
        SignatureAlgorithms schemes = hello.extensions().get(SignatureAlgorithms.TYPE);
        clientSchemes = schemes == null ? null : schemes.schemes();
        version = v;
        if (resumeSession(hello, options)) {
            return;
        }
        ems = options.clientEms() && config.extendedMasterSecret;
        chooseSuite(hello.cipherSuites(), clientGroups);
        fullHandshake(options);
    }

    /** RFC 5246 Appendix E.1: a higher version than ours is answered with our highest. */
    private ProtocolVersion negotiateVersion(int offeredWire) throws TlsAlertException {
        if ((offeredWire >>> 8) < 3) {
            throw new TlsAlertException(AlertDescription.PROTOCOL_VERSION,
                    String.format("client version 0x%04x", offeredWire));
        }
        ProtocolVersion offered = (offeredWire >>> 8) > 3 || (offeredWire & 0xff) >= 3 ? ProtocolVersion.TLS12
                : ProtocolVersion.fromWire(3, offeredWire & 0xff);
        ProtocolVersion v = offered.compareTo(config.maxVersion) < 0 ? offered : config.maxVersion;
        if (v.compareTo(config.minVersion) < 0) {
            throw new TlsAlertException(AlertDescription.PROTOCOL_VERSION, "client offers at most " + offered
                    + "; this server needs at least " + config.minVersion);
        }
        return v;
    }

    /** The ClientHello's renegotiation_info, extended_master_secret and ec_point_formats, checked. */
    private static HelloOptions helloOptions(ClientHello hello, ProtocolVersion v) throws TlsAlertException {
        Extensions ext = hello.extensions();
        boolean secureRenegotiation = ext.get(RenegotiationInfo.TYPE) != null
                || hello.cipherSuites().contains(ClientHello.EMPTY_RENEGOTIATION_INFO_SCSV);
        boolean clientEms = ext.get(ExtendedMasterSecret.TYPE) != null && v != ProtocolVersion.SSL3;
        EcPointFormats pointFormats = ext.get(EcPointFormats.TYPE);
        if (pointFormats != null && !pointFormats.offersUncompressed()) {
            throw new TlsAlertException(AlertDescription.ILLEGAL_PARAMETER, "ec_point_formats lacks uncompressed");
        }
        return new HelloOptions(secureRenegotiation, clientEms, pointFormats != null);
    }

    // ---------------------------------------------------------------- resumption (RFC 5246 §7.3, RFC 7627 §5.3)

    /** Resumes the offered session if the cache has it for this version and an offered suite. */
    private boolean resumeSession(ClientHello hello, HelloOptions options) throws TlsAlertException {
        Session cached = config.sessionCache == null ? null : config.sessionCache.get(hello.sessionId());
        if (cached == null || cached.version() != version || !hello.cipherSuites().contains(cached.suite().id)
                || !config.suites.contains(cached.suite())) {
            return false;
        }
        if (cached.extendedMasterSecret() && !options.clientEms()) {
            // RFC 7627 §5.3: an EMS session must not be resumed without EMS.
            throw new TlsAlertException(AlertDescription.HANDSHAKE_FAILURE,
                    "client resumes an extended-master-secret session without the extension");
        }
        byte[] cachedMaster = cached.extendedMasterSecret() == options.clientEms() ? cached.masterSecretCopy() : null;
        if (cachedMaster == null) { // invalidated since the lookup (evicted, or a fatal alert elsewhere)
            return false;
        }
        resumed = true;
        session = cached;
        suite = cached.suite();
        ems = cached.extendedMasterSecret();
        master = cachedMaster;
        config.random.nextBytes(serverRandom);
        send(serverHello(cached.idBytes(), options.secureRenegotiation(), false));
        installKeys(master, clientRandom, serverRandom);
        keyLog(clientRandom, master);
        sendFinished();
        state = State.WAIT_CCS;
        return true;
    }

    // ---------------------------------------------------------------- full handshake

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
            keyAgreement = KeyAgreement.of(s.keyExchange, config.provider, config.random);
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

    /** ServerHello, Certificate, ServerKeyExchange?, CertificateRequest?, ServerHelloDone. */
    private void fullHandshake(HelloOptions options) throws TlsAlertException {
        config.random.nextBytes(serverRandom);
        byte[] sessionId = new byte[config.sessionCache == null ? 0 : 32];
        config.random.nextBytes(sessionId);
        session = new Session(sessionId, version, suite, new byte[48], ems, List.of(), System.currentTimeMillis());
        send(serverHello(sessionId, options.secureRenegotiation(),
                options.pointFormats() && suite.keyExchange.elliptic()));
        send(new Certificate(credential.chain()));
        sendServerKeyExchange();
        boolean requestCertificate = config.clientAuth != TlsConfig.ClientAuth.NONE;
        if (requestCertificate) {
            send(certificateRequest());
        }
        send(ServerHelloDone.INSTANCE);
        flushHandshake();
        state = requestCertificate ? State.WAIT_CERTIFICATE : State.WAIT_KEY_EXCHANGE;
    }

    private ServerHello serverHello(byte[] sessionId, boolean secureRenegotiation, boolean pointFormats) {
        List<HelloExtension> ext = new ArrayList<>();
        if (secureRenegotiation) {
            ext.add(RenegotiationInfo.INITIAL);
        }
        if (ems) {
            ext.add(ExtendedMasterSecret.INSTANCE);
        }
        if (pointFormats) {
            ext.add(EcPointFormats.UNCOMPRESSED);
        }
        return new ServerHello(version.wire(), serverRandom, sessionId, suite.id, 0, new Extensions(ext));
    }

    /** The ephemeral exchanges' params, signed over both randoms (RFC 5246 §7.4.3); nothing for RSA. */
    private void sendServerKeyExchange() throws TlsAlertException {
        try {
            ServerKeyExchangeParams params = keyAgreement.generateServerParams(group);
            if (params == null) {
                return;
            }
            int scheme = 0;
            if (version == ProtocolVersion.TLS12) {
                scheme = Signatures.choose(credential.keyAlgorithm(), clientSchemes);
            }
            byte[] signature = Signatures.sign(config.provider, version, scheme, signingKey(credential),
                    config.random, clientRandom, serverRandom, params.encoded());
            send(new ServerKeyExchange<>(params, scheme, signature));
        } catch (GeneralSecurityException e) {
            throw new TlsAlertException(AlertDescription.INTERNAL_ERROR, "ServerKeyExchange failed in "
                    + providerName() + ": " + e.getMessage(), e);
        }
    }

    private CertificateRequest certificateRequest() {
        // SSLv3 has no ECDSA, so rsa_sign alone there.
        byte[] types = version == ProtocolVersion.SSL3 ? new byte[] {CertificateRequest.RSA_SIGN}
                : new byte[] {CertificateRequest.RSA_SIGN, CertificateRequest.ECDSA_SIGN};
        List<Integer> schemes = version == ProtocolVersion.TLS12 ? REQUESTED_SCHEMES : List.of();
        return new CertificateRequest(types, schemes, new byte[0]); // any certificate authority
    }

    // ---------------------------------------------------------------- the client's flight

    private void processClientCertificate(Certificate certificate) throws TlsAlertException {
        List<X509Certificate> chain = certificate.chain();
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

    /** The pre-master from the ClientKeyExchange, then the master secret and the pending keys. */
    private void processClientKeyExchange(Reader body) throws TlsAlertException {
        preMaster = keyAgreement.processClientKeyExchange(body, version, credential.privateKey(), clientVersion);
        deriveMasterSecret(ems, clientRandom, serverRandom);
        installKeys(master, clientRandom, serverRandom);
    }

    private void processCertificateVerify(CertificateVerify verify) throws TlsAlertException {
        if (version == ProtocolVersion.TLS12 && !REQUESTED_SCHEMES.contains(verify.scheme())) {
            throw new TlsAlertException(AlertDescription.ILLEGAL_PARAMETER,
                    String.format("client signed with 0x%04x, which was not requested", verify.scheme()));
        }
        if (version == ProtocolVersion.SSL3) {
            Signatures.verifySsl3(config.provider, clientChain.get(0).getPublicKey(), verify.signature(),
                    keySchedule.ssl3CertificateVerifyHash(master, transcriptBytes()));
            return;
        }
        Signatures.verify(config.provider, version, verify.scheme(), clientChain.get(0).getPublicKey(),
                verify.signature(), "CertificateVerify", transcriptBytes());
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

    /** The client's Finished; after a full handshake ours follows and the session goes into the cache. */
    private void processFinished(Reader body, byte[] raw) throws TlsAlertException {
        readFinished(body, raw);
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
}
