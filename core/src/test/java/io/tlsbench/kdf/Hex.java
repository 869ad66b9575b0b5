package io.tlsbench.kdf;

import java.util.HexFormat;

/** Test helper: hex both ways. */
final class Hex {
    private Hex() {
    }

    static byte[] decode(String hex) {
        return hex == null ? null : HexFormat.of().parseHex(hex);
    }

    static String encode(byte[] b) {
        return HexFormat.of().formatHex(b);
    }
}
