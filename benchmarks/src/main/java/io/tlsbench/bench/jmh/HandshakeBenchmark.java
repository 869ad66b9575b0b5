package io.tlsbench.bench.jmh;

import io.tlsbench.bench.HandshakeWorkload;
import io.tlsbench.bench.axis.Axis;
import io.tlsbench.bench.axis.HandshakeMode;
import io.tlsbench.bench.axis.ProviderConfig;
import io.tlsbench.bench.axis.Stack;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * TLS 1.2 handshakes per second, client and server in one thread, per stack × provider
 * configuration × suite × mode. The server's share rides along as auxiliary counters: serverNs
 * and clientNs are the nanoseconds spent inside each side's engine calls (see HandshakeWorkload).
 * ECDHE runs on P-256 in every stack: the fork pins JSSE's and BCJSSE's groups (jdk.tls.namedGroups)
 * to what the core negotiates; Conscrypt (BoringSSL) keeps its own order, X25519 first.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-exports", "java.base/sun.security.internal.spec=ALL-UNNAMED",
        "-Djdk.tls.namedGroups=" + HandshakeWorkload.NAMED_GROUPS})
public class HandshakeBenchmark {

    /** The benchmark method, by name. */
    public static final String HANDSHAKE = "handshake";

    @Param
    public Stack stack;

    @Param
    public ProviderConfig config;

    /** IANA names: suites are not an enum (they are core's table); these three are the class's own default. */
    @Param({"TLS_RSA_WITH_AES_128_CBC_SHA", "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"})
    public String suite;

    @Param
    public HandshakeMode mode;

    private HandshakeWorkload workload;

    /** Per-invocation averages of the time spent in each side's engine calls. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Share {
        public long serverNs;
        public long clientNs;
    }

    @Setup(Level.Trial)
    public void setup() {
        workload = HandshakeWorkload.create(stack, config, Axis.HANDSHAKE_SUITE.parse(suite), mode);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        workload.close();
    }

    @Benchmark
    public Object handshake(Share share) throws Exception {
        long s = workload.serverNanos;
        long c = workload.clientNanos;
        Object o = workload.handshake();
        share.serverNs += workload.serverNanos - s;
        share.clientNs += workload.clientNanos - c;
        return o;
    }
}
