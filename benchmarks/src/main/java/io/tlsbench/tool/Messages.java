package io.tlsbench.tool;

/** How the tool puts text on one line: failures, providers' reasons, openssl's errors. */
public final class Messages {

    private Messages() {
    }

    /** The text with every run of white space (line breaks too) as one space, trimmed; null as "". */
    public static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").trim();
    }

    /** The exception's message (its class's simple name when it has none) on one line. */
    public static String describe(Throwable t) {
        return oneLine(t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage());
    }

    /** How the tool reports a failure: {@link #describe} without picocli's "Error: " prefix. */
    public static String oneLine(Throwable t) {
        String m = describe(t);
        return m.startsWith("Error: ") ? m.substring(7) : m;
    }
}
