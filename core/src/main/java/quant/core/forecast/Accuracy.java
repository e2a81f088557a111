package quant.core.forecast;

/**
 * Forecast accuracy as the M4 organisers computed it (Makridakis, Spiliotis &amp; Assimakopoulos,
 * "The M4 Competition: 100,000 time series and 61 forecasting methods", IJF 36(1), 2020; their
 * evaluation code in the M4-methods repository):
 *
 * <ul>
 *   <li>sMAPE = mean over the horizon of 200 · |y − f| / (|y| + |f|), in percent;
 *   <li>MASE = mean over the horizon of |y − f| / d, where d is the in-sample mean absolute error
 *       of the seasonal naive forecast at period m, mean over t = m+1 … n of |y_t − y_{t−m}|.
 * </ul>
 */
public final class Accuracy {
    private Accuracy() {}

    /** Symmetric MAPE in percent; a point where both the actual and the forecast are 0 counts 0. */
    public static double smape(double[] actual, double[] forecast) {
        check(actual, forecast);
        double sum = 0;
        for (int i = 0; i < actual.length; i++) {
            double denominator = Math.abs(actual[i]) + Math.abs(forecast[i]);
            sum += denominator == 0 ? 0 : 200 * Math.abs(actual[i] - forecast[i]) / denominator;
        }
        return sum / actual.length;
    }

    /**
     * Mean absolute scaled error against the in-sample seasonal naive forecast at period {@code m}.
     *
     * @throws IllegalArgumentException when the history has no more than {@code m} points
     */
    public static double mase(double[] history, int m, double[] actual, double[] forecast) {
        check(actual, forecast);
        double scale = naiveScale(history, m);
        double sum = 0;
        for (int i = 0; i < actual.length; i++) {
            sum += Math.abs(actual[i] - forecast[i]);
        }
        return sum / actual.length / scale;
    }

    /** The in-sample mean absolute error of the seasonal naive forecast at period {@code m}. */
    public static double naiveScale(double[] history, int m) {
        if (m < 1 || history.length <= m) {
            throw new IllegalArgumentException(
                    "MASE needs more than " + m + " points of history, not " + history.length);
        }
        double sum = 0;
        for (int t = m; t < history.length; t++) {
            sum += Math.abs(history[t] - history[t - m]);
        }
        return sum / (history.length - m);
    }

    /**
     * One point's 95 % interval score (Gneiting &amp; Raftery 2007, as the M4's MSIS sums it): the
     * width plus 2/0.05 = 40 times how far the actual falls outside the interval; divide the mean by the
     * seasonal-naive scale for MSIS.
     */
    public static double intervalScore95(double actual, double lower, double upper) {
        return (upper - lower)
                + (actual < lower ? 40 * (lower - actual) : 0)
                + (actual > upper ? 40 * (actual - upper) : 0);
    }

    private static void check(double[] actual, double[] forecast) {
        if (actual.length != forecast.length || actual.length == 0) {
            throw new IllegalArgumentException("actual and forecast need the same, non-zero length");
        }
    }
}
