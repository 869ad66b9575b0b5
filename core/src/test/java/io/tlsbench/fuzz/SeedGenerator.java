package io.tlsbench.fuzz;

import io.tlsbench.record.RecordOpenFuzzTest;
import io.tlsbench.suite.ConnectionEnd;
import io.tlsbench.testing.Flight;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Writes the committed seed corpus of the core fuzz targets from traffic the engine itself makes:
 * {@code SeedGenerator core/src/test/resources} (run by {@code .ci/fuzz --seeds}). Every seed is
 * deterministic, so running it again rewrites the same files; crash inputs kept beside them
 * (named {@code crash-*}) are left alone.
 */
public final class SeedGenerator {

    private SeedGenerator() {
    }

    public static void main(String... args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : "core/src/test/resources").resolve("io/tlsbench/fuzz");
        engineSeeds(root.resolve("EngineFlightFuzzTestInputs"));
        decoderSeeds(root.resolve("HandshakeDecoderFuzzTestInputs"));
        directDecoderSeeds(root.resolve("MessageDecoderFuzzTestInputs"));
        recordSeeds(root.resolveSibling("record").resolve("RecordOpenFuzzTestInputs"));
        combinedSeeds(root);
    }

    /** CoreFuzzTest#anyTarget: each target's seeds (up to 4 KB) behind its selector byte. */
    private static void combinedSeeds(Path root) throws IOException {
        Path tests = root.getParent().getParent().getParent();
        for (int i = 0; i < CoreFuzzTest.TARGETS.size(); i++) {
            java.lang.reflect.Method m = CoreFuzzTest.TARGETS.get(i);
            Path inputs = tests.resolve(m.getDeclaringClass().getName().replace('.', '/') + "Inputs").resolve(m.getName());
            try (java.util.stream.Stream<Path> seeds = Files.list(inputs)) {
                for (Path seed : seeds.sorted().toList()) {
                    byte[] b = Files.readAllBytes(seed);
                    if (b.length <= 4096 && seed.getFileName().toString().startsWith("seed-")) {
                        write(root.resolve("CoreFuzzTestInputs/anyTarget"),
                                m.getName() + "-" + seed.getFileName().toString().substring(5), new byte[] {(byte) i}, b);
                    }
                }
            }
        }
    }

    private static void engineSeeds(Path dir) throws Exception {
        for (Scenario s : Scenario.values()) {
            byte[] selector = {(byte) s.ordinal()};
            List<byte[]> fromClient = s.recording().fromClient;
            write(dir.resolve("clientFedServerBytes"), s.name(), selector, s.recording().from(ConnectionEnd.SERVER));
            write(dir.resolve("serverFedClientBytes"), s.name(), selector,
                    Flight.concat(fromClient.subList(1, fromClient.size()).toArray(byte[][]::new)));
            // FuzzedDataProvider targets: the selector byte, then no edits (data runs out: the flight as recorded).
            write(dir.resolve("clientFedMutatedServerFlights"), s.name(), selector);
            write(dir.resolve("serverFedMutatedClientFlights"), s.name(), selector);
        }
    }

    private static void decoderSeeds(Path dir) throws Exception {
        for (HandshakeDecoderFuzzTest.Target t : HandshakeDecoderFuzzTest.Target.values()) {
            List<Scenario> among = HandshakeDecoderFuzzTest.having(t.victim, t.type);
            for (int i = 0; i < among.size(); i++) {
                Scenario s = among.get(i);
                byte[] body = t.type == HandshakeDecoderFuzzTest.FINISHED ? s.recording().verifyData(t.victim.peer())
                        : HandshakeDecoderFuzzTest.peerMessage(s, t.victim, t.type).body();
                if (t.extensionsOnly) {
                    body = java.util.Arrays.copyOfRange(body, HandshakeDecoderFuzzTest.helloExtensionsAt(body,
                            t.type == HandshakeDecoderFuzzTest.CLIENT_HELLO), body.length);
                }
                write(dir.resolve(t.method()), s.name(), new byte[] {(byte) i}, body);
            }
        }
    }

    private static void directDecoderSeeds(Path dir) throws Exception {
        for (Map.Entry<String, List<byte[]>> target : MessageDecoderFuzzTest.seeds().entrySet()) {
            List<byte[]> seeds = target.getValue();
            for (int i = 0; i < seeds.size(); i++) {
                write(dir.resolve(target.getKey()), "recorded" + i, seeds.get(i));
            }
        }
    }

    private static void recordSeeds(Path dir) throws Exception {
        List<String> targets = RecordOpenFuzzTest.targets();
        for (int t = 0; t < targets.size(); t++) {
            List<byte[]> seeds = RecordOpenFuzzTest.seeds(t);
            for (int i = 0; i < seeds.size(); i++) {
                write(dir.resolve(targets.get(t)), "chain" + i, seeds.get(i));
            }
        }
    }

    private static void write(Path dir, String name, byte[]... parts) throws IOException {
        Files.createDirectories(dir);
        Files.write(dir.resolve("seed-" + name), Flight.concat(parts));
    }
}
