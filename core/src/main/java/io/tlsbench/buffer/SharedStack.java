package io.tlsbench.buffer;

/**
 * A bounded LIFO of free handles of one size class, shared by all threads. A plain monitor, not a
 * lock-free queue: it is touched only when a thread cache misses or overflows, and unlike
 * {@code ConcurrentLinkedQueue} (a node per offer) or {@code ReentrantLock} (a node per contended
 * wait) it allocates nothing on the Java heap. LIFO hands back the most recently zeroed, cache-warm
 * buffer.
 */
final class SharedStack {

    private final PooledBuffer[] slots;
    private int size;

    SharedStack(int capacity) {
        slots = new PooledBuffer[capacity];
    }

    synchronized boolean offer(PooledBuffer b) {
        if (size == slots.length) {
            return false;
        }
        slots[size++] = b;
        return true;
    }

    synchronized PooledBuffer poll() {
        if (size == 0) {
            return null;
        }
        PooledBuffer b = slots[--size];
        slots[size] = null;
        return b;
    }
}
