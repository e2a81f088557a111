package quant.core.forecast;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The simple methods with their prediction intervals (Hyndman &amp; Athanasopoulos, "Forecasting:
 * Principles and Practice", 3rd ed., §5.5, table 5.2, for the random-walk family). The
 * non-seasonal smoothing methods — Naive2, SES, Holt, damped trend and Theta — work as in the M4
 * benchmarks: on the series seasonally adjusted when the M4 test finds a season
 * ({@link Benchmarks.Adjusted}); their forecasts and intervals are multiplied back by the seasonal
 * indexes ahead.
 */
final class Baselines {
    private Baselines() {}

    /** Naive: σ² the mean squared one-step change; sd at step k = σ√k. */
    static Forecast naive(double[] y, int h, int[] levels) {
        return randomWalk("Naive", y, h, levels);
    }

    private static Forecast randomWalk(String model, double[] y, int h, int[] levels) {
        requireLength(y, 2, model);
        double sigma = Math.sqrt(meanSquaredChange(y, 1, 0));
        double[] mean = Benchmarks.naive(y, h);
        double[] sd = new double[h];
        for (int k = 1; k <= h; k++) {
            sd[k - 1] = sigma * Math.sqrt(k);
        }
        return new Forecast(model, Map.of("sigma", sigma), mean, Bands.normal(mean, sd, levels), "analytic");
    }

    /** Seasonal naive: σ² the mean squared change over one season; sd = σ√(⌊(k−1)/m⌋ + 1). */
    static Forecast seasonalNaive(double[] y, int m, int h, int[] levels) {
        if (m <= 1 || y.length <= m) {
            return randomWalk("Naive (shorter than two seasons)", y, h, levels);
        }
        double sigma = Math.sqrt(meanSquaredChange(y, m, 0));
        double[] mean = Benchmarks.seasonalNaive(y, m, h);
        double[] sd = new double[h];
        for (int k = 1; k <= h; k++) {
            sd[k - 1] = sigma * Math.sqrt((k - 1) / m + 1);
        }
        return new Forecast(
                "Seasonal naive[" + m + "]", Map.of("sigma", sigma), mean, Bands.normal(mean, sd, levels), "analytic");
    }

    /**
     * Drift: the last value plus the mean change per period, c = (y_n − y_1)/(n − 1); σ² from the
     * changes less c (divisor n − 2); sd = σ√(k(1 + k/(n − 1))).
     */
    static Forecast drift(double[] y, int h, int[] levels) {
        requireLength(y, 3, "Drift");
        int n = y.length;
        double c = (y[n - 1] - y[0]) / (n - 1);
        double sigma = Math.sqrt(meanSquaredChange(y, 1, c) * (n - 1) / (n - 2));
        double[] mean = new double[h];
        double[] sd = new double[h];
        for (int k = 1; k <= h; k++) {
            mean[k - 1] = y[n - 1] + k * c;
            sd[k - 1] = sigma * Math.sqrt(k * (1 + k / (double) (n - 1)));
        }
        Map<String, Double> p = new LinkedHashMap<>();
        p.put("drift", c);
        p.put("sigma", sigma);
        return new Forecast("Drift", p, mean, Bands.normal(mean, sd, levels), "analytic");
    }

    /** Naive2: the naive method on the seasonally adjusted series. */
    static Forecast naive2(double[] y, int m, int h, int[] levels, Structure structure) {
        Benchmarks.Adjusted a = structure.adjust(Method.NAIVE2, y, m, h);
        Forecast f = randomWalk("Naive2", a.series(), h, levels);
        return reseasonalise(f, a, "Naive2");
    }

    /** SES (ETS(A,N,N) by {@link Ses}); sd at step k = σ√(1 + α²(k − 1)), σ² = SSE/(n − 2). */
    static Forecast ses(double[] y, int m, int h, int[] levels, Structure structure) {
        requireLength(y, 3, "Simple exponential smoothing");
        Benchmarks.Adjusted a = structure.adjust(Method.SES, y, m, h);
        Ses fit = Ses.fit(a.series());
        double sigma = Math.sqrt(fit.sse() / (a.series().length - 2));
        double[] mean = fit.forecast(h);
        Map<String, Double> p = new LinkedHashMap<>();
        p.put("alpha", fit.alpha());
        p.put("l0", fit.initialLevel());
        p.put("sigma", sigma);
        Forecast f = new Forecast("SES", p, mean, Bands.normal(mean, sesSd(fit.alpha(), sigma, h), levels), "analytic");
        return reseasonalise(f, a, "SES");
    }

    static double[] sesSd(double alpha, double sigma, int h) {
        double[] sd = new double[h];
        for (int k = 1; k <= h; k++) {
            sd[k - 1] = sigma * Math.sqrt(1 + alpha * alpha * (k - 1));
        }
        return sd;
    }

    /** Holt (ETS(A,A,N)) or damped trend (ETS(A,Ad,N)) on the seasonally adjusted series. */
    static Forecast holt(double[] y, int m, int h, int[] levels, boolean damped, Structure structure) {
        Benchmarks.Adjusted a = structure.adjust(damped ? Method.DAMPED : Method.HOLT, y, m, h);
        Ets fit = Ets.fit(a.series(), 1, new Ets.Spec('A', damped ? 'D' : 'A', 'N'));
        return reseasonalise(fit.forecast(h, levels), a, damped ? "Damped trend" : "Holt");
    }

    /**
     * Theta as the M4 organisers ran it ({@link Benchmarks#theta}). Intervals: the Theta forecast is
     * SES with drift (Hyndman &amp; Billah, "Unmasking the Theta method", IJF 19(2), 2003), so they are
     * SES's on the adjusted series, centred on the Theta forecast.
     */
    static Forecast theta(double[] y, int m, int h, int[] levels, Structure structure) {
        requireLength(y, 3, "Theta");
        Benchmarks.Adjusted a = structure.adjust(Method.THETA, y, m, h);
        double[] mean = Benchmarks.theta(a.series(), 1, h);
        Ses fit = Ses.fit(a.series());
        double sigma = Math.sqrt(fit.sse() / (a.series().length - 2));
        Map<String, Double> p = new LinkedHashMap<>();
        p.put("alpha", fit.alpha());
        p.put("sigma", sigma);
        Forecast f =
                new Forecast("Theta", p, mean, Bands.normal(mean, sesSd(fit.alpha(), sigma, h), levels), "analytic");
        return reseasonalise(f, a, "Theta");
    }

    private static Forecast reseasonalise(Forecast f, Benchmarks.Adjusted a, String name) {
        boolean seasonal = false;
        for (double v : a.ahead()) {
            seasonal |= v != 1;
        }
        if (!seasonal) {
            return f;
        }
        List<Forecast.Band> bands = Bands.scale(f.bands(), a.ahead());
        return new Forecast(
                name + " (seasonally adjusted)", f.parameters(), a.reseasonalise(f.mean()), bands, f.intervalSource());
    }

    /** Mean of (y_t − y_{t−lag} − c)². */
    private static double meanSquaredChange(double[] y, int lag, double c) {
        double sum = 0;
        for (int t = lag; t < y.length; t++) {
            double d = y[t] - y[t - lag] - c;
            sum += d * d;
        }
        return sum / (y.length - lag);
    }

    static void requireLength(double[] y, int min, String method) {
        if (y.length < min) {
            throw new IllegalArgumentException(
                    method + " needs at least " + min + " points; the series has " + y.length + ".");
        }
    }
}
