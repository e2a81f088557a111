package quant.core.forecast;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Runs a forecasting method on a series: the one entry the analyses, the backtest and the command
 * line share. Every forecast is checked before it is returned: one that leaves the history's scale by
 * a factor of 100 is refused as exploded ({@link ExplodedForecastException}).
 */
public final class Forecasters {
    /** Explosion limit: a forecast beyond this multiple of the history's largest absolute value. */
    public static final double EXPLOSION_FACTOR = 100;

    /** The members of the ensemble, averaged with equal weights. */
    public static final List<Method> ENSEMBLE_MEMBERS = List.of(Method.ETS, Method.THETA, Method.DAMPED);

    private Forecasters() {}

    /**
     * Forecasts {@code h} periods of {@code y} with season length {@code m} (1 for none).
     *
     * @throws IllegalArgumentException when the method cannot be used on this series, in one sentence
     * @throws ExplodedForecastException when the forecast explodes
     */
    public static Forecast forecast(Method method, double[] y, int m, int h, int[] levels) {
        return forecast(method, y, m, h, levels, new EnumMap<>(Method.class), Structure.record());
    }

    /**
     * As {@link #forecast(Method, double[], int, int, int[])}, sharing member forecasts through {@code
     * memo}, and recording or replaying the structural choices in {@code structure}.
     */
    static Forecast forecast(
            Method method, double[] y, int m, int h, int[] levels, Map<Method, Forecast> memo, Structure structure) {
        Forecast known = memo.get(method);
        if (known != null) {
            return known;
        }
        if (h < 1) {
            throw new IllegalArgumentException("The horizon must be at least one period.");
        }
        for (double v : y) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("The series has missing values; fill or remove them first.");
            }
        }
        Forecast f =
                switch (method) {
                    case NAIVE -> Baselines.naive(y, h, levels);
                    case SNAIVE -> Baselines.seasonalNaive(y, m, h, levels);
                    case DRIFT -> Baselines.drift(y, h, levels);
                    case NAIVE2 -> Baselines.naive2(y, m, h, levels, structure);
                    case SES -> Baselines.ses(y, m, h, levels, structure);
                    case HOLT -> Baselines.holt(y, m, h, levels, false, structure);
                    case DAMPED -> Baselines.holt(y, m, h, levels, true, structure);
                    case HOLT_WINTERS ->
                        structure.ets(method, y, m, () -> holtWinters(y, m)).forecast(h, levels);
                    case ETS ->
                        structure.ets(method, y, m, () -> Ets.auto(y, m)).forecast(h, levels);
                    case THETA -> Baselines.theta(y, m, h, levels, structure);
                    case ARIMA -> structure.arima(y, () -> AutoArima.fit(y, m)).forecast(h, levels);
                    case CROSTON -> Intermittent.croston(y, h, levels);
                    case TSB -> Intermittent.tsb(y, h, levels);
                    case REGRESSION -> TrendSeasonRegression.forecast(y, m, h, levels);
                    case COMB ->
                        combine(
                                "Comb",
                                List.of(Method.SES, Method.HOLT, Method.DAMPED),
                                y,
                                m,
                                h,
                                levels,
                                memo,
                                structure);
                    case ENSEMBLE -> combine("Ensemble", ENSEMBLE_MEMBERS, y, m, h, levels, memo, structure);
                    case AUTO ->
                        Backtest.run(y, m, h, levels, Backtest.candidates(y, m), Backtest.DEFAULT_ORIGINS)
                                .forecast(y, m, h, levels);
                };
        checkExplosion(method, y, f);
        memo.put(method, f);
        return f;
    }

    /** Holt-Winters: the additive ETS(A,A,A) or, for positive data, multiplicative ETS(M,A,M), by AICc. */
    private static Ets holtWinters(double[] y, int m) {
        if (m < 2 || y.length < 2 * m) {
            throw new IllegalArgumentException(
                    "Holt-Winters needs a season and two full seasons of data; the series has " + y.length
                            + " points with season " + m + ".");
        }
        Ets best = Ets.fit(y, m, new Ets.Spec('A', 'A', 'A'));
        if (java.util.Arrays.stream(y).allMatch(v -> v > 0)) {
            Ets multiplicative = Ets.fit(y, m, new Ets.Spec('M', 'A', 'M'));
            if (multiplicative.aicc() < best.aicc()) {
                best = multiplicative;
            }
        }
        return best;
    }

    /**
     * The equal-weight average of the members' forecasts; each band the average of the members' bounds
     * at that level (quantile averaging). A member that cannot be used on the series is left out and
     * named in the model.
     */
    static Forecast combine(
            String name,
            List<Method> members,
            double[] y,
            int m,
            int h,
            int[] levels,
            Map<Method, Forecast> memo,
            Structure structure) {
        List<Forecast> used = new ArrayList<>();
        List<String> left = new ArrayList<>();
        for (Method member : members) {
            try {
                used.add(forecast(member, y, m, h, levels, memo, structure));
            } catch (IllegalArgumentException | ExplodedForecastException notUsable) {
                left.add(member.key());
            }
        }
        if (used.isEmpty()) {
            throw new IllegalArgumentException(name + ": none of its methods ("
                    + members.stream().map(Method::key).collect(Collectors.joining(", "))
                    + ") can forecast this series.");
        }
        double[] mean = new double[h];
        for (Forecast f : used) {
            for (int k = 0; k < h; k++) {
                mean[k] += f.mean()[k] / used.size();
            }
        }
        List<Forecast.Band> bands = new ArrayList<>();
        for (int level : Bands.sorted(levels)) {
            double[] lower = new double[h];
            double[] upper = new double[h];
            for (Forecast f : used) {
                Forecast.Band b = f.band(level);
                for (int k = 0; k < h; k++) {
                    lower[k] += b.lower()[k] / used.size();
                    upper[k] += b.upper()[k] / used.size();
                }
            }
            bands.add(new Forecast.Band(level, lower, upper));
        }
        Map<String, Double> parameters = new LinkedHashMap<>();
        for (Forecast f : used) {
            parameters.put("weight " + f.model(), 1.0 / used.size());
        }
        String model = name + "(" + used.stream().map(Forecast::model).collect(Collectors.joining(", ")) + ")"
                + (left.isEmpty() ? "" : " without " + String.join(", ", left));
        return new Forecast(model, parameters, mean, bands, "average of the members'");
    }

    private static void checkExplosion(Method method, double[] y, Forecast f) {
        double max = 0;
        for (double v : y) {
            max = Math.max(max, Math.abs(v));
        }
        double limit = EXPLOSION_FACTOR * Math.max(max, 1e-9);
        for (double v : f.mean()) {
            if (!Double.isFinite(v) || Math.abs(v) > limit) {
                throw new ExplodedForecastException(method, v, max);
            }
        }
    }
}
