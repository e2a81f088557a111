package quant.core.settings;

/**
 * The settings the customer analyses take as their defaults, typed.
 *
 * @param inactivityDays churned = no paid completed job for this many days before the as-of date
 * @param annualDiscountRate yearly discount rate of future margin, a fraction (0.10 = 10 %)
 * @param clvHorizonMonths months of future value in lifetime value
 * @param highRiskFrom churn probability from which a customer is high risk
 * @param mediumRiskFrom churn probability from which a customer is medium risk (below {@code highRiskFrom})
 */
public record CustomerSettings(
        int inactivityDays,
        double annualDiscountRate,
        int clvHorizonMonths,
        double highRiskFrom,
        double mediumRiskFrom) {

    public CustomerSettings {
        if (!(mediumRiskFrom < highRiskFrom)) {
            throw new IllegalArgumentException("Medium churn risk must start below high churn risk (medium from "
                    + mediumRiskFrom + ", high from " + highRiskFrom + ").");
        }
    }

    /** The defaults of every setting. */
    public static final CustomerSettings DEFAULTS = BusinessSettings.DEFAULTS.customers();
}
