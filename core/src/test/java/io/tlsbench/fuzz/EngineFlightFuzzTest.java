package io.tlsbench.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.tlsbench.handshake.TlsEngine;
import io.tlsbench.suite.ConnectionEnd;
import io.tlsbench.testing.Flight;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Whole engines after a valid start: the client has sent its ClientHello and the fuzzer plays the
 * server; the server has received a valid ClientHello and the fuzzer plays the client. The first
 * input byte picks the {@link Scenario}. Seeds are the recorded honest flights, so the fuzzer
 * starts from complete handshakes (and application data, close_notify) and mutates its way into
 * every state. The "mutated" targets instead apply a short list of structured edits (bytes,
 * lengths, whole records) to the recorded flight and feed it in fuzzer-chosen pieces.
 */
class EngineFlightFuzzTest {

    @FuzzTest
    void clientFedServerBytes(byte[] input) {
        if (input.length == 0) {
            return;
        }
        Scenario s = Scenario.pick(input[0]);
        FuzzCheck.onlyAlerts(() -> run(s.newClient(), List.of(Arrays.copyOfRange(input, 1, input.length))));
    }

    @FuzzTest
    void serverFedClientBytes(byte[] input) {
        if (input.length == 0) {
            return;
        }
        Scenario s = Scenario.pick(input[0]);
        FuzzCheck.onlyAlerts(() -> run(s.newServer(),
                List.of(s.recording().fromClient.get(0), Arrays.copyOfRange(input, 1, input.length))));
    }

    @FuzzTest
    void clientFedMutatedServerFlights(FuzzedDataProvider data) {
        Scenario s = Scenario.pick(data.consumeByte());
        FuzzCheck.onlyAlerts(() -> run(s.newClient(),
                Mutations.split(Mutations.apply(s.recording().from(ConnectionEnd.SERVER), data), data)));
    }

    @FuzzTest
    void serverFedMutatedClientFlights(FuzzedDataProvider data) {
        Scenario s = Scenario.pick(data.consumeByte());
        FuzzCheck.onlyAlerts(() -> {
            List<byte[]> recorded = s.recording().fromClient;
            List<byte[]> chunks = new ArrayList<>();
            chunks.add(recorded.get(0));
            byte[] rest = Flight.concat(recorded.subList(1, recorded.size()).toArray(byte[][]::new));
            chunks.addAll(Mutations.split(Mutations.apply(rest, data), data));
            run(s.newServer(), chunks);
        });
    }

    /**
     * Starts the engine, feeds the peer's chunks (stopping at the first alert, which propagates),
     * answers application data once the handshake is done, and closes and disposes of it whatever
     * happened.
     */
    static void run(TlsEngine e, List<byte[]> chunks) throws Exception {
        try {
            e.start();
            Scenario.drain(e);
            for (byte[] chunk : chunks) {
                e.receive(ByteBuffer.wrap(chunk));
                Scenario.drain(e);
                if (e.closed()) {
                    return;
                }
            }
            if (e.handshakeComplete() && !e.outboundClosed()) {
                byte[] got = new byte[e.available()];
                e.read(ByteBuffer.wrap(got));
                e.write(ByteBuffer.wrap(got.length == 0 ? new byte[] {1} : got));
                Scenario.drain(e);
            }
        } finally {
            e.close();
            e.dispose(); // a peer that never answers close_notify: the buffers go back now
        }
    }
}
