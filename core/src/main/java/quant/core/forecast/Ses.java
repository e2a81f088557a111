package quant.core.forecast;

import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;
import org.apache.commons.math3.optim.univariate.UnivariatePointValuePair;

/**
 * Simple exponential smoothing as the state-space model ETS(A,N,N) (Hyndman, Koehler, Ord &amp;
 * Snyder, "Forecasting with Exponential Smoothing", 2008, ch. 2): level ℓ_t = ℓ_{t−1} + α e_t with
 * one-step errors e_t = y_t − ℓ_{t−1}; the forecast at every horizon is the last level. α and the
 * initial level ℓ_0 maximise the Gaussian likelihood, i.e. minimise the sum of squared one-step
 * errors. For a given α the errors are linear in ℓ_0 (e_t = a_t − (1−α)^{t−1}·ℓ_0·… ), so ℓ_0 has a
 * closed-form least-squares value and α alone is searched, by Brent's method on [10⁻⁴, 0.9999] (the
 * bounds of R's {@code forecast::ets}).
 *
 * @param alpha smoothing weight of the level
 * @param initialLevel ℓ_0
 * @param level ℓ_n, the forecast
 * @param sse sum of squared one-step errors
 */
public record Ses(double alpha, double initialLevel, double level, double sse) {
    static final double MIN_ALPHA = 1e-4;
    static final double MAX_ALPHA = 0.9999;

    /**
     * Fits the model.
     *
     * @throws IllegalArgumentException for fewer than two points
     */
    public static Ses fit(double[] y) {
        if (y.length < 2) {
            throw new IllegalArgumentException("simple exponential smoothing needs at least two points");
        }
        UnivariatePointValuePair best = new BrentOptimizer(1e-10, 1e-12)
                .optimize(
                        new MaxEval(1_000),
                        new UnivariateObjectiveFunction(a -> at(y, a).sse()),
                        GoalType.MINIMIZE,
                        new SearchInterval(MIN_ALPHA, MAX_ALPHA, 0.5));
        Ses inside = at(y, best.getPoint());
        // Brent never evaluates the ends of the interval; a boundary optimum is common (α → 1 on a random walk)
        for (double edge : new double[] {MIN_ALPHA, MAX_ALPHA}) {
            Ses e = at(y, edge);
            if (e.sse() < inside.sse()) {
                inside = e;
            }
        }
        return inside;
    }

    /**
     * The model with smoothing weight {@code alpha} and the least-squares initial level. With
     * ℓ_t = (1−α)^t ℓ_0 + c_t, where c_t smooths the data from c_0 = 0, the error e_t = y_t − c_{t−1} −
     * (1−α)^{t−1} ℓ_0 is linear in ℓ_0.
     */
    static Ses at(double[] y, double alpha) {
        double beta = 1 - alpha;
        double c = 0;
        double w = 1;
        double sumWu = 0;
        double sumWw = 0;
        for (double v : y) {
            double u = v - c; // error with ℓ_0 = 0
            sumWu += w * u;
            sumWw += w * w;
            c = c + alpha * u;
            w *= beta;
        }
        double l0 = sumWw == 0 ? y[0] : sumWu / sumWw;
        double level = l0;
        double sse = 0;
        for (double v : y) {
            double e = v - level;
            sse += e * e;
            level += alpha * e;
        }
        return new Ses(alpha, l0, level, sse);
    }

    /** The forecast for {@code h} steps: the last level at every step. */
    public double[] forecast(int h) {
        double[] f = new double[h];
        java.util.Arrays.fill(f, level);
        return f;
    }
}
