package quant.core.forecast;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.SimplexOptimizer;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;

/**
 * Methods for intermittent demand, where many periods have none.
 *
 * <ul>
 *   <li>Croston (J. D. Croston, "Forecasting and stock control for intermittent demands", Operational
 *       Research Quarterly 23(3), 1972): the non-zero sizes z and the intervals p between them are
 *       smoothed with the same weight α, updated only in periods with demand; the forecast rate is
 *       z / p.
 *   <li>TSB (Teunter, Syntetos &amp; Babai, "Intermittent demand: linking forecasting to inventory
 *       obsolescence", EJOR 214(3), 2011): the probability of demand π is smoothed every period with
 *       β, the size with α when there is demand; the forecast is π · z, so a run of zeros lowers it.
 * </ul>
 *
 * Weights minimise the in-sample squared one-step error, within [0.01, 0.5]. The forecast is flat;
 * intervals are empirical: at step k the quantiles of the errors y_{t+k} − f_t of every earlier
 * forecast, added to the forecast and floored at 0.
 */
final class Intermittent {
    static final double LOW = 0.01;
    static final double HIGH = 0.5;

    private Intermittent() {}

    /** True when at least a third of the periods have no demand and some have some (the Croston/TSB domain). */
    static boolean isIntermittent(double[] y) {
        int zeros = 0;
        for (double v : y) {
            if (v == 0) {
                zeros++;
            }
        }
        return zeros * 3 >= y.length && zeros < y.length;
    }

    static Forecast croston(double[] y, int h, int[] levels) {
        check(y, "Croston");
        var best = new BrentOptimizer(1e-8, 1e-10)
                .optimize(
                        new MaxEval(500),
                        new UnivariateObjectiveFunction(a -> sse(crostonPath(y, a), y)),
                        GoalType.MINIMIZE,
                        new SearchInterval(LOW, HIGH, 0.1));
        double alpha = best.getPoint();
        double[] path = crostonPath(y, alpha);
        Map<String, Double> p = new LinkedHashMap<>();
        p.put("alpha", alpha);
        return flat("Croston", p, path, y, h, levels);
    }

    static Forecast tsb(double[] y, int h, int[] levels) {
        check(y, "TSB");
        PointValuePair best = new SimplexOptimizer(1e-9, 1e-12)
                .optimize(
                        new MaxEval(2_000),
                        new ObjectiveFunction(x -> sse(tsbPath(y, bound(x[0]), bound(x[1])), y)),
                        GoalType.MINIMIZE,
                        new InitialGuess(new double[] {-1, -1}),
                        new NelderMeadSimplex(new double[] {1, 1}));
        double alpha = bound(best.getPoint()[0]);
        double beta = bound(best.getPoint()[1]);
        Map<String, Double> p = new LinkedHashMap<>();
        p.put("alpha", alpha);
        p.put("beta", beta);
        return flat("TSB", p, tsbPath(y, alpha, beta), y, h, levels);
    }

    private static double bound(double x) {
        return LOW + (HIGH - LOW) / (1 + Math.exp(-x));
    }

    private static void check(double[] y, String method) {
        Baselines.requireLength(y, 3, method);
        for (double v : y) {
            if (v < 0) {
                throw new IllegalArgumentException(
                        method + " is for demand counts and sizes; the series has negative values.");
            }
        }
        if (Arrays.stream(y).allMatch(v -> v == 0)) {
            throw new IllegalArgumentException(method + " needs at least one period with demand.");
        }
    }

    /**
     * f[t] is the forecast made after seeing y[0..t−1] (f[0] from the starting values: the first
     * size and the position of the first demand); f[n] is the forecast ahead.
     */
    static double[] crostonPath(double[] y, double alpha) {
        int first = 0;
        while (y[first] == 0) {
            first++;
        }
        double z = y[first];
        double p = first + 1;
        int since = 0;
        double[] f = new double[y.length + 1];
        for (int t = 0; t < y.length; t++) {
            f[t] = z / p;
            since++;
            if (y[t] > 0) {
                z += alpha * (y[t] - z);
                p += alpha * (since - p);
                since = 0;
            }
        }
        f[y.length] = z / p;
        return f;
    }

    static double[] tsbPath(double[] y, double alpha, double beta) {
        int nonZero = 0;
        double sum = 0;
        for (double v : y) {
            if (v > 0) {
                nonZero++;
                sum += v;
            }
        }
        double z = sum / nonZero;
        double pi = nonZero / (double) y.length;
        double[] f = new double[y.length + 1];
        for (int t = 0; t < y.length; t++) {
            f[t] = pi * z;
            if (y[t] > 0) {
                pi += beta * (1 - pi);
                z += alpha * (y[t] - z);
            } else {
                pi -= beta * pi;
            }
        }
        f[y.length] = pi * z;
        return f;
    }

    private static double sse(double[] path, double[] y) {
        double s = 0;
        for (int t = 0; t < y.length; t++) {
            double e = y[t] - path[t];
            s += e * e;
        }
        return s;
    }

    private static Forecast flat(
            String model, Map<String, Double> parameters, double[] path, double[] y, int h, int[] levels) {
        double[] mean = new double[h];
        Arrays.fill(mean, path[y.length]);
        return new Forecast(model, parameters, mean, empiricalFlat(path, y, mean, levels), "empirical");
    }

    /**
     * Empirical intervals for a flat forecast: the errors y_{t+k} − f_t of the in-sample forecasts at
     * each step k (at least ten of them, else the pooled errors of all steps), their quantiles added to
     * the forecast, floored at 0.
     */
    static List<Forecast.Band> empiricalFlat(double[] path, double[] y, double[] mean, int[] levels) {
        int h = mean.length;
        int n = y.length;
        double[][] errors = new double[h][];
        List<Double> pooled = new ArrayList<>();
        for (int k = 1; k <= h; k++) {
            int count = Math.max(0, n - k + 1);
            double[] e = new double[count];
            for (int t = 0; t < count; t++) {
                e[t] = y[t + k - 1] - path[t];
            }
            Arrays.sort(e);
            errors[k - 1] = e;
            for (double v : e) {
                pooled.add(v);
            }
        }
        double[] all = pooled.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        List<Forecast.Band> out = new ArrayList<>();
        for (int level : Bands.sorted(levels)) {
            double[] lower = new double[h];
            double[] upper = new double[h];
            for (int k = 0; k < h; k++) {
                double[] e = errors[k].length >= 10 ? errors[k] : all;
                lower[k] = Math.max(0, mean[k] + Bands.quantile(e, 0.5 - level / 200.0));
                upper[k] = Math.max(0, mean[k] + Bands.quantile(e, 0.5 + level / 200.0));
            }
            out.add(new Forecast.Band(level, lower, upper));
        }
        return out;
    }
}
