package io.tlsbench.handshake;

import io.tlsbench.alert.AlertDescription;
import io.tlsbench.alert.AlertLevel;
import io.tlsbench.alert.TlsAlertException;
import io.tlsbench.kdf.KeySchedule;
import io.tlsbench.kdf.PrfAlgorithm;
import io.tlsbench.suite.CipherSuite;
import io.tlsbench.suite.ConnectionEnd;
import io.tlsbench.suite.KeyExchange;
import io.tlsbench.suite.ProtocolVersion;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Cipher;

/** The client's handshake (RFC 5246 §7.3), full or abbreviated when it offers a session to resume. */
public final class TlsClient extends TlsEngine {

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
    private int group;
    private PublicKey serverEphemeral;
    private BigInteger dhP;
    private BigInteger dhG;
    private BigInteger dhYs;
    private boolean certificateRequested;
    private List<Integer> requestedSchemes;
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
        Writer w = new Writer(512);
        w.u16(offeredVersion.wire()).bytes(clientRandom);
        w.vector8(offered != null ? offered.idBytes() : new byte[0]);
        int suitesMark = w.mark(2);
        boolean anyEcc = false;
        for (CipherSuite s : config.suites) {
            if (s.maxVersion.compareTo(config.minVersion) >= 0 && s.minVersion.compareTo(config.maxVersion) <= 0) {
                w.u16(s.id);
                anyEcc |= s.keyExchange.elliptic();
            }
        }
        boolean ssl3Only = offeredVersion == ProtocolVersion.SSL3;
        if (ssl3Only) {
            w.u16(Extensions.EMPTY_RENEGOTIATION_INFO_SCSV); // SSLv3 hellos carry no extensions (RFC 5746 §3.3)
        }
        if (config.fallback) {
            w.u16(Extensions.FALLBACK_SCSV);
        }
        w.fillLength(suitesMark, 2);
        w.vector8(new byte[] {0});
        if (!ssl3Only) {
            Map<Integer, byte[]> ext = new LinkedHashMap<>();
            if (config.serverName != null) {
                byte[] name = config.serverName.getBytes(StandardCharsets.US_ASCII);
                Writer sni = new Writer(name.length + 5);
                int m = sni.mark(2);
                sni.u8(0).vector16(name);
                sni.fillLength(m, 2);
                ext.put(Extensions.SERVER_NAME, sni.toByteArray());
            }
            if (anyEcc) {
                Writer g = new Writer(16);
                int m = g.mark(2);
                for (int group : config.groups) {
                    g.u16(group);
                }
                g.fillLength(m, 2);
                ext.put(Extensions.SUPPORTED_GROUPS, g.toByteArray());
                ext.put(Extensions.EC_POINT_FORMATS, new byte[] {1, 0});
                sentPointFormats = true;
            }
            if (offeredVersion == ProtocolVersion.TLS12) {
                Writer sa = new Writer(32);
                int m = sa.mark(2);
                for (int scheme : Signatures.SUPPORTED) {
                    sa.u16(scheme);
                }
                sa.fillLength(m, 2);
                ext.put(Extensions.SIGNATURE_ALGORITHMS, sa.toByteArray());
            }
            if (config.extendedMasterSecret) {
                ext.put(Extensions.EXTENDED_MASTER_SECRET, new byte[0]);
                sentEms = true;
            }
            ext.put(Extensions.RENEGOTIATION_INFO, new byte[] {0});
            Extensions.encode(w, ext);
        }
        sendHandshake(HandshakeType.CLIENT_HELLO, w.toByteArray());
        flushHandshake();
        state = State.WAIT_SERVER_HELLO;
    }

    @Override
    protected void onHandshakeMessage(int type, Reader body, byte[] raw) throws TlsAlertException {
        if (state == State.DONE) {
            if (type == HandshakeType.HELLO_REQUEST) {
                body.end();
                refuseRenegotiation();
                return;
            }
            throw unexpected(type);
        }
        if (type == HandshakeType.HELLO_REQUEST) {
            body.end();
            return; // ignored during a handshake (RFC 5246 §7.4.1.1); not part of the transcript
        }
        switch (state) {
            case WAIT_SERVER_HELLO:
                expect(type, HandshakeType.SERVER_HELLO);
                transcript.bytes(raw);
                serverHello(body);
                break;
            case WAIT_CERTIFICATE:
                expect(type, HandshakeType.CERTIFICATE);
                transcript.bytes(raw);
                certificate(body);
                break;
            case WAIT_KEY_EXCHANGE:
                if (suite.keyExchange.ephemeral) {
                    expect(type, HandshakeType.SERVER_KEY_EXCHANGE);
                    transcript.bytes(raw);
                    serverKeyExchange(body);
                    state = State.WAIT_DONE;
                    break;
                }
                state = State.WAIT_DONE;
                onHandshakeMessage(type, body, raw);
                return;
            case WAIT_DONE:
                if (type == HandshakeType.CERTIFICATE_REQUEST && !certificateRequested) {
                    transcript.bytes(raw);
                    certificateRequest(body);
                    break;
                }
                expect(type, HandshakeType.SERVER_HELLO_DONE);
                body.end();
                transcript.bytes(raw);
                sendFlight();
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

    private void serverHello(Reader r) throws TlsAlertException {
        int v = r.u16("server_version");
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
        serverRandom = r.bytes(32, "random");
        byte[] sessionId = r.vector8("session_id");
        if (sessionId.length > 32) {
            throw new TlsAlertException(AlertDescription.DECODE_ERROR, "session id of " + sessionId.length + " bytes");
        }
        int id = r.u16("cipher_suite");
        CipherSuite chosen = CipherSuite.findId(id);
        if (chosen == null || !config.suites.contains(chosen) || !chosen.allows(sv)) {
            throw new TlsAlertException(AlertDescription.ILLEGAL_PARAMETER,
                    String.format("server chose suite 0x%04x, which was not offered for %s", id, sv));
        }
        if (r.u8("compression_method") != 0) {
            throw new TlsAlertException(AlertDescription.ILLEGAL_PARAMETER, "server chose a compression method");
        }
        Map<Integer, byte[]> ext = Extensions.decode(r);
        r.end();
        for (Map.Entry<Integer, byte[]> e : ext.entrySet()) {
            int t = e.getKey();
            boolean sent = t == Extensions.RENEGOTIATION_INFO || (t == Extensions.EXTENDED_MASTER_SECRET && sentEms)
                    || (t == Extensions.EC_POINT_FORMATS && sentPointFormats)
                    || (t == Extensions.SERVER_NAME && config.serverName != null);
            if (!sent) {
                throw new TlsAlertException(AlertDescription.UNSUPPORTED_EXTENSION, "server sent extension " + t
                        + " that was not offered");
            }
        }
        byte[] reneg = ext.get(Extensions.RENEGOTIATION_INFO);
        if (reneg != null && !(reneg.length == 1 && reneg[0] == 0)) {
            throw new TlsAlertException(AlertDescription.HANDSHAKE_FAILURE, "renegotiation_info is not empty");
        }
        byte[] emsExt = ext.get(Extensions.EXTENDED_MASTER_SECRET);
        if (emsExt != null && emsExt.length != 0) {
            throw new TlsAlertException(AlertDescription.DECODE_ERROR, "extended_master_secret is not empty");
        }
        version = sv;
        suite = chosen;
        ems = emsExt != null && sv != ProtocolVersion.SSL3;

        if (offered != null && sessionId.length > 0 && Arrays.equals(sessionId, offered.idBytes())) {
            // RFC 5246 §7.4.1.3 and RFC 7627 §5.3: a resumed session keeps its version, suite and EMS.
            if (offered.version() != sv || offered.suite() != chosen) {
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
            return;
        }
        session = new Session(sessionId, sv, chosen, new byte[48], ems, List.of(), System.currentTimeMillis());
        state = State.WAIT_CERTIFICATE;
    }

    private void certificate(Reader r) throws TlsAlertException {
        List<X509Certificate> chain = readCertificates(r);
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

    private void serverKeyExchange(Reader r) throws TlsAlertException {
        byte[] params;
        if (suite.keyExchange.elliptic()) {
            Reader p = new Reader(peekRemaining(r), "ServerECDHParams");
            if (p.u8("curve_type") != 3) {
                throw new TlsAlertException(AlertDescription.ILLEGAL_PARAMETER, "only named curves are supported");
            }
            group = p.u16("named_curve");
            if (!config.groups.contains(group) || !KeyExchangeMath.supported(group)) {
                throw new TlsAlertException(AlertDescription.ILLEGAL_PARAMETER, "server chose group " + group
                        + ", which was not offered");
            }
            byte[] point = p.vector8("point");
            params = r.bytes(1 + 2 + 1 + point.length, "ServerECDHParams");
            serverEphemeral = KeyExchangeMath.decode(config.provider, group, point);
        } else {
            // The signature covers the params as sent (a peer may keep leading zero bytes), so
            // they are taken raw, not re-encoded.
            Reader p = new Reader(peekRemaining(r), "ServerDHParams");
            byte[] pBytes = p.vector16("dh_p");
            byte[] gBytes = p.vector16("dh_g");
            byte[] ysBytes = p.vector16("dh_Ys");
            params = r.bytes(6 + pBytes.length + gBytes.length + ysBytes.length, "ServerDHParams");
            dhP = new BigInteger(1, pBytes);
            dhG = new BigInteger(1, gBytes);
            dhYs = new BigInteger(1, ysBytes);
            if (dhP.bitLength() < 1024 || dhG.compareTo(BigInteger.ONE) <= 0 || dhG.compareTo(dhP) >= 0) {
                throw new TlsAlertException(AlertDescription.INSUFFICIENT_SECURITY, "DH group of "
                        + dhP.bitLength() + " bits or a bad generator");
            }
        }
        int scheme = 0;
        if (version == ProtocolVersion.TLS12) {
            scheme = r.u16("signature algorithm");
            if (!Signatures.SUPPORTED.contains(scheme)) {
                throw new TlsAlertException(AlertDescription.ILLEGAL_PARAMETER,
                        String.format("server signed with 0x%04x, which was not offered", scheme));
            }
        }
        byte[] signature = r.vector16("signature");
        r.end();
        Signatures.verify(config.provider, version, scheme, serverKey, signature, "ServerKeyExchange",
                clientRandom, serverRandom, params);
    }

    /** The reader's remaining bytes, without consuming them. */
    private static byte[] peekRemaining(Reader r) {
        return r.peek();
    }

    private void certificateRequest(Reader r) throws TlsAlertException {
        if (r.vector8("certificate_types").length == 0) {
            throw new TlsAlertException(AlertDescription.DECODE_ERROR, "empty certificate_types");
        }
        if (version == ProtocolVersion.TLS12) {
            int length = r.u16("supported_signature_algorithms length");
            if (length < 2 || length % 2 != 0) {
                throw new TlsAlertException(AlertDescription.DECODE_ERROR,
                        "supported_signature_algorithms of " + length + " bytes");
            }
            Writer w = new Writer(length + 2);
            requestedSchemes = u16List(w.u16(length).bytes(r.bytes(length, "supported_signature_algorithms"))
                    .toByteArray(), "supported_signature_algorithms");
        }
        r.vector16("certificate_authorities");
        r.end();
        certificateRequested = true;
    }

    /** Certificate?, ClientKeyExchange, CertificateVerify?, ChangeCipherSpec, Finished. */
    private void sendFlight() throws TlsAlertException {
        Credential credential = null;
        if (certificateRequested) {
            credential = config.credentials.isEmpty() ? null : config.credentials.get(0);
        }
        if (certificateRequested && credential == null && version == ProtocolVersion.SSL3) {
            sendAlert(AlertLevel.WARNING, AlertDescription.NO_CERTIFICATE_RESERVED); // SSLv3 has no empty Certificate
        } else if (certificateRequested) {
            sendCertificate(credential == null ? List.of() : credential.chain());
        }
        try {
            preMaster = clientKeyExchange();
        } catch (GeneralSecurityException e) {
            throw new TlsAlertException(AlertDescription.INTERNAL_ERROR, "key exchange failed in "
                    + providerName() + ": " + e.getMessage(), e);
        }
        master = new byte[KeySchedule.MASTER_SECRET_LENGTH];
        try {
            if (ems) {
                PrfAlgorithm prf = PrfAlgorithm.of(version, suite);
                byte[] hash = new byte[64];
                int n = keySchedule.handshakeHash(prf, transcriptBytes(), hash);
                keySchedule.extendedMasterSecret(version, suite, preMaster, Arrays.copyOf(hash, n), master);
            } else {
                keySchedule.masterSecret(version, suite, preMaster, clientRandom, serverRandom, master);
            }
        } finally {
            Arrays.fill(preMaster, (byte) 0);
        }
        keyLog(clientRandom, master);
        if (credential != null) {
            certificateVerify(credential);
        }
        installKeys(master, clientRandom, serverRandom);
        sendFinished();
    }

    private byte[] clientKeyExchange() throws GeneralSecurityException, TlsAlertException {
        Writer w = new Writer(600);
        KeyExchange kx = suite.keyExchange; // preMaster is the engine's field: wiped on release even if this throws
        if (kx == KeyExchange.RSA) {
            preMaster = new byte[48];
            config.random.nextBytes(preMaster);
            preMaster[0] = (byte) offeredVersion.major; // RFC 5246 §7.4.7.1: the version the client offered
            preMaster[1] = (byte) offeredVersion.minor;
            Cipher rsa = config.provider.cipher("RSA/ECB/PKCS1Padding");
            rsa.init(Cipher.ENCRYPT_MODE, serverKey, config.random);
            byte[] encrypted = rsa.doFinal(preMaster);
            if (version == ProtocolVersion.SSL3) {
                w.bytes(encrypted); // SSLv3 sends the bare encryption, no length
            } else {
                w.vector16(encrypted);
            }
        } else if (kx.elliptic()) {
            KeyPair own = KeyExchangeMath.generate(config.provider, group, config.random);
            preMaster = KeyExchangeMath.agree(config.provider, group, own.getPrivate(), serverEphemeral);
            w.vector8(KeyExchangeMath.encode(group, own.getPublic()));
        } else {
            KeyPair own = KeyExchangeMath.generateDh(config.provider, dhP, dhG, config.random);
            preMaster = KeyExchangeMath.agreeDh(config.provider, own.getPrivate(), dhP, dhG, dhYs);
            w.vector16(KeyExchangeMath.unsigned(KeyExchangeMath.dhY(own.getPublic())));
        }
        sendHandshake(HandshakeType.CLIENT_KEY_EXCHANGE, w.toByteArray());
        return preMaster;
    }

    private void certificateVerify(Credential credential) throws TlsAlertException {
        Writer w = new Writer(600);
        try {
            if (version == ProtocolVersion.SSL3) {
                w.vector16(Signatures.signSsl3(config.provider, signingKey(credential), config.random,
                        keySchedule.ssl3CertificateVerifyHash(master, transcriptBytes())));
            } else {
                int scheme = 0;
                if (version == ProtocolVersion.TLS12) {
                    scheme = Signatures.choose(credential.keyAlgorithm(), requestedSchemes);
                    w.u16(scheme);
                }
                w.vector16(Signatures.sign(config.provider, version, scheme, signingKey(credential), config.random,
                        transcriptBytes()));
            }
        } catch (GeneralSecurityException e) {
            throw new TlsAlertException(AlertDescription.INTERNAL_ERROR, "CertificateVerify signing failed: " + e, e);
        }
        sendHandshake(HandshakeType.CERTIFICATE_VERIFY, w.toByteArray());
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
        if (resumed) {
            sendFinished();
        } else {
            session = new Session(session.idBytes(), version, suite, master, ems, serverChain, System.currentTimeMillis());
        }
        state = State.DONE;
        complete();
    }

}
