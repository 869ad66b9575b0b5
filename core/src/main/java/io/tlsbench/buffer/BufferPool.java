package io.tlsbench.buffer;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * A pool of direct buffers for the record layer, in the four {@link SizeClasses}. Each thread keeps a
 * few free buffers per class for itself; behind those sits a bounded shared part. Every released
 * buffer is zeroed over its whole capacity before anyone can see it again, so secrets do not travel
 * between connections; buffers beyond the {@link PoolConfig} bounds are zeroed and dropped.
 *
 * <p>In steady state {@code acquire} and {@code release} allocate nothing on the Java heap: handles
 * travel with their buffers (see {@link PooledBuffer} for what that means for stale handles), the
 * counters are {@link LongAdder}s and one {@link AtomicLong}, and zeroing copies from one shared
 * zero buffer. With leak detection on, each acquisition allocates a handle and a stack trace.
 *
 * <p>Thread-safe. A buffer may be released on another thread than the one that acquired it; it
 * then joins the releasing thread's cache. A pool's thread caches live as long as their threads, so
 * an independent pool (for a test or a benchmark) keeps at most {@code threadCacheBuffers} per class
 * per thread that used it until those threads end.
 */
public final class BufferPool {

    /** Source of zeros for wiping; absolute bulk puts leave its position alone, so all threads share it. */
    private static final ByteBuffer ZEROS = ByteBuffer.allocateDirect(SizeClasses.LARGEST).asReadOnlyBuffer();

    private final PoolConfig config;
    private final SharedStack[] shared;
    /** Null when the configuration asks for no thread caches. */
    private final ThreadLocal<ThreadCache> caches;

    /** Reserved before a buffer is pooled, released after it is taken: never above the bound. */
    private final AtomicLong pooledBytes = new AtomicLong();
    private final LongAdder pooledBuffers = new LongAdder();
    private final LongAdder acquired = new LongAdder();
    private final LongAdder released = new LongAdder();
    private final LongAdder allocations = new LongAdder();
    private final LongAdder drops = new LongAdder();

    private volatile boolean leakDetection;
    private final Set<PooledBuffer> tracked = ConcurrentHashMap.newKeySet();

    public BufferPool() {
        this(PoolConfig.DEFAULT);
    }

    public BufferPool(PoolConfig config) {
        if (config == null) {
            throw new IllegalArgumentException("pool configuration is missing");
        }
        this.config = config;
        shared = new SharedStack[SizeClasses.count()];
        for (int i = 0; i < shared.length; i++) {
            shared[i] = new SharedStack(config.sharedBuffers());
        }
        int perThread = config.threadCacheBuffers();
        caches = perThread == 0 ? null : ThreadLocal.withInitial(() -> new ThreadCache(this, perThread));
        leakDetection = config.leakDetection();
    }

    /**
     * The process-wide default pool ({@link PoolConfig#DEFAULT}): what a TLS configuration or a
     * record spec uses unless given another pool. Nothing reaches it implicitly: code that wants
     * its own accounts (a test, a server) passes its own pool instead.
     */
    public static BufferPool shared() {
        return Shared.POOL;
    }

    private static final class Shared {
        static final BufferPool POOL = new BufferPool(PoolConfig.DEFAULT);
    }

    public PoolConfig config() {
        return config;
    }

    /**
     * A buffer of the smallest size class holding {@code minCapacity} bytes (0 is allowed and gets
     * the smallest class). Position 0, limit = capacity, big-endian; all zeros.
     *
     * @throws IllegalArgumentException if {@code minCapacity} is negative or above {@link SizeClasses#LARGEST}
     */
    public PooledBuffer acquire(int minCapacity) {
        int sizeClass = SizeClasses.indexFor(minCapacity);
        PooledBuffer b = caches == null ? null : caches.get().poll(sizeClass);
        if (b == null) {
            b = shared[sizeClass].poll();
        }
        if (b != null) {
            pooledBuffers.decrement();
            pooledBytes.addAndGet(-b.buffer.capacity());
            if (leakDetection) {
                // A fresh handle per acquisition: every earlier handle of this buffer stays released.
                b = new PooledBuffer(this, sizeClass, b.buffer);
            }
        } else {
            b = new PooledBuffer(this, sizeClass, ByteBuffer.allocateDirect(SizeClasses.capacity(sizeClass)));
            allocations.increment();
        }
        if (leakDetection) {
            b.site = new Acquisition.Site(b.buffer.capacity());
            tracked.add(b);
        }
        acquired.increment();
        b.markInUse();
        return b;
    }

    /** Called by {@link PooledBuffer#release()} once its state flipped to released: wipe, then pool or drop. */
    void recycle(PooledBuffer b) {
        released.increment();
        if (b.site != null) {
            b.site = null;
            tracked.remove(b);
        }
        ByteBuffer buf = b.buffer;
        int capacity = buf.capacity();
        buf.clear();
        buf.put(0, ZEROS, 0, capacity);
        if (reserve(capacity)) {
            if ((caches != null && caches.get().offer(b)) || shared[b.sizeClass].offer(b)) {
                pooledBuffers.increment();
                return;
            }
            pooledBytes.addAndGet(-capacity);
        }
        drops.increment();
    }

    /** Claims room under the byte bound, or says there is none. */
    private boolean reserve(int capacity) {
        long max = config.maxPooledBytes();
        long current;
        do {
            current = pooledBytes.get();
            if (current + capacity > max) {
                return false;
            }
        } while (!pooledBytes.compareAndSet(current, current + capacity));
        return true;
    }

    /** A dead thread's cached buffer: already zero, no longer reachable by anyone; uncount it. */
    void forget(PooledBuffer b) {
        pooledBuffers.decrement();
        pooledBytes.addAndGet(-b.buffer.capacity());
        drops.increment();
    }

    public PoolStats stats() {
        // Released before acquired: a release is counted after its acquire, so outstanding stays >= 0.
        long rel = released.sum();
        long acq = acquired.sum();
        return new PoolStats(acq, rel, acq - rel, pooledBuffers.sum(), pooledBytes.get(), allocations.sum(),
                drops.sum());
    }

    public boolean leakDetection() {
        return leakDetection;
    }

    /**
     * Switches recording of acquiring stack traces on or off. Off by default (unless the
     * {@link PoolConfig} says otherwise); it costs a handle and a stack trace per acquisition.
     * Acquisitions made while it was off are not listed.
     */
    public void leakDetection(boolean on) {
        leakDetection = on;
    }

    /** The tracked acquisitions not yet released (empty unless leak detection was on for them). */
    public List<Acquisition> outstandingAcquisitions() {
        List<Acquisition> out = new ArrayList<>();
        for (PooledBuffer b : tracked) {
            Acquisition.Site site = b.site;
            if (site != null) {
                out.add(new Acquisition(b.buffer.capacity(), site.thread, site));
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return "BufferPool" + stats();
    }
}
