package io.tlsbench.handshake.message;

import io.tlsbench.alert.TlsAlertException;

/** ec_point_formats (RFC 8422 §5.1.2): the point formats a peer can parse. */
public record EcPointFormats(byte[] formats) implements HelloExtension {

    public static final ExtensionType<EcPointFormats> TYPE = new ExtensionType<>(11, EcPointFormats::decode);
    private static final byte UNCOMPRESSED_FORMAT = 0;
    /** The only format this engine sends and accepts. */
    public static final EcPointFormats UNCOMPRESSED = new EcPointFormats(new byte[] {UNCOMPRESSED_FORMAT});

    public static EcPointFormats decode(byte[] body) throws TlsAlertException {
        Reader r = new Reader(body, "ec_point_formats");
        byte[] formats = r.vector8("ec_point_format_list");
        r.end();
        return new EcPointFormats(formats);
    }

    /** Whether the list has the uncompressed format, which RFC 8422 §5.1.2 makes mandatory. */
    public boolean offersUncompressed() {
        for (byte f : formats) {
            if (f == UNCOMPRESSED_FORMAT) {
                return true;
            }
        }
        return false;
    }

    @Override
    public int type() {
        return TYPE.code();
    }

    @Override
    public void encodeBody(Writer w) {
        w.vector8(formats);
    }
}
