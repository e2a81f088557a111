package quant.core.cohort;

import java.time.LocalDate;
import java.util.Optional;
import quant.core.analysis.CustomerFilter;
import quant.core.analysis.Period;

/**
 * What a cohort table is asked for.
 *
 * @param period months or quarters, for both the cohorts and the ages
 * @param metric which figure the heatmap and the text table show (the result holds all of them)
 * @param filter which customers count
 * @param asOf the day to compute at; empty for the data's last activity date
 */
public record CohortSpec(Period period, CohortMetric metric, CustomerFilter filter, Optional<LocalDate> asOf) {
    public static final CohortSpec DEFAULT =
            new CohortSpec(Period.MONTH, CohortMetric.CUSTOMERS, CustomerFilter.ALL, Optional.empty());

    public CohortSpec {
        if (period == null || metric == null || filter == null || asOf == null) {
            throw new IllegalArgumentException("a cohort spec needs a period, a metric, a filter and an as-of choice");
        }
    }

    public CohortSpec withPeriod(Period p) {
        return new CohortSpec(p, metric, filter, asOf);
    }

    public CohortSpec withMetric(CohortMetric m) {
        return new CohortSpec(period, m, filter, asOf);
    }

    public CohortSpec withFilter(CustomerFilter f) {
        return new CohortSpec(period, metric, f, asOf);
    }

    public CohortSpec withAsOf(Optional<LocalDate> d) {
        return new CohortSpec(period, metric, filter, d);
    }
}
