package quant.core.clv;

import java.time.LocalDate;
import java.util.List;
import quant.core.analysis.AsOf;

/**
 * Customer lifetime value by several methods side by side, each with its assumptions; money in the
 * data's currency, rates as fractions. Values a method could not produce are null, with the reason
 * in its {@code note}.
 *
 * @param customers customers in the analysis: passing the filter, with at least one transaction by the as-of date
 * @param historic revenue and margin to date
 * @param simpleFormula average margin per customer-month ÷ monthly churn
 * @param cohortCurve the average cohort's cumulative margin, extrapolated
 * @param probabilistic BG/NBD or Pareto/NBD with Gamma-Gamma, discounted and margin-adjusted
 * @param holdout the calibration/holdout check of the chosen transaction model, or null with the reason in {@code holdoutNote}
 * @param segmentFit the same holdout per customer segment, one fit for all against a fit per segment,
 *     and which values the customers; null without a model
 * @param bySegment the methods' per-customer figures by customer segment
 * @param customerValues one row per customer, highest future value first
 * @param recommended the method whose figure to quote: "probabilistic", "cohortCurve" or "simpleFormula"
 * @param recommendation why, in one sentence
 */
public record ClvResult(
        AsOf asOf,
        int horizonMonths,
        double annualDiscountRate,
        int inactivityDays,
        int customers,
        Historic historic,
        SimpleFormula simpleFormula,
        CohortCurve cohortCurve,
        Probabilistic probabilistic,
        HoldoutCheck holdout,
        String holdoutNote,
        SegmentFit segmentFit,
        List<SegmentValue> bySegment,
        List<CustomerValue> customerValues,
        String recommended,
        String recommendation,
        List<String> definitions)
        implements quant.core.analysis.Dated {

    /**
     * Value to date.
     *
     * @param meanRevenue revenue of completed jobs to the as-of date, per customer
     * @param meanMargin margin of completed jobs (callbacks' costs included), per customer
     * @param medianMargin the median customer's margin
     * @param totalMargin the sum over customers
     */
    public record Historic(double meanRevenue, double meanMargin, double medianMargin, double totalMargin) {}

    /**
     * CLV = m ÷ c: the margin of an average active customer-month over the monthly churn rate, i.e. the
     * margin of a customer with a geometric lifetime of mean 1/c months.
     *
     * @param marginPerCustomerMonth margin of the last 12 months ÷ Σ over its 12 month-ends of active customers
     * @param annualChurnRate of customers active a year before the as-of date, the share not active at it
     * @param monthlyChurnRate 1 − (1 − annual)^(1/12)
     * @param clv m ÷ c; null when no churn was observed (the formula has no bound)
     * @param assumptions in words
     * @param note why a figure is missing, or null
     */
    public record SimpleFormula(
            Double marginPerCustomerMonth,
            Double annualChurnRate,
            Double monthlyChurnRate,
            Double clv,
            List<String> assumptions,
            String note) {}

    /**
     * The average cohort's cumulative margin per customer by month of age, observed where at least
     * three cohorts are complete, then extrapolated with monthly increments A·e^(−k·age) fitted by
     * weighted least squares on the log increments.
     *
     * @param decayA A (margin per customer in month 0 of the fitted curve)
     * @param decayK k per month (0 when the increments do not fall with age)
     * @param rSquared of the log-linear fit
     * @param observedMonths ages with observed increments
     * @param clv discounted margin of a new customer over the horizon from acquisition
     * @param points cumulative margin per customer by age, observed then extrapolated (undiscounted)
     */
    public record CohortCurve(
            Double decayA,
            Double decayK,
            Double rSquared,
            int observedMonths,
            Double clv,
            List<CurvePoint> points,
            List<String> assumptions,
            String note) {}

    /** One age of the cohort curve. */
    public record CurvePoint(int age, double cumulativeMargin, boolean observed) {}

    /**
     * The probabilistic models, fitted on the customers' purchase days in weeks.
     *
     * @param model the transaction model used ("bgnbd" or "pareto-nbd"): the one with the higher
     *     likelihood (both have four parameters)
     * @param transactionFits both models' fits (a failed one is missing, its reason in {@code note})
     * @param spendFit Gamma-Gamma on the repeat purchases' mean revenue, or null
     * @param marginRatio margin ÷ revenue over the customers' completed jobs: future revenue is turned into margin by it
     * @param spendFrequencyCorrelation Pearson correlation of x and z̄ among repeat buyers: Gamma-Gamma assumes it is near 0
     * @param meanClv mean of the customers' future discounted margin over the horizon
     * @param totalClv its sum
     * @param expectedTransactions sum over customers of the (undiscounted) expected purchases in the horizon
     */
    public record Probabilistic(
            String model,
            List<ClvFits.Report> transactionFits,
            ClvFits.Report spendFit,
            double marginRatio,
            Double spendFrequencyCorrelation,
            Double meanClv,
            Double totalClv,
            Double expectedTransactions,
            List<String> assumptions,
            String note) {}

    /** The methods' per-customer figures for one segment. */
    public record SegmentValue(String segment, int customers, double meanMargin, Double meanClv, Double meanPAlive) {}

    /**
     * One customer.
     *
     * @param x repeat purchase days; tx and t in weeks (the models' inputs)
     * @param pAlive probability still active at the as-of date (null without a fitted model)
     * @param expectedTransactions expected purchases in the horizon
     * @param expectedSpend expected revenue per purchase (Gamma-Gamma), or the customer's own mean
     * @param clv future discounted margin over the horizon
     * @param churned no transaction in the inactivity window before the as-of date
     */
    public record CustomerValue(
            long id,
            String name,
            String segment,
            String channel,
            double revenueToDate,
            double marginToDate,
            int purchases,
            LocalDate lastPurchase,
            double x,
            double tx,
            double t,
            Double pAlive,
            Double expectedTransactions,
            Double expectedSpend,
            Double clv,
            boolean churned) {}
}
