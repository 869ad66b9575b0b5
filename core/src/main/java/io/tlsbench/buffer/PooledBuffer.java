package io.tlsbench.buffer;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * One acquisition of a pooled direct buffer: {@link #buffer()} while you hold it, {@link #release()}
 * exactly once when done.
 *
 * <p><b>Double release.</b> Release is a compare-and-set from in-use to free, so of two releases
 * of one acquisition — in sequence or racing on two threads — exactly one wins and the other
 * throws {@code IllegalStateException("buffer released twice")}; the buffer enters the pool once.
 *
 * <p><b>Stale handles.</b> To stay allocation-free the handle travels with its buffer and is handed
 * out again by a later {@code acquire}. A release through a handle kept after its own release is
 * caught only until the buffer is re-acquired; after that it would release the new holder's
 * acquisition. Don't keep handles past {@code release()}. With leak detection on, every acquisition
 * gets a fresh handle (it already allocates a stack trace), so a stale release always throws —
 * switch it on to hunt such a bug. A generation counter was the alternative, but it only helps if
 * callers carry the generation to {@code release}, which is the same discipline in a clumsier API.
 *
 * <p>Only the handle is policed: views made with {@code slice()} or {@code duplicate()} outlive it
 * unchecked and must be dropped before release.
 */
public final class PooledBuffer {

    private static final int FREE = 0;
    private static final int IN_USE = 1;
    private static final VarHandle STATE;

    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(PooledBuffer.class, "state", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    final BufferPool pool;
    final ByteBuffer buffer;
    final int sizeClass;
    private volatile int state;
    /** Set while leak detection tracks this acquisition. */
    Acquisition.Site site;

    PooledBuffer(BufferPool pool, int sizeClass, ByteBuffer buffer) {
        this.pool = pool;
        this.sizeClass = sizeClass;
        this.buffer = buffer;
    }

    /**
     * The buffer: position 0, limit = capacity, big-endian, at acquisition; all zeros if it was pooled.
     * Its capacity may exceed what was asked for (it is the size class).
     */
    public ByteBuffer buffer() {
        if (state != IN_USE) {
            throw new IllegalStateException("buffer already released");
        }
        return buffer;
    }

    public int capacity() {
        return buffer.capacity();
    }

    /** The size class index, see {@link SizeClasses#capacity(int)}. */
    public int sizeClass() {
        return sizeClass;
    }

    public boolean isReleased() {
        return state != IN_USE;
    }

    /** Zeroes the buffer and returns it to its pool; a second release throws. */
    public void release() {
        if (!STATE.compareAndSet(this, IN_USE, FREE)) {
            throw new IllegalStateException("buffer released twice");
        }
        pool.recycle(this);
    }

    /** Marks a handle taken from the pool (or just made) as in use; only its new holder sees it yet. */
    void markInUse() {
        buffer.clear();
        buffer.order(ByteOrder.BIG_ENDIAN);
        state = IN_USE;
    }

    @Override
    public String toString() {
        return "PooledBuffer[" + buffer.capacity() + " bytes, " + (state == IN_USE ? "in use" : "released") + "]";
    }
}
