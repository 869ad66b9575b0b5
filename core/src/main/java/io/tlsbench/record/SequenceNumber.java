package io.tlsbench.record;

import io.tlsbench.alert.AlertDescription;
import io.tlsbench.alert.TlsAlertException;

/**
 * A 64-bit record sequence number (RFC 5246 §6.1). It is never reused: the record after
 * 2^64 − 1 is refused with an alert instead of wrapping to zero.
 */
final class SequenceNumber {
    private long next;
    private boolean exhausted;

    SequenceNumber(long first) {
        this.next = first;
    }

    /** The number for this record; advances the counter. */
    long take() throws TlsAlertException {
        if (exhausted) {
            throw new TlsAlertException(AlertDescription.INTERNAL_ERROR,
                    "sequence number exhausted: 2^64 records on one connection (RFC 5246 §6.1)");
        }
        long n = next;
        next++;
        if (next == 0) {
            exhausted = true; // the unsigned counter wrapped: n was 2^64 − 1, the last one allowed
        }
        return n;
    }

    /** Unsigned value of the next number (for tests and diagnostics). */
    long peek() {
        return next;
    }
}
