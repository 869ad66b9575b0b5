package io.tlsbench.tool.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tlsbench.bench.axis.Axis;
import io.tlsbench.bench.jmh.BenchmarkClass;
import io.tlsbench.bench.jmh.HandshakeBenchmark;
import io.tlsbench.suite.CipherSuite;
import io.tlsbench.tool.run.BenchmarkMatrix.Block;
import io.tlsbench.provider.ProviderId;
import io.tlsbench.provider.Providers;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Keeps the benchmarks from rotting: every benchmark method and every valid parameter
 * combination runs once at minimal settings (in this JVM, no warm-up, one 15 ms iteration) and
 * yields a result. It proves they run, not any figure. The combinations are exactly the blocks
 * {@code tlsbench run} draws its specs from ({@link BenchmarkMatrix#all} over every value of every
 * axis), so an invalid combination a preset could ask for fails here too. The full matrix
 * (~900 record, ceiling, peer and key-schedule benchmarks) fits the ~2 minute budget because
 * each costs its setup plus 15 ms. Handshakes run over {@link BenchmarkMatrix#handshakes}'s
 * valid blocks over the class's own suite list. Every class of the jmh package must be among those
 * blocks. The AES/SHA-intrinsics-off variants differ only in JVM flags, which an
 * in-process run cannot set.
 */
class BenchmarkSmokeTest {

    private static final String JMH_PACKAGE = BenchmarkClass.class.getPackageName() + ".";

    @Test
    void everyBenchmarkAndValidCombinationRunsOnceAndProducesAResult() throws Exception {
        List<ProviderId> providers = new ArrayList<>();
        for (ProviderId id : ProviderId.values()) {
            if (Providers.get(id).available()) {
                providers.add(id);
            }
        }
        List<Block> blocks = new ArrayList<>(BenchmarkMatrix.all(Selection.everything(), providers));
        blocks.addAll(BenchmarkMatrix.handshakes(HandshakeSelection.everything().suites(ownHandshakeSuites())));

        long start = System.nanoTime();
        Set<String> ran = new TreeSet<>();
        Set<String> classes = new TreeSet<>();
        int expected = 0;
        for (Block b : blocks) {
            Class<?> cls = b.benchmark().type;
            int want = benchmarkMethods(cls) * combinations(cls, b.params());
            expected += want;
            Collection<RunResult> results = run(b);
            assertEquals(want, results.size(), b.name() + ": results");
            for (RunResult r : results) {
                assertTrue(r.getPrimaryResult().getScore() > 0, r.getParams().getBenchmark() + " " + r.getParams().id() + " scored nothing");
                ran.add(r.getParams().getBenchmark() + " " + r.getParams().id());
            }
            classes.add(cls.getName());
        }
        assertEquals(expected, ran.size(), "distinct benchmark combinations that ran");
        assertEquals(benchmarkClasses(), classes, "every benchmark class ran");
        System.out.printf("smoke: %d benchmark combinations of %d classes in %d JMH runs, %.0f s%n", ran.size(),
                classes.size(), blocks.size(), (System.nanoTime() - start) / 1e9);
    }

    /** HandshakeBenchmark's own suite list (its @Param default). */
    private static List<CipherSuite> ownHandshakeSuites() throws NoSuchFieldException {
        List<CipherSuite> out = new ArrayList<>();
        for (String name : HandshakeBenchmark.class.getField(Axis.HANDSHAKE_SUITE.name()).getAnnotation(Param.class).value()) {
            out.add(Axis.HANDSHAKE_SUITE.parse(name));
        }
        return out;
    }

    private static Collection<RunResult> run(Block b) throws RunnerException {
        ChainedOptionsBuilder o = new OptionsBuilder()
                .include("^" + Pattern.quote(b.benchmark().className()) + "\\.")
                .forks(0)
                .warmupIterations(0)
                .measurementIterations(1)
                .measurementTime(TimeValue.milliseconds(15))
                .verbosity(VerboseMode.SILENT)
                .shouldFailOnError(true);
        b.params().jmh().forEach(o::param);
        return new Runner(o.build()).run();
    }

    /** The classes of the jmh package in JMH's generated benchmark list. */
    private static Set<String> benchmarkClasses() {
        Set<String> out = new TreeSet<>();
        for (BenchmarkListEntry e : BenchmarkList.defaultList().find(
                OutputFormatFactory.createFormatInstance(System.out, VerboseMode.SILENT), List.of(".*"), List.of())) {
            if (e.getUserClassQName().startsWith(JMH_PACKAGE)) {
                out.add(e.getUserClassQName());
            }
        }
        return out;
    }

    private static int benchmarkMethods(Class<?> cls) {
        int n = 0;
        for (Method m : cls.getMethods()) {
            if (m.isAnnotationPresent(Benchmark.class)) {
                n++;
            }
        }
        return n;
    }

    /** The block's values, times the @Param lists (of the class and its nested states) the block leaves alone. */
    private static int combinations(Class<?> cls, Params params) {
        int n = params.combinations();
        Set<String> seen = new HashSet<>();
        params.axes().forEach(a -> seen.add(a.name()));
        List<Class<?>> states = new ArrayList<>(List.of(cls));
        states.addAll(Arrays.asList(cls.getClasses()));
        for (Class<?> c : states) {
            for (Class<?> k = c; k != null; k = k.getSuperclass()) {
                for (Field f : k.getDeclaredFields()) {
                    Param p = f.getAnnotation(Param.class);
                    if (p != null && seen.add(f.getName())) {
                        n *= ownValues(f, p);
                    }
                }
            }
        }
        return n;
    }

    /** How many values a @Param field has of its own: its list, or every constant of an enum with none listed. */
    private static int ownValues(Field f, Param p) {
        boolean blank = p.value().length == 1 && p.value()[0].equals(Param.BLANK_ARGS);
        return blank && f.getType().isEnum() ? f.getType().getEnumConstants().length : p.value().length;
    }
}
