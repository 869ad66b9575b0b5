package io.tlsbench.bench.axis;

/**
 * Plaintext bytes per record: 64 B, where per-record costs dominate; 1 KB; 16 KB, the largest
 * record (RFC 5246 §6.2.1), where per-byte costs do.
 */
public enum RecordSize implements Labelled {
    B64(64), B1024(1024), B16384(16384);

    public final int bytes;

    RecordSize(int bytes) {
        this.bytes = bytes;
    }

    @Override
    public String label() {
        return Integer.toString(bytes);
    }

    @Override
    public String toString() {
        return label();
    }
}
