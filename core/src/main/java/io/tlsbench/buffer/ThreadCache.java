package io.tlsbench.buffer;

import java.lang.ref.Cleaner;

/**
 * One thread's free handles, a small LIFO per size class; only the owning thread touches it, so no
 * synchronisation. When the thread dies its cache becomes unreachable and a {@link Cleaner} gives
 * the held bytes back to the pool's bound (the buffers themselves are zero already and are let go:
 * putting them back in the shared part from another thread's view is not worth the risk of a
 * buffer pooled twice).
 */
final class ThreadCache {

    private static final Cleaner CLEANER = Cleaner.create();

    /** slots[sizeClass][i]; a taken slot is set back to null so the cleaner sees only held handles. */
    private final PooledBuffer[][] slots;
    private final int[] sizes;

    ThreadCache(BufferPool pool, int perClass) {
        slots = new PooledBuffer[SizeClasses.count()][perClass];
        sizes = new int[SizeClasses.count()];
        CLEANER.register(this, new Forget(pool, slots));
    }

    boolean offer(PooledBuffer b) {
        PooledBuffer[] s = slots[b.sizeClass];
        int n = sizes[b.sizeClass];
        if (n == s.length) {
            return false;
        }
        s[n] = b;
        sizes[b.sizeClass] = n + 1;
        return true;
    }

    PooledBuffer poll(int sizeClass) {
        int n = sizes[sizeClass];
        if (n == 0) {
            return null;
        }
        PooledBuffer[] s = slots[sizeClass];
        PooledBuffer b = s[--n];
        s[n] = null;
        sizes[sizeClass] = n;
        return b;
    }

    /**
     * Runs on the cleaner thread after the owner died; it must not reach the ThreadCache itself.
     * The memory model orders nothing between the dead thread's plain writes to the slots and this
     * read, but thread exit and the GC's reference discovery both synchronise with the VM, so in
     * practice they are visible. A stale read could only skew the byte count, never pool a buffer
     * twice, because nothing here pools.
     */
    private static final class Forget implements Runnable {
        private final BufferPool pool;
        private final PooledBuffer[][] slots;

        Forget(BufferPool pool, PooledBuffer[][] slots) {
            this.pool = pool;
            this.slots = slots;
        }

        @Override
        public void run() {
            for (PooledBuffer[] s : slots) {
                for (int i = 0; i < s.length; i++) {
                    if (s[i] != null) {
                        pool.forget(s[i]);
                        s[i] = null;
                    }
                }
            }
        }
    }
}
