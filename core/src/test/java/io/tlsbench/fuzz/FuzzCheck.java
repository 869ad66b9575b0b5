package io.tlsbench.fuzz;

import io.tlsbench.alert.AlertDescription;
import io.tlsbench.alert.TlsAlertException;
import io.tlsbench.buffer.BufferPool;
import io.tlsbench.buffer.PoolStats;
import io.tlsbench.testing.SeededRandom;
import java.security.SecureRandom;

/**
 * What every fuzz target asserts. Bad input may end only in a {@link TlsAlertException} — and not
 * in an internal_error, which says the engine broke rather than that the peer was wrong (a
 * RuntimeException that {@code TlsEngine.receive} or {@code RecordOpener.open} wrapped is the
 * usual cause). Anything else escaping is a finding, and so is a pooled buffer not given back.
 */
public final class FuzzCheck {

    private FuzzCheck() {
    }

    @FunctionalInterface
    public interface Run {
        void run() throws Exception;
    }

    /** Runs one input; an alert other than internal_error is a clean outcome, so is none. */
    public static void onlyAlerts(Run run) {
        BufferPool pool = BufferPool.shared();
        boolean tracking = pool.leakDetection();
        pool.leakDetection(true); // a leak then names where its buffer was acquired
        long before = outstanding();
        try {
            run.run();
        } catch (TlsAlertException e) {
            if (e.description() == AlertDescription.INTERNAL_ERROR) {
                throw new AssertionError("bad input ended in internal_error: " + e.getMessage(), e);
            }
        } catch (Exception e) {
            throw new AssertionError("bad input escaped as " + e, e);
        } finally {
            pool.leakDetection(tracking);
        }
        long after = outstanding();
        if (after != before) {
            throw new AssertionError("pooled buffers outstanding went from " + before + " to " + after + "; acquired at "
                    + pool.outstandingAcquisitions());
        }
    }

    static long outstanding() {
        PoolStats s = BufferPool.shared().stats();
        return s.outstanding();
    }

    /** A SecureRandom that yields the same bytes every run. */
    public static SecureRandom deterministic(long seed) {
        return SeededRandom.of(seed);
    }
}
