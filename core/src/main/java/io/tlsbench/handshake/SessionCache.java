package io.tlsbench.handshake;

import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The server's session cache: keyed by session id, bounded in entries (least recently used go
 * first) and in age (an entry older than the lifetime is never resumed). Thread-safe.
 */
public final class SessionCache {
    private final int capacity;
    private final long lifetimeMillis;
    private final Map<ByteBuffer, Session> entries;
    private final java.util.function.LongSupplier clock;

    public SessionCache(int capacity, long lifetimeMillis) {
        this(capacity, lifetimeMillis, System::currentTimeMillis);
    }

    SessionCache(int capacity, long lifetimeMillis, java.util.function.LongSupplier clock) {
        if (capacity < 1 || lifetimeMillis < 1) {
            throw new IllegalArgumentException("session cache needs a capacity and a lifetime of at least 1");
        }
        this.capacity = capacity;
        this.lifetimeMillis = lifetimeMillis;
        this.clock = clock;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<ByteBuffer, Session> eldest) {
                if (size() > SessionCache.this.capacity) {
                    eldest.getValue().invalidate();
                    return true;
                }
                return false;
            }
        };
    }

    public synchronized void put(Session s) {
        if (s.resumable()) {
            entries.put(ByteBuffer.wrap(s.idBytes()), s);
        }
    }

    /** The live session for an id, or null (unknown, expired or invalidated). */
    public synchronized Session get(byte[] id) {
        if (id == null || id.length == 0) {
            return null;
        }
        ByteBuffer key = ByteBuffer.wrap(id);
        Session s = entries.get(key);
        if (s == null) {
            return null;
        }
        if (!s.resumable() || clock.getAsLong() - s.createdMillis() > lifetimeMillis) {
            entries.remove(key);
            s.invalidate();
            return null;
        }
        return s;
    }

    public synchronized void remove(byte[] id) {
        Session s = entries.remove(ByteBuffer.wrap(id));
        if (s != null) {
            s.invalidate();
        }
    }

    public synchronized int size() {
        return entries.size();
    }

    public long now() {
        return clock.getAsLong();
    }
}
