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
 * @param reason why auto chose it, or null
 * @param backtest the backtest's scores per method (auto only), or an empty list
 */
public record SeriesForecast(
        String frequency,
        int season,
        int points,
        String method,
        String chosen,
        String model,
        Map<String, Double> parameters,
        String intervalSource,
        String reason,
        List<DataChecks.Finding> checks,
        List<Backtest.Score> backtest,
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
        if (method == Method.AUTO) {
            try {
                Backtest b = Backtest.run(y, m, horizon, all, Backtest.candidates(y, m), Backtest.DEFAULT_ORIGINS);
                chosen = b.recommended();
                reason = b.reason();
                scores = b.scores();
            } catch (IllegalArgumentException tooShort) {
                chosen = checked.intermittent() ? Method.TSB : Method.ENSEMBLE;
                reason = tooShort.getMessage() + " " + chosen.label() + " is used without one.";
            }
        }
        f = Forecasters.forecast(chosen, y, m, horizon, all);
        List<Point> points = new ArrayList<>(horizon);
        List<String> labels = series.labelsAhead(horizon);
        for (int k = 0; k < horizon; k++) {
            Map<String, Double> lower = new LinkedHashMap<>();
            Map<String, Double> upper = new LinkedHashMap<>();
            for (int level : Bands.sorted(levels)) {
                Forecast.Band b = f.band(level);
                lower.put(String.valueOf(level), b.lower()[k]);
                upper.put(String.valueOf(level), b.upper()[k]);
            }
            points.add(new Point(labels.get(k), k + 1, f.mean()[k], lower, upper));
        }
        return new SeriesForecast(
                series.frequency().noun(),
                m,
                y.length,
                method.key(),
                chosen.key(),
                f.model(),
                f.parameters(),
                f.intervalSource(),
                reason,
                checked.findings(),
                scores,
                List.copyOf(points));
    }

    private static int[] union(int[] a, int[] b) {
        return java.util.stream.IntStream.concat(java.util.Arrays.stream(a), java.util.Arrays.stream(b))
                .distinct()
                .sorted()
                .toArray();
    }
}
