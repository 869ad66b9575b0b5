package io.tlsbench.handshake.message;

import static io.tlsbench.alert.AlertDescription.BAD_CERTIFICATE;
import static io.tlsbench.alert.AlertDescription.DECODE_ERROR;
import static io.tlsbench.alert.AlertDescription.HANDSHAKE_FAILURE;
import static io.tlsbench.alert.AlertDescription.ILLEGAL_PARAMETER;
import static io.tlsbench.alert.AlertDescription.UNEXPECTED_MESSAGE;
import static io.tlsbench.testing.Flight.bytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tlsbench.alert.AlertDescription;
import io.tlsbench.alert.TlsAlertException;
import io.tlsbench.suite.ProtocolVersion;
import io.tlsbench.testing.TestPki;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The message types on their own: what each encodes is written out byte for byte from the RFC
 * structs, decodes to the same encoding, and malformed bodies get the alert the RFCs call for.
 */
class MessageCodecTest {

    private static final ProtocolVersion TLS12 = ProtocolVersion.TLS12;
    private static final ProtocolVersion SSL3 = ProtocolVersion.SSL3;

    @FunctionalInterface
    interface Decode {
        HandshakeMessage apply(Reader r) throws TlsAlertException;
    }

    record Known(String name, HandshakeMessage message, ProtocolVersion version, byte[] wire, Decode decode) {
    }

    static List<Known> known() {
        byte[] r32 = new byte[32];
        r32[0] = 7;
        return List.of(
                new Known("ServerHello, no extensions", new ServerHello(0x0303, r32, bytes(1, 2), 0x009c, 0,
                        Extensions.NONE), TLS12, cat(bytes(3, 3), r32, bytes(2, 1, 2, 0x00, 0x9c, 0)), ServerHello::decode),
                new Known("ServerHello with renegotiation_info and extended_master_secret",
                        new ServerHello(0x0301, r32, new byte[0], 0x002f, 0, new Extensions(List.of(
                                RenegotiationInfo.INITIAL, ExtendedMasterSecret.INSTANCE))), TLS12,
                        cat(bytes(3, 1), r32, bytes(0, 0x00, 0x2f, 0, 0, 9, 0xff, 1, 0, 1, 0, 0, 23, 0, 0)),
                        ServerHello::decode),
                new Known("ClientHello with server_name, supported_groups, ec_point_formats, signature_algorithms",
                        new ClientHello(0x0303, r32, new byte[0], List.of(0xc02f, 0x00ff), ClientHello.NO_COMPRESSION,
                                new Extensions(List.of(new ServerName("a.b"), new SupportedGroups(List.of(23, 29)),
                                        EcPointFormats.UNCOMPRESSED, new SignatureAlgorithms(List.of(0x0401))))),
                        TLS12, cat(bytes(3, 3), r32, bytes(0, 0, 4, 0xc0, 0x2f, 0x00, 0xff, 1, 0, 0, 36,
                                0, 0, 0, 8, 0, 6, 0, 0, 3, 'a', '.', 'b',
                                0, 10, 0, 6, 0, 4, 0, 23, 0, 29,
                                0, 11, 0, 2, 1, 0,
                                0, 13, 0, 4, 0, 2, 4, 1)), ClientHello::decode),
                new Known("ServerKeyExchange, ECDHE, TLS 1.2", new ServerKeyExchange<>(new ServerEcdhParams(23,
                        bytes(4, 9)), 0x0401, bytes(5, 6)), TLS12, bytes(3, 0, 23, 2, 4, 9, 4, 1, 0, 2, 5, 6),
                        r -> ServerKeyExchange.decode(r, ServerEcdhParams::decode, TLS12)),
                new Known("ServerKeyExchange, DHE, TLS 1.0 (no scheme)", new ServerKeyExchange<>(new ServerDhParams(
                        bytes(0, 23), bytes(2), bytes(9)), 0, bytes(1)), ProtocolVersion.TLS10,
                        bytes(0, 2, 0, 23, 0, 1, 2, 0, 1, 9, 0, 1, 1),
                        r -> ServerKeyExchange.decode(r, ServerDhParams::decode, ProtocolVersion.TLS10)),
                new Known("CertificateRequest, TLS 1.2", new CertificateRequest(bytes(1, 64), List.of(0x0401, 0x0403),
                        new byte[0]), TLS12, bytes(2, 1, 64, 0, 4, 4, 1, 4, 3, 0, 0),
                        r -> CertificateRequest.decode(r, TLS12)),
                new Known("CertificateRequest, SSLv3 (no schemes)", new CertificateRequest(bytes(1), List.of(),
                        new byte[0]), SSL3, bytes(1, 1, 0, 0), r -> CertificateRequest.decode(r, SSL3)),
                new Known("ClientKeyExchange, RSA, TLS", new ClientKeyExchange.Rsa(bytes(8, 9)), TLS12,
                        bytes(0, 2, 8, 9), r -> ClientKeyExchange.Rsa.decode(r, TLS12)),
                new Known("ClientKeyExchange, RSA, SSLv3 (no length)", new ClientKeyExchange.Rsa(bytes(8, 9)), SSL3,
                        bytes(8, 9), r -> ClientKeyExchange.Rsa.decode(r, SSL3)),
                new Known("ClientKeyExchange, ECDHE", new ClientKeyExchange.Ecdhe(bytes(4, 1)), TLS12, bytes(2, 4, 1),
                        ClientKeyExchange.Ecdhe::decode),
                new Known("ClientKeyExchange, DHE", new ClientKeyExchange.Dhe(bytes(5)), TLS12, bytes(0, 1, 5),
                        ClientKeyExchange.Dhe::decode),
                new Known("CertificateVerify, TLS 1.2", new CertificateVerify(0x0403, bytes(1, 2)), TLS12,
                        bytes(4, 3, 0, 2, 1, 2), r -> CertificateVerify.decode(r, TLS12)),
                new Known("CertificateVerify, TLS 1.1 (no scheme)", new CertificateVerify(0, bytes(1, 2)),
                        ProtocolVersion.TLS11, bytes(0, 2, 1, 2), r -> CertificateVerify.decode(r, ProtocolVersion.TLS11)),
                new Known("Finished, TLS", new Finished(new byte[12]), TLS12, new byte[12], r -> Finished.decode(r, TLS12)),
                new Known("Finished, SSLv3", new Finished(new byte[36]), SSL3, new byte[36], r -> Finished.decode(r, SSL3)),
                new Known("ServerHelloDone", ServerHelloDone.INSTANCE, TLS12, new byte[0], ServerHelloDone::decode),
                new Known("HelloRequest", HelloRequest.INSTANCE, TLS12, new byte[0], HelloRequest::decode));
    }

    @TestFactory
    Stream<DynamicTest> encodesAsTheRfcSaysAndDecodesBack() {
        return known().stream().map(k -> DynamicTest.dynamicTest(k.name(), () -> {
            assertArrayEquals(k.wire(), k.message().body(k.version()), "encoding");
            HandshakeMessage decoded = k.decode().apply(new Reader(k.wire(), k.name()));
            assertEquals(k.message().type(), decoded.type());
            assertArrayEquals(k.wire(), decoded.body(k.version()), "decoded and encoded again");
        }));
    }

    @Test
    void certificateChainEncodesEachCertificateBehindA24BitLength() throws Exception {
        Certificate c = new Certificate(TestPki.INSTANCE.rsa.chain());
        byte[] body = c.body(TLS12);
        byte[] leaf = TestPki.INSTANCE.rsa.leaf().getEncoded();
        assertEquals(body.length - 3, ((body[0] & 0xff) << 16) | ((body[1] & 0xff) << 8) | (body[2] & 0xff));
        assertEquals(leaf.length, ((body[3] & 0xff) << 16) | ((body[4] & 0xff) << 8) | (body[5] & 0xff));
        assertEquals(TestPki.INSTANCE.rsa.chain(), Certificate.decode(new Reader(body, "Certificate")).chain());
    }

    @Test
    void unknownExtensionsStayRawAndKnownOnesDecodeWhenAsked() throws TlsAlertException {
        byte[] block = bytes(0, 9, 0xfa, 0xfa, 0, 1, 7, 0, 23, 0, 0);
        Extensions e = Extensions.decode(new Reader(block, "extensions"));
        assertEquals(List.of(0xfafa, 23), e.types());
        assertEquals(ExtendedMasterSecret.INSTANCE, e.get(ExtendedMasterSecret.TYPE));
        assertNull(e.get(SupportedGroups.TYPE));
        assertArrayEquals(bytes(7), ((RawExtension) e.list().get(0)).body());
    }

    record Bad(String name, AlertDescription alert, byte[] body, Decode decode) {
    }

    static List<Bad> malformed() {
        byte[] r32 = new byte[32];
        return List.of(
                new Bad("ServerHello session_id of 33 bytes", DECODE_ERROR,
                        cat(bytes(3, 3), r32, bytes(33), new byte[33], bytes(0, 0x2f, 0)), ServerHello::decode),
                new Bad("ServerHello with a trailing byte after its extensions", DECODE_ERROR,
                        cat(bytes(3, 3), r32, bytes(0, 0, 0x2f, 0, 0, 0, 1)), ServerHello::decode),
                new Bad("ClientHello cipher_suites of 3 bytes", DECODE_ERROR,
                        cat(bytes(3, 3), r32, bytes(0, 0, 3, 0, 0x2f, 0, 1, 0)), ClientHello::decode),
                new Bad("ClientHello without compression methods", DECODE_ERROR,
                        cat(bytes(3, 3), r32, bytes(0, 0, 2, 0, 0x2f, 0)), ClientHello::decode),
                new Bad("ClientHello with an extension twice", DECODE_ERROR,
                        cat(bytes(3, 3), r32, bytes(0, 0, 2, 0, 0x2f, 1, 0, 0, 8, 0, 23, 0, 0, 0, 23, 0, 0)),
                        ClientHello::decode),
                new Bad("Certificate entry that is not DER", BAD_CERTIFICATE, bytes(0, 0, 4, 0, 0, 1, 5),
                        Certificate::decode),
                new Bad("ServerECDHParams with an explicit curve (curve_type 1)", ILLEGAL_PARAMETER,
                        bytes(1, 0, 23, 1, 4, 0, 0), r -> ServerKeyExchange.decode(r, ServerEcdhParams::decode, TLS12)),
                new Bad("CertificateRequest without certificate types", DECODE_ERROR, bytes(0, 0, 2, 4, 1, 0, 0),
                        r -> CertificateRequest.decode(r, TLS12)),
                new Bad("CertificateRequest with an empty supported_signature_algorithms", DECODE_ERROR,
                        bytes(1, 1, 0, 0, 0, 0), r -> CertificateRequest.decode(r, TLS12)),
                new Bad("Finished of 13 bytes", DECODE_ERROR, new byte[13], r -> Finished.decode(r, TLS12)),
                new Bad("Finished of 12 bytes in SSLv3", DECODE_ERROR, new byte[12], r -> Finished.decode(r, SSL3)),
                new Bad("ServerHelloDone with a body", DECODE_ERROR, bytes(0), ServerHelloDone::decode),
                new Bad("ClientKeyExchange ECDHE point past the body", DECODE_ERROR, bytes(65, 4),
                        ClientKeyExchange.Ecdhe::decode),
                new Bad("supported_groups of odd length", DECODE_ERROR,
                        cat(bytes(3, 3), r32, bytes(0, 0, 2, 0, 0x2f, 1, 0, 0, 7, 0, 10, 0, 3, 0, 1, 23)),
                        r -> extension(ClientHello.decode(r), SupportedGroups.TYPE)),
                new Bad("renegotiation_info not empty", HANDSHAKE_FAILURE,
                        cat(bytes(3, 3), r32, bytes(0, 0, 2, 0, 0x2f, 1, 0, 0, 6, 0xff, 1, 0, 2, 1, 9)),
                        r -> extension(ClientHello.decode(r), RenegotiationInfo.TYPE)),
                new Bad("extended_master_secret not empty", DECODE_ERROR,
                        cat(bytes(3, 3), r32, bytes(0, 0, 2, 0, 0x2f, 1, 0, 0, 5, 0, 23, 0, 1, 0)),
                        r -> extension(ClientHello.decode(r), ExtendedMasterSecret.TYPE)));
    }

    @TestFactory
    Stream<DynamicTest> malformedBodiesGetTheirAlert() {
        return malformed().stream().map(b -> DynamicTest.dynamicTest(b.name() + ": " + b.alert().rfcName(), () -> {
            TlsAlertException e = assertThrows(TlsAlertException.class,
                    () -> b.decode().apply(new Reader(b.body(), b.name())));
            assertEquals(b.alert(), e.description(), e.getMessage());
        }));
    }

    @Test
    void reassemblyChecksEachHeaderAsSoonAsItIsWhole() throws TlsAlertException {
        HandshakeReassembler r = new HandshakeReassembler();
        r.add(bytes(14, 0, 0));
        assertNull(r.next());
        r.add(bytes(0, 20, 0, 0));
        assertArrayEquals(bytes(14, 0, 0, 0), r.next());
        assertNull(r.next()); // three bytes of Finished's header
        r.add(bytes(12));
        assertNull(r.next()); // the header, the body yet to come
        r.add(new byte[12]);
        assertEquals(16, r.next().length);
        r.add(bytes(99, 0, 0, 0));
        assertEquals(UNEXPECTED_MESSAGE, assertThrows(TlsAlertException.class, r::next).description());
        HandshakeReassembler big = new HandshakeReassembler();
        big.add(bytes(11, 1, 0, 1));
        assertEquals(ILLEGAL_PARAMETER, assertThrows(TlsAlertException.class, big::next).description());
    }

    /** Decodes one extension of a hello, as a state machine asks for it; the hello stands in for the result. */
    private static HandshakeMessage extension(ClientHello hello, ExtensionType<?> type) throws TlsAlertException {
        hello.extensions().get(type);
        return hello;
    }

    private static byte[] cat(byte[]... parts) {
        return io.tlsbench.testing.Flight.concat(parts);
    }
}
