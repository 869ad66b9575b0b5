package io.tlsbench.tool.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The run command's arguments and its dry run (the plan itself: RunPlannerTest). */
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
    void dryRunPrintsThePlanAndRunsNothing(@TempDir Path dir) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                "run", "--preset", "standard", "--dry-run", "--out", dir.resolve("run").toString());
        String o = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        assertTrue(o.contains("preset standard:"), o);
        assertTrue(o.contains("aes-sha-off"), o);
        assertFalse(Files.exists(dir.resolve("run")), "a dry run writes nothing");
    }
}
