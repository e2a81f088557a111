package quant.core.forecast;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/**
 * Scores methods on a set of series exactly as the M4 organisers did (M4-methods, "Benchmarks and
 * Evaluation.R"; Makridakis et al., IJF 36(1), 2020): per series sMAPE and MASE over the horizon (MASE
 * scaled by the in-sample seasonal-naive MAE at the data's period), averaged over the series; OWA =
 * ½ (sMAPE / sMAPE of Naive2 + MASE / MASE of Naive2), Naive2 being always evaluated alongside;
 * the 95 % interval's coverage and MSIS (scaled like MASE). A method that cannot forecast a series is
 * scored on the Naive2 forecast of that series, and the number of such series is reported.
 */
public final class M4Evaluation {
    private M4Evaluation() {}

    /** One method's scores; {@code owa} is relative to Naive2 on the same series. */
    public record Row(
            Method method, double smape, double mase, double owa, double coverage95, double msis, int fallbacks) {}

    /** Evaluates each method on every series, in parallel over the series. */
    public static List<Row> evaluate(List<M4Files.Series> series, int m, int h, List<Method> methods) {
        List<Method> all = new ArrayList<>();
        all.add(Method.NAIVE2);
        for (Method method : methods) {
            if (method != Method.NAIVE2) {
                all.add(method);
            }
        }
        double[][][] scores = new double[all.size()][series.size()][];
        AtomicInteger[] fallbacks = new AtomicInteger[all.size()];
        for (int i = 0; i < all.size(); i++) {
            fallbacks[i] = new AtomicInteger();
        }
        int[] levels = {95};
        IntStream.range(0, series.size()).parallel().forEach(j -> {
            M4Files.Series s = series.get(j);
            if (s.test().length < h) {
                throw new IllegalArgumentException("Series " + s.id() + " has " + s.test().length
                        + " test values, fewer than the horizon " + h + ".");
            }
            double[] actual = java.util.Arrays.copyOf(s.test(), h);
            Forecast naive2 = Forecasters.forecast(Method.NAIVE2, s.train(), m, h, levels);
            for (int i = 0; i < all.size(); i++) {
                Forecast f;
                try {
                    f = i == 0 ? naive2 : Forecasters.forecast(all.get(i), s.train(), m, h, levels);
                } catch (IllegalArgumentException | ExplodedForecastException e) {
                    fallbacks[i].incrementAndGet();
                    f = naive2;
                }
                scores[i][j] = score(s.train(), m, actual, f);
            }
        });
        List<Row> rows = new ArrayList<>();
        double[] base = mean(scores[0]);
        for (int i = 0; i < all.size(); i++) {
            double[] mean = mean(scores[i]);
            double owa = 0.5 * (mean[0] / base[0] + mean[1] / base[1]);
            rows.add(new Row(all.get(i), mean[0], mean[1], owa, mean[2], mean[3], fallbacks[i].get()));
        }
        return rows;
    }

    /** {sMAPE, MASE, coverage of the 95 % band in percent, MSIS} of one forecast. */
    static double[] score(double[] train, int m, double[] actual, Forecast f) {
        double scale = Accuracy.naiveScale(train, train.length > m ? m : 1);
        double smape = Accuracy.smape(actual, f.mean());
        double mase = Accuracy.mase(train, train.length > m ? m : 1, actual, f.mean());
        Forecast.Band b = f.band(95);
        int inside = 0;
        double msis = 0;
        for (int k = 0; k < actual.length; k++) {
            double lo = b.lower()[k];
            double hi = b.upper()[k];
            double a = actual[k];
            if (a >= lo && a <= hi) {
                inside++;
            }
            msis += Accuracy.intervalScore95(a, lo, hi);
        }
        return new double[] {smape, mase, 100.0 * inside / actual.length, msis / actual.length / scale};
    }

    private static double[] mean(double[][] perSeries) {
        double[] sum = new double[4];
        for (double[] s : perSeries) {
            for (int k = 0; k < 4; k++) {
                sum[k] += s[k];
            }
        }
        for (int k = 0; k < 4; k++) {
            sum[k] /= perSeries.length;
        }
        return sum;
    }
}
