package io.tlsbench.tool.leak;

import io.tlsbench.alert.AlertDescription;
import io.tlsbench.alert.TlsAlertException;
import io.tlsbench.bench.RecordWorkload;
import io.tlsbench.kdf.SessionKeys;
import io.tlsbench.tool.leak.CbcInputs.InputClass;
import io.tlsbench.tool.leak.CbcInputs.Kind;
import io.tlsbench.provider.ProviderId;
import io.tlsbench.provider.ProviderSet;
import io.tlsbench.provider.Providers;
import io.tlsbench.provider.SuiteSupport;
import io.tlsbench.record.CbcMacCheck;
import io.tlsbench.record.RecordOpener;
import io.tlsbench.record.RecordSpec;
import io.tlsbench.suite.CipherSuite;
import io.tlsbench.suite.ConnectionEnd;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * A dudect-style timing test of tlsbench's CBC record open over one provider: the input classes
 * of {@link CbcInputs} interleaved at random, one open timed per measurement, and a
 * {@link CroppedTTest} per pair of classes compared.
 *
 * <p><b>Measurement.</b> Each open is timed on its own with {@code System.nanoTime()} around
 * {@code RecordOpener.open} (the exception of a refused record is caught inside the timed
 * region: raising it is part of the cost an attacker sees). One open of a ~300-byte record takes
 * microseconds, far above the timer's resolution, so no batching is needed.
 * Records are built in batches before they are measured: a batch holds every class the same
 * number of times in a random order (so the classes interleave at random and stay balanced),
 * is built, and then opened in order by one opener; building never runs between two timed opens.
 * The opener runs on from batch to batch (its sequence numbers are the ones the records are
 * MACed for). Every outcome is checked: a valid record must open and every other must be refused
 * with bad_record_mac, or the run stops.
 *
 * <p><b>Phases.</b> Warm-up opens (JIT compilation), discarded; calibration opens, discarded
 * except to set each comparison's cropping thresholds (percentiles of its two classes'
 * calibration times); then the measured opens, each class {@code ceil(samples / 2)} times, so
 * every comparison gets at least {@code samples} measurements.
 */
public final class LeakCheck {

    /** dudect's threshold: |t| above it means the classes' timings differ. */
    public static final double T_THRESHOLD = 4.5;
    /** Measurements a comparison needs before |t| below the threshold counts as a pass. */
    public static final long CONCLUSIVE_SAMPLES = 1_000_000;
    /** Records of each class per batch. */
    static final int BATCH_PER_CLASS = 256;
    /** Warm-up opens at most... */
    static final long MAX_WARMUP = 200_000;
    /** ...and calibration measurements per class at most. */
    static final int MAX_CALIBRATION = 2_000;

    /** Two classes to compare, by index into the inputs' classes. */
    public record Pair(int a, int b, String label, boolean outcomeDiffers) {
    }

    /** One comparison's figures and verdict. */
    public record Comparison(Pair pair, CroppedTTest.Result result, String verdict) {
        /** The percentile the largest |t| was cropped at, or "none" for the uncropped test. */
        public String crop() {
            return result.maxCrop() < 0 ? "none" : percentileLabel(result.maxCrop(), CroppedTTest.DEFAULT_THRESHOLDS);
        }
    }

    /** One class's count and timing. */
    public record ClassFigures(InputClass inputClass, long count, double meanNs, double sdNs) {
    }

    /** A provider's run. */
    public record Outcome(ProviderId provider, String describe, CipherSuite suite, long samples, long warmupOpens,
                          long calibrationOpens, long measuredOpens, double seconds, int recordLength,
                          List<ClassFigures> classes, List<Comparison> comparisons) {
        public double maxAbsT() {
            return comparisons.stream().mapToDouble(c -> c.result().maxAbsT()).max().orElse(0);
        }
    }

    private final CipherSuite suite;
    private final List<Integer> paddings;
    private final long samples;
    private final Consumer<String> progress;
    private final CbcMacCheck macCheck;
    private final SplittableRandom random = new SplittableRandom(new SecureRandom().nextLong());

    /** macCheck: how the openers under test check the MAC (the leak check measures either). */
    public LeakCheck(CipherSuite suite, List<Integer> paddings, long samples, CbcMacCheck macCheck,
                     Consumer<String> progress) {
        if (samples < 1) {
            throw new IllegalArgumentException("samples must be at least 1, not " + samples);
        }
        this.suite = suite;
        this.paddings = List.copyOf(paddings);
        this.samples = samples;
        this.progress = progress;
        this.macCheck = macCheck;
        new CbcInputs(suite, RecordWorkload.keys(suite, io.tlsbench.suite.ProtocolVersion.TLS12, 1), paddings); // checks the suite
    }

    /**
     * The comparisons: per padding length valid vs bad padding, valid vs bad MAC and bad padding
     * vs bad MAC; and bad MAC at the first padding length against bad MAC at each other one (the
     * Lucky 13 case: the MAC covers less data the longer the padding).
     */
    public static List<Pair> pairs(List<InputClass> classes) {
        List<Pair> out = new ArrayList<>();
        for (int i = 0; i < classes.size(); i++) {
            for (int j = i + 1; j < classes.size(); j++) {
                InputClass a = classes.get(i);
                InputClass b = classes.get(j);
                boolean samePad = a.padding() == b.padding();
                boolean lucky13 = a.kind() == Kind.BAD_MAC && b.kind() == Kind.BAD_MAC
                        && a.padding() == classes.get(0).padding();
                if (samePad || lucky13) {
                    String label = samePad ? a.kind().label + " vs " + b.kind().label + ", pad " + a.padding()
                            : a.label() + " vs " + b.label();
                    boolean outcome = (a.kind() == Kind.VALID) != (b.kind() == Kind.VALID);
                    out.add(new Pair(i, j, label, outcome));
                }
            }
        }
        return out;
    }

    /** Runs the check over one provider: warm-up, calibration, then the measured opens. */
    public Outcome run(ProviderId id) throws GeneralSecurityException {
        ProviderSet provider = Providers.require(id);
        String why = SuiteSupport.of(id).records(suite, io.tlsbench.suite.ProtocolVersion.TLS12);
        if (why != null) {
            throw new IllegalArgumentException(id + ": " + why);
        }
        long start = System.nanoTime();
        SessionKeys keys = RecordWorkload.keys(suite, io.tlsbench.suite.ProtocolVersion.TLS12, random.nextLong());
        CbcInputs inputs = new CbcInputs(suite, keys, paddings);
        List<InputClass> classes = inputs.classes();
        int n = classes.size();
        RecordOpener opener = RecordOpener.create(RecordSpec.of(provider).suite(suite, inputs.version())
                .keys(keys, ConnectionEnd.CLIENT).macCheck(macCheck));
        try {
            Runner runner = new Runner(inputs, opener);
            long perClass = (samples + 1) / 2;
            long warmup = warmUp(runner, Math.min(MAX_WARMUP, n * perClass));
            int cal = (int) Math.min(MAX_CALIBRATION, perClass);
            Tests tests = new Tests(pairs(classes), calibrate(runner, cal));
            long measured = measure(runner, tests, perClass, id, start);
            List<Comparison> comparisons = tests.comparisons();
            List<ClassFigures> figures = tests.figures(classes);
            return new Outcome(id, provider.describe(), suite, samples, warmup, (long) cal * n, measured,
                    (System.nanoTime() - start) / 1e9, inputs.recordLength(), figures, comparisons);
        } finally {
            opener.close();
        }
    }

    /** Opens about {@code opens} records, every class interleaved, and discards the times (JIT compilation). */
    private static long warmUp(Runner runner, long opens) throws GeneralSecurityException {
        int n = runner.classCount();
        for (long done = 0; done < opens; ) {
            int k = (int) Math.min(BATCH_PER_CLASS, (opens - done + n - 1) / n);
            runner.batch(k, (c, t) -> { });
            done += (long) k * n;
        }
        return opens;
    }

    /** {@code cal} times per class, kept only to set each comparison's cropping thresholds. */
    private static double[][] calibrate(Runner runner, int cal) throws GeneralSecurityException {
        int n = runner.classCount();
        double[][] calibration = new double[n][cal];
        int[] filled = new int[n];
        for (int done = 0; done < cal; ) {
            int k = Math.min(BATCH_PER_CLASS, cal - done);
            runner.batch(k, (c, t) -> calibration[c][filled[c]++] = t);
            done += k;
        }
        return calibration;
    }

    /** The measured opens, {@code perClass} of each class, with a progress line every tenth (or 15 s); returns their count. */
    private long measure(Runner runner, Tests tests, long perClass, ProviderId id, long start)
            throws GeneralSecurityException {
        int n = runner.classCount();
        long measured = 0;
        long total = perClass * n;
        long lastReport = System.nanoTime();
        int lastTenth = 0;
        for (long done = 0; done < perClass; ) {
            int k = (int) Math.min(BATCH_PER_CLASS, perClass - done);
            runner.batch(k, tests::add);
            done += k;
            measured += (long) k * n;
            int tenth = (int) (measured * 10 / total);
            long now = System.nanoTime();
            if (progress != null && (tenth > lastTenth || now - lastReport > 15_000_000_000L) && measured < total) {
                lastTenth = tenth;
                lastReport = now;
                progress.accept(String.format("%s %s: %d%% (%,d of %,d opens), max |t| so far %.2f, %.0f s",
                        id, suite, measured * 100 / total, measured, total, tests.maxAbsT(), (now - start) / 1e9));
            }
        }
        return measured;
    }

    /** The comparisons' cropped t-tests and each class's statistics: a measured time goes to every test its class is in. */
    private static final class Tests {
        private final List<Pair> pairs;
        private final CroppedTTest[] tests;
        /** Per class: {test index, side} of every test it takes part in. */
        private final int[][][] route;
        private final Welford[] perClass;

        /** Each comparison's cropping thresholds from its two classes' calibration times, pooled. */
        Tests(List<Pair> pairs, double[][] calibration) {
            int n = calibration.length;
            this.pairs = pairs;
            tests = new CroppedTTest[pairs.size()];
            List<List<int[]>> testsOf = new ArrayList<>();
            for (int c = 0; c < n; c++) {
                testsOf.add(new ArrayList<>());
            }
            for (int i = 0; i < tests.length; i++) {
                Pair p = pairs.get(i);
                tests[i] = CroppedTTest.calibrated(pooled(calibration[p.a()], calibration[p.b()]),
                        CroppedTTest.DEFAULT_THRESHOLDS);
                testsOf.get(p.a()).add(new int[] {i, 0});
                testsOf.get(p.b()).add(new int[] {i, 1});
            }
            route = new int[n][][];
            perClass = new Welford[n];
            for (int c = 0; c < n; c++) {
                route[c] = testsOf.get(c).toArray(new int[0][]);
                perClass[c] = new Welford();
            }
        }

        private static double[] pooled(double[] a, double[] b) {
            double[] pooled = new double[a.length + b.length];
            System.arraycopy(a, 0, pooled, 0, a.length);
            System.arraycopy(b, 0, pooled, a.length, b.length);
            return pooled;
        }

        void add(int cls, double nanos) {
            perClass[cls].add(nanos);
            for (int[] r : route[cls]) {
                tests[r[0]].add(r[1], nanos);
            }
        }

        double maxAbsT() {
            double m = 0;
            for (CroppedTTest t : tests) {
                m = Math.max(m, t.result().maxAbsT());
            }
            return m;
        }

        List<Comparison> comparisons() {
            List<Comparison> out = new ArrayList<>();
            for (int i = 0; i < tests.length; i++) {
                CroppedTTest.Result r = tests[i].result();
                out.add(new Comparison(pairs.get(i), r, verdict(r.maxAbsT(), r.samples())));
            }
            return out;
        }

        List<ClassFigures> figures(List<InputClass> classes) {
            List<ClassFigures> out = new ArrayList<>();
            for (int c = 0; c < perClass.length; c++) {
                Welford w = perClass[c];
                out.add(new ClassFigures(classes.get(c), w.count(), w.mean(), Math.sqrt(w.variance())));
            }
            return out;
        }
    }

    /** FAIL at |t| ≥ 4.5 whatever the count; below it PASS from a million measurements, inconclusive before. */
    public static String verdict(double maxAbsT, long samples) {
        if (maxAbsT >= T_THRESHOLD) {
            return "FAIL";
        }
        return samples >= CONCLUSIVE_SAMPLES ? "PASS" : "inconclusive";
    }

    /** dudect's i-th of count cropping percentiles, as "93.75th". */
    static String percentileLabel(int i, int count) {
        double which = 100 * (1 - Math.pow(0.5, 10.0 * (i + 1) / count));
        return String.format("%.2fth", which);
    }

    @FunctionalInterface
    interface Sink {
        void accept(int cls, double nanos);
    }

    /** Builds and opens batches of records with one opener whose sequence numbers run on. */
    private final class Runner {
        private final CbcInputs inputs;
        private final RecordOpener opener;
        private final ByteBuffer records;
        private final ByteBuffer out;
        private final int[] order;
        private final long[] nanos;
        private final boolean[] refused;
        private long seq;

        Runner(CbcInputs inputs, RecordOpener opener) {
            this.inputs = inputs;
            this.opener = opener;
            int most = BATCH_PER_CLASS * inputs.classes().size();
            records = ByteBuffer.allocate(most * inputs.recordLength());
            out = ByteBuffer.allocate(inputs.recordLength());
            order = new int[most];
            nanos = new long[most];
            refused = new boolean[most];
        }

        int classCount() {
            return inputs.classes().size();
        }

        /** perClass records of every class, in a random order: built, then opened and timed one by one. */
        void batch(int perClass, Sink sink) throws GeneralSecurityException {
            int n = inputs.classes().size();
            int count = perClass * n;
            for (int i = 0; i < count; i++) {
                order[i] = i % n;
            }
            for (int i = count - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            records.clear();
            for (int i = 0; i < count; i++) {
                inputs.write(order[i], seq + i, random, records);
            }
            records.flip();
            for (int i = 0; i < count; i++) {
                out.clear();
                boolean bad = false;
                AlertDescription alert = null;
                long t0 = System.nanoTime();
                try {
                    opener.open(records, out);
                } catch (TlsAlertException e) {
                    bad = true;
                    alert = e.description();
                }
                long t1 = System.nanoTime();
                nanos[i] = t1 - t0;
                refused[i] = bad;
                if (bad && alert != AlertDescription.BAD_RECORD_MAC) {
                    throw new IllegalStateException("record " + (seq + i) + " was refused with " + alert);
                }
            }
            seq += count;
            List<InputClass> classes = inputs.classes();
            for (int i = 0; i < count; i++) {
                boolean valid = classes.get(order[i]).kind() == Kind.VALID;
                if (refused[i] == valid) {
                    throw new IllegalStateException("a " + classes.get(order[i]).label() + " record was "
                            + (valid ? "refused" : "accepted") + " by " + opener.providerName());
                }
                sink.accept(order[i], nanos[i]);
            }
        }
    }
}
