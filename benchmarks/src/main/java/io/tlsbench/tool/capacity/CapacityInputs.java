package io.tlsbench.tool.capacity;

import io.tlsbench.tool.report.Fmt;

/**
 * What the planner is asked: N new connections/s, resumption ratio R, G Gbit/s, record size B,
 * the suite (null: the default, else the first with figures), utilization U.
 */
public record CapacityInputs(double newConnectionsPerSecond, double resumptionRatio, double throughputGbps, int recordSize,
                             String suite, double targetUtilization) {

    /** Largest TLS plaintext record (2^14, RFC 5246 §6.2.1). */
    public static final int MAX_RECORD = 16384;

    /** Throws IllegalArgumentException (exit 2) for an input outside its range. */
    public void validate() {
        if (!(newConnectionsPerSecond >= 0) || Double.isInfinite(newConnectionsPerSecond)) {
            throw new IllegalArgumentException("--new-connections-per-s must be a number ≥ 0, not " + Fmt.g(newConnectionsPerSecond));
        }
        if (!(resumptionRatio >= 0 && resumptionRatio <= 1)) {
            throw new IllegalArgumentException("--resumption-ratio must be between 0 and 1, not " + Fmt.g(resumptionRatio));
        }
        if (!(throughputGbps >= 0) || Double.isInfinite(throughputGbps)) {
            throw new IllegalArgumentException("--throughput-gbps must be a number ≥ 0, not " + Fmt.g(throughputGbps));
        }
        if (recordSize < 1 || recordSize > MAX_RECORD) {
            throw new IllegalArgumentException("--record-size must be between 1 and " + MAX_RECORD + " bytes, not " + recordSize);
        }
        if (!(targetUtilization > 0 && targetUtilization <= 1)) {
            throw new IllegalArgumentException("--target-utilization must be in (0, 1], not " + Fmt.g(targetUtilization));
        }
    }
}
