package quant.core.churn;

import java.time.LocalDate;
import java.util.Optional;
import quant.core.analysis.CustomerFilter;
import quant.core.analysis.InvalidSpecException;
import quant.core.settings.CustomerSettings;

/**
 * What a churn-risk analysis is asked for.
 *
 * @param inactivityDays churned = no purchase for this many days (30 to 3,650); also the window the
 *     model predicts over
 * @param highRiskFrom churn probability from which a customer is high risk (immediate outreach)
 * @param mediumRiskFrom churn probability from which a customer is medium risk (proactive engagement);
 *     below it, low risk (quarterly check-in)
 * @param filter which customers count
 * @param asOf the day to compute at; empty for the data's last activity date
 */
public record ChurnRiskSpec(
        int inactivityDays,
        double highRiskFrom,
        double mediumRiskFrom,
        CustomerFilter filter,
        Optional<LocalDate> asOf) {
    /** The spec with the business settings' defaults, every customer, at the data's last activity date. */
    public static final ChurnRiskSpec DEFAULT = of(CustomerSettings.DEFAULTS);

    public ChurnRiskSpec {
        if (inactivityDays < 30 || inactivityDays > 3650) {
            throw new InvalidSpecException(
                    "The inactivity window must be 30 to 3,650 days, not " + inactivityDays + ".");
        }
        if (!(mediumRiskFrom > 0 && mediumRiskFrom < highRiskFrom && highRiskFrom < 1)) {
            throw new InvalidSpecException("The risk levels need 0 < medium < high < 1, not medium from "
                    + mediumRiskFrom + " and high from " + highRiskFrom + ".");
        }
        if (filter == null || asOf == null) {
            throw new IllegalArgumentException("a churn spec needs a filter and an as-of choice");
        }
    }

    /** The spec a company's settings give: its inactivity window and risk levels, every customer. */
    public static ChurnRiskSpec of(CustomerSettings settings) {
        return new ChurnRiskSpec(
                settings.inactivityDays(),
                settings.highRiskFrom(),
                settings.mediumRiskFrom(),
                CustomerFilter.ALL,
                Optional.empty());
    }

    public ChurnRiskSpec withInactivityDays(int days) {
        return new ChurnRiskSpec(days, highRiskFrom, mediumRiskFrom, filter, asOf);
    }

    public ChurnRiskSpec withFilter(CustomerFilter f) {
        return new ChurnRiskSpec(inactivityDays, highRiskFrom, mediumRiskFrom, f, asOf);
    }

    public ChurnRiskSpec withAsOf(Optional<LocalDate> d) {
        return new ChurnRiskSpec(inactivityDays, highRiskFrom, mediumRiskFrom, filter, d);
    }
}
