package quant.core.clv;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegrator;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegratorFactory;
import org.apache.commons.math3.special.Gamma;
import quant.core.stats.MaximumLikelihood;
import quant.core.stats.ModelFitException;

/**
 * The Pareto/NBD model of repeat buying (Schmittlein, Morrison &amp; Colombo 1987, "Counting your
 * customers: who are they and what will they do next?", Management Science 33(1)): while alive, a
 * customer buys as a Poisson process with rate λ ~ gamma(r, α) across customers, and lives for an
 * exponential time with rate μ ~ gamma(s, β), independent of λ.
 *
 * <p>The likelihood of a customer with x repeat purchases, the last at t_x, observed until T, is as
 * in Fader &amp; Hardie's note "A note on deriving the Pareto/NBD model and related expressions"
 * (2005):
 *
 * <pre>
 * L = Γ(r+x) α^r β^s / Γ(r) · [ 1 / ((α+T)^(r+x) (β+T)^s) + s/(r+s+x) · A₀ ]
 * A₀ = ₂F₁(r+s+x, s+1; r+s+x+1; (α−β)/(α+t_x)) / (α+t_x)^(r+s+x)
 *    − ₂F₁(r+s+x, s+1; r+s+x+1; (α−β)/(α+T)) / (α+T)^(r+s+x)              when α ≥ β,
 * </pre>
 *
 * and with (s+1, α) replaced by (r+x, β) and α−β by β−α when α &lt; β. The second term is the chance
 * that the customer died at some τ in (t_x, T]; it equals s · ∫ (α+τ)^−(r+x) (β+τ)^−(s+1) dτ over
 * that interval. The hypergeometric series is used while its argument is at most {@value #SERIES_MAX_Z}
 * (it then converges to full precision in about 50 terms); nearer 1 — when min(α, β) + t_x is small
 * against |α − β| — the series converges too slowly, and the same integral is computed by
 * Gauss–Legendre quadrature in u = ln(min(α, β) + τ), where the integrand is smooth. Both are scaled
 * by the integrand at t_x, so nothing underflows for large x. Parameters are estimated as
 * {@link MaximumLikelihood} describes. On CDNOW
 * the note reports r = 0.55, α = 10.58, s = 0.61, β = 11.67 and log L = −9595.0.
 *
 * @param r shape of the gamma distribution of purchase rates
 * @param alpha scale of the gamma distribution of purchase rates (in the data's time unit)
 * @param s shape of the gamma distribution of death rates
 * @param beta scale of the gamma distribution of death rates (in the data's time unit)
 */
public record ParetoNbd(double r, double alpha, double s, double beta) implements RepeatModel {
    /** Fewer customers with a repeat purchase than this and the fit is refused as too thin. */
    public static final int MIN_REPEATERS = 20;

    /** The largest argument at which ₂F₁ is summed as a series; beyond it the integral is used. */
    static final double SERIES_MAX_Z = 0.5;

    private static final String[] NAMES = {"r", "alpha", "s", "beta"};
    private static final int NODES = 12;
    private static final GaussIntegrator LEGENDRE = new GaussIntegratorFactory().legendre(NODES, -1, 1);

    public ParetoNbd {
        if (!(r > 0 && alpha > 0 && s > 0 && beta > 0) || !Double.isFinite(r + alpha + s + beta)) {
            throw new IllegalArgumentException("Pareto/NBD parameters must be positive and finite");
        }
    }

    /** The parameters by the papers' names, in their order. */
    public Map<String, Double> params() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("r", r);
        m.put("alpha", alpha);
        m.put("s", s);
        m.put("beta", beta);
        return m;
    }

    /** A maximum-likelihood estimate; standard errors are NaN where the Hessian is not positive definite. */
    public record Fit(ParetoNbd model, double logLikelihood, Map<String, Double> standardErrors, int evaluations) {}

    /** The log-likelihood of the data: the sum over customers of ln L above. */
    public double logLikelihood(CustomerSummaries data) {
        return logLikelihood(new double[] {r, alpha, s, beta}, data);
    }

    static double logLikelihood(double[] p, CustomerSummaries data) {
        double r = p[0];
        double alpha = p[1];
        double s = p[2];
        double beta = p[3];
        double lnHead = r * Math.log(alpha) + s * Math.log(beta) - Gamma.logGamma(r);
        double[] xs = data.distinctX();
        double[] lnGammaRX = new double[xs.length];
        for (int k = 0; k < xs.length; k++) {
            lnGammaRX[k] = Gamma.logGamma(r + xs[k]);
        }
        return ChunkedSum.sum(data.groups(), (from, to) -> {
            double sum = 0;
            for (int i = from; i < to; i++) {
                int k = data.xIndex(i);
                double x = xs[k];
                double bigT = data.groupT(i);
                double lnAlive = lnAlive(r, alpha, s, beta, x, bigT);
                double lnDied = Math.log(s) + lnDeathIntegral(r + x, alpha, s + 1, beta, data.groupTx(i), bigT);
                sum += data.weight(i) * (lnGammaRX[k] + lnHead + logAddExp(lnAlive, lnDied));
            }
            return sum;
        });
    }

    private static double lnAlive(double r, double alpha, double s, double beta, double x, double bigT) {
        return -(r + x) * Math.log(alpha + bigT) - s * Math.log(beta + bigT);
    }

    private static double logAddExp(double u, double v) {
        if (u == Double.NEGATIVE_INFINITY) {
            return v;
        }
        if (v == Double.NEGATIVE_INFINITY) {
            return u;
        }
        double hi = Math.max(u, v);
        return hi + Math.log1p(Math.exp(Math.min(u, v) - hi));
    }

    /**
     * ln ∫_{from}^{to} (α+τ)^−p (β+τ)^−q dτ, −∞ when the interval is empty. By the closed form with
     * ₂F₁ when its argument is small, by Gauss–Legendre in u = ln(min(α, β) + τ) otherwise.
     */
    static double lnDeathIntegral(double p, double alpha, double q, double beta, double from, double to) {
        if (!(to > from)) {
            return Double.NEGATIVE_INFINITY;
        }
        double c = p + q - 1;
        double big = Math.max(alpha, beta);
        double gap = Math.abs(alpha - beta);
        double z0 = gap / (big + from);
        double lnF0 = -p * Math.log(alpha + from) - q * Math.log(beta + from);
        if (z0 <= SERIES_MAX_Z) {
            // ∫ = [F(from)/(big+from)^c − F(to)/(big+to)^c] / c, F(τ) = ₂F₁(c, b'; c+1; gap/(big+τ)),
            // b' = q when α ≥ β (the factor with β is expanded), p otherwise.
            double bPrime = alpha >= beta ? q : p;
            double fFrom = Hypergeometric.f21(c, bPrime, c + 1, z0);
            double fTo = Hypergeometric.f21(c, bPrime, c + 1, gap / (big + to));
            double lnRatio = c * Math.log((big + from) / (big + to));
            double diff = fFrom - fTo * Math.exp(lnRatio);
            if (diff > 1e-8 * fFrom) {
                return -c * Math.log(big + from) + Math.log(diff) - Math.log(c);
            }
            // The two terms almost cancel (t_x close to T): the quadrature below has no cancellation.
        }
        return lnF0 + Math.log(scaledQuadrature(p, alpha, q, beta, from, to, lnF0));
    }

    /** ∫ (α+τ)^−p (β+τ)^−q dτ / f(from), in panels of at most 1 in u = ln(m+τ), m = min(α, β). */
    private static double scaledQuadrature(
            double p, double alpha, double q, double beta, double from, double to, double lnF0) {
        double m = Math.min(alpha, beta);
        double u0 = Math.log(m + from);
        double u1 = Math.log(m + to);
        int panels = Math.max(1, (int) Math.ceil(u1 - u0));
        double width = (u1 - u0) / panels;
        double total = 0;
        for (int k = 0; k < panels; k++) {
            double mid = u0 + (k + 0.5) * width;
            double panel = 0;
            for (int n = 0; n < NODES; n++) {
                double u = mid + 0.5 * width * LEGENDRE.getPoint(n);
                double e = Math.exp(u);
                double tau = e - m;
                double lnF = -p * Math.log(alpha + tau) - q * Math.log(beta + tau);
                panel += LEGENDRE.getWeight(n) * e * Math.exp(lnF - lnF0);
            }
            total += 0.5 * width * panel;
        }
        return total;
    }

    /**
     * Fits the model by maximum likelihood.
     *
     * @throws ModelFitException when the data are too thin (fewer than {@value #MIN_REPEATERS}
     *     customers with a repeat purchase), the optimizer does not converge, or the estimate lies on
     *     the edge of the search box
     */
    public static Fit fit(CustomerSummaries data) {
        long repeaters = data.repeaters();
        if (repeaters < MIN_REPEATERS) {
            throw new ModelFitException("The Pareto/NBD model needs at least " + MIN_REPEATERS
                    + " customers with a repeat purchase; these data have " + repeaters + ".");
        }
        double meanRate = data.meanRepeatRate();
        // Start from a purchase rate matching the data's average and lifetimes of the order of T.
        double[] start = {0, Math.log(1 / Math.max(meanRate, 1e-6)), 0, Math.log(data.meanT())};
        MaximumLikelihood.Estimate e;
        try {
            e = MaximumLikelihood.fit(
                    "Pareto/NBD",
                    NAMES,
                    start,
                    new double[] {-10, -10, -10, -10},
                    new double[] {10, 15, 10, 15},
                    p -> logLikelihood(p, data));
        } catch (ModelFitException edge) {
            if ("s".equals(edge.edgeParameter()) || "beta".equals(edge.edgeParameter())) {
                // s, β → ∞ with s/β fixed: every customer drops out at one common rate
                throw new ModelFitException(
                        edge.getMessage()
                                .replace(
                                        ": the model does not describe these data.",
                                        ": customers hardly differ in how fast they drop out, which the model's spread of"
                                                + " dropout rates only reaches in the limit; it is not used."),
                        edge.edgeParameter(),
                        edge.edgeEstimate(),
                        edge.edgeLogLikelihood());
            }
            throw edge;
        }
        double[] p = e.params();
        return new Fit(new ParetoNbd(p[0], p[1], p[2], p[3]), e.logLikelihood(), e.standardErrors(), e.evaluations());
    }

    /**
     * The probability that a customer with history (x, t_x, T) is still alive at T (Fader &amp; Hardie
     * 2005 note, eq. 11): the "alive through T" term of L over the whole bracket.
     */
    public double pAlive(double x, double tx, double bigT) {
        double lnAlive = lnAlive(r, alpha, s, beta, x, bigT);
        double lnDied = Math.log(s) + lnDeathIntegral(r + x, alpha, s + 1, beta, tx, bigT);
        return 1 / (1 + Math.exp(lnDied - lnAlive));
    }

    /**
     * Expected repeat purchases in (0, t] of a customer just acquired (Schmittlein et al. 1987):
     * r β / (α (s−1)) · [1 − (β/(β+t))^(s−1)], which is r β / α · ln((β+t)/β) at s = 1.
     */
    public double expectedPurchases(double t) {
        return r / alpha * beta * powerIntegral(s - 1, Math.log1p(t / beta));
    }

    /**
     * Expected purchases in the next {@code t} periods of a customer with history (x, t_x, T) (Fader
     * &amp; Hardie 2005 note, eq. 12):
     *
     * <pre>
     * E[Y(t) | x, t_x, T] = (r+x)(β+T) / ((α+T)(s−1)) · [1 − ((β+T)/(β+T+t))^(s−1)] · P(alive)
     * </pre>
     *
     * with the bracket over (s−1) taken as its limit ln((β+T+t)/(β+T)) at s = 1.
     */
    public double conditionalExpectedPurchases(double t, double x, double tx, double bigT) {
        double head = (r + x) * (beta + bigT) / (alpha + bigT);
        return head * powerIntegral(s - 1, Math.log1p(t / (beta + bigT))) * pAlive(x, tx, bigT);
    }

    /** [1 − e^(−k·L)] / k, and L at k = 0, without cancellation near k = 0. */
    private static double powerIntegral(double k, double lnGrowth) {
        if (Math.abs(k) < 1e-12) {
            return lnGrowth;
        }
        return -Math.expm1(-k * lnGrowth) / k;
    }
}
