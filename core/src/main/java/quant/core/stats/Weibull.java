package quant.core.stats;

import java.util.Locale;
import java.util.Map;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;
import org.apache.commons.math3.optim.univariate.UnivariatePointValuePair;

/**
 * The Weibull distribution of a time to failure, S(t) = exp(−(t/θ)^k) with shape k and scale θ; its
 * hazard k/θ · (t/θ)^(k−1) rises with age when k &gt; 1 (wear-out), is constant at k = 1 and falls when
 * k &lt; 1 (early failures).
 *
 * <p>{@link #fit} estimates k and θ by maximum likelihood from failure times, right-censored times and
 * delayed entries (left truncation): a subject observed from age e_i to t_i contributes
 * f(t_i)/S(e_i) when it failed at t_i and S(t_i)/S(e_i) when it was still running, so
 *
 * <pre>
 * ln L = Σ_failed [ln k − k ln θ + (k − 1) ln t_i] − θ^(−k) Σ_all (t_i^k − e_i^k)
 * </pre>
 *
 * (Lawless, "Statistical Models and Methods for Lifetime Data", 2nd ed. 2003, §4.1, with truncation as
 * in §2.4). For a given k the scale that maximises it is θ^k = Σ_all (t_i^k − e_i^k) / D, D the number
 * of failures, which leaves a one-dimensional profile in k, maximised by Brent's method over ln k. The
 * 95 % intervals are exp(ln k̂ ± 1.96 · se(ln k̂)) and likewise for θ, the standard errors from the
 * observed information (the Hessian of −ln L, by central differences). On the Lieblein–Zelen
 * ball-bearing failures the estimate is k = 2.10, θ = 81.9 million revolutions.
 */
public record Weibull(double shape, double scale) {
    private static final double Z95 = 1.959963984540054;
    private static final double MIN_LN_SHAPE = Math.log(0.02);
    private static final double MAX_LN_SHAPE = Math.log(50);

    public Weibull {
        if (!(shape > 0 && scale > 0) || !Double.isFinite(shape) || !Double.isFinite(scale)) {
            throw new IllegalArgumentException("Weibull shape and scale must be positive and finite");
        }
    }

    /**
     * A maximum-likelihood fit.
     *
     * @param shapeLower the 95 % interval of the shape, lower bound (likewise the others)
     * @param events failures the fit rests on
     * @param subjects subjects (failed or censored)
     */
    public record Fit(
            Weibull model,
            double logLikelihood,
            double shapeLower,
            double shapeUpper,
            double scaleLower,
            double scaleUpper,
            int events,
            int subjects) {}

    /** S(t) = exp(−(t/θ)^k). */
    public double survival(double t) {
        return t <= 0 ? 1 : Math.exp(-Math.pow(t / scale, shape));
    }

    /** The mean time to failure θ Γ(1 + 1/k). */
    public double mean() {
        return scale * Math.exp(org.apache.commons.math3.special.Gamma.logGamma(1 + 1 / shape));
    }

    /**
     * The probability of failing within {@code h} of age {@code age}, having survived to it: 1 −
     * S(age + h)/S(age) = 1 − exp((age/θ)^k − ((age + h)/θ)^k).
     */
    public double conditionalFailure(double age, double h) {
        double a = Math.max(0, age);
        return -Math.expm1(Math.pow(a / scale, shape) - Math.pow((a + h) / scale, shape));
    }

    /**
     * The age from which the chance of failing within {@code h} reaches {@code p}: 0 when it already does
     * at age 0; +∞ when it never does (for k ≤ 1 the chance does not grow with age, and for k &gt; 1 it
     * grows without bound, so a crossing exists). Solved by bisection on the increasing conditional
     * probability.
     */
    public double ageAtRisk(double h, double p) {
        if (conditionalFailure(0, h) >= p) {
            return 0;
        }
        if (shape <= 1) {
            return Double.POSITIVE_INFINITY;
        }
        double lo = 0;
        double hi = scale;
        while (conditionalFailure(hi, h) < p) {
            hi *= 2;
        }
        for (int i = 0; i < 200 && hi - lo > 1e-9 * hi; i++) {
            double mid = (lo + hi) / 2;
            if (conditionalFailure(mid, h) < p) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return hi;
    }

    /**
     * Fits k and θ by maximum likelihood.
     *
     * @param time each subject's age at failure or at censoring
     * @param failed whether it failed then
     * @param entry its age when observation began, or null when all were observed from age 0
     * @throws IllegalArgumentException when the columns differ in length or a time is not after its entry
     * @throws ModelFitException with one sentence when there are fewer than two failures, or the shape runs
     *     to the edge of the search (all failures at one age, or no information on the shape)
     */
    public static Fit fit(double[] time, boolean[] failed, double[] entry) {
        int n = time.length;
        if (failed.length != n || (entry != null && entry.length != n)) {
            throw new IllegalArgumentException("time, event and entry need one value per subject");
        }
        double largest = 0;
        int d = 0;
        for (int i = 0; i < n; i++) {
            double e = entry == null ? 0 : entry[i];
            if (!(Double.isFinite(time[i]) && time[i] > 0 && e >= 0 && e < time[i])) {
                throw new IllegalArgumentException("Subject " + (i + 1) + " has time " + time[i]
                        + (entry == null ? "" : " and entry " + e) + ": times must be positive and after the entry.");
            }
            largest = Math.max(largest, time[i]);
            d += failed[i] ? 1 : 0;
        }
        if (d < 2) {
            throw new ModelFitException("A Weibull fit needs at least two failures; these data have " + d + ".");
        }
        // times in units of the largest, so that t^k neither overflows nor underflows
        double[] t = new double[n];
        double[] e = new double[n];
        double sumLnFailed = 0;
        for (int i = 0; i < n; i++) {
            t[i] = time[i] / largest;
            e[i] = entry == null ? 0 : entry[i] / largest;
            if (failed[i]) {
                sumLnFailed += Math.log(t[i]);
            }
        }
        int events = d;
        double lnFailed = sumLnFailed;
        BrentOptimizer brent = new BrentOptimizer(1e-12, 1e-14);
        UnivariatePointValuePair best = brent.optimize(
                new MaxEval(10_000),
                new UnivariateObjectiveFunction(lnK -> profile(Math.exp(lnK), t, e, events, lnFailed)),
                GoalType.MAXIMIZE,
                new SearchInterval(MIN_LN_SHAPE, MAX_LN_SHAPE, 0));
        double lnK = best.getPoint();
        if (lnK <= MIN_LN_SHAPE + 1e-3 || lnK >= MAX_LN_SHAPE - 1e-3) {
            throw new ModelFitException(String.format(
                    Locale.ROOT,
                    "The Weibull fit ran to the edge of its shape (%s): the %d failures do not show how the"
                            + " failure rate changes with age.",
                    lnK >= MAX_LN_SHAPE - 1e-3 ? "the failures all at nearly one age" : "a shape near 0",
                    events));
        }
        double k = Math.exp(lnK);
        double scaleUnits = Math.pow(sumPowers(k, t, e) / events, 1 / k);
        double scale = scaleUnits * largest;
        double[] natural = {k, scale};
        Map<String, Double> se = MaximumLikelihood.standardErrors(
                new String[] {"shape", "scale"}, natural, p -> logLikelihood(p[0], p[1], time, failed, entry));
        double seLnK = se.get("shape") / k;
        double seLnTheta = se.get("scale") / scale;
        return new Fit(
                new Weibull(k, scale),
                logLikelihood(k, scale, time, failed, entry),
                k * Math.exp(-Z95 * seLnK),
                k * Math.exp(Z95 * seLnK),
                scale * Math.exp(-Z95 * seLnTheta),
                scale * Math.exp(Z95 * seLnTheta),
                events,
                n);
    }

    /** The profile log-likelihood at shape k, up to a constant: D ln k − D ln(A/D) + (k − 1) Σ ln t − D. */
    private static double profile(double k, double[] t, double[] e, int d, double sumLnFailed) {
        double a = sumPowers(k, t, e);
        return d * Math.log(k) - d * Math.log(a / d) + (k - 1) * sumLnFailed - d;
    }

    private static double sumPowers(double k, double[] t, double[] e) {
        double a = 0;
        for (int i = 0; i < t.length; i++) {
            a += Math.pow(t[i], k) - (e[i] > 0 ? Math.pow(e[i], k) : 0);
        }
        return a;
    }

    /** ln L at (k, θ), in the data's own units. */
    public static double logLikelihood(double k, double theta, double[] time, boolean[] failed, double[] entry) {
        double ll = 0;
        for (int i = 0; i < time.length; i++) {
            double e = entry == null ? 0 : entry[i];
            if (failed[i]) {
                ll += Math.log(k) - k * Math.log(theta) + (k - 1) * Math.log(time[i]);
            }
            ll -= Math.pow(time[i] / theta, k) - (e > 0 ? Math.pow(e / theta, k) : 0);
        }
        return ll;
    }
}
