package io.tlsbench.handshake;

import static io.tlsbench.alert.AlertDescription.BAD_CERTIFICATE;
import static io.tlsbench.alert.AlertDescription.BAD_RECORD_MAC;
import static io.tlsbench.alert.AlertDescription.CERTIFICATE_EXPIRED;
import static io.tlsbench.alert.AlertDescription.DECODE_ERROR;
import static io.tlsbench.alert.AlertDescription.DECRYPT_ERROR;
import static io.tlsbench.alert.AlertDescription.HANDSHAKE_FAILURE;
import static io.tlsbench.alert.AlertDescription.ILLEGAL_PARAMETER;
import static io.tlsbench.alert.AlertDescription.INAPPROPRIATE_FALLBACK;
import static io.tlsbench.alert.AlertDescription.INSUFFICIENT_SECURITY;
import static io.tlsbench.alert.AlertDescription.PROTOCOL_VERSION;
import static io.tlsbench.alert.AlertDescription.RECORD_OVERFLOW;
import static io.tlsbench.alert.AlertDescription.UNEXPECTED_MESSAGE;
import static io.tlsbench.alert.AlertDescription.UNKNOWN_CA;
import static io.tlsbench.alert.AlertDescription.UNSUPPORTED_CERTIFICATE;
import static io.tlsbench.alert.AlertDescription.UNSUPPORTED_EXTENSION;
import static io.tlsbench.handshake.message.HandshakeMessage.frame;
import static io.tlsbench.testing.Flight.bytes;
import static io.tlsbench.testing.Flight.concat;
import static io.tlsbench.testing.Flight.record;
import static io.tlsbench.testing.Flight.recordWithLength;
import static io.tlsbench.testing.Flight.records;
import static io.tlsbench.testing.Flight.withU16;
import static io.tlsbench.testing.Flight.withU8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tlsbench.alert.AlertDescription;
import io.tlsbench.alert.TlsAlertException;
import io.tlsbench.buffer.BufferPool;
import io.tlsbench.handshake.keyexchange.KeyExchangeMath;
import io.tlsbench.handshake.message.Certificate;
import io.tlsbench.handshake.message.CertificateRequest;
import io.tlsbench.handshake.message.ClientHello;
import io.tlsbench.handshake.message.ClientKeyExchange;
import io.tlsbench.handshake.message.EcPointFormats;
import io.tlsbench.handshake.message.ExtendedMasterSecret;
import io.tlsbench.handshake.message.Extensions;
import io.tlsbench.handshake.message.HandshakeMessage;
import io.tlsbench.handshake.message.HelloExtension;
import io.tlsbench.handshake.message.RawExtension;
import io.tlsbench.handshake.message.Reader;
import io.tlsbench.handshake.message.RenegotiationInfo;
import io.tlsbench.handshake.message.ServerDhParams;
import io.tlsbench.handshake.message.ServerEcdhParams;
import io.tlsbench.handshake.message.ServerHello;
import io.tlsbench.handshake.message.ServerKeyExchange;
import io.tlsbench.handshake.message.ServerKeyExchangeParams;
import io.tlsbench.handshake.message.SignatureAlgorithms;
import io.tlsbench.handshake.message.SupportedGroups;
import io.tlsbench.handshake.message.Writer;
import io.tlsbench.testing.Flight;
import io.tlsbench.testing.Flight.Rec;
import io.tlsbench.testing.TestPki;
import io.tlsbench.provider.ProviderId;
import io.tlsbench.provider.ProviderSet;
import io.tlsbench.provider.Providers;
import io.tlsbench.provider.SuiteSupport;
import io.tlsbench.suite.CipherSuite;
import io.tlsbench.suite.ConnectionEnd;
import io.tlsbench.suite.ProtocolVersion;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import javax.crypto.Cipher;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Hostile and malformed input against both state machines, one table row per input, each with
 * the alert RFC 5246 (and RFC 7627, 7507, 5746, 4492/8422) calls for.
 *
 * <p>Technique: real engines run a handshake partway; the test intercepts what the honest peer
 * sends, parses its records (plaintext before ChangeCipherSpec, so handshake messages can be
 * edited), and feeds the victim an edited or wholly crafted flight. After ChangeCipherSpec the
 * test rebuilds the connection's real record keys from the key log ({@link RecordKeys}) to seal
 * hostile Finished messages exactly as the genuine peer would.
 *
 * <p>For every row: the only thing escaping receive() is a {@link TlsAlertException} with the
 * expected description; the engine is closed(); it queued the fatal alert for the peer (a
 * plaintext 21 03 0x 00 02 02 code record before its ChangeCipherSpec, an encrypted alert record
 * after it — decoded by the honest peer when it can); nothing goes back when the alert came from
 * the peer; the shared BufferPool's outstanding count is back where it started.
 *
 * <p>Rows whose expected alert the engine does not produce fail on purpose: the expectation is the
 * RFC's, not the engine's.
 */
class HostileInputTest {

    static final ProviderSet JDK = Providers.require(ProviderId.SUNJCE);
    static final TestPki PKI = TestPki.INSTANCE;
    static final HexFormat HEX = HexFormat.of();

    static final CipherSuite ECDHE_RSA_GCM = CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256;
    static final CipherSuite ECDHE_ECDSA_GCM = CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256;
    static final CipherSuite ECDHE_RSA_CBC = CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA;
    static final CipherSuite RSA_GCM = CipherSuite.TLS_RSA_WITH_AES_128_GCM_SHA256;
    static final CipherSuite RSA_CBC = CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA;
    static final CipherSuite DHE_RSA_GCM = CipherSuite.TLS_DHE_RSA_WITH_AES_128_GCM_SHA256;

    // Handshake message types and record content types.
    static final int CLIENT_HELLO = 1;
    static final int SERVER_HELLO = 2;
    static final int NEW_SESSION_TICKET = 4;
    static final int CERTIFICATE = 11;
    static final int SERVER_KEY_EXCHANGE = 12;
    static final int SERVER_HELLO_DONE = 14;
    static final int CERTIFICATE_VERIFY = 15;
    static final int CLIENT_KEY_EXCHANGE = 16;
    static final int FINISHED = 20;
    static final int CT_CCS = 20;
    static final int CT_ALERT = 21;
    static final int CT_HANDSHAKE = 22;
    static final int CT_APPLICATION = 23;

    /** Outcomes by case name, for the cross-row check that RSA pre-master failures look alike. */
    static final Map<String, String> OUTCOMES = new LinkedHashMap<>();
    static final List<String> RSA_ROWS = new ArrayList<>();

    // ================================================================ the table

    /** One row: what is attacked, the hostile input, and the alert the RFCs call for (null: none). */
    record Case(String name, String victim, AlertDescription expected, boolean peerAlert, Scenario scenario,
                ProviderSet provider) {
    }

    /** Sets up the connection in ctx (naming the victim) and returns the bytes to feed the victim. */
    interface Scenario {
        byte[] prepare(Ctx c) throws Exception;
    }

    static List<Case> cases() {
        List<Case> t = new ArrayList<>();
        ProviderSet accp = jni(ECDHE_RSA_GCM, ProviderId.ACCP, ProviderId.CONSCRYPT);
        ProviderSet conscrypt = jni(ECDHE_RSA_GCM, ProviderId.CONSCRYPT, ProviderId.ACCP);
        ProviderSet rsaJni = jni(RSA_GCM, ProviderId.ACCP, ProviderId.CONSCRYPT);

        // ---------------------------------------------------------- record layer
        t.add(server("record length 2^14+2049, above the ciphertext limit", RECORD_OVERFLOW, JDK, c -> {
            c.victimServer(serverB(JDK));
            return recordWithLength(CT_HANDSHAKE, 0x0301, (1 << 14) + 2049, new byte[64]);
        }));
        t.add(server("plaintext record of 2^14+1 bytes before any keys", RECORD_OVERFLOW, JDK, c -> {
            c.victimServer(serverB(JDK));
            return record(CT_HANDSHAKE, 0x0301, new byte[(1 << 14) + 1]);
        }));
        t.add(server("ciphertext record of 2^14+2049 bytes after the handshake", RECORD_OVERFLOW, accp, c -> {
            TlsServer sv = c.victimServer(serverB(accp));
            TlsClient cl = c.client(clientB(accp, ECDHE_RSA_GCM), null);
            c.counterpart = cl;
            c.in(sv, c.start(cl));
            c.pump(cl, sv);
            assertTrue(sv.handshakeComplete(), "setup: handshake did not complete");
            return recordWithLength(CT_APPLICATION, 0x0303, (1 << 14) + 2049, new byte[(1 << 14) + 2049]);
        }));
        t.add(server("unknown record content type 24 (heartbeat, never negotiated)", UNEXPECTED_MESSAGE, JDK, c -> {
            c.victimServer(serverB(JDK));
            return record(24, 0x0301, bytes(1, 0, 16));
        }));
        t.add(client("unknown record content type 99 from the server", UNEXPECTED_MESSAGE, JDK, c -> {
            c.start(c.victimClient(clientB(JDK, ECDHE_RSA_GCM), null));
            return record(99, 0x0303, bytes(0));
        }));
        t.add(server("record length 5 short: the ClientHello's last 5 bytes read as a record header",
                UNEXPECTED_MESSAGE, JDK, c -> {
                    c.victimServer(serverB(JDK));
                    byte[] m = message(hello()); // ends ff 01 00 01 00: renegotiation_info
                    return recordWithLength(CT_HANDSHAKE, 0x0301, m.length - 5, m);
                }));
        t.add(server("record length 4 long: 00 00 00 00 after the ClientHello is a HelloRequest from the client",
                UNEXPECTED_MESSAGE, JDK, c -> {
                    c.victimServer(serverB(JDK));
                    return record(CT_HANDSHAKE, 0x0301, concat(message(hello()), new byte[4]));
                }));
        t.add(server("record version 0x0302 on a TLS 1.2 connection", PROTOCOL_VERSION, JDK, c -> {
            Exchange x = c.toClientFlight(serverB(JDK), clientB(JDK, ECDHE_RSA_GCM));
            byte[] w = x.clientFlight.encode();
            w[2] = 0x02;
            return w;
        }));
        t.add(server("zero-length handshake record", UNEXPECTED_MESSAGE, JDK, c -> {
            c.victimServer(serverB(JDK));
            return record(CT_HANDSHAKE, 0x0301, new byte[0]);
        }));
        t.add(server("alert record of 3 bytes", DECODE_ERROR, JDK, c -> {
            c.victimServer(serverB(JDK));
            return record(CT_ALERT, 0x0301, bytes(2, 40, 0));
        }));
        t.add(new Case("fatal handshake_failure alert from the server (nothing goes back)", "client",
                HANDSHAKE_FAILURE, true, c -> {
                    c.start(c.victimClient(clientB(JDK, ECDHE_RSA_GCM), null));
                    return record(CT_ALERT, 0x0303, bytes(2, 40));
                }, JDK));
        t.add(server("ChangeCipherSpec between two fragments of the ClientHello", UNEXPECTED_MESSAGE, JDK, c -> {
            c.victimServer(serverB(JDK));
            byte[] m = message(hello());
            return concat(record(CT_HANDSHAKE, 0x0301, Arrays.copyOfRange(m, 0, 20)),
                    record(CT_CCS, 0x0301, bytes(1)),
                    record(CT_HANDSHAKE, 0x0301, Arrays.copyOfRange(m, 20, m.length)));
        }));

        // ---------------------------------------------------------- handshake framing
        t.add(server("unknown handshake message type 99 as the first message", UNEXPECTED_MESSAGE, JDK, c -> {
            c.victimServer(serverB(JDK));
            return record(CT_HANDSHAKE, 0x0301, frame(99, bytes(0, 0, 0, 0)));
        }));
        t.add(client("NewSessionTicket (type 4) though session_ticket was never negotiated", UNEXPECTED_MESSAGE,
                conscrypt, c -> {
                    Exchange x = c.toServerFinished(clientB(conscrypt, ECDHE_RSA_GCM), serverB(conscrypt));
                    x.serverFinal.items.add(0, x.serverFinal.message(NEW_SESSION_TICKET,
                            new Writer(64).u16(0).u16(300).vector16(new byte[32]).toByteArray()));
                    return x.serverFinal.encode();
                }));
        t.add(chCase("ClientHello handshake length 2 over its fields (2 trailing bytes)", DECODE_ERROR,
                h -> concat(body(h), bytes(0, 0))));
        t.add(server("ClientHello handshake length 2 under its fields", DECODE_ERROR, JDK, c -> {
            c.victimServer(serverB(JDK));
            byte[] body = body(hello());
            return record(CT_HANDSHAKE, 0x0301, handshakeWithLength(CLIENT_HELLO, body.length - 2, body));
        }));
        // Max-size policy: OpenSSL and BoringSSL answer an excessive message size with illegal_parameter.
        t.add(server("handshake message length 2^24-1", ILLEGAL_PARAMETER, JDK, c -> {
            c.victimServer(serverB(JDK));
            return record(CT_HANDSHAKE, 0x0301, handshakeWithLength(CLIENT_HELLO, 0xffffff, body(hello())));
        }));

        // ---------------------------------------------------------- ClientHello fields
        // RFC 8446 §6 (which spells out what 5246 §7.2.2 means): a length out of its vector's range,
        // or one running past its container, is decode_error.
        t.add(chCase("ClientHello session_id of 33 bytes (session_id<0..32>)", DECODE_ERROR,
                h -> body(withSessionId(h, new byte[33]))));
        t.add(chCase("ClientHello cipher_suites length odd (3)", DECODE_ERROR,
                h -> withU16(body(h), suitesAt(h), 3)));
        t.add(chCase("ClientHello cipher_suites length 0xfffe, past the message", DECODE_ERROR,
                h -> withU16(body(h), suitesAt(h), 0xfffe)));
        t.add(chCase("ClientHello compression_methods length 200, past the message", DECODE_ERROR,
                h -> withU8(body(h), compressionAt(h), 200)));
        t.add(chCase("ClientHello compression_methods empty (compression_methods<1..2^8-1>)", DECODE_ERROR,
                h -> body(withCompression(h, new byte[0]))));
        t.add(chCase("ClientHello extensions block length 10 past the message", DECODE_ERROR,
                h -> withU16(body(h), extensionsAt(h), body(h).length - extensionsAt(h) - 2 + 10)));
        t.add(chCase("ClientHello extension whose length runs past the extensions block", DECODE_ERROR, h -> {
            byte[] b = body(withExtensions(h, plus(h.extensions(), new RawExtension(0xfafa, bytes(0)))));
            return withU16(b, b.length - 3, 0x100); // the last extension: type, length, one byte of body
        }));
        t.add(chCase("ClientHello with extended_master_secret twice (duplicated extension)", DECODE_ERROR,
                h -> body(withExtensions(h, plus(h.extensions(), ExtendedMasterSecret.INSTANCE)))));
        t.add(chCase("ClientHello supported_groups list of odd length", DECODE_ERROR,
                h -> body(withExtensions(h, replaced(h.extensions(), new RawExtension(10, bytes(0, 3, 0, 23, 0)))))));
        t.add(chCase("ClientHello without the null compression method", ILLEGAL_PARAMETER,
                h -> body(withCompression(h, bytes(1)))));
        t.add(chCase("ClientHello client_version 0x0200", PROTOCOL_VERSION, h -> body(withVersion(h, 0x0200))));
        t.add(tolerant("ClientHello client_version 0x0400: no alert, the server answers TLS 1.2 (RFC 5246 E.1)",
                h -> body(withVersion(h, 0x0400))));
        t.add(chCase("ClientHello renegotiation_info not empty on an initial handshake (RFC 5746 §3.6)",
                HANDSHAKE_FAILURE,
                h -> body(withExtensions(h, replaced(h.extensions(), new RawExtension(0xff01, bytes(1, 0x55)))))));
        t.add(chCase("ClientHello ec_point_formats without uncompressed (RFC 8422 §5.1.2)", ILLEGAL_PARAMETER,
                h -> body(withExtensions(h, replaced(h.extensions(), new RawExtension(11, bytes(1, 1)))))));
        t.add(chCase("ClientHello with no cipher suite in common", HANDSHAKE_FAILURE,
                h -> body(withSuites(h, List.of(0x1301, 0x0001)))));
        t.add(server("TLS_FALLBACK_SCSV in a TLS 1.1 ClientHello to a TLS 1.2 server (RFC 7507)",
                INAPPROPRIATE_FALLBACK, JDK, c -> {
                    c.victimServer(serverB(JDK));
                    TlsClient cl = c.client(clientB(JDK, RSA_CBC).versions(ProtocolVersion.TLS10, ProtocolVersion.TLS11)
                            .fallback(true), null);
                    c.counterpart = cl;
                    return c.start(cl);
                }));

        // ---------------------------------------------------------- message order, server side
        t.add(server("ClientKeyExchange before ClientHello", UNEXPECTED_MESSAGE, JDK, c -> {
            c.victimServer(serverB(JDK));
            return record(CT_HANDSHAKE, 0x0301, message(new ClientKeyExchange.Rsa(new byte[256])));
        }));
        t.add(server("ChangeCipherSpec right after ClientHello, before the keys exist", UNEXPECTED_MESSAGE, JDK, c -> {
            c.victimServer(serverB(JDK));
            return concat(record(CT_HANDSHAKE, 0x0301, message(hello())), record(CT_CCS, 0x0303, bytes(1)));
        }));
        t.add(server("ChangeCipherSpec of two bytes (01 01)", DECODE_ERROR, JDK, c -> {
            Exchange x = c.toClientFlight(serverB(JDK), clientB(JDK, ECDHE_RSA_GCM));
            x.clientFlight.items.set(x.clientFlight.recordIndex(CT_CCS, 0), new Rec(CT_CCS, 0x0303, bytes(1, 1)));
            return x.clientFlight.encode();
        }));
        t.add(server("ChangeCipherSpec with the value 2", DECODE_ERROR, JDK, c -> {
            Exchange x = c.toClientFlight(serverB(JDK), clientB(JDK, ECDHE_RSA_GCM));
            x.clientFlight.items.set(x.clientFlight.recordIndex(CT_CCS, 0), new Rec(CT_CCS, 0x0303, bytes(2)));
            return x.clientFlight.encode();
        }));
        t.add(server("application data before Finished (plaintext, after ClientHello)", UNEXPECTED_MESSAGE, JDK, c -> {
            c.victimServer(serverB(JDK));
            return concat(record(CT_HANDSHAKE, 0x0301, message(hello())),
                    record(CT_APPLICATION, 0x0303, "GET / HTTP/1.0\r\n\r\n".getBytes()));
        }));
        t.add(server("application data after ChangeCipherSpec, before Finished (encrypted)", UNEXPECTED_MESSAGE, JDK,
                c -> {
                    Exchange x = c.toClientFlight(serverB(JDK), clientB(JDK, ECDHE_RSA_GCM));
                    RecordKeys k = c.keys(x);
                    int last = x.clientFlight.items.size() - 1;
                    x.clientFlight.items.set(last, records(k.seal(ConnectionEnd.CLIENT, 0, CT_APPLICATION,
                            "GET / HTTP/1.0\r\n\r\n".getBytes())).get(0));
                    return x.clientFlight.encode();
                }));
        t.add(server("Finished before ChangeCipherSpec (plaintext Finished)", UNEXPECTED_MESSAGE, JDK, c -> {
            Exchange x = c.toClientFlight(serverB(JDK), clientB(JDK, ECDHE_RSA_GCM));
            x.clientFlight.insertAfter(CLIENT_KEY_EXCHANGE, x.clientFlight.message(FINISHED, new byte[12]));
            return x.clientFlight.encode();
        }));
        t.add(server("client Certificate though none was requested", UNEXPECTED_MESSAGE, JDK, c -> {
            Exchange x = c.toClientFlight(serverB(JDK), clientB(JDK, ECDHE_RSA_GCM));
            x.clientFlight.insertBefore(CLIENT_KEY_EXCHANGE, x.clientFlight.message(CERTIFICATE,
                    body(new Certificate(PKI.clientRsa.chain()))));
            return x.clientFlight.encode();
        }));

        // ---------------------------------------------------------- message order, client side
        t.add(client("ServerHelloDone before Certificate", UNEXPECTED_MESSAGE, JDK, c -> {
            Exchange x = c.toServerFlight(clientB(JDK, ECDHE_RSA_GCM), serverB(JDK));
            x.serverFlight.remove(CERTIFICATE).remove(SERVER_KEY_EXCHANGE);
            return x.serverFlight.encode();
        }));
        t.add(client("Certificate twice", UNEXPECTED_MESSAGE, JDK, c -> {
            Exchange x = c.toServerFlight(clientB(JDK, ECDHE_RSA_GCM), serverB(JDK));
            x.serverFlight.insertAfter(CERTIFICATE, x.serverFlight.msg(CERTIFICATE));
            return x.serverFlight.encode();
        }));
        t.add(client("ServerKeyExchange in an RSA key exchange", UNEXPECTED_MESSAGE, JDK, c -> {
            Exchange x = c.toServerFlight(clientB(JDK, RSA_GCM), serverB(JDK));
            x.serverFlight.insertAfter(CERTIFICATE, x.serverFlight.message(SERVER_KEY_EXCHANGE, body(
                    new ServerKeyExchange<>(new ServerEcdhParams(23, new byte[65]), 0x0401, new byte[256]))));
            return x.serverFlight.encode();
        }));
        t.add(client("ChangeCipherSpec right after ServerHello, before the keys exist", UNEXPECTED_MESSAGE, JDK, c -> {
            Exchange x = c.toServerFlight(clientB(JDK, ECDHE_RSA_GCM), serverB(JDK));
            x.serverFlight.insertAfter(SERVER_HELLO, new Rec(CT_CCS, 0x0303, bytes(1)));
            return x.serverFlight.encode();
        }));

        // ---------------------------------------------------------- ServerHello
        t.add(shCase("ServerHello picks a suite the client did not offer", ILLEGAL_PARAMETER,
                () -> clientB(JDK, ECDHE_RSA_GCM), s -> body(withSuite(s, RSA_GCM.id))));
        t.add(shCase("ServerHello version TLS 1.2 above the client's TLS 1.1", PROTOCOL_VERSION,
                () -> clientB(JDK, RSA_CBC).versions(ProtocolVersion.TLS10, ProtocolVersion.TLS11),
                s -> body(withVersion(s, 0x0303))));
        t.add(shCase("ServerHello version TLS 1.0 below the client's minimum TLS 1.1", PROTOCOL_VERSION,
                () -> clientB(JDK, RSA_CBC).versions(ProtocolVersion.TLS11, ProtocolVersion.TLS12),
                s -> body(withVersion(s, 0x0301))));
        t.add(shCase("ServerHello picks compression method 1 (DEFLATE)", ILLEGAL_PARAMETER,
                () -> clientB(JDK, ECDHE_RSA_GCM), s -> body(withCompression(s, 1))));
        t.add(shCase("ServerHello renegotiation_info not empty (RFC 5746 §3.4)", HANDSHAKE_FAILURE,
                () -> clientB(JDK, ECDHE_RSA_GCM),
                s -> body(withExtensions(s, replaced(s.extensions(), new RawExtension(0xff01, bytes(1, 0x55)))))));
        t.add(shCase("ServerHello unsolicited session_ticket extension", UNSUPPORTED_EXTENSION,
                () -> clientB(JDK, ECDHE_RSA_GCM),
                s -> body(withExtensions(s, plus(s.extensions(), new RawExtension(35, new byte[0]))))));
        t.add(shCase("ServerHello ec_point_formats though the client offered no ECC suite", UNSUPPORTED_EXTENSION,
                () -> clientB(JDK, RSA_GCM),
                s -> body(withExtensions(s, plus(s.extensions(), EcPointFormats.UNCOMPRESSED)))));
        t.add(shCase("ServerHello extended_master_secret though the client did not offer it", UNSUPPORTED_EXTENSION,
                () -> clientB(JDK, ECDHE_RSA_GCM).extendedMasterSecret(false),
                s -> body(withExtensions(s, plus(s.extensions(), ExtendedMasterSecret.INSTANCE)))));
        t.add(shCase("ServerHello with renegotiation_info twice (duplicated extension)", DECODE_ERROR,
                () -> clientB(JDK, ECDHE_RSA_GCM),
                s -> body(withExtensions(s, plus(s.extensions(), RenegotiationInfo.INITIAL)))));
        t.add(shCase("ServerHello session_id of 33 bytes (session_id<0..32>)", DECODE_ERROR,
                () -> clientB(JDK, ECDHE_RSA_GCM), s -> body(withSessionId(s, new byte[33]))));
        t.add(shCase("ServerHello extensions block length 10 past the message", DECODE_ERROR,
                () -> clientB(JDK, ECDHE_RSA_GCM),
                s -> withU16(body(s), extensionsAt(s), body(s).length - extensionsAt(s) - 2 + 10)));

        // ---------------------------------------------------------- extended master secret on resumption
        t.add(client("server resumes an EMS session without extended_master_secret (RFC 7627 §5.3)",
                HANDSHAKE_FAILURE, JDK, c -> {
                    TlsConfig sc = c.config(serverB(JDK).sessionCache(new SessionCache(10, 60_000)));
                    Session s = c.establish(clientB(JDK, ECDHE_RSA_GCM), sc);
                    assertTrue(s.extendedMasterSecret(), "setup: first session should use EMS");
                    TlsClient cl = c.victimClient(clientB(JDK, ECDHE_RSA_GCM), s);
                    TlsServer sv = c.server(sc);
                    c.counterpart = sv;
                    c.in(sv, c.start(cl));
                    Flight f = Flight.parse(c.out(sv), false);
                    ServerHello sh = ServerHello.decode(reader(f.msg(SERVER_HELLO).body()));
                    assertArrayEquals(s.id(), sh.sessionId(), "setup: the server should resume");
                    f.replace(SERVER_HELLO, body(withExtensions(sh, without(sh.extensions(),
                            ExtendedMasterSecret.TYPE.code()))));
                    return f.encode();
                }));
        t.add(client("server resumes a non-EMS session but now sends extended_master_secret (RFC 7627 §5.3)",
                HANDSHAKE_FAILURE, JDK, c -> {
                    TlsConfig sc = c.config(serverB(JDK).sessionCache(new SessionCache(10, 60_000)));
                    Session s = c.establish(clientB(JDK, ECDHE_RSA_GCM).extendedMasterSecret(false), sc);
                    assertFalse(s.extendedMasterSecret(), "setup: first session should not use EMS");
                    c.start(c.victimClient(clientB(JDK, ECDHE_RSA_GCM), s));
                    byte[] random = new byte[32];
                    new SecureRandom().nextBytes(random);
                    ServerHello sh = new ServerHello(0x0303, random, s.id(), s.suite().id, 0, new Extensions(List.of(
                            RenegotiationInfo.INITIAL, ExtendedMasterSecret.INSTANCE)));
                    return record(CT_HANDSHAKE, 0x0303, message(sh));
                }));
        t.add(server("client resumes an EMS session without extended_master_secret (RFC 7627 §5.3)",
                HANDSHAKE_FAILURE, JDK, c -> {
                    TlsConfig sc = c.config(serverB(JDK).sessionCache(new SessionCache(10, 60_000)));
                    Session s = c.establish(clientB(JDK, ECDHE_RSA_GCM), sc);
                    assertTrue(s.extendedMasterSecret(), "setup: first session should use EMS");
                    c.victimServer(sc);
                    TlsClient cl = c.client(clientB(JDK, ECDHE_RSA_GCM).extendedMasterSecret(false), s);
                    c.counterpart = cl;
                    return c.start(cl);
                }));

        // ---------------------------------------------------------- RSA key exchange (RFC 5246 §7.4.7.1)
        t.add(rsaPreMaster("RSA pre-master of 47 bytes", rsaJni,
                pub -> pkcs1(pub, concat(bytes(3, 3), new byte[45]))));
        t.add(rsaPreMaster("RSA pre-master with version 0x0302 though the client offered 0x0303", rsaJni,
                pub -> pkcs1(pub, concat(bytes(3, 2), new byte[46]))));
        t.add(rsaPreMaster("RSA pre-master with bad PKCS#1 padding", rsaJni, pub -> {
            byte[] block = new byte[256];
            new SecureRandom().nextBytes(block);
            block[0] = 0;
            block[1] = 5; // block type 5: not PKCS#1 v1.5 encryption padding
            Cipher raw = Cipher.getInstance("RSA/ECB/NoPadding");
            raw.init(Cipher.ENCRYPT_MODE, pub);
            return raw.doFinal(block);
        }));

        // ---------------------------------------------------------- ECDHE and DHE public values
        t.add(ecPoint("ECDHE ClientKeyExchange point off the curve", conscrypt, TlsConfig.SECP256R1, p -> {
            p[p.length - 1] ^= 1;
            return p;
        }));
        t.add(ecPoint("ECDHE ClientKeyExchange point of 64 bytes", JDK, TlsConfig.SECP256R1,
                p -> Arrays.copyOf(p, 64)));
        t.add(ecPoint("ECDHE ClientKeyExchange point in compressed form 0x02", JDK, TlsConfig.SECP256R1,
                p -> concat(bytes(2), Arrays.copyOfRange(p, 1, 33))));
        t.add(ecPoint("ECDHE ClientKeyExchange point at infinity (0x00)", JDK, TlsConfig.SECP256R1, p -> bytes(0)));
        t.add(ecPoint("X25519 ClientKeyExchange value of all zeros (RFC 8422 §5.11)", JDK, TlsConfig.X25519,
                p -> new byte[32]));
        BigInteger prime = KeyExchangeMath.FFDHE2048_P;
        t.add(dhValue("DHE ClientKeyExchange Yc = 0", BigInteger.ZERO));
        t.add(dhValue("DHE ClientKeyExchange Yc = 1", BigInteger.ONE));
        t.add(dhValue("DHE ClientKeyExchange Yc = p-1", prime.subtract(BigInteger.ONE)));
        t.add(dhValue("DHE ClientKeyExchange Yc = p", prime));

        // ---------------------------------------------------------- ServerKeyExchange (re-signed with the server's key)
        t.add(ske("ServerKeyExchange with an off-curve point, validly signed", ILLEGAL_PARAMETER, ECDHE_RSA_GCM,
                (cr, sr, old) -> {
                    ServerEcdhParams params = ecParams(old);
                    byte[] point = params.point().clone();
                    point[point.length - 1] ^= 1;
                    return signedSke(new ServerEcdhParams(params.namedCurve(), point), 0x0401, "SHA256withRSA",
                            PKI.rsa.privateKey(), cr, sr);
                }));
        t.add(ske("ServerKeyExchange on a curve the client did not offer (secp521r1)", ILLEGAL_PARAMETER,
                ECDHE_RSA_GCM, (cr, sr, old) -> signedSke(new ServerEcdhParams(25, concat(bytes(4), new byte[132])),
                        0x0401, "SHA256withRSA", PKI.rsa.privateKey(), cr, sr)));
        t.add(ske("ServerKeyExchange DH Ys = p-1, validly signed", ILLEGAL_PARAMETER, DHE_RSA_GCM,
                (cr, sr, old) -> signedSke(new ServerDhParams(KeyExchangeMath.unsigned(prime), bytes(2),
                        KeyExchangeMath.unsigned(prime.subtract(BigInteger.ONE))),
                        0x0401, "SHA256withRSA", PKI.rsa.privateKey(), cr, sr)));
        t.add(ske("ServerKeyExchange DH group of 512 bits, validly signed", INSUFFICIENT_SECURITY, DHE_RSA_GCM,
                (cr, sr, old) -> signedSke(new ServerDhParams(KeyExchangeMath.unsigned(
                        BigInteger.probablePrime(512, new SecureRandom())), bytes(2), bytes(5)),
                        0x0401, "SHA256withRSA", PKI.rsa.privateKey(), cr, sr)));
        t.add(ske("ServerKeyExchange signature with one byte flipped", DECRYPT_ERROR, ECDHE_RSA_GCM, (cr, sr, old) -> {
            byte[] b = old.clone();
            b[b.length - 1] ^= 1;
            return b;
        }));
        t.add(ske("ServerKeyExchange signed with rsa_sha224 (0x0301), which the client did not offer",
                ILLEGAL_PARAMETER, ECDHE_RSA_GCM,
                (cr, sr, old) -> signedSke(ecParams(old), 0x0301, "SHA224withRSA", PKI.rsa.privateKey(), cr, sr)));
        t.add(ske("ServerKeyExchange claims ecdsa_secp256r1_sha256 under an RSA certificate", ILLEGAL_PARAMETER,
                ECDHE_RSA_GCM,
                (cr, sr, old) -> signedSke(ecParams(old), 0x0403, "SHA256withRSA", PKI.rsa.privateKey(), cr, sr)));

        // ---------------------------------------------------------- Finished
        t.add(server("client Finished with one verify_data byte flipped (correctly encrypted)", DECRYPT_ERROR, JDK,
                c -> {
                    Exchange x = c.toClientFlight(serverB(JDK), clientB(JDK, ECDHE_RSA_GCM));
                    RecordKeys k = c.keys(x);
                    int last = x.clientFlight.items.size() - 1;
                    byte[] plain = k.open(ConnectionEnd.CLIENT, 0, ((Rec) x.clientFlight.items.get(last)).encode());
                    assertEquals(16, plain.length, "setup: Finished plaintext");
                    plain[4] ^= 1;
                    x.clientFlight.items.set(last, records(k.seal(ConnectionEnd.CLIENT, 0, CT_HANDSHAKE, plain)).get(0));
                    return x.clientFlight.encode();
                }));
        t.add(server("client Finished with 13 bytes of verify_data (correctly encrypted)", DECODE_ERROR, JDK, c -> {
            Exchange x = c.toClientFlight(serverB(JDK), clientB(JDK, ECDHE_RSA_GCM));
            RecordKeys k = c.keys(x);
            int last = x.clientFlight.items.size() - 1;
            byte[] plain = k.open(ConnectionEnd.CLIENT, 0, ((Rec) x.clientFlight.items.get(last)).encode());
            byte[] longer = frame(FINISHED, concat(Arrays.copyOfRange(plain, 4, 16), bytes(0)));
            x.clientFlight.items.set(last, records(k.seal(ConnectionEnd.CLIENT, 0, CT_HANDSHAKE, longer)).get(0));
            return x.clientFlight.encode();
        }));
        t.add(server("client Finished record with one ciphertext byte flipped", BAD_RECORD_MAC, accp, c -> {
            Exchange x = c.toClientFlight(serverB(accp), clientB(accp, ECDHE_RSA_GCM));
            int last = x.clientFlight.items.size() - 1;
            x.clientFlight.items.set(last, flipLast((Rec) x.clientFlight.items.get(last)));
            return x.clientFlight.encode();
        }));
        t.add(client("server Finished record with one ciphertext byte flipped", BAD_RECORD_MAC, conscrypt, c -> {
            Exchange x = c.toServerFinished(clientB(conscrypt, ECDHE_RSA_CBC), serverB(conscrypt));
            int last = x.serverFinal.items.size() - 1;
            x.serverFinal.items.set(last, flipLast((Rec) x.serverFinal.items.get(last)));
            return x.serverFinal.encode();
        }));
        t.add(client("server Finished over another transcript (resumption; the server saw an extra extension)",
                DECRYPT_ERROR, JDK, c -> {
                    TlsConfig sc = c.config(serverB(JDK).sessionCache(new SessionCache(10, 60_000)));
                    Session s = c.establish(clientB(JDK, ECDHE_RSA_GCM), sc);
                    TlsClient cl = c.victimClient(clientB(JDK, ECDHE_RSA_GCM), s);
                    TlsServer sv = c.server(sc);
                    c.counterpart = sv;
                    Flight ch = Flight.parse(c.start(cl), false);
                    ClientHello h = ClientHello.decode(reader(ch.msg(CLIENT_HELLO).body()));
                    ch.replace(CLIENT_HELLO, body(withExtensions(h, plus(h.extensions(),
                            new RawExtension(0xfafa, new byte[0])))));
                    c.in(sv, ch.encode());
                    byte[] answer = c.out(sv);
                    assertTrue(sv.resumed(), "setup: the server should resume");
                    return answer;
                }));

        // ---------------------------------------------------------- certificates
        t.add(client("server Certificate that does not parse", BAD_CERTIFICATE, JDK, c -> {
            Exchange x = c.toServerFlight(clientB(JDK, ECDHE_RSA_GCM), serverB(JDK));
            x.serverFlight.replace(CERTIFICATE, certificateEntries(List.of(bytes(0x30, 0x03, 0x02, 0x01, 0x00))));
            return x.serverFlight.encode();
        }));
        t.add(client("expired server certificate", CERTIFICATE_EXPIRED, JDK, c -> c.toServerFlight(
                clientB(JDK, ECDHE_RSA_GCM), TlsConfig.builder(JDK).credential(BadCerts.expired())).serverFlight.encode()));
        t.add(client("server certificate from an untrusted CA", UNKNOWN_CA, JDK, c -> c.toServerFlight(
                clientB(JDK, ECDHE_RSA_GCM), TlsConfig.builder(JDK).credential(BadCerts.untrusted())).serverFlight.encode()));
        t.add(client("server certificate not naming the SNI host (checking on)", BAD_CERTIFICATE, JDK, c -> c.toServerFlight(
                clientB(JDK, ECDHE_RSA_GCM).serverName("www.example.com", true), serverB(JDK)).serverFlight.encode()));
        t.add(client("RSA server certificate for an ECDHE_ECDSA suite", UNSUPPORTED_CERTIFICATE, JDK, c -> {
            Exchange x = c.toServerFlight(clientB(JDK, ECDHE_ECDSA_GCM), serverB(JDK));
            x.serverFlight.replace(CERTIFICATE, body(new Certificate(PKI.rsa.chain())));
            return x.serverFlight.encode();
        }));
        t.add(server("client certificate missing while required (RFC 5246 §7.4.6)", HANDSHAKE_FAILURE, JDK, c -> c
                .toClientFlight(serverB(JDK).clientAuth(TlsConfig.ClientAuth.REQUIRE), clientB(JDK, ECDHE_RSA_GCM))
                .clientFlight.encode()));
        t.add(server("CertificateVerify signature with one byte flipped", DECRYPT_ERROR, JDK, c -> {
            Exchange x = c.toClientFlight(serverB(JDK).clientAuth(TlsConfig.ClientAuth.REQUIRE),
                    clientB(JDK, ECDHE_RSA_GCM).credential(PKI.clientRsa));
            byte[] cv = x.clientFlight.msg(CERTIFICATE_VERIFY).body().clone();
            cv[cv.length - 1] ^= 1;
            x.clientFlight.replace(CERTIFICATE_VERIFY, cv);
            return x.clientFlight.encode();
        }));
        t.add(server("client certificate of a type the CertificateRequest did not list (DSA)", UNSUPPORTED_CERTIFICATE,
                JDK, c -> {
                    Exchange x = c.toClientFlight(serverB(JDK).clientAuth(TlsConfig.ClientAuth.REQUIRE),
                            clientB(JDK, ECDHE_RSA_GCM).credential(PKI.clientRsa));
                    x.clientFlight.replace(CERTIFICATE, body(new Certificate(PKI.dsa.chain())));
                    return x.clientFlight.encode();
                }));

        // ---------------------------------------------------------- more framing, order and parsing
        t.add(chCase("ClientHello signature_algorithms list length past its extension", DECODE_ERROR,
                h -> body(withExtensions(h, replaced(h.extensions(),
                        new RawExtension(13, bytes(0, 0x20, 0x04, 0x01, 0x04, 0x03)))))));
        t.add(tolerant("ClientHello client_version 0x0304: no alert, the server answers TLS 1.2",
                h -> body(withVersion(h, 0x0304))));
        t.add(client("ServerHello truncated inside its random", DECODE_ERROR, JDK, c -> {
            Exchange x = c.toServerFlight(clientB(JDK, ECDHE_RSA_GCM), serverB(JDK));
            x.serverFlight.replace(SERVER_HELLO, Arrays.copyOf(x.serverFlight.msg(SERVER_HELLO).body(), 20));
            return x.serverFlight.encode();
        }));
        t.add(client("ServerKeyExchange missing in ECDHE_RSA", UNEXPECTED_MESSAGE, JDK, c -> {
            Exchange x = c.toServerFlight(clientB(JDK, ECDHE_RSA_GCM), serverB(JDK));
            x.serverFlight.remove(SERVER_KEY_EXCHANGE);
            return x.serverFlight.encode();
        }));
        t.add(client("HelloRequest with a non-empty body during the handshake", DECODE_ERROR, JDK, c -> {
            Exchange x = c.toServerFlight(clientB(JDK, ECDHE_RSA_GCM), serverB(JDK));
            x.serverFlight.insertAfter(SERVER_HELLO, x.serverFlight.message(0, bytes(1)));
            return x.serverFlight.encode();
        }));
        t.add(client("CertificateRequest with an empty supported_signature_algorithms (<2..2^16-2>)", DECODE_ERROR,
                JDK, c -> {
                    Exchange x = c.toServerFlight(clientB(JDK, ECDHE_RSA_GCM),
                            serverB(JDK).clientAuth(TlsConfig.ClientAuth.REQUEST));
                    x.serverFlight.replace(13, body(new CertificateRequest(bytes(1, 64), List.of(), new byte[0])));
                    return x.serverFlight.encode();
                }));
        t.add(client("server Certificate entry in PEM text instead of DER", BAD_CERTIFICATE, JDK, c -> {
            Exchange x = c.toServerFlight(clientB(JDK, ECDHE_RSA_GCM), serverB(JDK));
            List<byte[]> entries = new ArrayList<>();
            for (X509Certificate cert : PKI.rsa.chain()) {
                entries.add(("-----BEGIN CERTIFICATE-----\n" + java.util.Base64.getMimeEncoder().encodeToString(
                        cert.getEncoded()) + "\n-----END CERTIFICATE-----\n").getBytes());
            }
            x.serverFlight.replace(CERTIFICATE, certificateEntries(entries));
            return x.serverFlight.encode();
        }));
        t.add(client("server Certificate entry with 3 bytes after the DER certificate", BAD_CERTIFICATE, JDK, c -> {
            Exchange x = c.toServerFlight(clientB(JDK, ECDHE_RSA_GCM), serverB(JDK));
            List<byte[]> entries = new ArrayList<>();
            for (X509Certificate cert : PKI.rsa.chain()) {
                entries.add(concat(cert.getEncoded(), bytes(0, 0, 0)));
            }
            x.serverFlight.replace(CERTIFICATE, certificateEntries(entries));
            return x.serverFlight.encode();
        }));
        t.add(server("Finished again after the handshake completed (encrypted)", UNEXPECTED_MESSAGE, JDK, c -> {
            Exchange x = c.toClientFlight(serverB(JDK), clientB(JDK, ECDHE_RSA_GCM));
            c.in(x.server, x.clientFlight.encode());
            c.in(x.client, c.out(x.server));
            assertTrue(x.server.handshakeComplete() && x.client.handshakeComplete(), "setup: handshake");
            return c.keys(x).seal(ConnectionEnd.CLIENT, 1, CT_HANDSHAKE, frame(FINISHED, new byte[12]));
        }));
        return t;
    }

    // ================================================================ row builders

    static Case server(String name, AlertDescription expected, ProviderSet p, Scenario s) {
        return new Case(name, "server", expected, false, s, p);
    }

    static Case client(String name, AlertDescription expected, ProviderSet p, Scenario s) {
        return new Case(name, "client", expected, false, s, p);
    }

    /** A crafted ClientHello, made hostile (a body from the valid {@link #hello()}), fed to a fresh server. */
    static Case chCase(String name, AlertDescription expected, Function<ClientHello, byte[]> hostileBody) {
        return server(name, expected, JDK, c -> {
            c.victimServer(serverB(JDK));
            return record(CT_HANDSHAKE, 0x0301, frame(CLIENT_HELLO, hostileBody.apply(hello())));
        });
    }

    /** A crafted ClientHello the server must accept. */
    static Case tolerant(String name, Function<ClientHello, byte[]> body) {
        return new Case(name, "server", null, false, c -> {
            c.victimServer(serverB(JDK));
            return record(CT_HANDSHAKE, 0x0301, frame(CLIENT_HELLO, body.apply(hello())));
        }, JDK);
    }

    /** The real server's ServerHello, made hostile, fed to the real client that asked for it. */
    static Case shCase(String name, AlertDescription expected, java.util.function.Supplier<TlsConfig.Builder> clientB,
                       Function<ServerHello, byte[]> hostileBody) {
        return client(name, expected, JDK, c -> {
            Exchange x = c.toServerFlight(clientB.get(), serverB(JDK));
            ServerHello s = ServerHello.decode(reader(x.serverFlight.msg(SERVER_HELLO).body()));
            x.serverFlight.replace(SERVER_HELLO, hostileBody.apply(s));
            return x.serverFlight.encode();
        });
    }

    interface RsaBlock {
        byte[] encrypted(java.security.PublicKey serverKey) throws Exception;
    }

    /**
     * RFC 5246 §7.4.7.1: a bad RSA pre-master must not end the handshake at ClientKeyExchange
     * (that would be a padding oracle); the server carries on with a random pre-master, and the
     * client's Finished — sealed under keys the server does not have — fails as bad_record_mac.
     * ClientKeyExchange is delivered alone first and must produce neither an exception nor output.
     */
    static Case rsaPreMaster(String name, ProviderSet p, RsaBlock block) {
        String full = name + ": silent at ClientKeyExchange, bad_record_mac at Finished";
        RSA_ROWS.add(full);
        return server(full, BAD_RECORD_MAC, p, c -> {
            Exchange x = c.toClientFlight(serverB(p), clientB(p, RSA_GCM));
            byte[] encrypted = block.encrypted(PKI.rsa.leaf().getPublicKey());
            x.clientFlight.replace(CLIENT_KEY_EXCHANGE, body(new ClientKeyExchange.Rsa(encrypted)));
            List<Rec> recs = records(x.clientFlight.encode());
            c.deliverQuietly(recs.get(0).encode(), "ClientKeyExchange with a bad RSA pre-master");
            ByteArrayOutputStream rest = new ByteArrayOutputStream();
            for (Rec r : recs.subList(1, recs.size())) {
                rest.writeBytes(r.encode());
            }
            return rest.toByteArray();
        });
    }

    static byte[] pkcs1(java.security.PublicKey key, byte[] message) throws Exception {
        Cipher rsa = Cipher.getInstance("RSA/ECB/PKCS1Padding");
        rsa.init(Cipher.ENCRYPT_MODE, key);
        return rsa.doFinal(message);
    }

    /** The real client's ClientKeyExchange point, edited. */
    static Case ecPoint(String name, ProviderSet p, int group, UnaryOperator<byte[]> edit) {
        CipherSuite suite = ECDHE_RSA_GCM;
        return server(name, ILLEGAL_PARAMETER, p, c -> {
            Exchange x = c.toClientFlight(serverB(p), clientB(p, suite).groups(List.of(group)));
            byte[] point = ClientKeyExchange.Ecdhe.decode(reader(x.clientFlight.msg(CLIENT_KEY_EXCHANGE).body())).point();
            x.clientFlight.replace(CLIENT_KEY_EXCHANGE, body(new ClientKeyExchange.Ecdhe(edit.apply(point))));
            return x.clientFlight.encode();
        });
    }

    static Case dhValue(String name, BigInteger y) {
        return server(name + " (RFC 5246 §8.1.2 / SP 800-56A range check)", ILLEGAL_PARAMETER, JDK, c -> {
            Exchange x = c.toClientFlight(serverB(JDK), clientB(JDK, DHE_RSA_GCM));
            x.clientFlight.replace(CLIENT_KEY_EXCHANGE, body(new ClientKeyExchange.Dhe(KeyExchangeMath.unsigned(y))));
            return x.clientFlight.encode();
        });
    }

    interface SkeEdit {
        byte[] body(byte[] clientRandom, byte[] serverRandom, byte[] oldBody) throws Exception;
    }

    static Case ske(String name, AlertDescription expected, CipherSuite suite, SkeEdit edit) {
        return client(name, expected, JDK, c -> {
            Exchange x = c.toServerFlight(clientB(JDK, suite), serverB(JDK));
            byte[] cr = ClientHello.decode(reader(x.clientHello.msg(CLIENT_HELLO).body())).random();
            byte[] sr = ServerHello.decode(reader(x.serverFlight.msg(SERVER_HELLO).body())).random();
            x.serverFlight.replace(SERVER_KEY_EXCHANGE, edit.body(cr, sr, x.serverFlight.msg(SERVER_KEY_EXCHANGE).body()));
            return x.serverFlight.encode();
        });
    }

    /** The ServerECDHParams of a TLS 1.2 ServerKeyExchange body. */
    static ServerEcdhParams ecParams(byte[] skeBody) throws TlsAlertException {
        return ServerKeyExchange.decode(reader(skeBody), ServerEcdhParams::decode, ProtocolVersion.TLS12).params();
    }

    /** A TLS 1.2 ServerKeyExchange body: params, scheme, signature over both randoms and the params. */
    static byte[] signedSke(ServerKeyExchangeParams params, int scheme, String jca, PrivateKey key, byte[] cr,
                            byte[] sr) throws Exception {
        Signature s = Signature.getInstance(jca);
        s.initSign(key);
        s.update(cr);
        s.update(sr);
        s.update(params.encoded());
        return body(new ServerKeyExchange<>(params, scheme, s.sign()));
    }

    static Rec flipLast(Rec r) {
        byte[] f = r.fragment().clone();
        f[f.length - 1] ^= 1;
        return new Rec(r.type(), r.version(), f);
    }

    /** A Certificate body whose entries are the given bytes, certificates or not. */
    static byte[] certificateEntries(List<byte[]> entries) {
        Writer list = new Writer(4096);
        for (byte[] e : entries) {
            list.vector24(e);
        }
        return new Writer(list.size() + 3).vector24(list.toByteArray()).toByteArray();
    }

    // ================================================================ messages, made hostile

    /** A valid TLS 1.2 ClientHello for ECDHE_RSA / RSA GCM, ending with renegotiation_info. */
    static ClientHello hello() {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        return new ClientHello(0x0303, random, new byte[0], List.of(ECDHE_RSA_GCM.id, RSA_GCM.id),
                ClientHello.NO_COMPRESSION, new Extensions(List.of(new SupportedGroups(List.of(TlsConfig.SECP256R1)),
                        EcPointFormats.UNCOMPRESSED, new SignatureAlgorithms(List.of(0x0401, 0x0403)),
                        ExtendedMasterSecret.INSTANCE, RenegotiationInfo.INITIAL)));
    }

    /** A body as a TLS 1.2 peer encodes it. */
    static byte[] body(HandshakeMessage m) {
        return m.body(ProtocolVersion.TLS12);
    }

    /** A whole message, header included. */
    static byte[] message(HandshakeMessage m) {
        return frame(m.type().code, body(m));
    }

    /** A handshake header that lies about the body length. */
    static byte[] handshakeWithLength(int type, int length, byte[] body) {
        byte[] m = frame(type, body);
        m[1] = (byte) (length >>> 16);
        return withU16(m, 2, length);
    }

    static Reader reader(byte[] body) {
        return new Reader(body, "test");
    }

    // Where ClientHello's fields sit (RFC 5246 §7.4.1.2): client_version, random, session_id, then these.
    static int suitesAt(ClientHello h) {
        return 2 + 32 + 1 + h.sessionId().length;
    }

    static int compressionAt(ClientHello h) {
        return suitesAt(h) + 2 + 2 * h.cipherSuites().size();
    }

    static int extensionsAt(ClientHello h) {
        return compressionAt(h) + 1 + h.compressionMethods().length;
    }

    /** ServerHello: server_version, random, session_id, cipher_suite, compression_method, then extensions. */
    static int extensionsAt(ServerHello s) {
        return 2 + 32 + 1 + s.sessionId().length + 2 + 1;
    }

    static ClientHello withVersion(ClientHello h, int v) {
        return new ClientHello(v, h.random(), h.sessionId(), h.cipherSuites(), h.compressionMethods(), h.extensions());
    }

    static ClientHello withSessionId(ClientHello h, byte[] id) {
        return new ClientHello(h.version(), h.random(), id, h.cipherSuites(), h.compressionMethods(), h.extensions());
    }

    static ClientHello withSuites(ClientHello h, List<Integer> suites) {
        return new ClientHello(h.version(), h.random(), h.sessionId(), suites, h.compressionMethods(), h.extensions());
    }

    static ClientHello withCompression(ClientHello h, byte[] methods) {
        return new ClientHello(h.version(), h.random(), h.sessionId(), h.cipherSuites(), methods, h.extensions());
    }

    static ClientHello withExtensions(ClientHello h, Extensions e) {
        return new ClientHello(h.version(), h.random(), h.sessionId(), h.cipherSuites(), h.compressionMethods(), e);
    }

    static ServerHello withVersion(ServerHello s, int v) {
        return new ServerHello(v, s.random(), s.sessionId(), s.cipherSuite(), s.compressionMethod(), s.extensions());
    }

    static ServerHello withSessionId(ServerHello s, byte[] id) {
        return new ServerHello(s.version(), s.random(), id, s.cipherSuite(), s.compressionMethod(), s.extensions());
    }

    static ServerHello withSuite(ServerHello s, int suite) {
        return new ServerHello(s.version(), s.random(), s.sessionId(), suite, s.compressionMethod(), s.extensions());
    }

    static ServerHello withCompression(ServerHello s, int method) {
        return new ServerHello(s.version(), s.random(), s.sessionId(), s.cipherSuite(), method, s.extensions());
    }

    static ServerHello withExtensions(ServerHello s, Extensions e) {
        return new ServerHello(s.version(), s.random(), s.sessionId(), s.cipherSuite(), s.compressionMethod(), e);
    }

    /** The extensions with one more at the end (a second of a type makes a duplicate). */
    static Extensions plus(Extensions e, HelloExtension extra) {
        List<HelloExtension> list = new ArrayList<>(e.list());
        list.add(extra);
        return new Extensions(list);
    }

    /** The extensions with the one of extra's type replaced by extra. */
    static Extensions replaced(Extensions e, HelloExtension extra) {
        List<HelloExtension> list = new ArrayList<>();
        for (HelloExtension x : e.list()) {
            list.add(x.type() == extra.type() ? extra : x);
        }
        return new Extensions(list);
    }

    static Extensions without(Extensions e, int type) {
        List<HelloExtension> list = new ArrayList<>(e.list());
        list.removeIf(x -> x.type() == type);
        return new Extensions(list);
    }

    static TlsConfig.Builder serverB(ProviderSet p) {
        return TlsConfig.builder(p).versions(ProtocolVersion.TLS10, ProtocolVersion.TLS12)
                .credential(PKI.rsa).credential(PKI.ecdsa).credential(PKI.dsa).trust(PKI.ca);
    }

    static TlsConfig.Builder clientB(ProviderSet p, CipherSuite... suites) {
        return TlsConfig.builder(p).versions(ProtocolVersion.TLS12, ProtocolVersion.TLS12).suites(List.of(suites))
                .groups(List.of(TlsConfig.SECP256R1)).trust(PKI.ca).serverName("localhost", true);
    }

    /** A JNI provider (the pool check means something with those) that can run the suite, else SunJCE. */
    static ProviderSet jni(CipherSuite suite, ProviderId... preference) {
        for (ProviderId id : preference) {
            ProviderSet p = Providers.get(id);
            if (!p.available()) {
                continue;
            }
            if (suite.allows(ProtocolVersion.TLS12) && SuiteSupport.of(p).handshake(suite) == null) {
                return p;
            }
        }
        return JDK;
    }

    /** Server credentials that must fail the client's checks. */
    static final class BadCerts {
        private static final long DAY = 86_400_000L;
        private static Credential expired;
        private static Credential untrusted;

        static synchronized Credential expired() throws Exception {
            if (expired == null) {
                long now = System.currentTimeMillis();
                X509Certificate c = TestPki.certificate("CN=localhost", PKI.rsa.leaf().getPublicKey(),
                        PKI.ca.getSubjectX500Principal().getName(), PKI.caKeys.getPrivate(), false, "localhost",
                        new Date(now - 60 * DAY), new Date(now - 30 * DAY));
                expired = new Credential(PKI.rsa.privateKey(), List.of(c, PKI.ca));
            }
            return expired;
        }

        static synchronized Credential untrusted() throws Exception {
            if (untrusted == null) {
                KeyPair evil = TestPki.freshRsa2048();
                long now = System.currentTimeMillis();
                X509Certificate evilCa = TestPki.certificate("CN=evil CA", evil.getPublic(), "CN=evil CA",
                        evil.getPrivate(), true, null, new Date(now - DAY), new Date(now + 365 * DAY));
                X509Certificate leaf = TestPki.certificate("CN=localhost", PKI.rsa.leaf().getPublicKey(), "CN=evil CA",
                        evil.getPrivate(), false, "localhost", new Date(now - DAY), new Date(now + 30 * DAY));
                untrusted = new Credential(PKI.rsa.privateKey(), List.of(leaf, evilCa));
            }
            return untrusted;
        }
    }

    // ================================================================ the harness

    /** The flights of a partial handshake, parsed (plaintext messages editable). */
    static final class Exchange {
        Flight clientHello;
        Flight serverFlight;
        Flight clientFlight;
        Flight serverFinal;
        TlsClient client;
        TlsServer server;
    }

    /** One row's engines, key log and the victim's output. */
    static final class Ctx {
        final List<TlsEngine> engines = new ArrayList<>();
        final Map<String, byte[]> masters = new HashMap<>();
        final Consumer<String> keyLog = line -> {
            String[] p = line.split(" ");
            synchronized (masters) {
                masters.put(p[1], HEX.parseHex(p[2]));
            }
        };
        TlsEngine victim;
        /** The honest peer of the victim, used to decode an encrypted alert. */
        TlsEngine counterpart;
        final List<Rec> victimOut = new ArrayList<>();
        Throwable thrown;
        String alertRecord = "";

        TlsConfig config(TlsConfig.Builder b) {
            return b.keyLog(keyLog).build();
        }

        TlsClient client(TlsConfig.Builder b, Session resume) {
            TlsClient e = new TlsClient(config(b), resume);
            engines.add(e);
            return e;
        }

        TlsServer server(TlsConfig.Builder b) {
            return server(config(b));
        }

        TlsServer server(TlsConfig cfg) {
            TlsServer e = new TlsServer(cfg);
            engines.add(e);
            return e;
        }

        TlsClient victimClient(TlsConfig.Builder b, Session resume) {
            TlsClient e = client(b, resume);
            victim = e;
            return e;
        }

        TlsServer victimServer(TlsConfig.Builder b) {
            return victimServer(config(b));
        }

        TlsServer victimServer(TlsConfig cfg) {
            TlsServer e = server(cfg);
            victim = e;
            return e;
        }

        byte[] out(TlsEngine e) {
            ByteArrayOutputStream o = new ByteArrayOutputStream();
            ByteBuffer b = ByteBuffer.allocate(1 << 16);
            while (e.pendingOutput() > 0) {
                b.clear();
                e.send(b);
                o.write(b.array(), 0, b.position());
            }
            byte[] r = o.toByteArray();
            if (e == victim) {
                victimOut.addAll(records(r));
            }
            return r;
        }

        void in(TlsEngine e, byte[] data) throws TlsAlertException {
            e.receive(ByteBuffer.wrap(data));
        }

        byte[] start(TlsClient cl) throws TlsAlertException {
            cl.start();
            return out(cl);
        }

        void pump(TlsEngine a, TlsEngine b) throws TlsAlertException {
            for (int i = 0; i < 100; i++) {
                byte[] x = out(a);
                if (x.length > 0) {
                    in(b, x);
                }
                byte[] y = out(b);
                if (y.length > 0) {
                    in(a, y);
                }
                if (x.length == 0 && y.length == 0) {
                    return;
                }
            }
            throw new AssertionError("setup: engines did not settle");
        }

        /** Delivers bytes that must neither fail the victim nor make it answer. */
        void deliverQuietly(byte[] data, String what) {
            try {
                in(victim, data);
            } catch (Throwable t) {
                throw new AssertionError(what + " must not end the handshake there, but " + describe(t), t);
            }
            byte[] o = out(victim);
            if (o.length > 0) {
                throw new AssertionError(what + " made the engine send " + records(o));
            }
        }

        /** A full handshake and a graceful close (so the session stays resumable). */
        Session establish(TlsConfig.Builder clientB, TlsConfig serverConfig) throws TlsAlertException {
            TlsClient cl = client(clientB, null);
            TlsServer sv = server(serverConfig);
            in(sv, start(cl));
            pump(cl, sv);
            assertTrue(cl.handshakeComplete() && sv.handshakeComplete(), "setup: first handshake");
            Session s = cl.session();
            cl.close();
            pump(cl, sv);
            cl.close();
            sv.close();
            return s;
        }

        /** Server victim: up to the client's second flight (ClientKeyExchange ... Finished). */
        Exchange toClientFlight(TlsConfig.Builder serverB, TlsConfig.Builder clientB) throws TlsAlertException {
            Exchange x = new Exchange();
            x.server = victimServer(serverB);
            x.client = client(clientB, null);
            counterpart = x.client;
            byte[] ch = start(x.client);
            in(x.server, ch);
            byte[] sf = out(x.server);
            in(x.client, sf);
            x.clientHello = Flight.parse(ch, false);
            x.serverFlight = Flight.parse(sf, false);
            x.clientFlight = Flight.parse(out(x.client), false);
            return x;
        }

        /** Client victim: up to the server's first flight. */
        Exchange toServerFlight(TlsConfig.Builder clientB, TlsConfig.Builder serverB) throws TlsAlertException {
            Exchange x = new Exchange();
            x.client = victimClient(clientB, null);
            x.server = server(serverB);
            counterpart = x.server;
            byte[] ch = start(x.client);
            in(x.server, ch);
            x.clientHello = Flight.parse(ch, false);
            x.serverFlight = Flight.parse(out(x.server), false);
            return x;
        }

        /** Client victim: up to the server's ChangeCipherSpec and Finished. */
        Exchange toServerFinished(TlsConfig.Builder clientB, TlsConfig.Builder serverB) throws TlsAlertException {
            Exchange x = toServerFlight(clientB, serverB);
            in(x.client, x.serverFlight.encode());
            byte[] cf = out(x.client);
            x.clientFlight = Flight.parse(cf, false);
            in(x.server, cf);
            x.serverFinal = Flight.parse(out(x.server), false);
            return x;
        }

        /** The exchange's real record keys, from the key log (test-side ciphers use SunJCE). */
        RecordKeys keys(Exchange x) throws TlsAlertException {
            byte[] cr = ClientHello.decode(reader(x.clientHello.msg(CLIENT_HELLO).body())).random();
            ServerHello sh = ServerHello.decode(reader(x.serverFlight.msg(SERVER_HELLO).body()));
            byte[] master;
            synchronized (masters) {
                master = masters.get(HEX.formatHex(cr));
            }
            assertNotNull(master, "setup: no key log line for this connection");
            return new RecordKeys(JDK, CipherSuite.forId(sh.cipherSuite()), ProtocolVersion.fromWire(sh.version() >>> 8,
                    sh.version() & 0xff), master, cr, sh.random());
        }
    }

    static void kill(TlsEngine e) {
        try {
            e.receive(ByteBuffer.wrap(new byte[] {99, 3, 3, 0, 0}));
        } catch (Throwable ignored) {
            // it fails, or has failed already: either way it released
        }
        try {
            e.close();
        } catch (Throwable ignored) {
            // best effort
        }
    }

    static String describe(Throwable t) {
        if (t == null) {
            return "no exception";
        }
        if (t instanceof TlsAlertException a) {
            return a.description().rfcName() + " (" + a.getMessage() + ")";
        }
        return t.getClass().getName() + ": " + t.getMessage();
    }

    static String stackTrace(Throwable t) {
        StringWriter w = new StringWriter();
        t.printStackTrace(new PrintWriter(w));
        return w.toString();
    }

    /** Runs one row and checks everything the class comment promises. */
    static void run(Case k) {
        BufferPool pool = BufferPool.shared();
        long before = pool.stats().outstanding();
        Ctx c = new Ctx();
        List<String> problems = new ArrayList<>();
        String actual = "?";
        Throwable cause = null;
        try {
            byte[] hostile = null;
            try {
                hostile = k.scenario.prepare(c);
            } catch (Throwable t) {
                actual = "setup: " + describe(t);
                problems.add(actual);
                cause = t;
            }
            if (hostile != null) {
                assertNotNull(c.victim, "scenario names no victim");
                actual = strike(k, c, hostile, problems);
                cause = c.thrown;
            }
        } catch (Throwable t) {
            problems.add("harness: " + describe(t));
            cause = t;
        } finally {
            for (TlsEngine e : c.engines) {
                if (e != c.victim) {
                    kill(e);
                }
            }
            if (c.victim != null) {
                kill(c.victim); // a victim still talking (no alert expected) holds its buffers until now
            }
            long afterPool = pool.stats().outstanding();
            if (afterPool != before) {
                problems.add("BufferPool outstanding " + before + " before, " + afterPool + " after");
            }
            synchronized (OUTCOMES) {
                OUTCOMES.put(k.name, actual);
            }
            System.out.printf("BADINPUT|%s|%s|%s|%s|%s|%s|%s|%s%n", problems.isEmpty() ? "PASS" : "FAIL", k.victim,
                    k.provider.id(), k.name, k.expected == null ? "none (TLS 1.2)" : k.expected.rfcName(), actual,
                    c.alertRecord, c.thrown == null ? "" : c.thrown.getMessage());
        }
        if (!problems.isEmpty()) {
            AssertionError e = new AssertionError(k.name + ": " + String.join("; ", problems));
            if (cause != null) {
                e.initCause(cause);
            }
            throw e;
        }
    }

    /** Feeds the hostile bytes to the victim and checks the outcome; returns what happened. */
    static String strike(Case k, Ctx c, byte[] hostile, List<String> problems) {
        TlsEngine victim = c.victim;
        Throwable thrown = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            try {
                victim.receive(ByteBuffer.wrap(hostile));
                return null;
            } catch (Throwable t) {
                return t;
            }
        }, () -> k.name + ": the engine hung on the hostile input");
        c.thrown = thrown;
        byte[] after = c.out(victim);
        List<Rec> recs = records(after);
        String actual = thrown instanceof TlsAlertException a ? a.description().rfcName() : describe(thrown);

        if (k.expected == null) {
            if (thrown != null) {
                problems.add("refused with " + describe(thrown) + "; it must answer with its highest version");
                return actual;
            }
            int v;
            try {
                v = ServerHello.decode(reader(Flight.parse(after, false).msg(SERVER_HELLO).body())).version();
            } catch (TlsAlertException e) {
                problems.add("its ServerHello does not decode: " + describe(e));
                return actual;
            }
            if (v != 0x0303) {
                problems.add(String.format("answered 0x%04x, expected TLS 1.2 (0x0303)", v));
            }
            return String.format("ServerHello 0x%04x", v);
        }
        if (thrown == null) {
            problems.add("nothing escaped receive(); the engine answered " + recs + ", closed=" + victim.closed());
        } else if (!(thrown instanceof TlsAlertException)) {
            problems.add("a " + thrown.getClass().getName() + " escaped instead of a TlsAlertException:\n"
                    + stackTrace(thrown));
        } else {
            TlsAlertException a = (TlsAlertException) thrown;
            if (a.description() != k.expected) {
                problems.add("alert " + a.description().rfcName() + " (" + a.getMessage() + "), expected "
                        + k.expected.rfcName());
            }
        }
        if (!victim.closed()) {
            problems.add("engine not closed() after the failure");
        }
        if (k.peerAlert) {
            for (Rec r : recs) {
                if (r.type() == CT_ALERT) {
                    problems.add("answered the peer's fatal alert with an alert of its own");
                }
            }
            c.alertRecord = recs.isEmpty() ? "none sent (correct)" : "sent " + recs;
            return actual;
        }
        if (recs.isEmpty() || recs.get(recs.size() - 1).type() != CT_ALERT) {
            problems.add("no alert record queued for the peer (output " + recs + ")");
            c.alertRecord = "MISSING";
            return actual;
        }
        Rec last = recs.get(recs.size() - 1);
        boolean encrypted = false;
        for (Rec r : c.victimOut.subList(0, c.victimOut.size() - 1)) {
            encrypted |= r.type() == CT_CCS;
        }
        if (!encrypted) {
            byte[] want = bytes(2, k.expected.code);
            c.alertRecord = String.format("15 %04x 0002 %s", last.version(), HEX.formatHex(last.fragment()));
            if ((last.version() >>> 8) != 3 || !Arrays.equals(want, last.fragment())) {
                problems.add("alert record " + c.alertRecord + ", expected 15 03xx 0002 " + HEX.formatHex(want));
            }
            return actual;
        }
        c.alertRecord = "encrypted (" + last.fragment().length + " bytes)";
        TlsEngine peer = c.counterpart;
        if (peer != null && !peer.closed()) {
            try {
                peer.receive(ByteBuffer.wrap(last.encode()));
            } catch (TlsAlertException e) {
                if (e.getMessage().endsWith("received from the peer")) {
                    c.alertRecord += ", peer decrypts " + e.description().rfcName();
                    if (e.description() != k.expected) {
                        problems.add("the encrypted alert record says " + e.description().rfcName());
                    }
                }
            } catch (Throwable ignored) {
                // decoding is best effort: the type-21 record is what is required
            }
        }
        return actual;
    }

    @TestFactory
    Stream<DynamicTest> hostileInputs() {
        List<Case> cases = cases();
        assertTrue(cases.size() >= 40, "the table should hold at least 40 rows");
        long acquiredBefore = BufferPool.shared().stats().acquired();
        List<DynamicTest> tests = new ArrayList<>();
        for (Case k : cases) {
            tests.add(DynamicTest.dynamicTest("[" + k.victim + ", " + k.provider.id() + "] " + k.name, () -> run(k)));
        }
        tests.add(DynamicTest.dynamicTest("RSA pre-master failures (length, version, padding) are indistinguishable",
                () -> {
                    List<String> seen = new ArrayList<>();
                    for (String row : RSA_ROWS) {
                        seen.add(OUTCOMES.get(row));
                    }
                    assertEquals(3, seen.size());
                    assertEquals(1, seen.stream().distinct().count(), "outcomes differ: " + seen);
                    assertEquals(BAD_RECORD_MAC.rfcName(), seen.get(0));
                    // Informational: how many pooled buffers the rows took at all (record ciphers use
                    // pooled direct buffers only with WorkSpace.DIRECT).
                    System.out.println("BADINPUT-POOL|buffers acquired during the table: "
                            + (BufferPool.shared().stats().acquired() - acquiredBefore));
                }));
        return tests.stream();
    }
}
