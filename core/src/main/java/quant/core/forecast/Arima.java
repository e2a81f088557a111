package quant.core.forecast;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.math3.complex.Complex;
import quant.core.stats.NelderMead;

/**
 * A seasonal ARIMA(p,d,q)(P,D,Q)[m] model, φ(B)Φ(B^m)(1−B)^d(1−B^m)^D (x_t − μ t-terms) = θ(B)Θ(B^m) e_t,
 * fitted as R's {@code stats::arima} does (Box, Jenkins, Reinsel &amp; Ljung, "Time Series Analysis",
 * 5th ed., 2015; Gardner, Harvey &amp; Phillips, "Algorithm AS 154", Applied Statistics 29, 1980):
 *
 * <ul>
 *   <li>the series is differenced and the ARMA part fitted to the differences w, with a mean when
 *       d + D = 0 or a drift (a mean of w) when d + D = 1 — equivalent to R's diffuse prior on the
 *       undifferenced states;
 *   <li>conditional sum of squares (CSS: residuals from the start of the series with earlier errors 0,
 *       σ² = SSE / (N − p − mP)) for starting values or alone, then exact Gaussian maximum likelihood
 *       by the Kalman filter on the state-space form of the ARMA, started from its stationary
 *       covariance; σ² concentrated out, −2 log L = N log(2πσ²) + Σ log F_t + N;
 *   <li>the AR parts kept stationary during the search by R's reparametrisation (tanh of each free
 *       value as a partial autocorrelation, mapped to coefficients by the Durbin–Levinson recursion);
 *   <li>AIC = −2 log L + 2k and AICc = AIC + 2k(k+1)/(N − k − 1), k = p + q + P + Q + [constant] + 1,
 *       N = n − d − Dm, as in {@code forecast::Arima}.
 * </ul>
 *
 * Forecasts carry the filtered state forward and undo the differencing; intervals are analytic from
 * the ψ-weights of the whole integrated model, var_h = σ² Σ_{j&lt;h} ψ_j².
 */
public final class Arima {
    /** The orders; {@code constant} is a mean (d + D = 0) or a drift (d + D = 1). */
    public record Order(int p, int d, int q, int sp, int sd, int sq, int m, boolean constant) {
        public String label() {
            String s = "ARIMA(" + p + "," + d + "," + q + ")";
            if (m > 1 && (sp + sd + sq) > 0) {
                s += "(" + sp + "," + sd + "," + sq + ")[" + m + "]";
            }
            if (constant) {
                s += d + sd == 0 ? " with mean" : " with drift";
            }
            return s;
        }

        int coefficients() {
            return p + q + sp + sq + (constant ? 1 : 0);
        }
    }

    private final Order order;
    private final double[] x;
    private final double[] coef;
    private final double sigma2;
    private final double minus2LogLik;
    private final boolean css;
    private final int used;

    private Arima(Order order, double[] x, double[] coef, double sigma2, double minus2LogLik, boolean css, int used) {
        this.order = order;
        this.x = x;
        this.coef = coef;
        this.sigma2 = sigma2;
        this.minus2LogLik = minus2LogLik;
        this.css = css;
        this.used = used;
    }

    /**
     * Fits the model by CSS then exact maximum likelihood, or by CSS alone.
     *
     * @throws IllegalArgumentException when the series is too short or the fit fails
     */
    public static Arima fit(double[] x, Order order, boolean cssOnly) {
        double[] w = difference(x, order);
        int k = order.coefficients();
        if (w.length <= k + 2) {
            throw new IllegalArgumentException(order.label() + " needs more than " + (k + 2)
                    + " points after differencing; the series leaves " + w.length + ".");
        }
        ArimaModel model = new ArimaModel(order, w);
        double[] start = new double[k];
        if (order.constant()) {
            start[k - 1] = Arrays.stream(w).average().orElse(0);
        }
        double meanStep = 0.1 * Math.max(1e-8, standardDeviation(w));
        double[] cssPoint = minimise(model::css, start, meanStep, order.constant(), cssOnly ? 1_500 : 600);
        if (cssOnly) {
            double s2 = model.cssSigma2(cssPoint);
            double m2ll = model.cssUsed(cssPoint) * Math.log(s2);
            return new Arima(order, x, cssPoint, s2, m2ll, true, w.length);
        }
        // from the CSS optimum the likelihood needs only refining; on long series each evaluation costs
        // O(n r²), so the budget shrinks with the length
        int budget = w.length > 300 ? 300 : 1_000;
        double[] mlPoint = minimise(v -> model.exact(v).minus2LogLik(), cssPoint, meanStep, order.constant(), budget);
        invertMa(mlPoint, order.p(), order.q());
        invertMa(mlPoint, order.p() + order.q() + order.sp(), order.sq());
        ArimaModel.Likelihood lik = model.exact(mlPoint);
        if (!Double.isFinite(lik.minus2LogLik())) {
            throw new IllegalArgumentException(order.label() + " could not be fitted by maximum likelihood.");
        }
        // forecast::Arima's variance: the squared standardised innovations over N − k + 1
        double sigma2 = lik.sigma2() * w.length / (w.length - k);
        return new Arima(order, x, mlPoint, sigma2, lik.minus2LogLik(), false, w.length);
    }

    /**
     * Nelder–Mead from {@code start} (steps 0.1, a tenth of the spread for the mean), restarted once
     * from its answer; relative tolerance 10⁻⁸ and a bounded budget, as R bounds {@code optim} — an
     * over-parametrised model with cancelling roots has flat directions that would take forever.
     */
    private static double[] minimise(
            java.util.function.ToDoubleFunction<double[]> f,
            double[] start,
            double meanStep,
            boolean constant,
            int budget) {
        if (start.length == 0) {
            return start;
        }
        double[] steps = new double[start.length];
        Arrays.fill(steps, 0.1);
        if (constant) {
            steps[steps.length - 1] = meanStep;
        }
        double[] point = start;
        for (int pass = 0; pass < 2; pass++) {
            point = NelderMead.minimise(f, point, steps, pass == 0 ? budget : budget / 3, 1e-8);
        }
        return point;
    }

    static double standardDeviation(double[] w) {
        double mean = Arrays.stream(w).average().orElse(0);
        double s = 0;
        for (double v : w) {
            s += (v - mean) * (v - mean);
        }
        return Math.sqrt(s / Math.max(1, w.length - 1));
    }

    /**
     * R's {@code maInvert}: an MA polynomial with roots inside the unit circle has the same likelihood
     * as the one with those roots replaced by their reciprocals; the invertible one is kept. Works in
     * place on {@code length} coefficients starting at {@code from}.
     */
    static void invertMa(double[] v, int from, int length) {
        int q0 = length;
        while (q0 > 0 && v[from + q0 - 1] == 0) {
            q0--;
        }
        if (q0 == 0) {
            return;
        }
        Complex[] inverse = InverseRoots.of(java.util.Arrays.copyOfRange(v, from, from + q0));
        boolean inside = false;
        for (int i = 0; i < inverse.length; i++) {
            if (inverse[i].abs() > 1) {
                inside = true;
                inverse[i] = Complex.ONE.divide(inverse[i]);
            }
        }
        if (!inside) {
            return;
        }
        double[] c = InverseRoots.coefficients(inverse);
        System.arraycopy(c, 0, v, from, q0);
    }

    /** The series differenced D times at lag m, then d times at lag 1. */
    static double[] difference(double[] x, Order o) {
        double[] w = x;
        for (int i = 0; i < o.sd(); i++) {
            w = difference(w, o.m());
        }
        for (int i = 0; i < o.d(); i++) {
            w = difference(w, 1);
        }
        return w;
    }

    static double[] difference(double[] x, int lag) {
        if (x.length <= lag) {
            return new double[0];
        }
        double[] out = new double[x.length - lag];
        for (int t = lag; t < x.length; t++) {
            out[t - lag] = x[t] - x[t - lag];
        }
        return out;
    }

    public Order order() {
        return order;
    }

    public double sigma2() {
        return sigma2;
    }

    /** −2 log L (exact, or the CSS approximation N' log σ² for a CSS-only fit). */
    public double minus2LogLik() {
        return minus2LogLik;
    }

    public boolean cssOnly() {
        return css;
    }

    public double aic() {
        return minus2LogLik + 2 * (order.coefficients() + 1);
    }

    public double aicc() {
        int k = order.coefficients() + 1;
        return used - k - 1 > 0 ? aic() + 2.0 * k * (k + 1) / (used - k - 1) : Double.POSITIVE_INFINITY;
    }

    /**
     * The smallest modulus among the roots of the expanded AR and MA polynomials (2 when there are
     * none); R's {@code auto.arima} rejects a model whose roots come within 1.01 of the unit circle.
     */
    public double smallestRoot() {
        ArimaModel model = new ArimaModel(order, new double[0]);
        model.expand(coef);
        return Math.min(smallestRoot(model.phi, -1), smallestRoot(model.theta, 1));
    }

    private static double smallestRoot(double[] c, double sign) {
        int last = c.length;
        while (last > 0 && Math.abs(c[last - 1]) <= 1e-8) {
            last--;
        }
        double[] poly = new double[last];
        for (int i = 0; i < last; i++) {
            poly[i] = sign * c[i];
        }
        double min = 2;
        for (Complex inverse : InverseRoots.of(poly)) {
            min = Math.min(min, 1 / inverse.abs());
        }
        return min;
    }

    public Map<String, Double> parameters() {
        Map<String, Double> p = new LinkedHashMap<>();
        ArimaModel model = new ArimaModel(order, new double[0]);
        double[][] parts = model.parts(coef);
        put(p, "ar", parts[0]);
        put(p, "ma", parts[1]);
        put(p, "sar", parts[2]);
        put(p, "sma", parts[3]);
        if (order.constant()) {
            p.put(order.d() + order.sd() == 0 ? "mean" : "drift", coef[coef.length - 1] / driftDivisor());
        }
        p.put("sigma2", sigma2);
        return p;
    }

    /** The mean of w is m·drift after one seasonal difference, drift after one ordinary one. */
    private double driftDivisor() {
        return order.sd() == 1 && order.d() == 0 ? order.m() : 1;
    }

    private static void put(Map<String, Double> p, String name, double[] values) {
        for (int i = 0; i < values.length; i++) {
            p.put(name + (i + 1), values[i]);
        }
    }

    /** Forecast with analytic intervals. */
    public Forecast forecast(int h, int[] levels) {
        double[] w = difference(x, order);
        ArimaModel model = new ArimaModel(order, w);
        double[] wAhead = model.predict(coef, h);
        // undo the differencing: δ(B) x_t = w_t with δ(B) = (1 − B)^d (1 − B^m)^D
        double[] delta = differencingPolynomial(order);
        double[] all = Arrays.copyOf(x, x.length + h);
        for (int k = 0; k < h; k++) {
            int t = x.length + k;
            double v = wAhead[k];
            for (int i = 1; i < delta.length; i++) {
                v -= delta[i] * all[t - i];
            }
            all[t] = v;
        }
        double[] mean = Arrays.copyOfRange(all, x.length, x.length + h);
        double[] psi = psiWeights(model, delta, h);
        double[] sd = new double[h];
        double sum = 0;
        for (int k = 0; k < h; k++) {
            sum += psi[k] * psi[k];
            sd[k] = Math.sqrt(sigma2 * sum);
        }
        return new Forecast(order.label(), parameters(), mean, Bands.normal(mean, sd, levels), "analytic");
    }

    /** Coefficients of δ(B) = (1 − B)^d (1 − B^m)^D, δ_0 = 1. */
    static double[] differencingPolynomial(Order o) {
        double[] poly = {1};
        for (int i = 0; i < o.d(); i++) {
            poly = multiply(poly, lagPolynomial(1));
        }
        for (int i = 0; i < o.sd(); i++) {
            poly = multiply(poly, lagPolynomial(o.m()));
        }
        return poly;
    }

    private static double[] lagPolynomial(int lag) {
        double[] p = new double[lag + 1];
        p[0] = 1;
        p[lag] = -1;
        return p;
    }

    private static double[] multiply(double[] a, double[] b) {
        double[] c = new double[a.length + b.length - 1];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < b.length; j++) {
                c[i + j] += a[i] * b[j];
            }
        }
        return c;
    }

    /** ψ_0 … ψ_{h−1} of θ(B)Θ(B^m) / (φ(B)Φ(B^m)δ(B)). */
    private double[] psiWeights(ArimaModel model, double[] delta, int h) {
        model.expand(coef);
        double[] arPoly = new double[model.phi.length + 1];
        arPoly[0] = 1;
        for (int i = 0; i < model.phi.length; i++) {
            arPoly[i + 1] = -model.phi[i];
        }
        double[] full = multiply(arPoly, delta);
        double[] psi = new double[h];
        for (int j = 0; j < h; j++) {
            double v = j == 0 ? 1 : (j - 1 < model.theta.length ? model.theta[j - 1] : 0);
            for (int i = 1; i <= j && i < full.length; i++) {
                v -= full[i] * psi[j - i];
            }
            psi[j] = v;
        }
        return psi;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s AICc %.2f", order.label(), aicc());
    }
}
