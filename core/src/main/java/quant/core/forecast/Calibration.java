package quant.core.forecast;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;

/**
 * How well the chosen method's own bands matched its backtest errors, and the bands rescaled when they
 * did not.
 *
 * <p>Each backtest error e is divided by the standard deviation that the method's 80 % band implied for
 * it (the distance from the mean to the band on the side the error fell, over z₀.₉ = 1.2816). If the
 * bands are right, these standardised errors have unit variance and their sum of squares is χ² with n
 * degrees of freedom. When that sum falls outside the central 95 % of χ²(n), the bands are off; they
 * are then rescaled about the mean by the root mean square of the standardised errors, c = √(Σz²/n):
 * lower' = mean − c·(mean − lower), upper' = mean + c·(upper − mean), keeping the model's shape over
 * the horizon (variance-ratio calibration; cf. Chatfield, "Calculating interval forecasts", JBES 11(2),
 * 1993, on intervals that are too narrow or too wide out of sample). Errors of one origin are
 * correlated, so the test is a screen, not an exact one; the note says how many points it rests on.
 *
 * @param nominal80 the 80 % band's nominal coverage as a fraction, 0.8
 * @param coverage80 the share of backtest actuals inside the method's own 80 % band
 * @param nominal95 0.95
 * @param coverage95 the share inside the method's own 95 % band
 * @param points the backtest points it rests on
 * @param errorScale c, the backtest errors over the errors the bands implied
 * @param applied whether the bands were rescaled by {@code errorScale}
 * @param note what was found and done, in a sentence
 */
public record Calibration(
        double nominal80,
        Double coverage80,
        double nominal95,
        Double coverage95,
        int points,
        Double errorScale,
        boolean applied,
        String note) {

    /** The two-sided level of the χ² screen. */
    static final double ALPHA = 0.05;

    /** The calibration a method's backtest score calls for; none when it was not scored. */
    static Calibration of(Backtest.Score score) {
        if (score == null || !score.usable() || score.points() < 2 || !Double.isFinite(score.errorScale())) {
            return new Calibration(
                    0.8, null, 0.95, null, 0, null, false, "The bands are the method's own; no backtest scored them.");
        }
        int n = score.points();
        double c = score.errorScale();
        ChiSquaredDistribution chi = new ChiSquaredDistribution(null, n);
        double sum = c * c * n;
        boolean off = sum < chi.inverseCumulativeProbability(ALPHA / 2)
                || sum > chi.inverseCumulativeProbability(1 - ALPHA / 2);
        boolean applied = off && c > 0;
        String held = String.format(
                Locale.ROOT,
                "In the backtest the 80 %% band held %.0f %% and the 95 %% band %.0f %% of %d actuals",
                100 * score.coverage80(),
                100 * score.coverage95(),
                n);
        String note = applied
                ? String.format(
                        Locale.ROOT,
                        "%s; the errors were %.2f times the spread the bands allow, so the bands are scaled by %.2f.",
                        held,
                        c,
                        c)
                : held + "; the bands fit the backtest errors and are the method's own.";
        return new Calibration(0.8, score.coverage80(), 0.95, score.coverage95(), n, c, applied, note);
    }

    /** The forecast with its bands rescaled when {@link #applied()}, else as it is. */
    Forecast apply(Forecast f) {
        if (!applied) {
            return f;
        }
        List<Forecast.Band> bands = new ArrayList<>(f.bands().size());
        double[] mean = f.mean();
        for (Forecast.Band b : f.bands()) {
            double[] lower = new double[mean.length];
            double[] upper = new double[mean.length];
            for (int k = 0; k < mean.length; k++) {
                lower[k] = mean[k] - errorScale * (mean[k] - b.lower()[k]);
                upper[k] = mean[k] + errorScale * (b.upper()[k] - mean[k]);
            }
            bands.add(new Forecast.Band(b.level(), lower, upper));
        }
        return new Forecast(f.model(), f.parameters(), mean, bands, f.intervalSource() + ", calibrated");
    }
}
