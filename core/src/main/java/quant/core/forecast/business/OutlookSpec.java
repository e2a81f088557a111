package quant.core.forecast.business;

import java.time.LocalDate;
import java.util.Optional;
import quant.core.analysis.InvalidSpecException;
import quant.core.forecast.Method;

/**
 * What a forecast on the store is asked for.
 *
 * @param asOf the day to forecast from; empty for the data's last activity date
 * @param horizonDays how many days after the as-of date the forecast covers (7 to 730)
 * @param method the time-series method of the monthly series ({@code auto}: what the backtest recommends)
 */
public record OutlookSpec(Optional<LocalDate> asOf, int horizonDays, Method method) {
    public static final int MIN_DAYS = 7;
    public static final int MAX_DAYS = 730;

    public OutlookSpec {
        if (asOf == null || method == null) {
            throw new IllegalArgumentException("a forecast spec needs an as-of choice and a method");
        }
        if (horizonDays < MIN_DAYS || horizonDays > MAX_DAYS) {
            throw new InvalidSpecException(
                    "The horizon must be from " + MIN_DAYS + " to " + MAX_DAYS + " days, not " + horizonDays + ".");
        }
    }

    public OutlookSpec withMethod(Method m) {
        return new OutlookSpec(asOf, horizonDays, m);
    }

    public OutlookSpec withHorizon(int days) {
        return new OutlookSpec(asOf, days, method);
    }

    public OutlookSpec withAsOf(Optional<LocalDate> d) {
        return new OutlookSpec(d, horizonDays, method);
    }
}
