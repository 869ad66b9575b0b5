package io.tlsbench.record;

import io.tlsbench.provider.ProviderId;

/**
 * Where a record half (sealer or opener) assembles and decrypts records: in a heap array, or in
 * a pooled direct buffer. Per provider (RecordAllocationTest counts each path's allocation),
 * heap copies and allocates least everywhere:
 * <ul>
 * <li>SunJCE and BC work on arrays; their ByteBuffer paths copy direct buffers through fresh
 *     temporary arrays on every call.</li>
 * <li>Conscrypt's Cipher has no ByteBuffer override: on a direct work space the JDK copies through
 *     new arrays every record; on heap only its Mac's result array is new.</li>
 * <li>ACCP's Cipher reads direct memory natively, but its Mac has no ByteBuffer override, so a
 *     direct work space allocates more per record than heap (JNI pins arrays without copying).</li>
 * </ul>
 * So HEAP is every provider's default; DIRECT stays selectable so the benchmarks can show the
 * throughput side of the same trade.
 */
public enum WorkSpace {
    HEAP, DIRECT;

    public static WorkSpace preferredFor(ProviderId id) {
        return HEAP;
    }
}
