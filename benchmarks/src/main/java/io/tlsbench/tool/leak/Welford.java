package io.tlsbench.tool.leak;

/**
 * Running count, mean and sum of squared deviations of a stream of values (Welford 1962): O(1)
 * memory, numerically stable. Two accumulators combine exactly (Chan, Golub and LeVeque 1979).
 */
public final class Welford {
    private long n;
    private double mean;
    private double m2;

    public void add(double x) {
        n++;
        double delta = x - mean;
        mean += delta / n;
        m2 += delta * (x - mean);
    }

    /** Adds everything other has seen, as if its values had been added here. */
    public void merge(Welford other) {
        if (other.n == 0) {
            return;
        }
        if (n == 0) {
            n = other.n;
            mean = other.mean;
            m2 = other.m2;
            return;
        }
        long total = n + other.n;
        double delta = other.mean - mean;
        mean += delta * other.n / total;
        m2 += other.m2 + delta * delta * ((double) n * other.n / total);
        n = total;
    }

    public long count() {
        return n;
    }

    public double mean() {
        return mean;
    }

    /** Sample variance (divides by n − 1); 0 below two values. */
    public double variance() {
        return n < 2 ? 0 : m2 / (n - 1);
    }

    /**
     * Welch's t statistic of a against b: (mean_a − mean_b) / sqrt(var_a/n_a + var_b/n_b). 0 when
     * either side has fewer than two values or both have no spread.
     */
    public static double welchT(Welford a, Welford b) {
        if (a.n < 2 || b.n < 2) {
            return 0;
        }
        double se2 = a.variance() / a.n + b.variance() / b.n;
        if (se2 == 0) {
            return 0;
        }
        return (a.mean - b.mean) / Math.sqrt(se2);
    }
}
