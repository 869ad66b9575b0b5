package io.tlsbench.bench.jmh;

import io.tlsbench.bench.JsseRecordWorkload;
import io.tlsbench.bench.axis.BufferKind;
import io.tlsbench.bench.axis.Engine;
import io.tlsbench.bench.axis.RecordSize;
import io.tlsbench.bench.axis.RecordSuite;
import io.tlsbench.suite.ProtocolVersion;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The peers' record layer: an SSLEngine pair (the JDK's, or Conscrypt's) wrapping and unwrapping
 * {@code size} bytes in the same suite and version as {@link RecordBenchmark}. Score: messages
 * per second (one message = one wrap of {@code size} bytes; see {@link JsseRecordWorkload}).
 *
 * <p>unwrap: an SSLEngine cannot be rewound, so each invocation unwraps a whole ring of
 * {@value JsseRecordWorkload#RING} messages that a Level.Invocation setup had the client wrap
 * beforehand, untimed; {@code @OperationsPerInvocation} makes the score per unwrap. A whole ring
 * per invocation keeps the invocation long beside JMH's per-invocation timestamps, whose cost
 * would otherwise weigh on the score.
 *
 * <p>Conscrypt's engine speaks only TLS 1.2 among these versions and offers AES-CBC-SHA and
 * AES-GCM of these suites; setup refuses the rest and {@code tlsbench run} never asks for them.
 *
 * <p>Allocation (the GC profiler's B/op) of unwrap includes the refill's wraps, which run in the
 * same iteration: subtract wrap's B/op for unwrap's own.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
public class JsseRecordBenchmark {

    /** The benchmark methods, by name (the run presets choose among them). */
    public static final String WRAP = "wrap";
    public static final String UNWRAP = "unwrap";

    /** The handshaken engine pair, for wrap. */
    @State(Scope.Thread)
    public static class Pair {

        @Param
        public Engine engine;

        @Param
        public RecordSuite suite;

        @Param
        public RecordSize size;

        @Param
        public BufferKind buffer;

        @Param({"TLS10", "TLS12"})
        public ProtocolVersion version;

        JsseRecordWorkload workload;

        @Setup
        public void setup() {
            workload = new JsseRecordWorkload(engine, suite, version, size.bytes, buffer);
        }
    }

    /**
     * The pair for unwrap: the ring is refilled before each invocation, outside the timed region.
     * (One state, not a second one depending on Pair: JMH 1.37 would give the dependent state its
     * own Pair instance.)
     */
    @State(Scope.Thread)
    public static class Unwrapping extends Pair {
        @Setup(Level.Invocation)
        public void refill() throws SSLException {
            workload.refill();
        }
    }

    @Benchmark
    public int wrap(Pair pair) throws SSLException {
        return pair.workload.wrap();
    }

    @Benchmark
    @OperationsPerInvocation(JsseRecordWorkload.RING)
    public void unwrap(Unwrapping pair, Blackhole bh) throws SSLException {
        JsseRecordWorkload w = pair.workload;
        for (int i = 0; i < JsseRecordWorkload.RING; i++) {
            bh.consume(w.unwrapNext());
        }
    }
}
