package io.tlsbench.bench;

import io.tlsbench.tool.run.BenchmarkMatrix;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tlsbench.tool.run.BenchmarkMatrix.Block;
import io.tlsbench.kdf.SessionKeys;
import io.tlsbench.provider.ProviderId;
import io.tlsbench.provider.Providers;
import io.tlsbench.record.CbcMacCheck;
import io.tlsbench.record.ContentType;
import io.tlsbench.suite.ProtocolVersion;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import javax.crypto.SecretKey;
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
 * valid blocks; a benchmark class in the jmh package that BenchmarkMatrix does not know runs over
 * its own @Param lists. The AES/SHA-intrinsics-off variants differ only in JVM flags, which an
 * in-process run cannot set.
 */
class BenchmarkSmokeTest {

    private static final String JMH_PACKAGE = "io.tlsbench.bench.jmh.";

    @Test
    void everyBenchmarkAndValidCombinationRunsOnceAndProducesAResult() throws Exception {
        List<ProviderId> providers = new ArrayList<>();
        for (ProviderId id : ProviderId.values()) {
            if (Providers.get(id).available()) {
                providers.add(id);
            }
        }
        Set<String> classesInList = benchmarkClasses();
        List<Block> blocks = new ArrayList<>(BenchmarkMatrix.all(BenchmarkMatrix.Axes.everything(), providers));
        if (classesInList.contains(BenchmarkMatrix.HANDSHAKE)) {
            Class<?> hs = Class.forName(BenchmarkMatrix.HANDSHAKE);
            blocks.addAll(BenchmarkMatrix.handshakes(paramValues(hs, "stack"), paramValues(hs, "config"),
                    paramValues(hs, "suite"), paramValues(hs, "mode")));
        }
        Set<String> known = new HashSet<>();
        blocks.forEach(b -> known.add(b.benchmarkClass()));
        for (String cls : classesInList) {
            if (!known.contains(cls)) {
                blocks.add(new Block(cls.substring(JMH_PACKAGE.length()) + "-own-params", cls, Map.of()));
            }
        }

        long start = System.nanoTime();
        Set<String> ran = new TreeSet<>();
        Set<String> classes = new TreeSet<>();
        int expected = 0;
        for (Block b : blocks) {
            Class<?> cls = Class.forName(b.benchmarkClass());
            int want = benchmarkMethods(cls) * combinations(cls, b.params());
            expected += want;
            Collection<RunResult> results = run(b);
            assertEquals(want, results.size(), b.name() + ": results");
            for (RunResult r : results) {
                assertTrue(r.getPrimaryResult().getScore() > 0, r.getParams().getBenchmark() + " " + r.getParams().id() + " scored nothing");
                ran.add(r.getParams().getBenchmark() + " " + r.getParams().id());
            }
            classes.add(b.benchmarkClass());
        }
        assertEquals(expected, ran.size(), "distinct benchmark combinations that ran");
        assertEquals(new TreeSet<>(benchmarkClasses()), classes, "every benchmark class ran");
        System.out.printf("smoke: %d benchmark combinations of %d classes in %d JMH runs, %.0f s%n", ran.size(),
                classes.size(), blocks.size(), (System.nanoTime() - start) / 1e9);
    }

    private static Collection<RunResult> run(Block b) throws RunnerException {
        ChainedOptionsBuilder o = new OptionsBuilder()
                .include("^" + Pattern.quote(b.benchmarkClass()) + "\\.")
                .forks(0)
                .warmupIterations(0)
                .measurementIterations(1)
                .measurementTime(TimeValue.milliseconds(15))
                .verbosity(VerboseMode.SILENT)
                .shouldFailOnError(true);
        b.params().forEach((k, v) -> o.param(k, v.toArray(new String[0])));
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

    /** A benchmark class's own @Param list for one parameter. */
    private static List<String> paramValues(Class<?> cls, String name) throws NoSuchFieldException {
        return List.of(cls.getField(name).getAnnotation(Param.class).value());
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
    private static int combinations(Class<?> cls, Map<String, List<String>> params) {
        int n = 1;
        for (List<String> v : params.values()) {
            n *= v.size();
        }
        Set<String> seen = new HashSet<>(params.keySet());
        List<Class<?>> states = new ArrayList<>(List.of(cls));
        states.addAll(Arrays.asList(cls.getClasses()));
        for (Class<?> c : states) {
            for (Class<?> k = c; k != null; k = k.getSuperclass()) {
                for (Field f : k.getDeclaredFields()) {
                    Param p = f.getAnnotation(Param.class);
                    if (p != null && seen.add(f.getName())) {
                        n *= p.value().length;
                    }
                }
            }
        }
        return n;
    }

    // ---- the workloads do what they claim -------------------------------------------------------

    /** open() opens what was sealed: every record of the ring, across a rewind, for every provider, suite and version. */
    @Test
    void recordOpenReturnsWhatWasSealed() throws Exception {
        int checked = 0;
        for (ProviderId id : ProviderId.values()) {
            if (!Providers.get(id).available()) {
                continue;
            }
            for (String v : RecordWorkload.VERSIONS) {
                ProtocolVersion version = ProtocolVersion.parse(v);
                int i = 0;
                for (String suite : RecordWorkload.supportedSuites(id, version)) {
                    int size = RecordWorkload.SIZES.get(i % RecordWorkload.SIZES.size());
                    boolean direct = (i++ & 1) == 1;
                    try (RecordWorkload w = new RecordWorkload(id, RecordWorkload.suite(suite), version, size, direct, 7)) {
                        String what = id + " " + suite + " " + v + " " + size + (direct ? " direct" : " heap");
                        byte[] plain = w.plaintext();
                        for (int n = 0; n < w.ringRecords() + 5; n++) {
                            assertEquals(ContentType.APPLICATION_DATA, w.open(), what);
                            assertArrayEquals(plain, w.lastOpened(), what + ", record " + n);
                        }
                        assertEquals(1, w.rewinds(), what + ": the ring was replayed once");
                        int length = w.seal();
                        ByteBuffer record = w.lastSealed();
                        assertEquals(length, record.remaining(), what);
                        assertEquals(ContentType.APPLICATION_DATA, record.get(0), what);
                        assertEquals(version.wire(), record.getShort(1) & 0xffff, what);
                        assertEquals(length - 5, record.getShort(3) & 0xffff, what);
                        assertFalse(contains(record, plain), what + ": the sealed record carries the plaintext in the clear");
                        checked++;
                    }
                }
            }
        }
        assertTrue(checked >= 24, "combinations checked: " + checked);
    }

    /**
     * The run's constant-time rerun passes {@code JmhResult.CONSTANT_TIME_MAC_ARG} to the JMH fork:
     * it must name the property the workload reads, and that property must reach its openers.
     */
    @Test
    void theConstantTimeRerunArgumentReachesTheOpeners() throws Exception {
        String arg = io.tlsbench.tool.report.JmhResult.CONSTANT_TIME_MAC_ARG;
        String prefix = "-D" + RecordWorkload.MAC_CHECK_PROPERTY + "=";
        assertTrue(arg.startsWith(prefix), arg);
        String before = System.getProperty(RecordWorkload.MAC_CHECK_PROPERTY);
        try {
            System.setProperty(RecordWorkload.MAC_CHECK_PROPERTY, arg.substring(prefix.length()));
            try (RecordWorkload w = RecordWorkload.create("sunjce", "AES-128-CBC-SHA", "tls12", 64, "heap")) {
                assertEquals(CbcMacCheck.CONSTANT_TIME, w.macCheck());
                assertEquals(ContentType.APPLICATION_DATA, w.open()); // setup also checked every ring record opens
            }
            System.clearProperty(RecordWorkload.MAC_CHECK_PROPERTY);
            try (RecordWorkload w = RecordWorkload.create("sunjce", "AES-128-CBC-SHA", "tls12", 64, "heap")) {
                assertEquals(CbcMacCheck.PROVIDER, w.macCheck(), "without the argument");
            }
        } finally {
            if (before == null) {
                System.clearProperty(RecordWorkload.MAC_CHECK_PROPERTY);
            } else {
                System.setProperty(RecordWorkload.MAC_CHECK_PROPERTY, before);
            }
        }
    }

    @Test
    void recordSealedByOneWorkloadOpensWithTheSameKeys() throws Exception {
        // Independent of the ring: a record from seal() opens with a fresh opener of the same keys,
        // provided it is the sealer's first record (TLS 1.2 GCM: the state is only the sequence number).
        RecordWorkload w = new RecordWorkload(ProviderId.SUNJCE, RecordWorkload.suite("AES-128-GCM"), ProtocolVersion.TLS12,
                1024, false, 3);
        io.tlsbench.record.RecordSealer first = w.newSealer();
        io.tlsbench.record.RecordOpener opener = w.newOpener();
        ByteBuffer in = ByteBuffer.wrap(w.plaintext());
        ByteBuffer record = ByteBuffer.allocate(first.sealedLength(1024));
        first.seal(ContentType.APPLICATION_DATA, in, record);
        record.flip();
        ByteBuffer out = ByteBuffer.allocate(1024);
        opener.open(record, out);
        assertArrayEquals(w.plaintext(), out.array());
        first.close();
        opener.close();
        w.close();
    }

    @Test
    void unsupportedCombinationsAreRefusedInSetup() {
        assertThrows(IllegalArgumentException.class, () -> RecordWorkload.create("sunjce", "AES-128-GCM", "tls10", 64, "heap"));
        assertThrows(IllegalArgumentException.class, () -> RecordWorkload.create("sunjce", "AES-128-CBC-SHA256", "tls10", 64, "heap"));
        if (Providers.get(ProviderId.ACCP).available()) {
            assertThrows(IllegalArgumentException.class, () -> RecordWorkload.create("accp", "RC4-128-SHA", "tls12", 64, "heap"));
            assertThrows(IllegalArgumentException.class, () -> new CipherCeiling("accp", "3DES-EDE-CBC", 64));
        }
        assertThrows(IllegalArgumentException.class, () -> JsseRecordWorkload.create("conscrypt", "AES-128-CBC-SHA", "tls10", 64, "heap"));
        assertThrows(IllegalArgumentException.class, () -> JsseRecordWorkload.create("conscrypt", "RC4-128-SHA", "tls12", 64, "heap"));
        assertThrows(IllegalArgumentException.class, () -> RecordWorkload.create("sunjce", "NULL-SHA", "tls12", 64, "heap"));
    }

    @Test
    void sslEngineUnwrapReturnsWhatWasWrapped() throws Exception {
        for (String engine : JsseRecordWorkload.ENGINES) {
            for (String v : RecordWorkload.VERSIONS) {
                for (String suite : JsseRecordWorkload.supportedSuites(engine, ProtocolVersion.parse(v))) {
                    JsseRecordWorkload w = JsseRecordWorkload.create(engine, suite, v, 100, "direct");
                    for (int round = 0; round < 2; round++) {
                        w.refill();
                        for (int i = 0; i < JsseRecordWorkload.RING; i++) {
                            assertEquals(100, w.unwrapNext(), engine + " " + suite + " " + v);
                            assertArrayEquals(w.plaintext(), w.lastUnwrapped(), engine + " " + suite + " " + v);
                        }
                    }
                    assertTrue(w.negotiated().endsWith(RecordWorkload.suite(suite).name)
                            || w.negotiated().endsWith(RecordWorkload.suite(suite).sslAlias), w.negotiated());
                }
            }
        }
        // Conscrypt's engine is TLS 1.2 only, with AES-CBC-SHA and AES-GCM of these suites.
        if (Providers.get(ProviderId.CONSCRYPT).available()) {
            assertEquals(List.of(), JsseRecordWorkload.supportedSuites("conscrypt", ProtocolVersion.TLS10));
            assertEquals(List.of("AES-128-CBC-SHA", "AES-256-CBC-SHA", "AES-128-GCM"),
                    JsseRecordWorkload.supportedSuites("conscrypt", ProtocolVersion.TLS12));
        }
    }

    @Test
    void ceilingsRoundTrip() throws Exception {
        for (ProviderId id : ProviderId.values()) {
            if (!Providers.get(id).available()) {
                continue;
            }
            for (String c : CipherCeiling.supported(id)) {
                CipherCeiling enc = new CipherCeiling(id.name(), c, 1024);
                int n = enc.decrypt();
                if (c.endsWith("GCM")) {
                    assertArrayEquals(enc.input(), enc.output(n), id + " " + c);
                }
                assertTrue(enc.encrypt() >= 1024, id + " " + c);
            }
            for (String m : MacCeiling.supported(id)) {
                byte[] a = new MacCeiling(id.name(), m, 64).mac().clone();
                byte[] b = new MacCeiling(id.name(), m, 64).mac();
                assertArrayEquals(a, b, id + " " + m + " is deterministic");
                assertNotEquals(0, a.length);
            }
        }
    }

    private static boolean contains(ByteBuffer haystack, byte[] needle) {
        if (needle.length < 16) {
            return false;
        }
        byte[] h = new byte[haystack.remaining()];
        haystack.duplicate().get(h);
        outer:
        for (int i = 0; i + needle.length <= h.length; i++) {
            for (int j = 0; j < 16; j++) {
                if (h[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
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
