package quant.core.forecast;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Rolling-origin evaluation (Tashman, "Out-of-sample tests of forecasting accuracy", IJF 16(4),
 * 2000): each method is fitted on the history up to an origin and scored on the next h periods; the
 * origins step back h periods at a time from the end, so the test windows do not overlap. Scores,
 * pooled over the origins: MAE, RMSE, MAPE (periods with a zero actual left out) and sMAPE as
 * fractions (0.093, not 9.3 %), MASE as in the M4 ({@link Accuracy}), the share of actuals inside
 * the 80 % and 95 % intervals (fractions), and the
 * mean scaled interval score at 95 % (Gneiting &amp; Raftery 2007; M4's MSIS: width plus 2/0.05 times
 * any miss, divided by the seasonal-naive scale).
 *
 * <p>The recommended method has the lowest mean MASE; a method that fails at any origin is not
 * recommended.
 */
public record Backtest(
        int horizon, int origins, List<Score> scores, Method recommended, String reason, Structure structure) {
    public static final int DEFAULT_ORIGINS = 3;
    static final int[] LEVELS = {80, 95};

    /**
     * One method's scores.
     *
     * @param model the model fitted at the last origin
     * @param errorScale the root mean square of the errors each divided by the standard deviation the
     *     method's own 80 % band implied for it (on the side the error fell): 1 when the bands are as
     *     wide as the errors, below 1 when they are too wide ({@link Calibration})
     * @param points the number of test points scored
     * @param problem why the method could not be scored, or null
     */
    public record Score(
            Method method,
            String model,
            double mae,
            double rmse,
            double mape,
            double smape,
            double mase,
            double coverage80,
            double coverage95,
            double msis,
            double errorScale,
            int points,
            String problem) {
        public boolean usable() {
            return problem == null;
        }
    }

    /**
     * Longest series on which {@code auto} also backtests ARIMA: beyond it the order search runs on
     * approximations and its refits make auto's backtest too slow for a workbench (ADR 0011).
     */
    static final int ARIMA_MAX_POINTS = 150;

    /** The methods {@code auto} chooses among for this series. */
    public static List<Method> candidates(double[] y, int m) {
        if (Intermittent.isIntermittent(y)) {
            return List.of(Method.NAIVE, Method.SES, Method.CROSTON, Method.TSB);
        }
        List<Method> c = new ArrayList<>(List.of(Method.NAIVE));
        if (m > 1) {
            c.add(Method.SNAIVE);
        }
        c.addAll(List.of(Method.SES, Method.DAMPED, Method.THETA, Method.ETS));
        if (y.length <= ARIMA_MAX_POINTS) {
            c.add(Method.ARIMA);
        }
        c.add(Method.ENSEMBLE);
        return c;
    }

    /**
     * The number of origins the series allows: each training part keeps two seasons and two points
     * (at least 8) — or just 8 when the series is too short for its season to be used anyway.
     */
    static int possibleOrigins(int n, int m, int h, int wanted) {
        return Math.max(0, Math.min(wanted, (n - minTrain(n, m, h)) / h));
    }

    static int minTrain(int n, int m, int h) {
        int seasonal = 2 * Math.max(m, 1) + 2;
        return n - h >= seasonal ? Math.max(seasonal, 8) : 8;
    }

    /**
     * Scores the methods over up to {@code origins} origins.
     *
     * @throws IllegalArgumentException when the series is too short for a single origin
     */
    public static Backtest run(double[] y, int m, int h, int[] levels, List<Method> methods, int origins) {
        int k = possibleOrigins(y.length, m, h, origins);
        if (k < 1) {
            throw new IllegalArgumentException("A backtest of " + h + " periods needs at least "
                    + (minTrain(y.length, m, h) + h) + " points; the series has " + y.length + ".");
        }
        Map<Method, Accumulator> acc = new LinkedHashMap<>();
        for (Method method : methods) {
            acc.put(method, new Accumulator());
        }
        Structure last = null;
        for (int i = k - 1; i >= 0; i--) {
            int end = y.length - h - i * h;
            double[] train = Arrays.copyOf(y, end);
            double[] test = Arrays.copyOfRange(y, end, end + h);
            double scale = scale(train, m);
            Map<Method, Forecast> memo = new EnumMap<>(Method.class);
            Structure structure = Structure.record();
            last = structure;
            for (Method method : methods) {
                Accumulator a = acc.get(method);
                if (a.problem != null) {
                    continue;
                }
                try {
                    Forecast f = Forecasters.forecast(method, train, m, h, LEVELS, memo, structure);
                    a.add(f, test, scale);
                } catch (IllegalArgumentException | ExplodedForecastException e) {
                    a.problem = e.getMessage();
                }
            }
        }
        List<Score> scores = new ArrayList<>();
        for (Map.Entry<Method, Accumulator> e : acc.entrySet()) {
            scores.add(e.getValue().score(e.getKey(), k));
        }
        List<Score> ranked = scores.stream()
                .filter(Score::usable)
                .sorted((a, b) -> Double.compare(a.mase(), b.mase()))
                .toList();
        if (ranked.isEmpty()) {
            throw new IllegalArgumentException("No method could be backtested on this series: "
                    + scores.getFirst().problem());
        }
        Score best = ranked.getFirst();
        String reason = String.format(
                Locale.ROOT,
                "%s had the lowest scaled error over %d rolling origin%s of %d periods (MASE %.2f%s).",
                best.method().label(),
                k,
                k == 1 ? "" : "s",
                h,
                best.mase(),
                ranked.size() > 1
                        ? String.format(
                                Locale.ROOT,
                                "; next %s, %.2f",
                                ranked.get(1).method().label(),
                                ranked.get(1).mase())
                        : "");
        return new Backtest(h, k, List.copyOf(scores), best.method(), reason, last);
    }

    /**
     * The recommended method's forecast of the whole series, with the structure it had at the last
     * origin (its seasonal adjustment, ETS model or ARIMA orders) and parameters estimated again.
     */
    public Forecast forecast(double[] y, int m, int h, int[] levels) {
        return forecast(recommended, y, m, h, levels);
    }

    /** As {@link #forecast(double[], int, int, int[])} for any method the backtest scored. */
    Forecast forecast(Method method, double[] y, int m, int h, int[] levels) {
        return Forecasters.forecast(method, y, m, h, levels, new EnumMap<>(Method.class), structure.replay());
    }

    public Score score(Method method) {
        return scores.stream().filter(s -> s.method() == method).findFirst().orElse(null);
    }

    /** The seasonal-naive in-sample MAE (period 1 when the history is not longer than a season); 1 if it is 0. */
    static double scale(double[] train, int m) {
        int period = m > 1 && train.length > m ? m : 1;
        double s = Accuracy.naiveScale(train, period);
        return s > 0 ? s : 1;
    }

    private static final class Accumulator {
        int points;
        int mapePoints;
        double absolute;
        double squared;
        double percentage;
        double smape;
        double mase;
        int masePoints;
        int inside80;
        int inside95;
        double msis;
        double standardisedSquares;
        int standardised;
        String model;
        String problem;

        void add(Forecast f, double[] test, double scale) {
            model = f.model();
            Forecast.Band b80 = f.band(80);
            Forecast.Band b95 = f.band(95);
            double originAbsolute = 0;
            double originMsis = 0;
            for (int k = 0; k < test.length; k++) {
                double a = test[k];
                double e = a - f.mean()[k];
                absolute += Math.abs(e);
                originAbsolute += Math.abs(e);
                squared += e * e;
                if (a != 0) {
                    percentage += 100 * Math.abs(e / a);
                    mapePoints++;
                }
                double denominator = Math.abs(a) + Math.abs(f.mean()[k]);
                smape += denominator == 0 ? 0 : 200 * Math.abs(e) / denominator;
                if (a >= b80.lower()[k] && a <= b80.upper()[k]) {
                    inside80++;
                }
                double lo = b95.lower()[k];
                double hi = b95.upper()[k];
                if (a >= lo && a <= hi) {
                    inside95++;
                }
                originMsis += Accuracy.intervalScore95(a, lo, hi);
                double side = e >= 0 ? b80.upper()[k] - f.mean()[k] : f.mean()[k] - b80.lower()[k];
                double sd = side / Bands.z(80);
                if (sd > 0 && Double.isFinite(sd)) {
                    standardisedSquares += (e / sd) * (e / sd);
                    standardised++;
                }
                points++;
            }
            mase += originAbsolute / test.length / scale;
            msis += originMsis / test.length / scale;
            masePoints++;
        }

        Score score(Method method, int origins) {
            if (problem != null || points == 0) {
                return new Score(
                        method,
                        model,
                        Double.NaN,
                        Double.NaN,
                        Double.NaN,
                        Double.NaN,
                        Double.NaN,
                        Double.NaN,
                        Double.NaN,
                        Double.NaN,
                        Double.NaN,
                        0,
                        problem == null ? "not scored" : problem);
            }
            return new Score(
                    method,
                    model,
                    absolute / points,
                    Math.sqrt(squared / points),
                    mapePoints == 0 ? Double.NaN : percentage / mapePoints / 100,
                    smape / points / 100,
                    mase / masePoints,
                    (double) inside80 / points,
                    (double) inside95 / points,
                    msis / masePoints,
                    standardised == 0 ? Double.NaN : Math.sqrt(standardisedSquares / standardised),
                    standardised,
                    null);
        }
    }
}
