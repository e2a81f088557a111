package quant.core.churn;

import java.time.LocalDate;
import java.util.Optional;
import quant.core.analysis.CustomerFilter;
import quant.core.analysis.InvalidSpecException;

/**
 * What a churn-risk analysis is asked for.
 *
 * @param inactivityDays churned = no purchase for this many days (30 to 3,650); also the window the
 *     model predicts over
 * @param filter which customers count
 * @param asOf the day to compute at; empty for the data's last activity date
 */
public record ChurnRiskSpec(int inactivityDays, CustomerFilter filter, Optional<LocalDate> asOf) {
    public static final ChurnRiskSpec DEFAULT = new ChurnRiskSpec(365, CustomerFilter.ALL, Optional.empty());

    public ChurnRiskSpec {
        if (inactivityDays < 30 || inactivityDays > 3650) {
            throw new InvalidSpecException(
                    "The inactivity window must be 30 to 3,650 days, not " + inactivityDays + ".");
        }
        if (filter == null || asOf == null) {
            throw new IllegalArgumentException("a churn spec needs a filter and an as-of choice");
        }
    }

    public ChurnRiskSpec withFilter(CustomerFilter f) {
        return new ChurnRiskSpec(inactivityDays, f, asOf);
    }

    public ChurnRiskSpec withAsOf(Optional<LocalDate> d) {
        return new ChurnRiskSpec(inactivityDays, filter, d);
    }
}
