package quant.core.forecast;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A forecast of one dated series: its data checks, the method's forecast with its intervals, and for
 * {@code auto} the backtest that chose the method. Keys of the JSON form are listed in
 * {@code docs/cli.md}.
 *
 * @param frequency the spacing of the periods (day, week, month, quarter, year, period)
 * @param season the season length used
 * @param points the number of periods in the history, filled ones included
 * @param method the method asked for
 * @param chosen the method that made the forecast (differs from {@code method} for auto)
 * @param inWords what the model does, in words an owner follows ("the same period last year,
 *     adjusted for the trend"); the model's name is in {@code model}
 * @param reason why auto chose it, or null
 * @param backtest the backtest's scores per method (auto only), or an empty list
 * @param calibration how the chosen method's bands held in the backtest and whether they were rescaled
 * @param nonNegative whether the forecast and its bounds were floored at zero (counts and amounts)
 */
public record SeriesForecast(
        String frequency,
        int season,
        int points,
        String method,
        String chosen,
        String model,
        String inWords,
        Map<String, Double> parameters,
        String intervalSource,
        String reason,
        List<DataChecks.Finding> checks,
        List<Backtest.Score> backtest,
        Calibration calibration,
        boolean nonNegative,
        List<Point> forecast) {

    /** One period ahead: the mean and the bounds per level (keys "80", "95"). */
    public record Point(String period, int step, double mean, Map<String, Double> lower, Map<String, Double> upper) {}

    /**
     * Checks, fills and forecasts the series.
     *
     * @param season the season length, or 0 for the frequency's usual one
     * @throws IllegalArgumentException when the series cannot be forecast by the method, in one sentence
     * @throws ExplodedForecastException when the forecast explodes
     */
    public static SeriesForecast of(TimeSeries series, Method method, int horizon, int season, int[] levels) {
        return of(series, method, horizon, season, levels, false);
    }

    /**
     * As {@link #of(TimeSeries, Method, int, int, int[])}; when {@code nonNegative} (a count or an
     * amount that cannot go below zero) the forecast and its bounds are floored at zero, which a
     * finding states. Truncation keeps each bound's coverage: a value that cannot be negative lies
     * above zero whenever it lies above a negative bound.
     */
    public static SeriesForecast of(
            TimeSeries series, Method method, int horizon, int season, int[] levels, boolean nonNegative) {
        if (horizon < 1) {
            throw new IllegalArgumentException("The horizon must be at least one period.");
        }
        for (int level : levels) {
            if (level < 1 || level > 99) {
                throw new IllegalArgumentException(
                        "An interval level is a percentage between 1 and 99, not " + level + ".");
            }
        }
        int m = season > 0 ? season : series.frequency().season();
        DataChecks.Checked checked = DataChecks.run(series, m);
        double[] y = checked.values();
        int[] all = union(levels, Backtest.LEVELS);
        Forecast f;
        Method chosen = method;
        String reason = null;
        List<Backtest.Score> scores = List.of();
        Backtest b = null;
        if (method == Method.AUTO) {
            try {
                b = Backtest.run(y, m, horizon, all, Backtest.candidates(y, m), Backtest.DEFAULT_ORIGINS);
                chosen = b.recommended();
                reason = b.reason();
                scores = b.scores();
            } catch (IllegalArgumentException tooShort) {
                chosen = checked.intermittent() ? Method.TSB : Method.ENSEMBLE;
                reason = tooShort.getMessage() + " " + chosen.label() + " is used without one.";
            }
        }
        Calibration calibration;
        if (b != null) {
            Structure replayed = b.structure().replay();
            f = Forecasters.forecast(chosen, y, m, horizon, all, new java.util.EnumMap<>(Method.class), replayed);
            if (!replayed.replayFailures().isEmpty()) {
                reason = reason + " " + replayed.replayFailures();
            }
            calibration = Calibration.of(b.score(chosen));
            f = calibration.apply(f);
        } else {
            f = Forecasters.forecast(chosen, y, m, horizon, all);
            calibration = Calibration.of(null);
        }
        List<DataChecks.Finding> findings = new ArrayList<>(checked.findings());
        Forecast.Band b80 = f.band(80);
        if (horizon >= 6 && b80 != null) {
            double first = b80.upper()[0] - b80.lower()[0];
            double last = b80.upper()[horizon - 1] - b80.lower()[horizon - 1];
            if (first > 0 && last < 1.1 * first) {
                findings.add(new DataChecks.Finding(
                        "width",
                        "The bands hardly widen over the " + horizon + " periods ahead: by this model the"
                                + " uncertainty barely grows with the horizon (smoothing weights near zero keep the"
                                + " level and trend settled; a seasonal random walk widens only from one season to the"
                                + " next); the backtest's errors are their check.",
                        "noted",
                        List.of()));
            }
        }
        if (nonNegative) {
            findings.add(new DataChecks.Finding(
                    "bounds",
                    "The series counts or adds up amounts that cannot be negative: a forecast or bound below"
                            + " zero is shown as zero.",
                    "truncated",
                    List.of()));
        }
        List<Point> points = new ArrayList<>(horizon);
        List<String> labels = series.labelsAhead(horizon);
        for (int k = 0; k < horizon; k++) {
            Map<String, Double> lower = new LinkedHashMap<>();
            Map<String, Double> upper = new LinkedHashMap<>();
            for (int level : Bands.sorted(levels)) {
                Forecast.Band band = f.band(level);
                lower.put(String.valueOf(level), floor(band.lower()[k], nonNegative));
                upper.put(String.valueOf(level), floor(band.upper()[k], nonNegative));
            }
            points.add(new Point(labels.get(k), k + 1, floor(f.mean()[k], nonNegative), lower, upper));
        }
        return new SeriesForecast(
                series.frequency().noun(),
                m,
                y.length,
                method.key(),
                chosen.key(),
                f.model(),
                InWords.describe(chosen, f.model()),
                f.parameters(),
                f.intervalSource(),
                reason,
                List.copyOf(findings),
                scores,
                calibration,
                nonNegative,
                List.copyOf(points));
    }

    private static double floor(double v, boolean nonNegative) {
        return nonNegative ? Math.max(0, v) : v;
    }

    private static int[] union(int[] a, int[] b) {
        return java.util.stream.IntStream.concat(java.util.Arrays.stream(a), java.util.Arrays.stream(b))
                .distinct()
                .sorted()
                .toArray();
    }
}
