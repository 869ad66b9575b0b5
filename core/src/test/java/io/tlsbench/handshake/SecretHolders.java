package io.tlsbench.handshake;

import io.tlsbench.kdf.HeldSecrets;
import io.tlsbench.record.RecordLayerAccess;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every array and record buffer a connection holds that holds or held a secret or plaintext —
 * pre-master, master, key block and its six keys, the key schedule's keyed state, the pooled
 * record buffers — by name, as views of the very memory (wrap of the array, duplicate of the
 * buffer). Taken before the end of a connection, each must read as zeros after it released.
 */
final class SecretHolders {

    private static final String[] KEY_BLOCK = {"key block", "client MAC key", "server MAC key", "client write key",
        "server write key", "client IV", "server IV"};

    private SecretHolders() {
    }

    static Map<String, ByteBuffer> of(TlsEngine connection) {
        HandshakeEngine engine = (HandshakeEngine) connection;
        Map<String, ByteBuffer> out = new LinkedHashMap<>();
        if (engine.preMaster != null) {
            out.put("pre-master secret", ByteBuffer.wrap(engine.preMaster));
        }
        if (engine.master != null) {
            out.put("master secret", ByteBuffer.wrap(engine.master));
        }
        if (engine.keyBlock != null) {
            List<byte[]> arrays = HeldSecrets.of(engine.keyBlock);
            for (int i = 0; i < arrays.size(); i++) {
                out.put(KEY_BLOCK[i], ByteBuffer.wrap(arrays.get(i)));
            }
        }
        List<byte[]> schedule = HeldSecrets.of(engine.keySchedule);
        for (int i = 0; i < schedule.size(); i++) {
            out.put("key schedule array " + i, ByteBuffer.wrap(schedule.get(i)));
        }
        out.putAll(RecordLayerAccess.heldBuffers(engine.records));
        return out;
    }
}
