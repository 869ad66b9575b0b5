package io.tlsbench.bench.jmh;

import io.tlsbench.bench.MacCeiling;
import io.tlsbench.bench.axis.CeilingMac;
import io.tlsbench.bench.axis.RecordSize;
import io.tlsbench.provider.ProviderId;
import java.security.GeneralSecurityException;
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

/**
 * The provider's HMAC alone over {@code size} bytes (Mac.update + doFinal into a reused array):
 * the MAC half of a CBC or RC4 record's ceiling. Score: operations per second.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
public class MacCeilingBenchmark {

    /** The benchmark method, by name. */
    public static final String MAC = "mac";

    @Param
    public CeilingMac mac;

    @Param
    public ProviderId provider;

    @Param
    public RecordSize size;

    private MacCeiling ceiling;

    @Setup
    public void setup() {
        ceiling = new MacCeiling(provider, mac, size.bytes);
    }

    @Benchmark
    public byte[] mac() throws GeneralSecurityException {
        return ceiling.mac();
    }
}
