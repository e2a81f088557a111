package quant.core.forecast.business;

import java.util.OptionalDouble;

/**
 * What a cash-flow forecast is asked for.
 *
 * @param outlook the as-of date, the horizon in days and the revenue forecast's method
 * @param openingCash the cash balance at the end of the as-of date, when the user has entered one
 *     (the business setting); without it the forecast shows flows only
 */
public record CashFlowSpec(OutlookSpec outlook, OptionalDouble openingCash) {
    /** The default horizon: 90 days. */
    public static final int DEFAULT_DAYS = 90;

    public CashFlowSpec {
        if (outlook == null || openingCash == null) {
            throw new IllegalArgumentException("a cash-flow spec needs an outlook spec and an opening-cash choice");
        }
        if (openingCash.isPresent() && !Double.isFinite(openingCash.getAsDouble())) {
            throw new quant.core.analysis.InvalidSpecException("The opening cash balance must be a number.");
        }
    }
}
