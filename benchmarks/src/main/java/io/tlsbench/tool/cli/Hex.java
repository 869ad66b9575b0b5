package io.tlsbench.tool.cli;

import java.util.HexFormat;

/** Hex arguments: errors name the option, so the one-line message says what to fix. */
final class Hex {

    private static final HexFormat HEX = HexFormat.of();

    private Hex() {
    }

    /** Parses an option's hex value (an optional 0x prefix; empty is allowed). */
    static byte[] parse(String option, String value) {
        String v = value == null ? "" : value.trim();
        if (v.startsWith("0x") || v.startsWith("0X")) {
            v = v.substring(2);
        }
        if (v.length() % 2 != 0) {
            throw new IllegalArgumentException(option + " is not hex: " + quote(value) + " has an odd number of digits ("
                    + v.length() + ")");
        }
        for (int i = 0; i < v.length(); i++) {
            if (Character.digit(v.charAt(i), 16) < 0) {
                throw new IllegalArgumentException(option + " is not hex: " + quote(value) + " has '" + v.charAt(i)
                        + "' at digit " + (i + 1));
            }
        }
        return HEX.parseHex(v);
    }

    /** Parses and checks the byte length. */
    static byte[] parse(String option, String value, int length) {
        byte[] b = parse(option, value);
        if (b.length != length) {
            throw new IllegalArgumentException(option + " is " + b.length + " bytes; it must be " + length);
        }
        return b;
    }

    static String format(byte[] b) {
        return HEX.formatHex(b);
    }

    /** Long values are cut in messages. */
    private static String quote(String value) {
        String v = String.valueOf(value);
        return "'" + (v.length() > 40 ? v.substring(0, 37) + "..." : v) + "'";
    }
}
