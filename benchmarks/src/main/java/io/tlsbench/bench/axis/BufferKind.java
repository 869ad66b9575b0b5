package io.tlsbench.bench.axis;

/**
 * The caller's buffers, and with them the record layer's work space: heap (the core's default
 * for every provider) or direct (the path a JNI provider can take without copies).
 */
public enum BufferKind implements Labelled {
    HEAP, DIRECT;

    public boolean direct() {
        return this == DIRECT;
    }

    @Override
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public String toString() {
        return label();
    }
}
