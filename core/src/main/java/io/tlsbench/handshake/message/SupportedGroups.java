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
        return new SupportedGroups(U16s.decodeBody(body, "supported_groups", "named_group_list"));
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
