package io.tlsbench.buffer;

/**
 * A snapshot of a pool's accounting. Each figure is read separately, so while threads are busy
 * they may disagree by the operations in flight; when the pool is quiet they are exact.
 *
 * @param acquired      acquisitions since the pool was made
 * @param released      releases since the pool was made (double releases are rejected, not counted)
 * @param outstanding   acquired − released: buffers in use, or leaked
 * @param pooledBuffers buffers held for reuse (shared part and thread caches)
 * @param pooledBytes   their total capacity, never above {@link PoolConfig#maxPooledBytes()}
 * @param allocations   new buffers allocated because nothing fitting was pooled (misses)
 * @param drops         released buffers zeroed and let go because a bound was reached, or held
 *                      by the cache of a thread that died
 */
public record PoolStats(long acquired, long released, long outstanding, long pooledBuffers, long pooledBytes,
                        long allocations, long drops) {
}
