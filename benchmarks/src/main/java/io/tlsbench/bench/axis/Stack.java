package io.tlsbench.bench.axis;

import java.util.Locale;

/** A TLS implementation a handshake runs on: tlsbench's core, or an SSLEngine of another stack. */
public enum Stack implements Labelled {
    CORE,
    /** The JDK's SunJSSE. */
    JSSE,
    /** Bouncy Castle's JSSE provider. */
    BCJSSE,
    /** Conscrypt's SSLEngine (BoringSSL). */
    CONSCRYPT;

    public boolean sslEngine() {
        return this != CORE;
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
