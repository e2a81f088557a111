package quant.core.clv;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.math3.special.Gamma;
import quant.core.stats.MaximumLikelihood;
import quant.core.stats.ModelFitException;

/**
 * The gamma-gamma model of spend per transaction (Fader, Hardie &amp; Lee 2005, "RFM and CLV: using
 * iso-value curves for customer base analysis", Journal of Marketing Research 42(4); the likelihood
 * as in Fader &amp; Hardie's 2013 note "The Gamma-Gamma Model of Monetary Value"): a customer's
 * transaction values are gamma(p, ν) around their own mean, and ν is gamma(q, γ) across customers.
 * For a customer with x repeat transactions of mean value z̄, the likelihood is
 *
 * <pre>
 * f(z̄ | x) = Γ(px+q) / (Γ(px) Γ(q)) · γ^q · x^(px) · z̄^(px−1) / (γ + x z̄)^(px+q)
 * </pre>
 *
 * computed in logs; only customers with x &gt; 0 carry information. The parameters are estimated by
 * maximum likelihood over their logarithms with BOBYQA. On CDNOW the note reports p = 6.25,
 * q = 3.74, γ = 15.44. The model assumes spend does not depend on purchase frequency; check that
 * before combining it with BG/NBD.
 *
 * @param p shape of the gamma distribution of one customer's transaction values
 * @param q shape of the gamma distribution of ν across customers
 * @param gamma scale of the gamma distribution of ν across customers (in money)
 */
public record GammaGamma(double p, double q, double gamma) {
    /** Fewer customers with a repeat purchase than this and the fit is refused as too thin. */
    public static final int MIN_REPEATERS = 20;

    public GammaGamma {
        if (!(p > 0 && q > 0 && gamma > 0) || !Double.isFinite(p + q + gamma)) {
            throw new IllegalArgumentException("Gamma-Gamma parameters must be positive and finite");
        }
    }

    /** The parameters by the note's names, in its order. */
    public Map<String, Double> params() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("p", p);
        m.put("q", q);
        m.put("gamma", gamma);
        return m;
    }

    /** A maximum-likelihood estimate and the customers it used. */
    public record Fit(
            GammaGamma model,
            double logLikelihood,
            Map<String, Double> standardErrors,
            int customers,
            int evaluations) {}

    /** The log-likelihood of the customers with x &gt; 0 (others are left out: they carry no spend). */
    public static double logLikelihood(double p, double q, double gamma, double[] x, double[] zbar) {
        return new Prepared(x, zbar).logLikelihood(p, q, gamma);
    }

    /**
     * The repeat buyers' data arranged for many likelihood evaluations: the terms that depend on x
     * only (two log-gammas and px·ln x) are computed once per distinct x, ln z̄ once per customer.
     */
    private static final class Prepared {
        private final double[] xs;
        private final double[] lnXs;
        private final int[] xIndex;
        private final double[] x;
        private final double[] zbar;
        private final double[] lnZbar;
        private final double[] weight;

        /** Repeat buyers with the same (x, z̄) add the same term: each pair is kept once, with a count. */
        private record Pair(double x, double zbar) {}

        Prepared(double[] allX, double[] allZbar) {
            java.util.Map<Pair, Integer> pairs = new java.util.LinkedHashMap<>();
            for (int i = 0; i < allX.length; i++) {
                if (allX[i] > 0) {
                    pairs.merge(new Pair(allX[i], allZbar[i]), 1, Integer::sum);
                }
            }
            int n = pairs.size();
            x = new double[n];
            zbar = new double[n];
            weight = new double[n];
            int k = 0;
            for (var e : pairs.entrySet()) {
                x[k] = e.getKey().x();
                zbar[k] = e.getKey().zbar();
                weight[k] = e.getValue();
                k++;
            }
            xs = java.util.Arrays.stream(x).distinct().sorted().toArray();
            lnXs = new double[xs.length];
            for (int j = 0; j < xs.length; j++) {
                lnXs[j] = Math.log(xs[j]);
            }
            xIndex = new int[n];
            lnZbar = new double[n];
            for (int i = 0; i < n; i++) {
                xIndex[i] = java.util.Arrays.binarySearch(xs, x[i]);
                lnZbar[i] = Math.log(zbar[i]);
            }
        }

        double logLikelihood(double p, double q, double gamma) {
            double lnGammaQ = Gamma.logGamma(q);
            double qLnGamma = q * Math.log(gamma);
            double[] byX = new double[xs.length];
            for (int j = 0; j < xs.length; j++) {
                double px = p * xs[j];
                byX[j] = Gamma.logGamma(px + q) - Gamma.logGamma(px) - lnGammaQ + qLnGamma + px * lnXs[j];
            }
            return ChunkedSum.sum(x.length, (from, to) -> {
                double sum = 0;
                for (int i = from; i < to; i++) {
                    double px = p * x[i];
                    sum += weight[i]
                            * (byX[xIndex[i]] + (px - 1) * lnZbar[i] - (px + q) * Math.log(gamma + x[i] * zbar[i]));
                }
                return sum;
            });
        }
    }

    /**
     * Fits the model to customers' repeat-transaction counts and mean values.
     *
     * @throws IllegalArgumentException when a customer with x &gt; 0 has a mean value that is not positive
     * @throws ModelFitException when fewer than {@value #MIN_REPEATERS} customers have a repeat
     *     purchase, the fit does not converge, or runs to the edge of its parameters
     */
    public static Fit fit(double[] x, double[] zbar) {
        int n = 0;
        double meanSpend = 0;
        for (int i = 0; i < x.length; i++) {
            if (x[i] > 0) {
                if (!(zbar[i] > 0) || !Double.isFinite(zbar[i])) {
                    throw new IllegalArgumentException("Customer " + (i + 1) + " has " + x[i]
                            + " repeat purchases but a mean value of " + zbar[i] + "; it must be positive.");
                }
                n++;
                meanSpend += zbar[i];
            }
        }
        if (n < MIN_REPEATERS) {
            throw new ModelFitException("The Gamma-Gamma model needs at least " + MIN_REPEATERS
                    + " customers with a repeat purchase; these data have " + n + ".");
        }
        meanSpend /= n;
        Prepared data = new Prepared(x, zbar);
        java.util.function.ToDoubleFunction<double[]> prepared = v -> data.logLikelihood(v[0], v[1], v[2]);
        MaximumLikelihood.Estimate e = MaximumLikelihood.fit(
                "Gamma-Gamma",
                new String[] {"p", "q", "gamma"},
                new double[] {0, 0, Math.log(meanSpend)},
                new double[] {-10, -10, -10},
                new double[] {10, 10, Math.log(meanSpend) + 15},
                prepared);
        double[] v = e.params();
        return new Fit(new GammaGamma(v[0], v[1], v[2]), e.logLikelihood(), e.standardErrors(), n, e.evaluations());
    }

    /**
     * The expected value of a customer's transactions given x of them with mean z̄ (the note's
     * conditional expectation): a weighted mean of the population mean γp/(q−1) and the customer's
     * own mean, (q−1)/(px+q−1) · γp/(q−1) + px/(px+q−1) · z̄. With x = 0 it is the population mean.
     * Defined for q &gt; 1 (the population mean is infinite otherwise): NaN then.
     */
    public double expectedSpend(double x, double zbar) {
        if (q <= 1) {
            return Double.NaN;
        }
        double populationMean = gamma * p / (q - 1);
        if (x <= 0) {
            return populationMean;
        }
        double weight = (q - 1) / (p * x + q - 1);
        return weight * populationMean + (1 - weight) * zbar;
    }
}
