package quant.core.forecast;

import java.util.Arrays;

/**
 * A robust seasonal-trend decomposition for the outlier check, after STL (Cleveland, Cleveland,
 * McRae &amp; Terpenning, "STL: a seasonal-trend decomposition procedure based on loess", Journal of
 * Official Statistics 6(1), 1990) with a periodic season: passes that alternate
 *
 * <ul>
 *   <li>the seasonal effects, a robustness-weighted least-squares fit of the detrended values on a
 *       few harmonics of the season ({@link #harmonics}): a pattern smooth from one position to the
 *       next, so that a spike in the same month of two years out of four (roofing storms) is not
 *       taken for the season, while a business with peaks in summer and in winter keeps both;
 *   <li>the trend, a local linear regression on the deseasonalised values at every point over its
 *       {@code span} nearest neighbours with tricube weights times the robustness weights (STL's
 *       default trend span for a periodic season, the odd number nearest above 1.5 m; 7 without a
 *       season) — local lines follow a growing business into its first and last months, where a
 *       moving average has no value;
 * </ul>
 *
 * and, after each outer pass, robustness weights from the remainder R: the bisquare B(|R| / (6 ×
 * median |R|)), so that a spike stops pulling the trend and the season towards itself and stands out
 * in the remainder.
 */
final class RobustDecomposition {
    static final int OUTER_PASSES = 5;
    static final int INNER_PASSES = 2;

    private RobustDecomposition() {}

    /**
     * The components, z = trend + season[t % m] + remainder, and the final robustness weights (0 for
     * the points the fit set aside).
     */
    record Parts(double[] trend, double[] season, double[] remainder, double[] weights) {
        double fitted(int t) {
            return trend[t] + season[t % season.length];
        }

        /**
         * How well the season predicts seasons it was not fitted on: each season-long block in turn
         * is left out, the effects are fitted on the rest (with the robustness weights), and the
         * share of the block's detrended variance they explain is pooled, 1 − Var(held-out
         * remainder) / Var(z − trend), over the points the robust fit kept; 0 without a season or
         * with fewer than two seasons. A season that spikes hit in different months each year (a
         * roofer's summer storms) explains little of the year it has not seen.
         */
        double heldOutStrength(double[] z) {
            int m = season.length;
            int n = z.length;
            if (m < 2 || n < 2 * m) {
                return 0;
            }
            double[] detrended = new double[n];
            for (int t = 0; t < n; t++) {
                detrended[t] = z[t] - trend[t];
            }
            double[] heldOut = new double[n];
            double[] effect = new double[m];
            for (int start = 0; start < n; start += m) {
                double[] w = weights.clone();
                Arrays.fill(w, start, Math.min(n, start + m), 0);
                seasonalEffects(detrended, w, effect);
                for (int t = start; t < Math.min(n, start + m); t++) {
                    heldOut[t] = detrended[t] - effect[t % m];
                }
            }
            double[] rest = new double[n];
            double[] whole = new double[n];
            int kept = 0;
            for (int t = 0; t < n; t++) {
                if (weights[t] > 0) {
                    rest[kept] = heldOut[t];
                    whole[kept++] = detrended[t];
                }
            }
            double spread = variance(Arrays.copyOf(whole, kept));
            return kept > 1 && spread > 0 ? 1 - variance(Arrays.copyOf(rest, kept)) / spread : 0;
        }
    }

    /** Decomposes z with season length m (1: no season). */
    static Parts of(double[] z, int m) {
        int n = z.length;
        int season = m > 1 ? m : 1;
        int span = m > 1 ? odd((int) Math.ceil(1.5 * m)) : 7;
        span = Math.min(span, n);
        double[] robust = new double[n];
        Arrays.fill(robust, 1);
        double[] trend = new double[n];
        double[] effect = new double[season];
        double[] remainder = new double[n];
        double[] work = new double[n];
        for (int outer = 0; outer < OUTER_PASSES; outer++) {
            for (int inner = 0; inner < INNER_PASSES; inner++) {
                if (season > 1) {
                    for (int t = 0; t < n; t++) {
                        work[t] = z[t] - trend[t];
                    }
                    seasonalEffects(work, robust, effect);
                }
                for (int t = 0; t < n; t++) {
                    work[t] = z[t] - effect[t % season];
                }
                localLinear(work, robust, span, trend);
            }
            for (int t = 0; t < n; t++) {
                remainder[t] = z[t] - trend[t] - effect[t % season];
            }
            if (outer < OUTER_PASSES - 1) {
                bisquareWeights(remainder, robust);
            }
        }
        return new Parts(trend, effect, remainder, robust);
    }

    private static int odd(int k) {
        return k % 2 == 0 ? k + 1 : k;
    }

    /** Harmonics of the seasonal pattern: enough for two peaks a year, too few to follow one month's spike. */
    static int harmonics(int m) {
        return Math.min(m / 2, Math.max(3, m / 6));
    }

    /**
     * The seasonal effects by robustness-weighted least squares on a constant and the first K
     * harmonics (cos and sin of 2πkt/m); the constant is dropped, so the effects sum to zero over a
     * season.
     */
    private static void seasonalEffects(double[] detrended, double[] robust, double[] effect) {
        int m = effect.length;
        int k = harmonics(m);
        int d = 2 * k + 1;
        double[][] basis = new double[m][d];
        for (int pos = 0; pos < m; pos++) {
            basis[pos][0] = 1;
            for (int h = 1; h <= k; h++) {
                double angle = 2 * Math.PI * h * pos / m;
                basis[pos][2 * h - 1] = Math.cos(angle);
                basis[pos][2 * h] = Math.sin(angle);
            }
        }
        double[][] a = new double[d][d];
        double[] b = new double[d];
        for (int t = 0; t < detrended.length; t++) {
            double w = robust[t];
            if (w == 0) {
                continue;
            }
            double[] x = basis[t % m];
            for (int i = 0; i < d; i++) {
                b[i] += w * x[i] * detrended[t];
                for (int j = 0; j < d; j++) {
                    a[i][j] += w * x[i] * x[j];
                }
            }
        }
        double[] beta = Cholesky.solve(a, b);
        for (int pos = 0; pos < m; pos++) {
            double v = 0;
            for (int i = 1; beta != null && i < d; i++) {
                v += beta[i] * basis[pos][i];
            }
            effect[pos] = v;
        }
    }

    /** Local linear loess of y at every index over the {@code span} nearest indexes. */
    private static void localLinear(double[] y, double[] robust, int span, double[] out) {
        int n = y.length;
        for (int t = 0; t < n; t++) {
            int lo = Math.max(0, Math.min(t - span / 2, n - span));
            int hi = lo + span - 1;
            double reach = Math.max(t - lo, hi - t) + 1;
            double sw = 0;
            double sx = 0;
            double sy = 0;
            for (int i = lo; i <= hi; i++) {
                double w = tricube(Math.abs(i - t) / reach) * robust[i];
                sw += w;
                sx += w * i;
                sy += w * y[i];
            }
            if (!(sw > 0)) {
                out[t] = y[t];
                continue;
            }
            double xBar = sx / sw;
            double yBar = sy / sw;
            double sxx = 0;
            double sxy = 0;
            for (int i = lo; i <= hi; i++) {
                double w = tricube(Math.abs(i - t) / reach) * robust[i];
                sxx += w * (i - xBar) * (i - xBar);
                sxy += w * (i - xBar) * (y[i] - yBar);
            }
            out[t] = sxx > 1e-12 * sw ? yBar + sxy / sxx * (t - xBar) : yBar;
        }
    }

    private static double tricube(double u) {
        double c = 1 - u * u * u;
        return c * c * c;
    }

    private static void bisquareWeights(double[] remainder, double[] robust) {
        double[] abs = new double[remainder.length];
        for (int t = 0; t < abs.length; t++) {
            abs[t] = Math.abs(remainder[t]);
        }
        double h = 6 * median(abs);
        for (int t = 0; t < abs.length; t++) {
            if (h == 0) {
                robust[t] = abs[t] == 0 ? 1 : 0;
                continue;
            }
            double u = abs[t] / h;
            robust[t] = u < 1 ? (1 - u * u) * (1 - u * u) : 0;
        }
    }

    static double variance(double[] x) {
        double mean = 0;
        for (double v : x) {
            mean += v / x.length;
        }
        double s = 0;
        for (double v : x) {
            s += (v - mean) * (v - mean);
        }
        return s / x.length;
    }

    /** The median absolute deviation from the median. */
    static double mad(double[] x) {
        double median = median(x);
        double[] deviation = new double[x.length];
        for (int t = 0; t < x.length; t++) {
            deviation[t] = Math.abs(x[t] - median);
        }
        return median(deviation);
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
