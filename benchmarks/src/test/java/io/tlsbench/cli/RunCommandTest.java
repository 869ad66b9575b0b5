package io.tlsbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The run command's argument handling (the benchmarks themselves are smoke-tested elsewhere). */
class RunCommandTest {

    @ParameterizedTest
    @ValueSource(strings = {"--preset=slow", "--include=([", "--include=NoSuchBenchmark", "--providers=nss", "--bogus"})
    void badArgumentsAreOneLineAndExitTwo(String arg) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                "run", arg, "--out", System.getProperty("java.io.tmpdir") + "/tlsbench-run-test");
        String e = err.toString(StandardCharsets.UTF_8);
        assertEquals(2, code, e);
        assertEquals(1, e.lines().count(), e);
        assertTrue(e.startsWith("tlsbench: "), e);
    }

    @Test
    void countsEveryParameterCombination() {
        // KeyScheduleBenchmark: 2 methods × impls × 4 schedules.
        assertEquals(2 * 3 * 4, RunCommand.countBenchmarks("KeyScheduleBenchmark", List.of("core-sunjce", "jdk", "bctls")));
        assertEquals(3 * 4, RunCommand.countBenchmarks("KeyScheduleBenchmark.masterSecret", List.of("a", "b", "c")));
    }
}
