package io.tlsbench.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tlsbench.kdf.SessionKeys;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Keeps the benchmarks from rotting: every benchmark and parameter combination runs once at
 * minimal settings and yields a result. It proves they run, not any figure.
 */
class BenchmarkSmokeTest {

    @Test
    void everyBenchmarkRunsOnceAndProducesAResult() throws RunnerException {
        Collection<RunResult> results = new Runner(new OptionsBuilder()
                .include("io\\.tlsbench\\.bench\\.jmh\\..*")
                .forks(0)
                .warmupIterations(0)
                .measurementIterations(1)
                .measurementTime(TimeValue.milliseconds(20))
                .verbosity(VerboseMode.SILENT)
                .shouldFailOnError(true)
                .build()).run();
        Set<String> seen = new HashSet<>();
        for (RunResult r : results) {
            assertTrue(r.getPrimaryResult().getScore() > 0, r.getParams().id() + " scored nothing");
            seen.add(r.getParams().getBenchmark() + r.getParams().id());
        }
        // 2 methods × 6 implementations × 4 schedules.
        assertEquals(48, seen.size(), "benchmark combinations that ran");
    }

    /** The workloads compute the same master secret and key block, whoever computes them. */
    @Test
    void implementationsAgreeOnTheKeys() {
        for (Schedule s : Schedule.values()) {
            long seed = 42 + s.ordinal();
            KeyScheduleWorkload core = KeyScheduleWorkload.create("core-sunjce", s, seed);
            byte[] master = ((byte[]) core.masterSecret()).clone();
            byte[] keyBlock = ((SessionKeys) core.masterAndKeyBlock()).keyBlock();
            KeyScheduleWorkload jdk = KeyScheduleWorkload.create("jdk", s, seed);
            KeyScheduleWorkload bc = KeyScheduleWorkload.create("bctls", s, seed);
            assertArrayEquals(master, ((SecretKey) jdk.masterSecret()).getEncoded(), s.label + " jdk master");
            assertArrayEquals(master, (byte[]) bc.masterSecret(), s.label + " bctls master");
            assertArrayEquals(keyBlock, (byte[]) bc.masterAndKeyBlock(), s.label + " bctls key block");
        }
    }
}
