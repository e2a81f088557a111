package quant.core.churn;

import java.time.LocalDate;
import java.util.List;
import quant.core.analysis.AsOf;

/**
 * Churn risk of the active customers, from explainable factors weighted by a logistic model trained
 * on history.
 *
 * @param activeCustomers customers passing the filter with a purchase in the inactivity window before the as-of date
 * @param factors each factor's weight (coefficient per standard deviation) and what it means
 * @param candidates the factors tried beside the last year's (lasting ones, the segment) and whether
 *     each raised the time-split ROC AUC enough to be kept
 * @param validation how the model trained on the older period did on the next one, or null with the reason in {@code note}
 * @param levels the risk levels with their thresholds, interventions and counts
 * @param customers the call list: active customers, highest value at risk first
 */
public record ChurnRiskResult(
        AsOf asOf,
        int inactivityDays,
        int activeCustomers,
        List<Factor> factors,
        List<Candidate> candidates,
        Validation validation,
        List<Level> levels,
        List<CustomerRisk> customers,
        String note,
        List<String> definitions)
        implements quant.core.analysis.Dated {

    /**
     * @param label the factor's short name for a table, e.g. "Ever a callback"
     * @param weight the final model's coefficient per standard deviation of the factor: + raises churn
     * @param oddsRatio e^weight: how the odds of churning change per standard deviation
     * @param unit the step {@code oddsRatioPerUnit} is for: "callback", "30 days", …
     * @param oddsRatioPerUnit how the odds of churning change per unit: per callback, per 30 days, …
     * @param meanActive the factor's mean among the active customers now
     */
    public record Factor(
            String name,
            String label,
            String description,
            double weight,
            double oddsRatio,
            String unit,
            double oddsRatioPerUnit,
            double meanActive) {}

    /**
     * A factor tried beside the ones already in the model.
     *
     * @param factor the factor, or {@code segment} for the segment's columns together
     * @param aucBefore the time-split ROC AUC of the model without it, when it was tried
     * @param aucWith with it
     * @param kept whether it raised the AUC by at least the threshold and was kept
     */
    public record Candidate(String factor, double aucBefore, double aucWith, boolean kept) {}

    /**
     * The time-based check: features at {@code trainCut} with labels from the window after it train the
     * model; features at {@code testCut} with labels from the window after that test it.
     *
     * @param auc ROC AUC on the test period
     * @param churnRate the test period's share of churners
     * @param calibration predicted against observed churn by decile of prediction
     */
    public record Validation(
            LocalDate trainCut,
            int trainCustomers,
            LocalDate testCut,
            int testCustomers,
            double auc,
            double accuracy,
            double churnRate,
            List<Roc.CalibrationBin> calibration) {}

    /** A risk level: customers with a churn probability of at least {@code from} get the intervention. */
    public record Level(String level, double from, String intervention, int customers) {}

    /**
     * One active customer.
     *
     * @param phone the customer's phone number to call, or null
     * @param email the customer's e-mail address, or null
     * @param churnProbability of no purchase in the next window (the logistic model)
     * @param pAlive BG/NBD's probability that the customer is still active, or null when it could not be fitted
     * @param marginLastYear margin of the customer's completed jobs in the 365 days to the as-of date
     * @param valueAtRisk churn probability × margin of the last year
     * @param reasons the factors that raise this customer's risk most, in words
     */
    public record CustomerRisk(
            long id,
            String name,
            String phone,
            String email,
            String segment,
            double churnProbability,
            String level,
            String intervention,
            Double pAlive,
            double marginLastYear,
            double valueAtRisk,
            LocalDate lastPurchase,
            double[] factors,
            List<String> reasons) {}
}
