package quant.core.clv;

import java.time.LocalDate;
import java.util.Optional;
import quant.core.analysis.CustomerFilter;
import quant.core.analysis.InvalidSpecException;
import quant.core.settings.CustomerSettings;

/**
 * What a lifetime-value analysis of the store is asked for.
 *
 * @param horizonMonths how far ahead future value is counted (1 to 240 months)
 * @param annualDiscountRate yearly rate future margin is discounted at (0 to 1; 0.10 = 10 %)
 * @param inactivityDays a customer with no transaction for this many days before the as-of date is
 *     churned (30 to 3,650)
 * @param holdoutWeeks the last weeks before the as-of date held out to check the model (4 to 260)
 * @param filter which customers count
 * @param asOf the day to compute at; empty for the data's last activity date
 */
public record ClvSpec(
        int horizonMonths,
        double annualDiscountRate,
        int inactivityDays,
        int holdoutWeeks,
        CustomerFilter filter,
        Optional<LocalDate> asOf) {
    /** The spec with the business settings' defaults, every customer, at the data's last activity date. */
    public static final ClvSpec DEFAULT = of(CustomerSettings.DEFAULTS);

    /** Weeks held out to check the probabilistic model unless asked otherwise. */
    public static final int DEFAULT_HOLDOUT_WEEKS = 52;

    public ClvSpec {
        if (horizonMonths < 1 || horizonMonths > 240) {
            throw new InvalidSpecException("The horizon must be 1 to 240 months, not " + horizonMonths + ".");
        }
        if (!(annualDiscountRate >= 0 && annualDiscountRate <= 1)) {
            throw new InvalidSpecException(
                    "The discount rate must be a yearly fraction from 0 to 1 (0.1 for 10 %), not " + annualDiscountRate
                            + ".");
        }
        if (inactivityDays < 30 || inactivityDays > 3650) {
            throw new InvalidSpecException(
                    "The inactivity window must be 30 to 3,650 days, not " + inactivityDays + ".");
        }
        if (holdoutWeeks < 4 || holdoutWeeks > 260) {
            throw new InvalidSpecException("The holdout must be 4 to 260 weeks, not " + holdoutWeeks + ".");
        }
        if (filter == null || asOf == null) {
            throw new IllegalArgumentException("a CLV spec needs a filter and an as-of choice");
        }
    }

    /** The spec a company's settings give: horizon, discount rate and inactivity window, every customer. */
    public static ClvSpec of(CustomerSettings settings) {
        return new ClvSpec(
                settings.clvHorizonMonths(),
                settings.annualDiscountRate(),
                settings.inactivityDays(),
                DEFAULT_HOLDOUT_WEEKS,
                CustomerFilter.ALL,
                Optional.empty());
    }

    public ClvSpec withHorizonMonths(int months) {
        return new ClvSpec(months, annualDiscountRate, inactivityDays, holdoutWeeks, filter, asOf);
    }

    public ClvSpec withAnnualDiscountRate(double rate) {
        return new ClvSpec(horizonMonths, rate, inactivityDays, holdoutWeeks, filter, asOf);
    }

    public ClvSpec withFilter(CustomerFilter f) {
        return new ClvSpec(horizonMonths, annualDiscountRate, inactivityDays, holdoutWeeks, f, asOf);
    }

    public ClvSpec withAsOf(Optional<LocalDate> d) {
        return new ClvSpec(horizonMonths, annualDiscountRate, inactivityDays, holdoutWeeks, filter, d);
    }
}
