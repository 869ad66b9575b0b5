package io.tlsbench.tool;

/** How the tool reports a failure: the exception's message on one line, without picocli's "Error: " prefix. */
public final class Messages {

    private Messages() {
    }

    public static String oneLine(Throwable t) {
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        m = m.replaceAll("\\s+", " ").trim();
        return m.startsWith("Error: ") ? m.substring(7) : m;
    }
}
