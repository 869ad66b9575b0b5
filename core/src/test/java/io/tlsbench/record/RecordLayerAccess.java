package io.tlsbench.record;

import java.nio.ByteBuffer;
import java.util.Map;

/**
 * Test access to a record layer's insides: the pooled buffers it holds now (views of the very
 * memory, for the tests that check they read as zeros once released) and how its current read
 * state checks CBC MACs. Lives with the tests, in this package, so the library itself offers no
 * such access.
 */
public final class RecordLayerAccess {

    private RecordLayerAccess() {
    }

    public static Map<String, ByteBuffer> heldBuffers(RecordLayer records) {
        return records.heldBuffers();
    }

    /** Whether the current read state is CBC checking MACs with tlsbench's constant-time HMAC. */
    public static boolean opensWithConstantTimeMac(RecordLayer records) {
        return records.currentOpener() instanceof CbcOpener cbc && cbc.constantTimeMacCheck();
    }
}
