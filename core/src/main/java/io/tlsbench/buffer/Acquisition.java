package io.tlsbench.buffer;

/**
 * One outstanding acquisition recorded while leak detection was on.
 *
 * @param capacity   the buffer's capacity (its size class)
 * @param thread     the name of the thread that acquired it
 * @param acquiredAt a throwable whose stack trace is the acquiring call
 */
public record Acquisition(int capacity, String thread, Throwable acquiredAt) {

    /** Carries the acquiring thread and stack trace; never thrown. */
    static final class Site extends Throwable {
        private static final long serialVersionUID = 1L;
        final String thread;

        Site(int capacity) {
            super("pooled buffer of " + capacity + " bytes acquired here", null, false, true);
            thread = Thread.currentThread().getName();
        }
    }
}
