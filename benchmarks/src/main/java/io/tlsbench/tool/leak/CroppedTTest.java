package io.tlsbench.tool.leak;

import java.util.Arrays;

/**
 * dudect's test of two classes (Reparaz, Balasch, Verbauwhede, "Dude, is my code constant
 * time?", DATE 2017): Welch's t-test on all measurements, and again on the measurements below
 * each of several cropping thresholds, which drop the slow tail that interrupts and other
 * processes add (a tail that is one-sided: noise only ever makes a measurement longer). The
 * thresholds are percentiles of a calibration set measured before the test:
 * {@code 1 − 0.5^(10 (i + 1) / K)} for i = 0..K−1, as in dudect, from the 6.7th up to the 99.9th
 * percentile for K = 100.
 *
 * <p>Memory is O(K) per test, whatever the number of measurements: each class keeps one
 * {@link Welford} accumulator per band between consecutive thresholds, and the test cropped at
 * threshold i merges the bands below it when asked.
 */
public final class CroppedTTest {

    /** dudect's number of cropping thresholds. */
    public static final int DEFAULT_THRESHOLDS = 100;

    private final double[] thresholds;
    /** bands[c][k]: class c's measurements x with thresholds[k−1] ≤ x < thresholds[k] (open at both ends). */
    private final Welford[][] bands;

    /** A test cropped at the given ascending thresholds (an empty array: the uncropped test only). */
    public CroppedTTest(double[] thresholds) {
        for (int i = 1; i < thresholds.length; i++) {
            if (thresholds[i] < thresholds[i - 1]) {
                throw new IllegalArgumentException("thresholds must ascend");
            }
        }
        this.thresholds = thresholds.clone();
        bands = new Welford[2][thresholds.length + 1];
        for (Welford[] c : bands) {
            for (int k = 0; k < c.length; k++) {
                c[k] = new Welford();
            }
        }
    }

    /** A test whose thresholds are dudect's percentiles of the calibration measurements. */
    public static CroppedTTest calibrated(double[] calibration, int count) {
        return new CroppedTTest(percentiles(calibration, count));
    }

    /** dudect's cropping thresholds: the {@code 1 − 0.5^(10 (i + 1) / count)} quantiles of the values. */
    public static double[] percentiles(double[] values, int count) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no calibration values");
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double[] out = new double[count];
        for (int i = 0; i < count; i++) {
            double which = 1 - Math.pow(0.5, 10.0 * (i + 1) / count);
            out[i] = sorted[Math.min(sorted.length - 1, (int) (which * sorted.length))];
        }
        return out;
    }

    /** One measurement of class 0 or 1. */
    public void add(int cls, double x) {
        bands[cls][band(x)].add(x);
    }

    /** The first k with x < thresholds[k], or thresholds.length. */
    private int band(double x) {
        int lo = 0;
        int hi = thresholds.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (x < thresholds[mid]) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    public double[] thresholds() {
        return thresholds.clone();
    }

    /** Class cls's measurements below thresholds[crop] (crop = thresholds.length: all of them). */
    public Welford kept(int cls, int crop) {
        Welford w = new Welford();
        for (int k = 0; k <= crop; k++) {
            w.merge(bands[cls][k]);
        }
        return w;
    }

    /**
     * The uncropped test and the largest |t| over it and every cropped test; crop is the
     * threshold index of the largest (−1: the uncropped test).
     */
    public Result result() {
        Welford a = new Welford();
        Welford b = new Welford();
        double maxAbs = -1;
        int maxCrop = -1;
        long maxCount = 0;
        double maxT = 0;
        double cropMeanA = 0;
        double cropMeanB = 0;
        for (int k = 0; k <= thresholds.length; k++) {
            a.merge(bands[0][k]);
            b.merge(bands[1][k]);
            if (k == thresholds.length) {
                break;
            }
            double t = Welford.welchT(a, b);
            if (Math.abs(t) > maxAbs) {
                maxAbs = Math.abs(t);
                maxT = t;
                maxCrop = k;
                maxCount = a.count() + b.count();
                cropMeanA = a.mean();
                cropMeanB = b.mean();
            }
        }
        double uncropped = Welford.welchT(a, b);
        if (Math.abs(uncropped) >= maxAbs) {
            maxT = uncropped;
            maxCrop = -1;
            maxCount = a.count() + b.count();
            cropMeanA = a.mean();
            cropMeanB = b.mean();
        }
        return new Result(uncropped, a.count(), b.count(), a.mean(), b.mean(), maxT, maxCrop, maxCount, cropMeanA,
                cropMeanB);
    }

    /**
     * Uncropped t with each class's count and mean; the t of largest magnitude over all the tests,
     * the threshold index it came from (−1: uncropped), how many measurements that test kept and
     * each class's mean among them.
     */
    public record Result(double t, long countA, long countB, double meanA, double meanB,
                         double maxT, int maxCrop, long maxCropCount, double cropMeanA, double cropMeanB) {
        public double maxAbsT() {
            return Math.abs(maxT);
        }

        public long samples() {
            return countA + countB;
        }
    }
}
