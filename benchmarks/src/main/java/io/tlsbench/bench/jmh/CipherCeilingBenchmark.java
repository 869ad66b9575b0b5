package io.tlsbench.bench.jmh;

import io.tlsbench.bench.CipherCeiling;
import io.tlsbench.bench.axis.CeilingCipher;
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
 * The provider's bulk Cipher alone over {@code size} bytes: the ceiling for a record of that
 * size (see {@link CipherCeiling}). Score: operations per second; × size = bytes per second.
 * ACCP has no RC4 or 3DES: {@code tlsbench run} does not ask for those.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
public class CipherCeilingBenchmark {

    /** The benchmark methods, by name (the run presets choose among them). */
    public static final String ENCRYPT = "encrypt";
    public static final String DECRYPT = "decrypt";

    @Param
    public CeilingCipher cipher;

    @Param
    public ProviderId provider;

    @Param
    public RecordSize size;

    private CipherCeiling ceiling;

    @Setup
    public void setup() {
        ceiling = new CipherCeiling(provider, cipher, size.bytes);
    }

    @Benchmark
    public int encrypt() throws GeneralSecurityException {
        return ceiling.encrypt();
    }

    @Benchmark
    public int decrypt() throws GeneralSecurityException {
        return ceiling.decrypt();
    }
}
