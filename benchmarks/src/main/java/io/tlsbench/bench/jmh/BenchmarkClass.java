package io.tlsbench.bench.jmh;

import io.tlsbench.bench.axis.Axis;
import java.util.List;

/**
 * The benchmark classes, each with the axes its @Param fields run over (BenchmarkClassTest holds
 * the fields to this list). The run planner, the presets and the report name classes through
 * these constants, never by a string.
 */
public enum BenchmarkClass {
    KEY_SCHEDULE(KeyScheduleBenchmark.class, Axis.IMPL, Axis.SCHEDULE),
    RECORD(RecordBenchmark.class, Axis.PROVIDER, Axis.RECORD_SUITE, Axis.VERSION, Axis.SIZE, Axis.BUFFER),
    JSSE_RECORD(JsseRecordBenchmark.class, Axis.ENGINE, Axis.RECORD_SUITE, Axis.VERSION, Axis.SIZE, Axis.BUFFER),
    CIPHER_CEILING(CipherCeilingBenchmark.class, Axis.PROVIDER, Axis.CIPHER, Axis.SIZE),
    MAC_CEILING(MacCeilingBenchmark.class, Axis.PROVIDER, Axis.MAC, Axis.SIZE),
    HANDSHAKE(HandshakeBenchmark.class, Axis.STACK, Axis.CONFIG, Axis.HANDSHAKE_SUITE, Axis.MODE);

    public final Class<?> type;
    public final List<Axis<?>> axes;

    BenchmarkClass(Class<?> type, Axis<?>... axes) {
        this.type = type;
        this.axes = List.of(axes);
    }

    /** The fully qualified class name, as JMH's benchmark list and results name it. */
    public String className() {
        return type.getName();
    }

    public String simpleName() {
        return type.getSimpleName();
    }

    /** The class of a benchmark method's full name (package.Class.method), or null for a class tlsbench does not know. */
    public static BenchmarkClass ofBenchmark(String benchmark) {
        for (BenchmarkClass b : values()) {
            if (benchmark.startsWith(b.className() + ".") && benchmark.indexOf('.', b.className().length() + 1) < 0) {
                return b;
            }
        }
        return null;
    }

    /** The axis of this class named so, or null. */
    public Axis<?> axis(String name) {
        for (Axis<?> a : axes) {
            if (a.name().equals(name)) {
                return a;
            }
        }
        return null;
    }
}
