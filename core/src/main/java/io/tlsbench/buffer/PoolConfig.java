package io.tlsbench.buffer;

/**
 * The bounds of a {@link BufferPool}. Released buffers beyond any bound are zeroed and dropped.
 *
 * @param threadCacheBuffers buffers per size class each thread keeps for itself (0: no thread cache)
 * @param sharedBuffers      buffers per size class the shared, thread-safe part holds
 * @param maxPooledBytes     hard cap on the bytes held in the shared part and all thread caches together
 * @param leakDetection      whether acquisitions start out recording their stack trace (see
 *                           {@link BufferPool#leakDetection(boolean)})
 */
public record PoolConfig(int threadCacheBuffers, int sharedBuffers, long maxPooledBytes, boolean leakDetection) {

    /**
     * 4 per class per thread (a connection's read and write record plus slack), 32 per class shared
     * (about 1 MiB), at most 16 MiB in all — room for about a hundred threads' caches.
     */
    public static final PoolConfig DEFAULT = new PoolConfig(4, 32, 16L << 20, false);

    public PoolConfig {
        if (threadCacheBuffers < 0) {
            throw new IllegalArgumentException("thread cache size " + threadCacheBuffers + " is negative");
        }
        if (sharedBuffers < 0) {
            throw new IllegalArgumentException("shared pool size " + sharedBuffers + " is negative");
        }
        if (maxPooledBytes < 0) {
            throw new IllegalArgumentException("pooled byte bound " + maxPooledBytes + " is negative");
        }
    }

    public PoolConfig withThreadCacheBuffers(int n) {
        return new PoolConfig(n, sharedBuffers, maxPooledBytes, leakDetection);
    }

    public PoolConfig withSharedBuffers(int n) {
        return new PoolConfig(threadCacheBuffers, n, maxPooledBytes, leakDetection);
    }

    public PoolConfig withMaxPooledBytes(long n) {
        return new PoolConfig(threadCacheBuffers, sharedBuffers, n, leakDetection);
    }

    public PoolConfig withLeakDetection(boolean on) {
        return new PoolConfig(threadCacheBuffers, sharedBuffers, maxPooledBytes, on);
    }
}
