package io.tlsbench.handshake.message;

import io.tlsbench.alert.AlertDescription;
import io.tlsbench.alert.TlsAlertException;
import java.nio.charset.StandardCharsets;

/** server_name (RFC 6066 §3): the DNS host name the client is connecting to. */
public record ServerName(String hostName) implements HelloExtension {

    public static final ExtensionType<ServerName> TYPE = new ExtensionType<>(0, ServerName::decode);
    private static final int HOST_NAME = 0;

    /** The ServerNameList's host_name entry (other name types are skipped); a list without one is a decode_error. */
    public static ServerName decode(byte[] body) throws TlsAlertException {
        Reader r = new Reader(body, "server_name");
        Reader list = r.sub(r.u16("server_name_list length"), "server_name_list");
        r.end();
        String host = null;
        while (list.hasRemaining()) {
            int nameType = list.u8("name_type");
            byte[] name = list.vector16("name");
            if (nameType == HOST_NAME && host == null) {
                host = new String(name, StandardCharsets.US_ASCII);
            }
        }
        if (host == null) {
            throw new TlsAlertException(AlertDescription.DECODE_ERROR, "server_name without a host_name");
        }
        return new ServerName(host);
    }

    @Override
    public int type() {
        return TYPE.code();
    }

    @Override
    public void encodeBody(Writer w) {
        int list = w.mark(2);
        w.u8(HOST_NAME).vector16(hostName.getBytes(StandardCharsets.US_ASCII));
        w.fillLength(list, 2);
    }
}
