package io.tlsbench.handshake;

import static io.tlsbench.handshake.EnginePairTest.JDK;
import static io.tlsbench.handshake.EnginePairTest.pump;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tlsbench.alert.TlsAlertException;
import io.tlsbench.buffer.BufferPool;
import io.tlsbench.record.CbcMacCheck;
import io.tlsbench.record.RecordLayerAccess;
import io.tlsbench.suite.CipherSuite;
import io.tlsbench.suite.ProtocolVersion;
import org.junit.jupiter.api.Test;

/**
 * The record layer's configuration comes from TlsConfig, nothing else: the CBC MAC check (the
 * provider's by default) and the buffer pool (the process-wide default unless given another).
 */
class RecordConfigTest {

    private static final CipherSuite CBC = CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA;

    @Test
    void defaultsAreTheProvidersMacAndTheSharedPool() {
        TlsConfig config = EnginePairTest.serverConfig(JDK).build();
        assertEquals(CbcMacCheck.PROVIDER, config.cbcMacCheck());
        assertSame(BufferPool.shared(), config.bufferPool());
        assertThrows(IllegalArgumentException.class, () -> EnginePairTest.serverConfig(JDK).cbcMacCheck(null));
        assertThrows(IllegalArgumentException.class, () -> EnginePairTest.serverConfig(JDK).bufferPool(null));
    }

    /** Each side opens with the mode its own configuration names; the two interoperate either way. */
    @Test
    void eachSideOpensCbcWithItsConfiguredMacCheck() throws TlsAlertException {
        for (ProtocolVersion v : new ProtocolVersion[] {ProtocolVersion.TLS10, ProtocolVersion.TLS12, ProtocolVersion.SSL3}) {
            BufferPool pool = new BufferPool();
            TlsClient client = new TlsClient(EnginePairTest.clientConfig(JDK, CBC, v)
                    .cbcMacCheck(CbcMacCheck.CONSTANT_TIME).bufferPool(pool).build());
            TlsServer server = new TlsServer(EnginePairTest.serverConfig(JDK).bufferPool(pool).build());
            client.start();
            pump(client, server);
            assertTrue(client.handshakeComplete() && server.handshakeComplete(), v.toString());
            EnginePairTest.exchange(client, server, 5_000);
            // SSLv3's MAC is not HMAC: it stays with the provider whatever the configuration says.
            assertEquals(v != ProtocolVersion.SSL3, RecordLayerAccess.opensWithConstantTimeMac(client.records), v + " client");
            assertEquals(false, RecordLayerAccess.opensWithConstantTimeMac(server.records), v + " server");
            assertTrue(pool.stats().outstanding() > 0, "the engines' record buffers come from the configured pool");
            client.close();
            pump(client, server);
            assertEquals(0, pool.stats().outstanding(), v + ": every buffer back in the configured pool");
        }
    }
}
