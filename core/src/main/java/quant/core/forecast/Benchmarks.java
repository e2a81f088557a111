package quant.core.forecast;

import java.util.Arrays;

/**
 * The M4 competition's statistical benchmarks as its organisers ran them (M4-methods, "Benchmarks
 * and Evaluation.R"): when the series is seasonal by {@link Seasonality#isSeasonal} at its period m,
 * the methods that need it work on the series divided by R's multiplicative seasonal indexes and
 * their forecasts are multiplied back by the indexes of the positions ahead.
 */
public final class Benchmarks {
    private Benchmarks() {}

    /** The seasonally adjusted series and the indexes ahead; all ones when the series is not seasonal. */
    record Adjusted(double[] series, double[] ahead) {
        static Adjusted of(double[] y, int m, int h) {
            return of(y, m, h, Seasonality.isSeasonal(y, m));
        }

        /** As {@link #of(double[], int, int)} with the seasonality decided beforehand. */
        static Adjusted of(double[] y, int m, int h, boolean seasonal) {
            double[] ahead = new double[h];
            Arrays.fill(ahead, 1);
            if (!seasonal || m < 2 || y.length < 2 * m) {
                return new Adjusted(y, ahead);
            }
            double[] index = Seasonality.multiplicativeIndexes(y, m);
            double[] adjusted = new double[y.length];
            for (int t = 0; t < y.length; t++) {
                adjusted[t] = y[t] / index[t % m];
            }
            for (int k = 0; k < h; k++) {
                ahead[k] = index[(y.length + k) % m];
            }
            return new Adjusted(adjusted, ahead);
        }

        double[] reseasonalise(double[] f) {
            double[] out = new double[f.length];
            for (int k = 0; k < f.length; k++) {
                out[k] = f[k] * ahead[k];
            }
            return out;
        }
    }

    /** Naive (Naive1): the last value at every step. */
    public static double[] naive(double[] y, int h) {
        double[] f = new double[h];
        Arrays.fill(f, y[y.length - 1]);
        return f;
    }

    /** Seasonal naive: the value one season before each step; the naive forecast for m ≤ 1 or under one season. */
    public static double[] seasonalNaive(double[] y, int m, int h) {
        if (m <= 1 || y.length < m) {
            return naive(y, h);
        }
        double[] f = new double[h];
        for (int k = 0; k < h; k++) {
            f[k] = y[y.length - m + (k % m)];
        }
        return f;
    }

    /** Naive2: the naive forecast of the seasonally adjusted series, seasonalised again. */
    public static double[] naive2(double[] y, int m, int h) {
        Adjusted a = Adjusted.of(y, m, h);
        return a.reseasonalise(naive(a.series(), h));
    }

    /** SES on the seasonally adjusted series ({@link Ses}), seasonalised again. */
    public static double[] ses(double[] y, int m, int h) {
        Adjusted a = Adjusted.of(y, m, h);
        return a.reseasonalise(Ses.fit(a.series()).forecast(h));
    }

    /**
     * The Theta method as the M4 organisers ran it ({@code Theta.classic}; Assimakopoulos &amp;
     * Nikolopoulos 2000): on the seasonally adjusted series, the least-squares line on t = 1 … n (theta
     * line 0) and the series with its curvature doubled, 2y − line (theta line 2), forecast by SES; the
     * forecast is the mean of the extrapolated line and the SES forecast of line 2, seasonalised again.
     */
    public static double[] theta(double[] y, int m, int h) {
        Adjusted a = Adjusted.of(y, m, h);
        double[] x = a.series();
        int n = x.length;
        // least squares of x on t = 1 … n
        double meanT = (n + 1) / 2.0;
        double meanX = 0;
        for (double v : x) {
            meanX += v;
        }
        meanX /= n;
        double sxy = 0;
        double sxx = 0;
        for (int t = 1; t <= n; t++) {
            sxy += (t - meanT) * (x[t - 1] - meanX);
            sxx += (t - meanT) * (t - meanT);
        }
        double slope = sxx == 0 ? 0 : sxy / sxx;
        double intercept = meanX - slope * meanT;
        double[] line2 = new double[n];
        for (int t = 1; t <= n; t++) {
            line2[t - 1] = 2 * x[t - 1] - (intercept + slope * t);
        }
        double[] ses = Ses.fit(line2).forecast(h);
        double[] f = new double[h];
        for (int k = 0; k < h; k++) {
            f[k] = 0.5 * ses[k] + 0.5 * (intercept + slope * (n + 1 + k));
        }
        return a.reseasonalise(f);
    }
}
