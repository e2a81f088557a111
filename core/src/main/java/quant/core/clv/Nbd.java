package quant.core.clv;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.math3.special.Gamma;
import quant.core.stats.MaximumLikelihood;
import quant.core.stats.ModelFitException;

/**
 * The negative binomial model of repeat buying without dropout (Ehrenberg, "The pattern of consumer
 * purchases", Applied Statistics 8(1), 1959; Morrison &amp; Schmittlein, JBES 6(2), 1988): each customer
 * buys at a Poisson rate λ of their own, λ ~ Gamma(r, α), and never stops. It is the limit BG/NBD runs
 * to when its dropout parameter b heads to infinity (the chance of dropping out after a purchase goes
 * to 0): a fit at that edge says the customers do not drop out, and this model is then the honest one.
 *
 * <ul>
 *   <li>L(r, α | x, T) = Γ(r+x)/Γ(r) · α^r / (α+T)^(r+x) (up to T^x / x!, which does not depend on
 *       the parameters);
 *   <li>P(alive) = 1; E[X(t)] = r t / α; E[Y(t) | x, t_x, T] = (r + x) t / (α + T).
 * </ul>
 */
public record Nbd(double r, double alpha) implements RepeatModel {
    private static final String[] NAMES = {"r", "alpha"};

    /** A fit with its log-likelihood. */
    public record Fit(Nbd model, double logLikelihood, Map<String, Double> standardErrors) {}

    @Override
    public Map<String, Double> params() {
        Map<String, Double> p = new LinkedHashMap<>();
        p.put("r", r);
        p.put("alpha", alpha);
        return p;
    }

    @Override
    public double pAlive(double x, double tx, double bigT) {
        return 1;
    }

    @Override
    public double expectedPurchases(double t) {
        return r * t / alpha;
    }

    @Override
    public double conditionalExpectedPurchases(double t, double x, double tx, double bigT) {
        return (r + x) * t / (alpha + bigT);
    }

    static double logLikelihood(double r, double alpha, CustomerSummaries data) {
        double lnGammaR = Gamma.logGamma(r);
        double[] xs = data.distinctX();
        double[] lnCommon = new double[xs.length];
        for (int k = 0; k < xs.length; k++) {
            lnCommon[k] = Gamma.logGamma(r + xs[k]) - lnGammaR + r * Math.log(alpha);
        }
        double sum = 0;
        for (int i = 0; i < data.groups(); i++) {
            int k = data.xIndex(i);
            sum += data.weight(i) * (lnCommon[k] - (r + xs[k]) * Math.log(alpha + data.groupT(i)));
        }
        return sum;
    }

    /**
     * Fits r and α by maximum likelihood.
     *
     * @throws ModelFitException when the fit fails or runs to the edge of its parameters
     */
    public static Fit fit(CustomerSummaries data) {
        double meanRate = data.meanRepeatRate();
        MaximumLikelihood.Estimate e = MaximumLikelihood.fit(
                "NBD",
                NAMES,
                new double[] {0, Math.log(1 / Math.max(meanRate, 1e-6))},
                new double[] {-12, -12},
                new double[] {12, 15},
                p -> logLikelihood(p[0], p[1], data));
        double[] p = e.params();
        return new Fit(new Nbd(p[0], p[1]), e.logLikelihood(), e.standardErrors());
    }
}
