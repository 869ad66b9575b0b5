package io.tlsbench.bench.axis;

import java.util.Locale;

/** The SSLEngines whose record layer is measured beside the core's: the JDK's and Conscrypt's. */
public enum Engine implements Labelled {
    JDK(Stack.JSSE), CONSCRYPT(Stack.CONSCRYPT);

    /** The stack this engine is. */
    public final Stack stack;

    Engine(Stack stack) {
        this.stack = stack;
    }

    /** The engine of a handshake stack, or null when its records are not measured (the core, BCJSSE). */
    public static Engine of(Stack stack) {
        for (Engine e : values()) {
            if (e.stack == stack) {
                return e;
            }
        }
        return null;
    }

    @Override
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return label();
    }
}
