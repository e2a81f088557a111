package quant.core.forecast;

/**
 * Seasonality as the M4 benchmarks decide and remove it.
 *
 * <p>The test (M4-methods, "Benchmarks and Evaluation.R", {@code SeasonalityTest}): a series with at
 * least three seasons is seasonal when its autocorrelation at the seasonal lag m exceeds, in
 * absolute value, 1.645 · √((1 + 2 Σ_{k&lt;m} r_k²) / n) — the 90 % one-sided limit of Bartlett's
 * formula for the autocorrelations of a moving-average process of order m − 1.
 *
 * <p>The decomposition is R's {@code decompose(type = "multiplicative")}: a centred moving average of
 * order m (2×m when m is even) as the trend, the seasonal index of each position the mean of the
 * ratios y / trend at that position, normalised so the m indexes average 1.
 */
public final class Seasonality {
    private Seasonality() {}

    /** Autocorrelations r_1 … r_maxLag with R's {@code acf} definition (divisor n, overall mean). */
    public static double[] acf(double[] y, int maxLag) {
        int n = y.length;
        double mean = 0;
        for (double v : y) {
            mean += v;
        }
        mean /= n;
        double c0 = 0;
        for (double v : y) {
            c0 += (v - mean) * (v - mean);
        }
        double[] r = new double[maxLag + 1];
        for (int k = 1; k <= maxLag && k < n; k++) {
            double ck = 0;
            for (int t = k; t < n; t++) {
                ck += (y[t] - mean) * (y[t - k] - mean);
            }
            r[k] = c0 == 0 ? 0 : ck / c0;
        }
        return r;
    }

    /** The M4 benchmarks' 90 % test for seasonality at period {@code m} (false for m ≤ 1 or under three seasons). */
    public static boolean isSeasonal(double[] y, int m) {
        if (m <= 1 || y.length < 3 * m) {
            return false;
        }
        double[] r = acf(y, m);
        double sumSquares = 0;
        for (int k = 1; k < m; k++) {
            sumSquares += r[k] * r[k];
        }
        double limit = 1.645 / Math.sqrt(y.length) * Math.sqrt(1 + 2 * sumSquares);
        return Math.abs(r[m]) > limit;
    }

    /**
     * The m multiplicative seasonal indexes of R's {@code decompose}, indexed by position t mod m
     * (t from 0 at the first point).
     *
     * @throws IllegalArgumentException with fewer than two full seasons, or a value that is not positive
     */
    public static double[] multiplicativeIndexes(double[] y, int m) {
        for (double v : y) {
            if (!(v > 0)) {
                throw new IllegalArgumentException("a multiplicative decomposition needs positive values");
            }
        }
        return indexes(y, m, true);
    }

    /**
     * The m additive seasonal effects of R's {@code decompose(type = "additive")}: the mean of y − trend
     * at each position, centred so they sum to 0.
     *
     * @throws IllegalArgumentException with fewer than two full seasons
     */
    public static double[] additiveIndexes(double[] y, int m) {
        return indexes(y, m, false);
    }

    private static double[] indexes(double[] y, int m, boolean multiplicative) {
        int n = y.length;
        if (m < 2 || n < 2 * m) {
            throw new IllegalArgumentException("a decomposition needs two full seasons of " + m + " points");
        }
        double[] trend = movingAverage(y, m);
        double[] sum = new double[m];
        int[] count = new int[m];
        for (int t = 0; t < n; t++) {
            if (!Double.isNaN(trend[t])) {
                sum[t % m] += multiplicative ? y[t] / trend[t] : y[t] - trend[t];
                count[t % m]++;
            }
        }
        double[] index = new double[m];
        double mean = 0;
        for (int p = 0; p < m; p++) {
            index[p] = sum[p] / count[p];
            mean += index[p];
        }
        mean /= m;
        for (int p = 0; p < m; p++) {
            index[p] = multiplicative ? index[p] / mean : index[p] - mean;
        }
        return index;
    }

    /** The centred moving average of order m (2×m for even m); NaN where the window does not fit. */
    static double[] movingAverage(double[] y, int m) {
        int n = y.length;
        double[] trend = new double[n];
        java.util.Arrays.fill(trend, Double.NaN);
        int half = m / 2;
        for (int t = half; t < n - half; t++) {
            double sum;
            if (m % 2 == 1) {
                sum = 0;
                for (int k = -half; k <= half; k++) {
                    sum += y[t + k];
                }
            } else {
                sum = 0.5 * y[t - half] + 0.5 * y[t + half];
                for (int k = -half + 1; k < half; k++) {
                    sum += y[t + k];
                }
            }
            trend[t] = sum / m;
        }
        return trend;
    }
}
