package io.tlsbench.bench.jmh;

import io.tlsbench.bench.KeyScheduleWorkload;
import io.tlsbench.bench.axis.KeyScheduleImpl;
import io.tlsbench.bench.axis.Schedule;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Key schedule: master secret, and master secret + key block, per implementation and version. */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-exports", "java.base/sun.security.internal.spec=ALL-UNNAMED"})
public class KeyScheduleBenchmark {

    /** The benchmark methods, by name (the run presets choose among them). */
    public static final String MASTER_SECRET = "masterSecret";
    public static final String MASTER_AND_KEY_BLOCK = "masterAndKeyBlock";

    @Param
    public KeyScheduleImpl impl;

    @Param
    public Schedule schedule;

    private KeyScheduleWorkload workload;

    @Setup
    public void setup() {
        workload = KeyScheduleWorkload.create(impl, schedule, 1);
    }

    @Benchmark
    public Object masterSecret() {
        return workload.masterSecret();
    }

    @Benchmark
    public Object masterAndKeyBlock() {
        return workload.masterAndKeyBlock();
    }
}
