package quant.core.clv;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.math3.special.Gamma;
import quant.core.stats.MaximumLikelihood;
import quant.core.stats.ModelFitException;

/**
 * The BG/NBD model of repeat buying (Fader, Hardie &amp; Lee 2005, "Counting your customers the easy
 * way: an alternative to the Pareto/NBD model", Marketing Science 24(2)): while alive, a customer
 * buys as a Poisson process whose rate is gamma(r, α) across customers; after each purchase the
 * customer drops out with a probability that is beta(a, b) across customers.
 *
 * <p>A customer is summarised by x (repeat purchases in the calibration period), t_x (time of the
 * last purchase) and T (time since the first purchase), all in the same unit (weeks for CDNOW). The
 * likelihood of one customer is:
 *
 * <pre>
 * L = B(a, b+x)/B(a, b) · Γ(r+x) α^r / (Γ(r) (α+T)^(r+x))
 *   + [x &gt; 0] · B(a+1, b+x−1)/B(a, b) · Γ(r+x) α^r / (Γ(r) (α+t_x)^(r+x))
 * </pre>
 *
 * computed in logs, the two terms added with log-sum-exp. The four parameters are estimated by
 * maximum likelihood as {@link MaximumLikelihood} describes (BOBYQA over the logarithms, standard
 * errors from the numerical Hessian). On the CDNOW calibration data the paper reports r = 0.243, α = 4.414, a = 0.793,
 * b = 2.426 and log L = −9582.4.
 *
 * @param r shape of the gamma distribution of purchase rates
 * @param alpha scale of the gamma distribution of purchase rates (in the data's time unit)
 * @param a first shape of the beta distribution of the drop-out probability
 * @param b second shape of the beta distribution of the drop-out probability
 */
public record BgNbd(double r, double alpha, double a, double b) implements RepeatModel {
    /** Fewer customers with a repeat purchase than this and the fit is refused as too thin. */
    public static final int MIN_REPEATERS = 20;

    public BgNbd {
        if (!(r > 0 && alpha > 0 && a > 0 && b > 0) || !Double.isFinite(r + alpha + a + b)) {
            throw new IllegalArgumentException("BG/NBD parameters must be positive and finite");
        }
    }

    /** The parameters by the paper's names, in its order. */
    public Map<String, Double> params() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("r", r);
        m.put("alpha", alpha);
        m.put("a", a);
        m.put("b", b);
        return m;
    }

    /**
     * A maximum-likelihood estimate.
     *
     * @param standardErrors by parameter name, from the numerical Hessian; NaN where it is not
     *     positive definite there
     * @param evaluations evaluations of the likelihood the optimizer used
     */
    public record Fit(BgNbd model, double logLikelihood, Map<String, Double> standardErrors, int evaluations) {}

    /** The log-likelihood of the data under this model: the sum over customers of the log of L above. */
    public double logLikelihood(CustomerSummaries data) {
        return logLikelihood(r, alpha, a, b, data);
    }

    static double logLikelihood(double r, double alpha, double a, double b, CustomerSummaries data) {
        double lnBetaAB = Gamma.logGamma(a) + Gamma.logGamma(b) - Gamma.logGamma(a + b);
        double lnGammaR = Gamma.logGamma(r);
        double lnAlpha = Math.log(alpha);
        double lnGammaA = Gamma.logGamma(a);
        double lnGammaA1 = Gamma.logGamma(a + 1);
        // The gamma-function terms depend on x only: once per distinct x, not once per customer.
        double[] xs = data.distinctX();
        double[] lnCommon = new double[xs.length];
        double[] lnAlive = new double[xs.length];
        double[] lnDropped = new double[xs.length];
        for (int k = 0; k < xs.length; k++) {
            double x = xs[k];
            double lnGammaABX = Gamma.logGamma(a + b + x);
            lnCommon[k] = Gamma.logGamma(r + x) - lnGammaR + r * lnAlpha;
            lnAlive[k] = lnGammaA + Gamma.logGamma(b + x) - lnGammaABX - lnBetaAB;
            lnDropped[k] = x > 0 ? lnGammaA1 + Gamma.logGamma(b + x - 1) - lnGammaABX - lnBetaAB : 0;
        }
        return ChunkedSum.sum(data.groups(), (from, to) -> {
            double sum = 0;
            for (int i = from; i < to; i++) {
                int k = data.xIndex(i);
                double x = xs[k];
                double alive = lnAlive[k] - (r + x) * Math.log(alpha + data.groupT(i));
                double term = alive;
                if (x > 0) {
                    double dropped = lnDropped[k] - (r + x) * Math.log(alpha + data.groupTx(i));
                    double hi = Math.max(alive, dropped);
                    term = hi + Math.log(Math.exp(alive - hi) + Math.exp(dropped - hi));
                }
                sum += data.weight(i) * (lnCommon[k] + term);
            }
            return sum;
        });
    }

    /**
     * Fits the model by maximum likelihood.
     *
     * @throws ModelFitException when the data are too thin (fewer than {@value #MIN_REPEATERS}
     *     customers with a repeat purchase), the optimizer does not converge, or the estimate lies on
     *     the edge of the search box (a parameter heading to 0 or infinity): the model does not
     *     describe these data and a simpler method should be used
     */
    public static Fit fit(CustomerSummaries data) {
        long repeaters = data.repeaters();
        if (repeaters < MIN_REPEATERS) {
            throw new ModelFitException("The BG/NBD model needs at least " + MIN_REPEATERS
                    + " customers with a repeat purchase; these data have " + repeaters + ".");
        }
        double meanRate = data.meanRepeatRate();
        // Start from a purchase rate matching the data's average and a moderate drop-out.
        double[] start = {0, Math.log(1 / Math.max(meanRate, 1e-6)), 0, 0};
        MaximumLikelihood.Estimate e = MaximumLikelihood.fit(
                "BG/NBD",
                NAMES,
                start,
                new double[] {-12, -12, -12, -12},
                new double[] {12, 15, 12, 12},
                p -> logLikelihood(p[0], p[1], p[2], p[3], data));
        double[] p = e.params();
        return new Fit(new BgNbd(p[0], p[1], p[2], p[3]), e.logLikelihood(), e.standardErrors(), e.evaluations());
    }

    private static final String[] NAMES = {"r", "alpha", "a", "b"};

    /**
     * The probability that a customer with this history is still alive at T (Fader, Hardie &amp; Lee
     * 2005): 1 / (1 + [x &gt; 0] · a/(b+x−1) · ((α+T)/(α+t_x))^(r+x)).
     */
    public double pAlive(double x, double tx, double t) {
        if (x == 0) {
            return 1;
        }
        double lnRatio = Math.log(a / (b + x - 1)) + (r + x) * Math.log((alpha + t) / (alpha + tx));
        return 1 / (1 + Math.exp(lnRatio));
    }

    /**
     * Expected repeat purchases in (0, t] of a customer just acquired (Fader, Hardie &amp; Lee 2005):
     * (a+b−1)/(a−1) · [1 − (α/(α+t))^r · ₂F₁(r, b; a+b−1; t/(α+t))]. At a = 1 both factors'
     * singularities cancel; there the value is the mean of a = 1 ± 10⁻⁶.
     */
    public double expectedPurchases(double t) {
        if (Math.abs(a - 1) < 1e-9) {
            return (new BgNbd(r, alpha, 1 + 1e-6, b).expectedPurchases(t)
                            + new BgNbd(r, alpha, 1 - 1e-6, b).expectedPurchases(t))
                    / 2;
        }
        double z = t / (alpha + t);
        return (a + b - 1) / (a - 1) * (1 - Math.pow(alpha / (alpha + t), r) * Hypergeometric.f21(r, b, a + b - 1, z));
    }

    /**
     * Expected purchases in the next {@code t} periods of a customer with history (x, t_x, T)
     * (Fader, Hardie &amp; Lee 2005):
     *
     * <pre>
     * E[Y(t) | x, t_x, T] = (a+b+x−1)/(a−1) · [1 − ((α+T)/(α+T+t))^(r+x) · ₂F₁(r+x, b+x; a+b+x−1; t/(α+T+t))]
     *                      / (1 + [x &gt; 0] · a/(b+x−1) · ((α+T)/(α+t_x))^(r+x))
     * </pre>
     *
     * At a = 1, the mean of a = 1 ± 10⁻⁶ (the singularities cancel).
     */
    public double conditionalExpectedPurchases(double t, double x, double tx, double bigT) {
        if (Math.abs(a - 1) < 1e-9) {
            return (new BgNbd(r, alpha, 1 + 1e-6, b).conditionalExpectedPurchases(t, x, tx, bigT)
                            + new BgNbd(r, alpha, 1 - 1e-6, b).conditionalExpectedPurchases(t, x, tx, bigT))
                    / 2;
        }
        double z = t / (alpha + bigT + t);
        double head = (a + b + x - 1) / (a - 1);
        double tail = 1
                - Math.pow((alpha + bigT) / (alpha + bigT + t), r + x)
                        * Hypergeometric.f21(r + x, b + x, a + b + x - 1, z);
        return head * tail * pAlive(x, tx, bigT);
    }
}
