package quant.core.clv;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import quant.core.analysis.InvalidSpecException;
import quant.core.stats.ModelFitException;

/** Fitting and predicting with a {@link ClvModel} on customer summaries: what {@code quant clv fit/predict} print. */
public final class ClvFits {
    private ClvFits() {}

    /**
     * A maximum-likelihood fit.
     *
     * @param model the model's key ("bgnbd")
     * @param params by the papers' names
     * @param standardErrors by the same names
     * @param customers customers the likelihood used (for Gamma-Gamma: those with a repeat purchase)
     * @param evaluations likelihood evaluations of the optimizer
     */
    public record Report(
            String model,
            Map<String, Double> params,
            double logLikelihood,
            Map<String, Double> standardErrors,
            int customers,
            int evaluations) {}

    /**
     * One customer's prediction.
     *
     * @param expectedTransactions expected repeat purchases in the horizon
     * @param pAlive probability that the customer is still active at T
     */
    public record CustomerPrediction(
            String id, double x, double tx, double t, double expectedTransactions, double pAlive) {}

    /**
     * Predictions for every customer of a file.
     *
     * @param horizon periods ahead, in the summaries' time unit
     */
    public record Prediction(
            String model,
            Map<String, Double> params,
            double horizon,
            List<CustomerPrediction> customers,
            double totalExpectedTransactions) {}

    /** A fitted transaction model and its report. */
    public record Fitted(RepeatModel model, Report report) {}

    /**
     * Fits BG/NBD or Pareto/NBD.
     *
     * @throws InvalidSpecException for Gamma-Gamma, which models spend, not transactions
     * @throws ModelFitException when the data are too thin or the fit fails
     */
    public static Fitted fitTransactions(ClvModel model, CustomerSummaries s) {
        return switch (model) {
            case BGNBD -> {
                BgNbd.Fit f = BgNbd.fit(s);
                yield new Fitted(
                        f.model(),
                        new Report(
                                model.key(),
                                f.model().params(),
                                f.logLikelihood(),
                                f.standardErrors(),
                                s.size(),
                                f.evaluations()));
            }
            case PARETO_NBD -> {
                ParetoNbd.Fit f = ParetoNbd.fit(s);
                yield new Fitted(
                        f.model(),
                        new Report(
                                model.key(),
                                f.model().params(),
                                f.logLikelihood(),
                                f.standardErrors(),
                                s.size(),
                                f.evaluations()));
            }
            case GAMMA_GAMMA ->
                throw new InvalidSpecException(
                        "Gamma-Gamma predicts spend, not transactions: use bgnbd or pareto-nbd.");
        };
    }

    /**
     * Fits the model.
     *
     * @throws InvalidSpecException when Gamma-Gamma is asked for on a file without mean values
     * @throws ModelFitException when the data are too thin or the fit fails
     */
    public static Report fit(ClvModel model, SummaryCsv data) {
        CustomerSummaries s = data.summaries();
        return switch (model) {
            case BGNBD, PARETO_NBD -> fitTransactions(model, s).report();
            case GAMMA_GAMMA -> {
                double[] zbar = data.zbar()
                        .orElseThrow(() -> new InvalidSpecException(
                                "The Gamma-Gamma model needs the mean value of repeat purchases: a zbar or"
                                        + " monetary_value column, or a value column in the transactions."));
                double[] x = new double[s.size()];
                for (int i = 0; i < x.length; i++) {
                    x[i] = s.x(i);
                }
                GammaGamma.Fit f = GammaGamma.fit(x, zbar);
                yield new Report(
                        model.key(),
                        f.model().params(),
                        f.logLikelihood(),
                        f.standardErrors(),
                        f.customers(),
                        f.evaluations());
            }
        };
    }

    /**
     * Fits a transaction model and predicts each customer's purchases in the next {@code horizon} periods.
     *
     * @throws InvalidSpecException for Gamma-Gamma (it predicts spend, not transactions) or a horizon that is not positive
     */
    public static Prediction predict(ClvModel model, SummaryCsv data, double horizon) {
        if (!model.countsTransactions()) {
            throw new InvalidSpecException(
                    "clv predict needs bgnbd or pareto-nbd: Gamma-Gamma predicts spend, not transactions.");
        }
        if (!(horizon > 0) || !Double.isFinite(horizon)) {
            throw new InvalidSpecException("The horizon must be a positive number of periods, not " + horizon + ".");
        }
        CustomerSummaries s = data.summaries();
        RepeatModel m = model == ClvModel.BGNBD
                ? BgNbd.fit(s).model()
                : ParetoNbd.fit(s).model();
        List<CustomerPrediction> out = new ArrayList<>(s.size());
        double total = 0;
        for (int i = 0; i < s.size(); i++) {
            double e = m.conditionalExpectedPurchases(horizon, s.x(i), s.tx(i), s.t(i));
            total += e;
            out.add(new CustomerPrediction(
                    data.ids().get(i), s.x(i), s.tx(i), s.t(i), e, m.pAlive(s.x(i), s.tx(i), s.t(i))));
        }
        return new Prediction(model.key(), m.params(), horizon, out, total);
    }
}
