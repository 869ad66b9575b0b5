package io.tlsbench.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.tlsbench.alert.AlertDescription;
import io.tlsbench.alert.TlsAlertException;
import io.tlsbench.handshake.message.Certificate;
import io.tlsbench.handshake.message.CertificateRequest;
import io.tlsbench.handshake.message.CertificateVerify;
import io.tlsbench.handshake.message.ClientHello;
import io.tlsbench.handshake.message.ClientKeyExchange;
import io.tlsbench.handshake.message.EcPointFormats;
import io.tlsbench.handshake.message.ExtendedMasterSecret;
import io.tlsbench.handshake.message.ExtensionType;
import io.tlsbench.handshake.message.Extensions;
import io.tlsbench.handshake.message.Finished;
import io.tlsbench.handshake.message.HandshakeMessage;
import io.tlsbench.handshake.message.HandshakeType;
import io.tlsbench.handshake.message.HelloExtension;
import io.tlsbench.handshake.message.Reader;
import io.tlsbench.handshake.message.RenegotiationInfo;
import io.tlsbench.handshake.message.ServerDhParams;
import io.tlsbench.handshake.message.ServerEcdhParams;
import io.tlsbench.handshake.message.ServerHello;
import io.tlsbench.handshake.message.ServerKeyExchange;
import io.tlsbench.handshake.message.ServerName;
import io.tlsbench.handshake.message.SignatureAlgorithms;
import io.tlsbench.handshake.message.SupportedGroups;
import io.tlsbench.handshake.message.Writer;
import io.tlsbench.suite.ConnectionEnd;
import io.tlsbench.suite.ProtocolVersion;
import io.tlsbench.testing.Flight;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The message decoders called directly, without an engine (HandshakeDecoderFuzzTest reaches the
 * same decoders through engines). Where a message's encoding depends on the version or the key
 * exchange, the first input byte picks them; the rest is the body. Bad input may end only in an
 * alert that is not internal_error; input that decodes must encode to bytes that decode and
 * encode to the same bytes again, so the decoder and the encoder agree on every message.
 */
class MessageDecoderFuzzTest {

    private static final ProtocolVersion[] VERSIONS = ProtocolVersion.values();

    @FunctionalInterface
    interface Decoder {
        HandshakeMessage decode(Reader r) throws TlsAlertException;
    }

    @FunctionalInterface
    interface VersionedDecoder {
        HandshakeMessage decode(Reader r, ProtocolVersion version) throws TlsAlertException;
    }

    @FuzzTest
    void decodeClientHello(byte[] input) {
        lossless(input, ClientHello::decode, null);
    }

    @FuzzTest
    void decodeServerHello(byte[] input) {
        lossless(input, ServerHello::decode, null);
    }

    @FuzzTest
    void decodeCertificate(byte[] input) {
        lossless(input, Certificate::decode, null);
    }

    /** Selector: bit 0 the exchange (ECDHE, DHE), the next bits the version. */
    @FuzzTest
    void decodeServerKeyExchange(byte[] input) {
        if (input.length == 0) {
            return;
        }
        ProtocolVersion v = version(input[0] >> 1);
        boolean ecdhe = (input[0] & 1) == 0;
        Decoder d = ecdhe ? r -> ServerKeyExchange.decode(r, ServerEcdhParams::decode, v)
                : r -> ServerKeyExchange.decode(r, ServerDhParams::decode, v);
        lossless(rest(input), d, v);
    }

    @FuzzTest
    void decodeCertificateRequest(byte[] input) {
        versioned(input, CertificateRequest::decode);
    }

    /** Selector: the form (RSA, ECDHE, DHE) modulo 3, then the version. */
    @FuzzTest
    void decodeClientKeyExchange(byte[] input) {
        if (input.length == 0) {
            return;
        }
        int form = (input[0] & 0xff) % 3;
        ProtocolVersion v = version((input[0] & 0xff) / 3);
        Decoder d = form == 0 ? r -> ClientKeyExchange.Rsa.decode(r, v)
                : form == 1 ? ClientKeyExchange.Ecdhe::decode : ClientKeyExchange.Dhe::decode;
        lossless(rest(input), d, v);
    }

    @FuzzTest
    void decodeCertificateVerify(byte[] input) {
        versioned(input, CertificateVerify::decode);
    }

    @FuzzTest
    void decodeFinished(byte[] input) {
        versioned(input, Finished::decode);
    }

    /** A hello's extensions block, and every known extension in it decoded on its own. */
    @FuzzTest
    void decodeExtensions(byte[] input) {
        FuzzCheck.onlyAlerts(() -> {
            Extensions block = Extensions.decode(new Reader(input, "extensions"));
            for (ExtensionType<?> type : KNOWN_EXTENSIONS) {
                try {
                    HelloExtension e = block.get(type);
                    if (e != null) {
                        sameAgain(encodeBody(e), body -> encodeBody(type.decoder().decode(body)));
                    }
                } catch (TlsAlertException malformed) { // one malformed extension: the others are still decoded
                    if (malformed.description() == AlertDescription.INTERNAL_ERROR) {
                        throw new AssertionError("bad input ended in internal_error: " + malformed.getMessage(), malformed);
                    }
                }
            }
            Writer w = new Writer(input.length);
            block.encode(w);
            sameAgain(w.toByteArray(), bytes -> {
                Writer again = new Writer(bytes.length);
                Extensions.decode(new Reader(bytes, "extensions")).encode(again);
                return again.toByteArray();
            });
        });
    }

    static final List<ExtensionType<?>> KNOWN_EXTENSIONS = List.of(ServerName.TYPE, SupportedGroups.TYPE,
            EcPointFormats.TYPE, SignatureAlgorithms.TYPE, ExtendedMasterSecret.TYPE, RenegotiationInfo.TYPE);

    // ---------------------------------------------------------------- the check

    /** A message whose encoding depends on the version, which the first byte picks. */
    private static void versioned(byte[] input, VersionedDecoder decoder) {
        if (input.length > 0) {
            ProtocolVersion v = version(input[0]);
            lossless(rest(input), r -> decoder.decode(r, v), v);
        }
    }

    private static ProtocolVersion version(int selector) {
        return VERSIONS[(selector & 0xff) % VERSIONS.length];
    }

    private static byte[] rest(byte[] input) {
        return Arrays.copyOfRange(input, 1, input.length);
    }

    private static byte[] encodeBody(HelloExtension e) {
        Writer w = new Writer(64);
        e.encodeBody(w);
        return w.toByteArray();
    }

    /** Decodes a body; if it decodes, its encoding must survive another decode and encode unchanged. */
    private static void lossless(byte[] body, Decoder decoder, ProtocolVersion v) {
        FuzzCheck.onlyAlerts(() -> {
            byte[] once = decoder.decode(new Reader(body, "fuzzed")).body(v);
            sameAgain(once, bytes -> decoder.decode(new Reader(bytes, "re-encoded")).body(v));
        });
    }

    @FunctionalInterface
    interface Recode {
        byte[] apply(byte[] encoded) throws TlsAlertException;
    }

    /** What an encoder wrote must decode (no alert at all) and encode to the same bytes. */
    private static void sameAgain(byte[] encoded, Recode recode) {
        byte[] again;
        try {
            again = recode.apply(encoded);
        } catch (TlsAlertException e) {
            throw new AssertionError("the decoder refuses what the encoder wrote (" + HexFormat.of().formatHex(encoded)
                    + "): " + e.getMessage(), e);
        }
        if (!Arrays.equals(encoded, again)) {
            throw new AssertionError("encoded " + HexFormat.of().formatHex(encoded) + ", decoded and encoded again "
                    + HexFormat.of().formatHex(again));
        }
    }

    // ---------------------------------------------------------------- seeds

    /** Seeds per target: the recorded honest messages, behind the selector byte that decodes them as sent. */
    static Map<String, List<byte[]>> seeds() throws TlsAlertException {
        Map<String, List<byte[]>> out = new LinkedHashMap<>();
        for (Scenario s : Scenario.values()) {
            int v = s.version.ordinal();
            boolean ecdhe = s.suite.keyExchange.elliptic();
            int form = s.suite.keyExchange.ephemeral ? (ecdhe ? 1 : 2) : 0;
            for (ConnectionEnd side : ConnectionEnd.values()) {
                for (Object o : Flight.parse(s.recording().from(side), false).items) {
                    if (o instanceof Flight.Msg m) {
                        seed(out, m, v, ecdhe, form);
                    }
                }
                add(out, "decodeFinished", v, s.recording().verifyData(side));
            }
        }
        return out;
    }

    private static void seed(Map<String, List<byte[]>> out, Flight.Msg m, int v, boolean ecdhe, int form)
            throws TlsAlertException {
        HandshakeType type = HandshakeType.of(m.type());
        switch (type) {
            case CLIENT_HELLO -> {
                add(out, "decodeClientHello", -1, m.body());
                add(out, "decodeExtensions", -1, extensionsBlock(m.body(), true));
            }
            case SERVER_HELLO -> {
                add(out, "decodeServerHello", -1, m.body());
                add(out, "decodeExtensions", -1, extensionsBlock(m.body(), false));
            }
            case CERTIFICATE -> add(out, "decodeCertificate", -1, m.body());
            case SERVER_KEY_EXCHANGE -> add(out, "decodeServerKeyExchange", v << 1 | (ecdhe ? 0 : 1), m.body());
            case CERTIFICATE_REQUEST -> add(out, "decodeCertificateRequest", v, m.body());
            case CLIENT_KEY_EXCHANGE -> add(out, "decodeClientKeyExchange", v * 3 + form, m.body());
            case CERTIFICATE_VERIFY -> add(out, "decodeCertificateVerify", v, m.body());
            default -> {
                // ServerHelloDone: an empty body, nothing to seed
            }
        }
    }

    private static byte[] extensionsBlock(byte[] hello, boolean clientHello) throws TlsAlertException {
        return Arrays.copyOfRange(hello, HandshakeDecoderFuzzTest.helloExtensionsAt(hello, clientHello), hello.length);
    }

    /** Adds a seed (selector -1: none) unless the target has it already. */
    private static void add(Map<String, List<byte[]>> out, String target, int selector, byte[] body) {
        byte[] seed = selector < 0 ? body : Flight.concat(new byte[] {(byte) selector}, body);
        List<byte[]> list = out.computeIfAbsent(target, t -> new ArrayList<>());
        if (list.stream().noneMatch(b -> Arrays.equals(b, seed))) {
            list.add(seed);
        }
    }
}
