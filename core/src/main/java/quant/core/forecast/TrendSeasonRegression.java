package quant.core.forecast;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;

/**
 * Linear regression on a time trend and seasonal dummies (R's {@code forecast::tslm(y ~ trend +
 * season)}; Hyndman &amp; Athanasopoulos, "Forecasting: Principles and Practice", 3rd ed., §7.4 and
 * §7.6): y_t = a + b·t + Σ_j c_j·[t mod m = j] + e_t for the positions j = 1 … m − 1 (the first
 * position is the baseline), by least squares; without a season when m ≤ 1 or the series has fewer
 * than two seasons. Prediction intervals are exact under normal errors: ŷ ± t_{n−p} · s · √(1 +
 * x'(X'X)⁻¹x).
 */
final class TrendSeasonRegression {
    private TrendSeasonRegression() {}

    static Forecast forecast(double[] y, int m, int h, int[] levels) {
        int n = y.length;
        int season = m > 1 && n >= 2 * m ? m : 1;
        int p = 2 + season - 1;
        if (n <= p + 1) {
            throw new IllegalArgumentException("A trend" + (season > 1 ? " and season" : "")
                    + " regression needs more than " + (p + 1) + " points; the series has " + n + ".");
        }
        RealMatrix x = new Array2DRowRealMatrix(n, p);
        for (int t = 0; t < n; t++) {
            x.setRow(t, row(t, season, p));
        }
        QRDecomposition qr = new QRDecomposition(x);
        RealVector coef = qr.getSolver().solve(new ArrayRealVector(y));
        double sse = 0;
        for (int t = 0; t < n; t++) {
            double e = y[t] - x.getRowVector(t).dotProduct(coef);
            sse += e * e;
        }
        int df = n - p;
        double s = Math.sqrt(sse / df);
        RealMatrix r = qr.getR().getSubMatrix(0, p - 1, 0, p - 1);
        RealMatrix rInverse = new QRDecomposition(r).getSolver().getInverse();
        RealMatrix xtxInverse = rInverse.multiply(rInverse.transpose());
        double[] mean = new double[h];
        double[] sd = new double[h];
        for (int k = 0; k < h; k++) {
            RealVector x0 = new ArrayRealVector(row(n + k, season, p));
            mean[k] = x0.dotProduct(coef);
            sd[k] = s * Math.sqrt(1 + x0.dotProduct(xtxInverse.operate(x0)));
        }
        TDistribution t = new TDistribution(null, df);
        List<Forecast.Band> bands = new ArrayList<>();
        for (int level : Bands.sorted(levels)) {
            double q = t.inverseCumulativeProbability(0.5 + level / 200.0);
            double[] lower = new double[h];
            double[] upper = new double[h];
            for (int k = 0; k < h; k++) {
                lower[k] = mean[k] - q * sd[k];
                upper[k] = mean[k] + q * sd[k];
            }
            bands.add(new Forecast.Band(level, lower, upper));
        }
        Map<String, Double> parameters = new LinkedHashMap<>();
        parameters.put("intercept", coef.getEntry(0));
        parameters.put("trend", coef.getEntry(1));
        for (int j = 1; j < season; j++) {
            parameters.put("season" + (j + 1), coef.getEntry(1 + j));
        }
        parameters.put("sigma", s);
        String model = season > 1 ? "Regression(trend + season[" + season + "])" : "Regression(trend)";
        return new Forecast(model, parameters, mean, bands, "analytic");
    }

    /** Design row for time index t (0-based; the trend regressor is t + 1 as in tslm). */
    private static double[] row(int t, int season, int p) {
        double[] r = new double[p];
        r[0] = 1;
        r[1] = t + 1;
        int position = t % season;
        if (position > 0) {
            r[1 + position] = 1;
        }
        return r;
    }
}
