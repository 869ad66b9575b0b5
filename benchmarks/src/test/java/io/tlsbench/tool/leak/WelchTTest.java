package io.tlsbench.tool.leak;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The statistics on synthetic data (no timing): Welch's t, Welford's accumulation, dudect's cropping. */
class WelchTTest {

    private static Welford of(double... xs) {
        Welford w = new Welford();
        for (double x : xs) {
            w.add(x);
        }
        return w;
    }

    @Test
    void welchTByHand() {
        // a: mean 2.5, variance 5/3; b: mean 5, variance 20/3; t = -2.5 / sqrt(5/12 + 20/12) = -sqrt(3).
        Welford a = of(1, 2, 3, 4);
        Welford b = of(2, 4, 6, 8);
        assertEquals(2.5, a.mean(), 1e-12);
        assertEquals(5.0 / 3, a.variance(), 1e-12);
        assertEquals(20.0 / 3, b.variance(), 1e-12);
        assertEquals(-Math.sqrt(3), Welford.welchT(a, b), 1e-12);
        assertEquals(Math.sqrt(3), Welford.welchT(b, a), 1e-12);
        // Unequal counts: a = {10, 12} (mean 11, var 2), b = {1, 2, 3} (mean 2, var 1):
        // t = 9 / sqrt(2/2 + 1/3) = 9 / sqrt(4/3).
        assertEquals(9 / Math.sqrt(4.0 / 3), Welford.welchT(of(10, 12), of(1, 2, 3)), 1e-12);
        assertEquals(0, Welford.welchT(of(1), of(1, 2, 3)));
        assertEquals(0, Welford.welchT(of(5, 5), of(5, 5, 5)));
    }

    @Test
    void mergeEqualsOnePass() {
        SplittableRandom r = new SplittableRandom(7);
        Welford all = new Welford();
        Welford left = new Welford();
        Welford right = new Welford();
        for (int i = 0; i < 10_000; i++) {
            double x = 1e6 + r.nextGaussian() * 30;
            all.add(x);
            (i % 3 == 0 ? left : right).add(x);
        }
        left.merge(right);
        assertEquals(all.count(), left.count());
        assertEquals(all.mean(), left.mean(), 1e-9);
        assertEquals(all.variance(), left.variance(), 1e-6 * all.variance());
    }

    @Test
    void sameDistributionNearZeroShiftedLarge() {
        SplittableRandom r = new SplittableRandom(11);
        CroppedTTest same = new CroppedTTest(new double[0]);
        CroppedTTest shifted = new CroppedTTest(new double[0]);
        for (int i = 0; i < 200_000; i++) {
            int c = i & 1;
            double x = 1000 + 50 * r.nextGaussian();
            same.add(c, x);
            shifted.add(c, x + (c == 1 ? 2 : 0)); // 2 ns on a 50 ns spread
        }
        assertTrue(same.result().maxAbsT() < 4.5, "same distribution: |t| " + same.result().maxAbsT());
        assertTrue(shifted.result().maxAbsT() > 4.5, "shifted: |t| " + shifted.result().maxAbsT());
        assertEquals(200_000, shifted.result().samples());
    }

    @Test
    void dudectPercentiles() {
        double[] values = new double[1000];
        for (int i = 0; i < values.length; i++) {
            values[values.length - 1 - i] = i + 1; // 1..1000, reversed: percentiles sort them
        }
        double[] p = CroppedTTest.percentiles(values, 10);
        // 1 - 0.5^(i + 1) for K = 10: 0.5, 0.75, 0.875, ... of 1000 values: indexes 500, 750, 875, ...
        assertEquals(501, p[0]);
        assertEquals(751, p[1]);
        assertEquals(876, p[2]);
        assertEquals(1000, p[9]); // index 999 (0.999 * 1000)
        for (int i = 1; i < p.length; i++) {
            assertTrue(p[i] >= p[i - 1]);
        }
        assertEquals("6.70th", LeakCheck.percentileLabel(0, 100));
        assertEquals("99.90th", LeakCheck.percentileLabel(99, 100));
    }

    @Test
    void croppingDropsTheOutlierAndKeepsTheBelow() {
        // Class 0: 1, 2, 3, 4 and an interrupt of 1000; class 1: 2, 4, 6, 8. Cropped at 10, the
        // test is the hand-computed one above (-sqrt(3)); uncropped, the outlier dominates.
        CroppedTTest test = new CroppedTTest(new double[] {3, 10});
        for (double x : new double[] {1, 2, 3, 4, 1000}) {
            test.add(0, x);
        }
        for (double x : new double[] {2, 4, 6, 8}) {
            test.add(1, x);
        }
        assertArrayEquals(new double[] {3, 10}, test.thresholds());
        assertEquals(4, test.kept(0, 1).count());
        assertEquals(2, test.kept(0, 0).count()); // below 3: 1 and 2
        assertEquals(1, test.kept(1, 0).count()); // below 3: 2
        CroppedTTest.Result r = test.result();
        Welford all0 = of(1, 2, 3, 4, 1000);
        assertEquals(Welford.welchT(all0, of(2, 4, 6, 8)), r.t(), 1e-12);
        assertEquals(9, r.samples());
        assertEquals(-Math.sqrt(3), r.maxT(), 1e-12, "cropped at 10");
        assertEquals(1, r.maxCrop());
        assertEquals(8, r.maxCropCount());
        assertEquals("FAIL", LeakCheck.verdict(4.5, 10));
        assertEquals("inconclusive", LeakCheck.verdict(4.49, 999_999));
        assertEquals("PASS", LeakCheck.verdict(4.49, 1_000_000));
    }
}
