package io.tlsbench.handshake;

import io.tlsbench.alert.AlertDescription;
import io.tlsbench.alert.AlertLevel;
import io.tlsbench.alert.TlsAlertException;
import io.tlsbench.handshake.keyexchange.KeyAgreement;
import io.tlsbench.handshake.message.Certificate;
import io.tlsbench.handshake.message.CertificateRequest;
import io.tlsbench.handshake.message.CertificateVerify;
import io.tlsbench.handshake.message.ClientHello;
import io.tlsbench.handshake.message.EcPointFormats;
import io.tlsbench.handshake.message.ExtendedMasterSecret;
import io.tlsbench.handshake.message.Extensions;
import io.tlsbench.handshake.message.HandshakeType;
import io.tlsbench.handshake.message.HelloExtension;
import io.tlsbench.handshake.message.HelloRequest;
import io.tlsbench.handshake.message.Reader;
import io.tlsbench.handshake.message.RenegotiationInfo;
import io.tlsbench.handshake.message.ServerHello;
import io.tlsbench.handshake.message.ServerHelloDone;
import io.tlsbench.handshake.message.ServerKeyExchange;
import io.tlsbench.handshake.message.ServerName;
import io.tlsbench.handshake.message.SignatureAlgorithms;
import io.tlsbench.handshake.message.SupportedGroups;
import io.tlsbench.suite.CipherSuite;
import io.tlsbench.suite.ConnectionEnd;
import io.tlsbench.suite.ProtocolVersion;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;

/**
 * The client's handshake (RFC 5246 §7.3): send the ClientHello; process the ServerHello (an
 * abbreviated handshake when the server resumes the offered session), the server's Certificate,
 * ServerKeyExchange, CertificateRequest and ServerHelloDone; send our flight, establishing the
 * keys; read the server's Finished.
 */
public final class TlsClient extends HandshakeEngine {

    private enum State { START, WAIT_SERVER_HELLO, WAIT_CERTIFICATE, WAIT_KEY_EXCHANGE, WAIT_DONE, WAIT_CCS,
        WAIT_FINISHED, DONE }

    private State state = State.START;
    private final Session offered;
    private final byte[] clientRandom = new byte[32];
    private byte[] serverRandom;
    private boolean ems;
    private boolean sentEms;
    private boolean sentPointFormats;
    private List<X509Certificate> serverChain = List.of();
    private PublicKey serverKey;
    private KeyAgreement keyAgreement;
    private CertificateRequest certificateRequest;
    private ProtocolVersion offeredVersion;

    /** A client that will offer no session. */
    public TlsClient(TlsConfig config) {
        this(config, null);
    }

    /** A client that offers to resume the given session (if it is still resumable). */
    public TlsClient(TlsConfig config, Session resume) {
        super(config, ConnectionEnd.CLIENT);
        this.offered = resume != null && resume.resumable() ? resume : null;
    }

    @Override
    public void start() throws TlsAlertException {
        if (state != State.START) {
            throw new TlsAlertException(AlertDescription.INTERNAL_ERROR, "handshake already started");
        }
        config.random.nextBytes(clientRandom);
        offeredVersion = config.maxVersion;
        send(clientHello());
        flushHandshake();
        state = State.WAIT_SERVER_HELLO;
    }

    private ClientHello clientHello() {
        List<Integer> suites = new ArrayList<>();
        boolean anyEcc = false;
        for (CipherSuite s : config.suites) {
            if (s.allowsSomeVersionIn(config.minVersion, config.maxVersion)) {
                suites.add(s.id);
                anyEcc |= s.keyExchange.elliptic();
            }
        }
        boolean ssl3Only = offeredVersion == ProtocolVersion.SSL3;
        if (ssl3Only) {
            suites.add(ClientHello.EMPTY_RENEGOTIATION_INFO_SCSV); // SSLv3 hellos carry no extensions (RFC 5746 §3.3)
        }
        if (config.fallback) {
            suites.add(ClientHello.FALLBACK_SCSV);
        }
        return new ClientHello(offeredVersion.wire(), clientRandom, offered != null ? offered.idBytes() : new byte[0],
                suites, ClientHello.NO_COMPRESSION, ssl3Only ? Extensions.NONE : helloExtensions(anyEcc));
    }

    private Extensions helloExtensions(boolean anyEcc) {
        List<HelloExtension> ext = new ArrayList<>();
        if (config.serverName != null) {
            ext.add(new ServerName(config.serverName));
        }
        if (anyEcc) {
            ext.add(new SupportedGroups(config.groups));
            ext.add(EcPointFormats.UNCOMPRESSED);
            sentPointFormats = true;
        }
        if (offeredVersion == ProtocolVersion.TLS12) {
            ext.add(new SignatureAlgorithms(Signatures.SUPPORTED));
        }
        if (config.extendedMasterSecret) {
            ext.add(ExtendedMasterSecret.INSTANCE);
            sentEms = true;
        }
        ext.add(RenegotiationInfo.INITIAL);
        return new Extensions(ext);
    }

    @Override
    protected void onHandshakeMessage(HandshakeType type, Reader body, byte[] raw) throws TlsAlertException {
        if (type == HandshakeType.HELLO_REQUEST) {
            HelloRequest.decode(body); // not part of the transcript
            if (state == State.DONE) {
                refuseRenegotiation();
            }
            return; // during a handshake it is ignored (RFC 5246 §7.4.1.1)
        }
        if (state == State.DONE) {
            throw unexpected(type);
        }
        switch (state) {
            case WAIT_SERVER_HELLO:
                expect(type, HandshakeType.SERVER_HELLO);
                transcript.bytes(raw);
                processServerHello(ServerHello.decode(body));
                break;
            case WAIT_CERTIFICATE:
                expect(type, HandshakeType.CERTIFICATE);
                transcript.bytes(raw);
                processCertificate(Certificate.decode(body));
                break;
            case WAIT_KEY_EXCHANGE:
                if (!suite.keyExchange.ephemeral) {
                    state = State.WAIT_DONE; // RSA: no ServerKeyExchange (RFC 5246 §7.4.3)
                    onHandshakeMessage(type, body, raw);
                    return;
                }
                expect(type, HandshakeType.SERVER_KEY_EXCHANGE);
                transcript.bytes(raw);
                processServerKeyExchange(body);
                state = State.WAIT_DONE;
                break;
            case WAIT_DONE:
                if (type == HandshakeType.CERTIFICATE_REQUEST && certificateRequest == null) {
                    transcript.bytes(raw);
                    certificateRequest = CertificateRequest.decode(body, version);
                    break;
                }
                expect(type, HandshakeType.SERVER_HELLO_DONE);
                ServerHelloDone.decode(body);
                transcript.bytes(raw);
                sendClientFlight();
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

    // ---------------------------------------------------------------- ServerHello

    private void processServerHello(ServerHello hello) throws TlsAlertException {
        ProtocolVersion sv = serverVersion(hello.version());
        serverRandom = hello.random();
        CipherSuite chosen = CipherSuite.findId(hello.cipherSuite());
        if (chosen == null || !config.suites.contains(chosen) || !chosen.allows(sv)) {
            throw new TlsAlertException(AlertDescription.ILLEGAL_PARAMETER, String.format(
                    "server chose suite 0x%04x, which was not offered for %s", hello.cipherSuite(), sv));
        }
        if (hello.compressionMethod() != 0) {
            throw new TlsAlertException(AlertDescription.ILLEGAL_PARAMETER, "server chose a compression method");
        }
        boolean serverEms = checkExtensions(hello.extensions());
        version = sv;
        suite = chosen;
        ems = serverEms && sv != ProtocolVersion.SSL3;
        byte[] sessionId = hello.sessionId();
        if (offered != null && sessionId.length > 0 && Arrays.equals(sessionId, offered.idBytes())) {
            resumeSession();
            return;
        }
        keyAgreement = KeyAgreement.of(chosen.keyExchange, config.provider, config.random);
        session = new Session(sessionId, sv, chosen, new byte[48], ems, List.of(), System.currentTimeMillis());
        state = State.WAIT_CERTIFICATE;
    }

    private ProtocolVersion serverVersion(int v) throws TlsAlertException {
        ProtocolVersion sv;
        try {
            sv = ProtocolVersion.fromWire(v >>> 8, v & 0xff);
        } catch (IllegalArgumentException e) {
            throw new TlsAlertException(AlertDescription.PROTOCOL_VERSION, String.format("server chose version 0x%04x", v));
        }
        if (sv.compareTo(config.minVersion) < 0 || sv.compareTo(offeredVersion) > 0) {
            throw new TlsAlertException(AlertDescription.PROTOCOL_VERSION, "server chose " + sv + ", outside "
                    + config.minVersion + " to " + offeredVersion);
        }
        return sv;
    }

    /** Only what the client offered may come back (RFC 5246 §7.4.1.4); returns whether EMS did. */
    private boolean checkExtensions(Extensions ext) throws TlsAlertException {
        for (int t : ext.types()) {
            boolean sent = t == RenegotiationInfo.TYPE.code() || (t == ExtendedMasterSecret.TYPE.code() && sentEms)
                    || (t == EcPointFormats.TYPE.code() && sentPointFormats)
                    || (t == ServerName.TYPE.code() && config.serverName != null);
            if (!sent) {
                throw new TlsAlertException(AlertDescription.UNSUPPORTED_EXTENSION, "server sent extension " + t
                        + " that was not offered");
            }
        }
        ext.get(RenegotiationInfo.TYPE); // decoding checks it is empty (RFC 5746 §3.4)
        return ext.get(ExtendedMasterSecret.TYPE) != null;
    }

    /** RFC 5246 §7.4.1.3 and RFC 7627 §5.3: a resumed session keeps its version, suite and EMS. */
    private void resumeSession() throws TlsAlertException {
        if (offered.version() != version || offered.suite() != suite) {
            throw new TlsAlertException(AlertDescription.ILLEGAL_PARAMETER,
                    "server resumed with a different version or suite");
        }
        if (offered.extendedMasterSecret() != ems) {
            throw new TlsAlertException(AlertDescription.HANDSHAKE_FAILURE,
                    "server resumed with a different extended-master-secret state");
        }
        resumed = true;
        session = offered;
        master = offered.masterSecretCopy();
        if (master == null) {
            throw new TlsAlertException(AlertDescription.INTERNAL_ERROR,
                    "the offered session was invalidated during the handshake");
        }
        installKeys(master, clientRandom, serverRandom);
        keyLog(clientRandom, master);
        state = State.WAIT_CCS;
    }

    // ---------------------------------------------------------------- the server's flight

    private void processCertificate(Certificate certificate) throws TlsAlertException {
        List<X509Certificate> chain = certificate.chain();
        if (chain.isEmpty()) {
            throw new TlsAlertException(AlertDescription.BAD_CERTIFICATE, "server sent no certificate");
        }
        if (config.verifyPeer) {
            CertificateChecker.check(chain, config.trustAnchors, config.checkServerName ? config.serverName : null,
                    new Date());
        }
        serverKey = chain.get(0).getPublicKey();
        if (!serverKey.getAlgorithm().equals(suite.keyExchange.certificateKeyAlgorithm)) {
            throw new TlsAlertException(AlertDescription.UNSUPPORTED_CERTIFICATE, "a " + serverKey.getAlgorithm()
                    + " certificate cannot serve " + suite.keyExchange);
        }
        serverChain = chain;
        state = State.WAIT_KEY_EXCHANGE;
    }

    /** The params, checked by the key agreement; then the signature over both randoms and them (RFC 5246 §7.4.3). */
    private void processServerKeyExchange(Reader body) throws TlsAlertException {
        ServerKeyExchange<?> ske = keyAgreement.processServerKeyExchange(body, version, config.groups);
        if (version == ProtocolVersion.TLS12 && !Signatures.SUPPORTED.contains(ske.scheme())) {
            throw new TlsAlertException(AlertDescription.ILLEGAL_PARAMETER,
                    String.format("server signed with 0x%04x, which was not offered", ske.scheme()));
        }
        Signatures.verify(config.provider, version, ske.scheme(), serverKey, ske.signature(), "ServerKeyExchange",
                clientRandom, serverRandom, ske.params().encoded());
    }

    // ---------------------------------------------------------------- our flight

    /** Certificate?, ClientKeyExchange, CertificateVerify?, ChangeCipherSpec, Finished. */
    private void sendClientFlight() throws TlsAlertException {
        Credential credential = null;
        if (certificateRequest != null) {
            credential = config.credentials.isEmpty() ? null : config.credentials.get(0);
        }
        if (certificateRequest != null && credential == null && version == ProtocolVersion.SSL3) {
            sendAlert(AlertLevel.WARNING, AlertDescription.NO_CERTIFICATE_RESERVED); // SSLv3 has no empty Certificate
        } else if (certificateRequest != null) {
            send(new Certificate(credential == null ? List.of() : credential.chain()));
        }
        try {
            KeyAgreement.ClientExchange exchange = keyAgreement.generateClientKeyExchange(serverKey, offeredVersion);
            preMaster = exchange.preMaster(); // the engine's from here: wiped once used, and on release
            send(exchange.message());
        } catch (GeneralSecurityException e) {
            throw new TlsAlertException(AlertDescription.INTERNAL_ERROR, "key exchange failed in "
                    + providerName() + ": " + e.getMessage(), e);
        }
        deriveMasterSecret(ems, clientRandom, serverRandom);
        if (credential != null) {
            sendCertificateVerify(credential);
        }
        installKeys(master, clientRandom, serverRandom);
        sendFinished();
    }

    private void sendCertificateVerify(Credential credential) throws TlsAlertException {
        int scheme = 0;
        byte[] signature;
        try {
            if (version == ProtocolVersion.SSL3) {
                signature = Signatures.signSsl3(config.provider, signingKey(credential), config.random,
                        keySchedule.ssl3CertificateVerifyHash(master, transcriptBytes()));
            } else {
                if (version == ProtocolVersion.TLS12) {
                    scheme = Signatures.choose(credential.keyAlgorithm(), certificateRequest.signatureSchemes());
                }
                signature = Signatures.sign(config.provider, version, scheme, signingKey(credential), config.random,
                        transcriptBytes());
            }
        } catch (GeneralSecurityException e) {
            throw new TlsAlertException(AlertDescription.INTERNAL_ERROR, "CertificateVerify signing failed: " + e, e);
        }
        send(new CertificateVerify(scheme, signature));
    }

    @Override
    protected void onChangeCipherSpec() throws TlsAlertException {
        if (state != State.WAIT_CCS) {
            throw new TlsAlertException(AlertDescription.UNEXPECTED_MESSAGE, "ChangeCipherSpec out of order");
        }
        state = State.WAIT_FINISHED;
    }

    /** The server's Finished; after a resumption ours follows, after a full handshake the session is complete. */
    private void processFinished(Reader body, byte[] raw) throws TlsAlertException {
        readFinished(body, raw);
        if (resumed) {
            sendFinished();
        } else {
            session = new Session(session.idBytes(), version, suite, master, ems, serverChain, System.currentTimeMillis());
        }
        state = State.DONE;
        complete();
    }
}
