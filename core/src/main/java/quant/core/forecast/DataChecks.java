package quant.core.forecast;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The checks a series passes before it is fitted, each with a visible policy — nothing is dropped
 * silently:
 *
 * <ul>
 *   <li>missing periods: filled by linear interpolation between their neighbours (at the ends, the
 *       nearest value), and listed;
 *   <li>too short: refused below three points; seasonal methods need two full seasons, backtests a
 *       training part plus the horizon;
 *   <li>zeros: counted; when a third or more of the periods are zero the series is intermittent and
 *       {@code auto} chooses among Croston, TSB, naive and SES;
 *   <li>outliers: the remainder of a robust seasonal-trend decomposition ({@link
 *       RobustDecomposition}) measured on a scale where the noise has one spread ({@link #measure}); points more than
 *       3.5 robust standard deviations (1.4826 × the median absolute deviation) from the remainders'
 *       median (for counts, the deviation at least ½, Poisson's spread on that scale) are flagged; for the fit each is replaced by its trend-and-season value, so a storm
 *       month is shown but not forecast to recur (R's {@code tsclean} does the same); in an
 *       intermittent series they are only flagged;
 *   <li>negative values: noted, since multiplicative models are then not tried.
 * </ul>
 */
public final class DataChecks {
    /**
     * One finding.
     *
     * @param check {@code missing}, {@code short}, {@code zeros}, {@code outliers}, {@code negative} or
     *     {@code bounds}
     * @param policy {@code filled}, {@code refused}, {@code flagged}, {@code replaced}, {@code truncated} or
     *     {@code noted}
     * @param periods the labels of the periods concerned (at most 50)
     */
    public record Finding(String check, String finding, String policy, List<String> periods) {}

    /** The series ready to fit and what was found. */
    public record Checked(double[] values, List<Finding> findings, boolean intermittent) {}

    static final int MIN_POINTS = 3;
    /** The seasonal strength below which the outlier check leaves the season out. */
    static final double SEASONAL_STRENGTH = 0.65;

    private DataChecks() {}

    /**
     * Checks and fills the series.
     *
     * @throws IllegalArgumentException when the series is too short to forecast
     */
    public static Checked run(TimeSeries series, int m) {
        double[] y = series.values().clone();
        List<Finding> findings = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        int present = 0;
        for (int t = 0; t < y.length; t++) {
            if (Double.isNaN(y[t])) {
                missing.add(series.label(t));
            } else {
                present++;
            }
        }
        if (present < MIN_POINTS) {
            throw new IllegalArgumentException("The series has " + present + " value" + (present == 1 ? "" : "s")
                    + "; a forecast needs at least " + MIN_POINTS + ".");
        }
        if (!missing.isEmpty()) {
            interpolate(y);
            findings.add(new Finding(
                    "missing",
                    missing.size() + " period" + (missing.size() == 1 ? " has" : "s have")
                            + " no value; filled by linear interpolation between the neighbours.",
                    "filled",
                    first(missing)));
        }
        if (m > 1 && y.length < 2 * m) {
            findings.add(new Finding(
                    "short",
                    String.format(
                            Locale.ROOT,
                            "%d periods is less than two seasons of %d; seasonal methods are not used.",
                            y.length,
                            m),
                    "noted",
                    List.of()));
        }
        int zeros = 0;
        boolean negative = false;
        for (double v : y) {
            zeros += v == 0 ? 1 : 0;
            negative |= v < 0;
        }
        boolean intermittent = Intermittent.isIntermittent(y) && !negative;
        if (zeros > 0) {
            findings.add(new Finding(
                    "zeros",
                    zeros + " of " + y.length + " periods are zero"
                            + (intermittent ? "; the series is intermittent, so Croston and TSB are tried." : "."),
                    "noted",
                    List.of()));
        }
        if (negative) {
            findings.add(new Finding(
                    "negative",
                    "The series has negative values; multiplicative models are not tried.",
                    "noted",
                    List.of()));
        }
        Screened screened = screen(y, m);
        List<String> outliers = new ArrayList<>();
        for (int t : screened.indexes()) {
            outliers.add(series.label(t));
        }
        double[] fit = y;
        if (!outliers.isEmpty()) {
            String which = outliers.size() + " period" + (outliers.size() == 1 ? " lies" : "s lie")
                    + " far from the series' trend and season";
            if (intermittent) {
                findings.add(new Finding(
                        "outliers", which + "; kept in the fit and marked on the chart.", "flagged", first(outliers)));
            } else {
                fit = screened.cleaned(y);
                findings.add(new Finding(
                        "outliers",
                        which + " (a one-off such as a storm); each is replaced by its trend-and-season value for"
                                + " the fit, so the forecast does not repeat it, and marked on the chart.",
                        "replaced",
                        first(outliers)));
            }
        }
        return new Checked(fit, List.copyOf(findings), intermittent);
    }

    private static List<String> first(List<String> labels) {
        return List.copyOf(labels.subList(0, Math.min(50, labels.size())));
    }

    /** Linear interpolation of NaNs in place; the ends take the nearest value. */
    static void interpolate(double[] y) {
        int n = y.length;
        int previous = -1;
        for (int t = 0; t < n; t++) {
            if (Double.isNaN(y[t])) {
                continue;
            }
            if (previous < t - 1) {
                for (int k = previous + 1; k < t; k++) {
                    y[k] = previous < 0 ? y[t] : y[previous] + (y[t] - y[previous]) * (k - previous) / (t - previous);
                }
            }
            previous = t;
        }
        for (int k = previous + 1; k < n; k++) {
            y[k] = y[previous];
        }
    }

    /** Indexes of the outliers (see the class description). */
    static List<Integer> outliers(double[] y, int m) {
        return screen(y, m).indexes();
    }

    /**
     * The outliers and what the series would have been without them.
     *
     * @param indexes the flagged periods, in order
     * @param expected the trend and season's value at every period
     */
    record Screened(List<Integer> indexes, double[] expected) {
        /** The series with each flagged period replaced by its expected value. */
        double[] cleaned(double[] y) {
            double[] out = y.clone();
            for (int t : indexes) {
                out[t] = expected[t];
            }
            return out;
        }
    }

    /**
     * The outlier screen (see the class description): each period's residual against the robust
     * decomposition, flagged beyond 3.5 robust standard deviations from their median.
     */
    static Screened screen(double[] y, int m) {
        int n = y.length;
        if (m > 1 && n < 2 * m) {
            m = 1;
        }
        if (n < (m > 1 ? 2 * m : 10)) {
            return new Screened(List.of(), y.clone());
        }
        boolean counts = isCounts(y);
        Measured measured = measure(y, m, counts);
        double[] residual = measured.residual();
        double median = RobustDecomposition.median(residual);
        double sigma = 1.4826 * RobustDecomposition.mad(residual);
        if (counts) {
            // counts are at least as noisy as Poisson counts: ½ on the square-root scale
            sigma = Math.max(sigma, 0.5);
        }
        List<Integer> flagged = new ArrayList<>();
        double limit = 3.5 * sigma;
        for (int t = 0; sigma > 0 && t < n; t++) {
            if (Math.abs(residual[t] - median) > limit) {
                flagged.add(t);
            }
        }
        return new Screened(List.copyOf(flagged), measured.expected());
    }

    private static boolean isCounts(double[] y) {
        return Arrays.stream(y).allMatch(v -> v >= 0 && v == Math.rint(v));
    }

    /** Each period's residual on the check's scale and its expected value in the series' units. */
    record Measured(double[] residual, double[] expected) {}

    /**
     * The residuals the outlier check measures. Counts (every value a non-negative whole
     * number) are decomposed on log(y + ½), where a season multiplies a growing level as it does in the
     * business, and each count is compared with its fitted value μ on Anscombe's square-root scale,
     * √(y + ⅜) − √(μ + ⅜), where Poisson noise has the same spread at every level (Anscombe, Biometrika
     * 35, 1948); other positive series are decomposed and measured on logarithms; the rest as they are.
     *
     * <p>The season takes part only when it predicts the seasons it was not fitted on (held-out
     * strength at least {@value #SEASONAL_STRENGTH}, {@link RobustDecomposition.Parts#heldOutStrength}),
     * an adaptation of the rule of {@code tsoutliers} in R's forecast package (Hyndman &amp; Khandakar
     * 2008), which drops a season of strength below 0.6: a season fitted anyway learns the spikes that
     * recur in it, as summer storms do for a roofer, and then flags the quiet summers instead.
     */
    static Measured measure(double[] y, int m, boolean counts) {
        int n = y.length;
        boolean positive = Arrays.stream(y).allMatch(v -> v > 0);
        double[] z;
        if (counts) {
            z = Arrays.stream(y).map(v -> Math.log(v + 0.5)).toArray();
        } else if (positive) {
            z = Arrays.stream(y).map(Math::log).toArray();
        } else {
            z = y.clone();
        }
        RobustDecomposition.Parts parts = RobustDecomposition.of(z, m);
        if (m > 1 && parts.heldOutStrength(z) < SEASONAL_STRENGTH) {
            parts = RobustDecomposition.of(z, 1);
        }
        double[] residual = new double[n];
        double[] expected = new double[n];
        for (int t = 0; t < n; t++) {
            double fitted = parts.fitted(t);
            if (counts) {
                double mu = Math.max(0, Math.exp(fitted) - 0.5);
                expected[t] = mu;
                residual[t] = Math.sqrt(y[t] + 0.375) - Math.sqrt(mu + 0.375);
            } else if (positive) {
                expected[t] = Math.exp(fitted);
                residual[t] = Math.log(y[t]) - fitted;
            } else {
                expected[t] = fitted;
                residual[t] = y[t] - fitted;
            }
        }
        return new Measured(residual, expected);
    }
}
