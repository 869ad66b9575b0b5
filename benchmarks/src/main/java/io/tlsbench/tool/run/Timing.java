package io.tlsbench.tool.run;

/**
 * Forks, warm-up and measurement iterations and their lengths. Written by name:
 * {@code Timing.forks(1).warmup(2, 750).measure(5, 200)}.
 */
public record Timing(int forks, int warmups, int warmupMillis, int iterations, int iterationMillis) {

    public static Timing forks(int forks) {
        return new Timing(forks, 0, 0, 0, 0);
    }

    /** {@code n} warm-up iterations of {@code millis} each. */
    public Timing warmup(int n, int millis) {
        return new Timing(forks, n, millis, iterations, iterationMillis);
    }

    /** {@code n} measurement iterations of {@code millis} each. */
    public Timing measure(int n, int millis) {
        return new Timing(forks, warmups, warmupMillis, n, millis);
    }

    /** Seconds one benchmark costs: per fork, the JVM's own overhead, setup, warm-up and measurement. */
    public double secondsPerBenchmark(double setupSeconds) {
        return forks * (CostModel.FORK_OVERHEAD_SECONDS + setupSeconds
                + (warmups * warmupMillis + iterations * iterationMillis) / 1000.0);
    }
}
