package quant.core.forecast.business;

import java.util.ArrayList;
import java.util.List;
import quant.core.analysis.Money;
import quant.core.forecast.Method;
import quant.core.forecast.SeriesForecast;
import quant.core.forecast.TimeSeries;

/**
 * One monthly series of the store and its forecast: the observed months, then the forecast with its
 * data checks, backtest and 80/95 % bands ({@link SeriesForecast}).
 *
 * @param subject what the series counts, e.g. "HVAC jobs requested"
 * @param history the complete months observed
 * @param forecast the forecast of the months ahead
 */
public record Outlook(String subject, List<Observed> history, SeriesForecast forecast) {
    /** The interval levels every store forecast carries. */
    static final int[] LEVELS = {80, 95};

    /** One observed month. */
    public record Observed(String period, double value) {}

    /**
     * A sum over some months ahead with its bounds. The bounds of a sum are the sums of the months'
     * bounds: forecast errors of neighbouring months move together (a level that is off stays off),
     * and adding quantiles is exact when they move fully together — so these bounds are, if anything,
     * wider than the truth.
     */
    public record Total(double mean, double lower80, double upper80, double lower95, double upper95) {
        /** Rounded to two decimals (cents for money, hundredths of a job or an hour otherwise). */
        public Total {
            mean = Money.cents(mean);
            lower80 = Money.cents(lower80);
            upper80 = Money.cents(upper80);
            lower95 = Money.cents(lower95);
            upper95 = Money.cents(upper95);
        }

        static final Total ZERO = new Total(0, 0, 0, 0, 0);

        Total plus(Total o) {
            return new Total(
                    mean + o.mean, lower80 + o.lower80, upper80 + o.upper80, lower95 + o.lower95, upper95 + o.upper95);
        }

        Total times(double f) {
            return f >= 0
                    ? new Total(mean * f, lower80 * f, upper80 * f, lower95 * f, upper95 * f)
                    : new Total(mean * f, upper80 * f, lower80 * f, upper95 * f, lower95 * f);
        }
    }

    /**
     * Forecasts a monthly series.
     *
     * @param values the complete months from {@code grid.first()}; leading months before the series
     *     starts (no value yet) are dropped
     * @throws IllegalArgumentException when the series cannot be forecast, in one sentence
     */
    static Outlook of(String subject, MonthGrid grid, double[] values, Method method, int monthsAhead) {
        int start = 0;
        while (start < values.length && values[start] == 0) {
            start++;
        }
        double[] y = java.util.Arrays.copyOfRange(values, start, values.length);
        TimeSeries series = new TimeSeries(TimeSeries.Frequency.MONTH, grid.month(start), y);
        List<Observed> history = new ArrayList<>(y.length);
        for (int t = 0; t < y.length; t++) {
            history.add(new Observed(series.label(t), y[t]));
        }
        SeriesForecast f;
        try {
            f = SeriesForecast.of(series, method, Math.max(1, monthsAhead), 12, LEVELS, true);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(subject + ": " + e.getMessage(), e);
        }
        return new Outlook(subject, List.copyOf(history), f);
    }

    /** Month ahead {@code k}'s mean and bounds, each floored at 0 (counts and money cannot go negative). */
    public Total month(int k) {
        SeriesForecast.Point p = forecast.forecast().get(k);
        return new Total(
                Math.max(0, p.mean()),
                Math.max(0, p.lower().get("80")),
                Math.max(0, p.upper().get("80")),
                Math.max(0, p.lower().get("95")),
                Math.max(0, p.upper().get("95")));
    }

    /** The forecast over the {@code days} after the as-of date. */
    public Total window(MonthGrid grid, int days) {
        Total sum = Total.ZERO;
        int months = Math.min(grid.monthsAhead(days), forecast.forecast().size());
        for (int k = 0; k < months; k++) {
            sum = sum.plus(month(k).times(grid.share(k, days)));
        }
        return sum;
    }
}
