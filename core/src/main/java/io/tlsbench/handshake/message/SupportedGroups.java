package io.tlsbench.handshake.message;

import io.tlsbench.alert.TlsAlertException;
import java.util.List;

/** supported_groups, formerly elliptic_curves (RFC 8422 §5.1.1): the client's named groups, preferred first. */
public record SupportedGroups(List<Integer> groups) implements HelloExtension {

    public static final ExtensionType<SupportedGroups> TYPE = new ExtensionType<>(10, SupportedGroups::decode);

    public SupportedGroups {
        groups = List.copyOf(groups);
    }

    public static SupportedGroups decode(byte[] body) throws TlsAlertException {
        Reader r = new Reader(body, "supported_groups");
        List<Integer> groups = r.u16List("named_group_list", 0);
        r.end();
        return new SupportedGroups(groups);
    }

    @Override
    public int type() {
        return TYPE.code();
    }

    @Override
    public void encodeBody(Writer w) {
        U16s.encode(w, groups);
    }
}
