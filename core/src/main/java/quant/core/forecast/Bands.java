package quant.core.forecast;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.distribution.NormalDistribution;

/** Builds prediction intervals from forecast variances, sample paths or past errors. */
final class Bands {
    private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1);

    private Bands() {}

    /** The standard normal quantile for a central interval at {@code level} percent (1.96 for 95). */
    static double z(int level) {
        return NORMAL.inverseCumulativeProbability(0.5 + level / 200.0);
    }

    /** Normal intervals mean ± z·sd per step. */
    static List<Forecast.Band> normal(double[] mean, double[] sd, int[] levels) {
        List<Forecast.Band> out = new ArrayList<>(levels.length);
        for (int level : sorted(levels)) {
            double z = z(level);
            double[] lower = new double[mean.length];
            double[] upper = new double[mean.length];
            for (int k = 0; k < mean.length; k++) {
                lower[k] = mean[k] - z * sd[k];
                upper[k] = mean[k] + z * sd[k];
            }
            out.add(new Forecast.Band(level, lower, upper));
        }
        return out;
    }

    /**
     * Intervals from simulated sample paths: at each step the (1 − level)/2 and (1 + level)/2 empirical
     * quantiles of the paths. {@code paths[p][k]} is path p at step k.
     */
    static List<Forecast.Band> fromPaths(double[][] paths, int h, int[] levels) {
        List<Forecast.Band> out = new ArrayList<>(levels.length);
        double[][] columns = new double[h][paths.length];
        for (int k = 0; k < h; k++) {
            for (int p = 0; p < paths.length; p++) {
                columns[k][p] = paths[p][k];
            }
            Arrays.sort(columns[k]);
        }
        for (int level : sorted(levels)) {
            double[] lower = new double[h];
            double[] upper = new double[h];
            for (int k = 0; k < h; k++) {
                lower[k] = quantile(columns[k], 0.5 - level / 200.0);
                upper[k] = quantile(columns[k], 0.5 + level / 200.0);
            }
            out.add(new Forecast.Band(level, lower, upper));
        }
        return out;
    }

    /** The p-quantile of sorted values, interpolated linearly (R's type 7). */
    static double quantile(double[] sorted, double p) {
        double position = p * (sorted.length - 1);
        int i = (int) Math.floor(position);
        if (i >= sorted.length - 1) {
            return sorted[sorted.length - 1];
        }
        double w = position - i;
        return sorted[i] * (1 - w) + sorted[i + 1] * w;
    }

    /** Multiplies every value of the bands and the mean by a per-step factor (seasonal indexes ahead). */
    static List<Forecast.Band> scale(List<Forecast.Band> bands, double[] factor) {
        List<Forecast.Band> out = new ArrayList<>(bands.size());
        for (Forecast.Band b : bands) {
            double[] lower = new double[factor.length];
            double[] upper = new double[factor.length];
            for (int k = 0; k < factor.length; k++) {
                lower[k] = b.lower()[k] * factor[k];
                upper[k] = b.upper()[k] * factor[k];
            }
            out.add(new Forecast.Band(b.level(), lower, upper));
        }
        return out;
    }

    static int[] sorted(int[] levels) {
        int[] copy = levels.clone();
        Arrays.sort(copy);
        return copy;
    }
}
