package io.tlsbench.buffer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.sun.management.ThreadMXBean;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class BufferPoolTest {

    // ---- size classes ----

    @Test
    void sizeClassBoundaries() {
        assertEquals(18437, SizeClasses.MAX_RECORD_LENGTH);
        int[][] cases = {
            {0, 512}, {1, 512}, {511, 512}, {512, 512}, {513, 2048}, {2047, 2048}, {2048, 2048},
            {2049, 8192}, {8192, 8192}, {8193, 20480}, {18437, 20480}, {20479, 20480}, {20480, 20480},
        };
        BufferPool pool = new BufferPool();
        for (int[] c : cases) {
            assertEquals(c[1], SizeClasses.capacityFor(c[0]), "class for " + c[0]);
            PooledBuffer b = pool.acquire(c[0]);
            assertEquals(c[1], b.capacity(), "capacity for " + c[0]);
            assertEquals(c[1], b.buffer().capacity());
            assertEquals(c[1], b.buffer().limit());
            assertEquals(0, b.buffer().position());
            assertTrue(b.buffer().isDirect());
            assertEquals(c[1], SizeClasses.capacity(b.sizeClass()));
            b.release();
        }
        for (int bad : new int[] {20481, 32768, Integer.MAX_VALUE}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> pool.acquire(bad));
            assertTrue(e.getMessage().contains(Integer.toString(bad)), e.getMessage());
            assertTrue(e.getMessage().contains("exceeds"), e.getMessage());
        }
        for (int bad : new int[] {-1, Integer.MIN_VALUE}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> pool.acquire(bad));
            assertTrue(e.getMessage().contains(Integer.toString(bad)), e.getMessage());
            assertTrue(e.getMessage().contains("negative"), e.getMessage());
        }
        PoolStats s = pool.stats();
        assertEquals(cases.length, s.acquired(), "rejected requests are not counted");
        assertEquals(0, s.outstanding());
    }

    @Test
    void configRejectsNegativeBounds() {
        assertThrows(IllegalArgumentException.class, () -> new PoolConfig(-1, 1, 1, false));
        assertThrows(IllegalArgumentException.class, () -> new PoolConfig(1, -1, 1, false));
        assertThrows(IllegalArgumentException.class, () -> new PoolConfig(1, 1, -1, false));
        assertThrows(IllegalArgumentException.class, () -> new BufferPool(null));
    }

    // ---- zeroing ----

    @Test
    void releasedBuffersReadAsZerosWhenReacquired() {
        for (PoolConfig config : new PoolConfig[] {PoolConfig.DEFAULT, PoolConfig.DEFAULT.withThreadCacheBuffers(0)}) {
            BufferPool pool = new BufferPool(config);
            for (int cls = 0; cls < SizeClasses.count(); cls++) {
                int capacity = SizeClasses.capacity(cls);
                PooledBuffer first = pool.acquire(capacity);
                ByteBuffer raw = first.buffer();
                fill(raw, (byte) 0x5a);
                raw.position(17).limit(100).order(ByteOrder.LITTLE_ENDIAN);
                first.release();
                // Re-acquire, holding what comes back, until the same buffer does.
                List<PooledBuffer> held = new ArrayList<>();
                PooledBuffer again = null;
                for (int i = 0; i < 100 && again == null; i++) {
                    PooledBuffer b = pool.acquire(capacity);
                    if (b.buffer() == raw) {
                        again = b;
                    } else {
                        held.add(b);
                    }
                }
                if (again == null) {
                    fail("the released " + capacity + "-byte buffer never came back");
                }
                assertAllZero(again.buffer(), capacity);
                assertEquals(0, again.buffer().position());
                assertEquals(capacity, again.buffer().limit());
                assertEquals(ByteOrder.BIG_ENDIAN, again.buffer().order());
                again.release();
                held.forEach(PooledBuffer::release);
            }
            assertEquals(0, pool.stats().outstanding());
        }
    }

    @Test
    void droppedBuffersAreZeroedToo() {
        BufferPool pool = new BufferPool(new PoolConfig(0, 0, 0, false));
        PooledBuffer b = pool.acquire(20000);
        ByteBuffer raw = b.buffer();
        fill(raw, (byte) 0xff);
        b.release();
        assertAllZero(raw, raw.capacity());
        assertEquals(1, pool.stats().drops());
        assertEquals(0, pool.stats().pooledBuffers());
    }

    // ---- double release ----

    @Test
    void doubleReleaseIsCaughtAndTheBufferIsPooledOnce() {
        for (PoolConfig config : new PoolConfig[] {PoolConfig.DEFAULT, PoolConfig.DEFAULT.withThreadCacheBuffers(0)}) {
            BufferPool pool = new BufferPool(config);
            PooledBuffer b = pool.acquire(1000);
            ByteBuffer raw = b.buffer();
            b.release();
            IllegalStateException e = assertThrows(IllegalStateException.class, b::release);
            assertEquals("buffer released twice", e.getMessage());
            assertThrows(IllegalStateException.class, b::buffer);
            assertTrue(b.isReleased());
            PoolStats s = pool.stats();
            assertEquals(1, s.released(), "the rejected release is not counted");
            assertEquals(0, s.outstanding());
            assertEquals(1, s.pooledBuffers(), "pooled once");
            // Two acquisitions of that class must get two different buffers.
            PooledBuffer x = pool.acquire(1000);
            PooledBuffer y = pool.acquire(1000);
            assertNotSame(x.buffer(), y.buffer());
            assertTrue(x.buffer() == raw || y.buffer() == raw);
            x.release();
            y.release();
        }
    }

    @Test
    void racingReleasesOfOneAcquisitionLetExactlyOneWin() throws Exception {
        BufferPool pool = new BufferPool(PoolConfig.DEFAULT.withThreadCacheBuffers(0));
        int rounds = 2_000;
        AtomicInteger rejected = new AtomicInteger();
        for (int r = 0; r < rounds; r++) {
            PooledBuffer b = pool.acquire(100);
            CyclicBarrier start = new CyclicBarrier(2);
            Runnable release = () -> {
                try {
                    start.await();
                    b.release();
                } catch (IllegalStateException e) {
                    rejected.incrementAndGet();
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            };
            Thread t = new Thread(release);
            t.start();
            release.run();
            t.join();
        }
        assertEquals(rounds, rejected.get());
        PoolStats s = pool.stats();
        assertEquals(rounds, s.released());
        assertEquals(0, s.outstanding());
        assertEquals(1, s.pooledBuffers());
        assertEquals(1, s.allocations(), "the one buffer went back once per round and was reused");
    }

    @Test
    void withLeakDetectionAStaleHandleCannotReleaseTheNextHolder() {
        BufferPool pool = new BufferPool(PoolConfig.DEFAULT.withLeakDetection(true));
        PooledBuffer stale = pool.acquire(100);
        ByteBuffer raw = stale.buffer();
        stale.release();
        PooledBuffer next = pool.acquire(100);
        assertSame(raw, next.buffer(), "same buffer back from the thread cache");
        assertNotSame(stale, next);
        assertThrows(IllegalStateException.class, stale::release);
        assertFalse(next.isReleased());
        assertEquals(1, pool.stats().outstanding());
        next.release();
        assertEquals(0, pool.stats().outstanding());
    }

    // ---- bounds ----

    @Test
    void boundsHoldPerThreadPerClassAndInBytes() {
        // Buffers per class: 2 in the thread cache + 3 shared.
        BufferPool counted = new BufferPool(new PoolConfig(2, 3, Long.MAX_VALUE, false));
        releaseMany(counted, 20, 8192);
        PoolStats s = counted.stats();
        assertEquals(5, s.pooledBuffers());
        assertEquals(5L * 8192, s.pooledBytes());
        assertEquals(15, s.drops());
        assertEquals(0, s.outstanding());

        // Bytes: room for 3 of the largest class although the counts would allow 20.
        long bound = 3L * 20480 + 1000;
        BufferPool bytes = new BufferPool(new PoolConfig(10, 10, bound, false));
        releaseMany(bytes, 20, 20480);
        s = bytes.stats();
        assertEquals(3, s.pooledBuffers());
        assertTrue(s.pooledBytes() <= bound);
        assertEquals(17, s.drops());
        // Small buffers still fit in the leftover 1000 bytes.
        releaseMany(bytes, 1, 512);
        assertEquals(4, bytes.stats().pooledBuffers());
        assertEquals(3L * 20480 + 512, bytes.stats().pooledBytes());
    }

    @Test
    void byteBoundHoldsUnderConcurrentReleases() throws Exception {
        long bound = 100_000;
        BufferPool pool = new BufferPool(new PoolConfig(8, 64, bound, false));
        int threads = 4;
        AtomicLong maxSeen = new AtomicLong();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(threads);
        for (int t = 0; t < threads; t++) {
            int seed = t;
            Thread w = new Thread(() -> {
                try {
                    SplittableRandom rnd = new SplittableRandom(seed);
                    for (int round = 0; round < 200; round++) {
                        List<PooledBuffer> held = new ArrayList<>();
                        for (int i = 0; i < 12; i++) {
                            held.add(pool.acquire(rnd.nextInt(SizeClasses.LARGEST + 1)));
                        }
                        for (PooledBuffer b : held) {
                            b.release();
                            maxSeen.accumulateAndGet(pool.stats().pooledBytes(), Math::max);
                        }
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                } finally {
                    done.countDown();
                }
            });
            w.start();
        }
        done.await();
        if (failure.get() != null) {
            throw new AssertionError(failure.get());
        }
        PoolStats s = pool.stats();
        System.out.printf("bound %d bytes: most pooled seen %d, finally %s%n", bound, maxSeen.get(), s);
        assertTrue(maxSeen.get() <= bound, "pooled " + maxSeen.get() + " bytes, bound " + bound);
        assertTrue(s.drops() > 0, "the bound was reached");
        assertEquals(0, s.outstanding());
    }

    @Test
    void aDeadThreadsCacheIsGivenBackToTheBound() throws Exception {
        BufferPool pool = new BufferPool(new PoolConfig(4, 0, Long.MAX_VALUE, false));
        Thread t = new Thread(() -> releaseMany(pool, 3, 2048));
        t.start();
        t.join();
        assertEquals(3, pool.stats().pooledBuffers());
        t = null;
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (pool.stats().pooledBuffers() != 0 && System.nanoTime() < deadline) {
            System.gc();
            Thread.sleep(20);
        }
        PoolStats s = pool.stats();
        assertEquals(0, s.pooledBuffers(), "the dead thread's cache was not reclaimed: " + s);
        assertEquals(0, s.pooledBytes());
        assertEquals(3, s.drops());
    }

    // ---- leak accounting ----

    @Test
    void leakDetectionListsOutstandingAcquisitions() {
        BufferPool pool = new BufferPool();
        assertFalse(pool.leakDetection(), "off by default");
        PooledBuffer untracked = pool.acquire(10);
        assertTrue(pool.outstandingAcquisitions().isEmpty());
        pool.leakDetection(true);
        PooledBuffer a = pool.acquire(10);
        PooledBuffer b = pool.acquire(5000);
        List<Acquisition> out = pool.outstandingAcquisitions();
        assertEquals(2, out.size());
        for (Acquisition acq : out) {
            assertEquals(Thread.currentThread().getName(), acq.thread());
            boolean here = false;
            for (StackTraceElement e : acq.acquiredAt().getStackTrace()) {
                here |= e.getMethodName().equals("leakDetectionListsOutstandingAcquisitions");
            }
            assertTrue(here, "stack trace names the acquiring method");
        }
        a.release();
        out = pool.outstandingAcquisitions();
        assertEquals(1, out.size());
        assertEquals(8192, out.get(0).capacity());
        PoolStats s = pool.stats();
        assertEquals(3, s.acquired());
        assertEquals(1, s.released());
        assertEquals(2, s.outstanding());
        b.release();
        untracked.release();
        assertTrue(pool.outstandingAcquisitions().isEmpty());
        assertEquals(0, pool.stats().outstanding());
    }

    @Test
    void sharedPoolIsOneInstance() {
        assertSame(BufferPool.shared(), BufferPool.shared());
        PooledBuffer b = BufferPool.shared().acquire(SizeClasses.MAX_RECORD_LENGTH);
        assertEquals(20480, b.capacity());
        b.release();
    }

    // ---- concurrency ----

    @Test
    void eightThreadsShareThePoolWithoutTouchingEachOthersBuffers() throws Exception {
        // Small caches so buffers move between the thread caches, the shared part and the drop path.
        BufferPool pool = new BufferPool(new PoolConfig(2, 4, 256 * 1024, false));
        int threads = 8;
        int ops = 100_000;
        int holdMax = 3;
        Set<ByteBuffer> inUse = Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));
        AtomicReference<Throwable> failure = new AtomicReference<>();
        CyclicBarrier start = new CyclicBarrier(threads);
        List<Thread> workers = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            int id = t;
            Thread w = new Thread(() -> {
                try {
                    SplittableRandom rnd = new SplittableRandom(42 + id);
                    PooledBuffer[] held = new PooledBuffer[holdMax];
                    int[] lengths = new int[holdMax];
                    long[] patterns = new long[holdMax];
                    start.await();
                    for (int i = 0; i < ops; i++) {
                        int slot = rnd.nextInt(holdMax);
                        if (held[slot] != null) {
                            ByteBuffer raw = held[slot].buffer();
                            checkPattern(raw, lengths[slot], patterns[slot]);
                            if (!inUse.remove(raw)) {
                                throw new AssertionError("held buffer not marked in use");
                            }
                            held[slot].release();
                            held[slot] = null;
                        }
                        int cls = rnd.nextInt(SizeClasses.count());
                        int lo = cls == 0 ? 0 : SizeClasses.capacity(cls - 1) + 1;
                        int length = lo + rnd.nextInt(SizeClasses.capacity(cls) - lo + 1);
                        PooledBuffer b = pool.acquire(length);
                        ByteBuffer raw = b.buffer();
                        if (raw.capacity() != SizeClasses.capacity(cls)) {
                            throw new AssertionError("asked " + length + ", got " + raw.capacity());
                        }
                        if (!inUse.add(raw)) {
                            throw new AssertionError("buffer handed out twice");
                        }
                        checkPattern(raw, length, 0L); // zeroed while pooled
                        long pattern = ((long) id << 56) | ((long) i << 8) | 0x5a;
                        writePattern(raw, length, pattern);
                        held[slot] = b;
                        lengths[slot] = length;
                        patterns[slot] = pattern;
                    }
                    for (int s = 0; s < holdMax; s++) {
                        if (held[s] != null) {
                            checkPattern(held[s].buffer(), lengths[s], patterns[s]);
                            inUse.remove(held[s].buffer());
                            held[s].release();
                        }
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            });
            workers.add(w);
            w.start();
        }
        for (Thread w : workers) {
            w.join();
        }
        if (failure.get() != null) {
            throw new AssertionError(failure.get());
        }
        PoolStats s = pool.stats();
        System.out.printf("%d threads x %d acquire/release: %.0f ms, %s%n", threads, ops,
                (System.nanoTime() - t0) / 1e6, s);
        assertEquals((long) threads * ops, s.acquired());
        assertEquals(s.acquired(), s.released());
        assertEquals(0, s.outstanding());
        assertTrue(s.pooledBytes() <= 256 * 1024);
        assertEquals(s.allocations(), s.pooledBuffers() + s.drops(), "every buffer made is pooled or dropped");
    }

    // ---- allocation ----

    @Test
    void steadyStateAcquireReleaseAllocatesNothing() {
        BufferPool pool = new BufferPool();
        ThreadMXBean mx = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        long tid = Thread.currentThread().getId();
        int[] sizes = {0, 100, 600, 2048, 5000, 18437, 20480, 300};
        int warmup = 50_000;
        int measured = 100_000;
        PooledBuffer[] pair = new PooledBuffer[2];
        for (int i = 0; i < warmup; i++) {
            cycle(pool, sizes, pair, i);
        }
        long before = mx.getThreadAllocatedBytes(tid);
        for (int i = 0; i < measured; i++) {
            cycle(pool, sizes, pair, i);
        }
        long after = mx.getThreadAllocatedBytes(tid);
        // Two acquire/release pairs per cycle.
        double perOp = (after - before) / (2.0 * measured);
        System.out.printf("steady-state allocation: %d bytes over %d acquire/release = %.4f B/op%n",
                after - before, 2 * measured, perOp);
        assertTrue(perOp < 1.0, "allocated " + perOp + " bytes per acquire/release");
        assertEquals(0, pool.stats().outstanding());
    }

    private static void cycle(BufferPool pool, int[] sizes, PooledBuffer[] pair, int i) {
        pair[0] = pool.acquire(sizes[i & 7]);
        pair[1] = pool.acquire(sizes[(i + 3) & 7]);
        pair[0].buffer().put(0, (byte) i);
        pair[1].buffer().putLong(8, i);
        pair[1].release();
        pair[0].release();
    }

    // ---- helpers ----

    private static void releaseMany(BufferPool pool, int n, int size) {
        List<PooledBuffer> held = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            held.add(pool.acquire(size));
        }
        held.forEach(PooledBuffer::release);
    }

    private static void fill(ByteBuffer b, byte value) {
        for (int i = 0; i < b.capacity(); i++) {
            b.put(i, value);
        }
    }

    private static void assertAllZero(ByteBuffer b, int length) {
        for (int i = 0; i < length; i++) {
            if (b.get(i) != 0) {
                fail("byte " + i + " of " + length + " is " + b.get(i) + ", not zero");
            }
        }
    }

    private static void writePattern(ByteBuffer b, int length, long pattern) {
        int i = 0;
        for (; i + 8 <= length; i += 8) {
            b.putLong(i, pattern);
        }
        for (; i < length; i++) {
            b.put(i, (byte) pattern);
        }
    }

    private static void checkPattern(ByteBuffer b, int length, long pattern) {
        int i = 0;
        for (; i + 8 <= length; i += 8) {
            if (b.getLong(i) != pattern) {
                throw new AssertionError("bytes " + i + ".." + (i + 7) + " are " + Long.toHexString(b.getLong(i))
                        + ", expected " + Long.toHexString(pattern));
            }
        }
        for (; i < length; i++) {
            if (b.get(i) != (byte) pattern) {
                throw new AssertionError("byte " + i + " is " + b.get(i) + ", expected " + (byte) pattern);
            }
        }
    }
}
