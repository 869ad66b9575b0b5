package io.tlsbench.bench.jmh;

import io.tlsbench.alert.TlsAlertException;
import io.tlsbench.bench.RecordWorkload;
import io.tlsbench.bench.axis.BufferKind;
import io.tlsbench.bench.axis.RecordSize;
import io.tlsbench.bench.axis.RecordSuite;
import io.tlsbench.provider.ProviderId;
import io.tlsbench.suite.ProtocolVersion;
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
import org.openjdk.jmh.annotations.TearDown;

/**
 * Record protection by tlsbench's core: one record sealed, or one record opened, per operation.
 * Score: records per second; × size = plaintext bytes per second. How open() gets a fresh valid
 * record on every call (a ring of pre-sealed records replayed by a fresh opener) is described in
 * {@link RecordWorkload}, with what the amortised rewind adds to open's time (a small fraction) and to its
 * B/op under the GC profiler (one RecordOpener's allocation per ring pass).
 *
 * <p>Not every combination is valid (GCM and CBC-SHA256 are TLS 1.2 only; ACCP has no RC4 or
 * 3DES): setup refuses those, and {@code tlsbench run} never asks for them (it runs one
 * parameter set per provider and version, with the suites that provider supports).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
public class RecordBenchmark {

    /** The benchmark methods, by name (the run presets choose among them). */
    public static final String SEAL = "seal";
    public static final String OPEN = "open";

    @Param
    public RecordSuite suite;

    @Param
    public ProviderId provider;

    @Param
    public RecordSize size;

    @Param
    public BufferKind buffer;

    @Param({"TLS10", "TLS12"})
    public ProtocolVersion version;

    private RecordWorkload workload;

    @Setup
    public void setup() {
        workload = new RecordWorkload(provider, suite.suite, version, size.bytes, buffer, 1);
    }

    @TearDown
    public void tearDown() {
        workload.close();
    }

    @Benchmark
    public int seal() throws TlsAlertException {
        return workload.seal();
    }

    @Benchmark
    public int open() throws TlsAlertException {
        return workload.open();
    }
}
