package io.tlsbench.alert;

/** RFC 5246 §7.2 AlertLevel. */
public enum AlertLevel {
    WARNING(1), FATAL(2);

    public final int code;

    AlertLevel(int code) {
        this.code = code;
    }

    /** Null for a code RFC 5246 does not define. */
    public static AlertLevel forCode(int code) {
        return code == 1 ? WARNING : code == 2 ? FATAL : null;
    }
}
