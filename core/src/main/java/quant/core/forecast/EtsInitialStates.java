package quant.core.forecast;

import java.util.Arrays;

/**
 * The initial states that minimise the sum of squared one-step errors for given smoothing
 * weights. With the weights fixed, an additive-season model is linear in its initial states, so
 * the errors are e = e⁰ + Rθ, with e⁰ the errors from zero states and column j of R the errors of
 * the data-free model started from unit state j; θ = −(R'R)⁻¹R'e⁰. The seasonal states are kept
 * summing to 0 (the last is minus the sum of the others). A multiplicative season takes the
 * additive solution as indexes 1 + s/ȳ; relative-error models take the states of their
 * additive-error twin.
 */
final class EtsInitialStates {
    private final char trend;
    private final char season;
    private final int m;
    private final double[] z;
    private final double[] zeros;
    private final int d;
    private final double[] e0;
    private final double[][] columns;
    private final double mean;

    EtsInitialStates(Ets.Spec spec, int m, double[] z) {
        this.trend = spec.trend();
        this.season = spec.season() == 'N' ? 'N' : 'A';
        this.m = m;
        this.z = z;
        this.zeros = new double[z.length];
        this.d = 1 + (trend == 'N' ? 0 : 1) + (season == 'A' ? m - 1 : 0);
        this.e0 = new double[z.length];
        this.columns = new double[d][z.length];
        this.mean = Arrays.stream(z).average().orElse(1);
        this.multiplicative = spec.season() == 'M';
    }

    private final boolean multiplicative;

    /** The least-squares states [ℓ0, b0, s_0 … s_{m−1}]; {@code fallback} when they cannot be solved. */
    double[] solve(double[] p, double[] fallback) {
        double[] s = new double[m];
        errors(z, p, new double[d], s, e0);
        for (int j = 0; j < d; j++) {
            double[] unit = new double[d];
            unit[j] = 1;
            errors(zeros, p, unit, s, columns[j]);
        }
        double[][] a = new double[d][d];
        double[] b = new double[d];
        int n = z.length;
        for (int i = 0; i < d; i++) {
            double[] ci = columns[i];
            double bi = 0;
            for (int t = 0; t < n; t++) {
                bi += ci[t] * e0[t];
            }
            b[i] = -bi;
            for (int j = 0; j <= i; j++) {
                double[] cj = columns[j];
                double v = 0;
                for (int t = 0; t < n; t++) {
                    v += ci[t] * cj[t];
                }
                a[i][j] = v;
                a[j][i] = v;
            }
        }
        double[] theta = Cholesky.solve(a, b);
        if (theta == null) {
            return fallback;
        }
        double[] st = new double[2 + m];
        expand(theta, st, s);
        if (multiplicative) {
            for (int i = 0; i < m; i++) {
                st[2 + i] = Math.max(0.05, 1 + st[2 + i] / mean);
            }
        }
        return st;
    }

    /** Maps θ = [ℓ0, (b0), s_0 … s_{m−2}] to the state vector, the last season minus the sum of the others. */
    private void expand(double[] theta, double[] st, double[] scratch) {
        st[0] = theta[0];
        int i = 1;
        if (trend != 'N') {
            st[1] = theta[1];
            i = 2;
        }
        if (season == 'A') {
            double sum = 0;
            for (int j = 0; j < m - 1; j++) {
                st[2 + j] = theta[i + j];
                sum += theta[i + j];
            }
            st[2 + m - 1] = -sum;
        }
    }

    /** One-step errors of the linear (additive-season) recursion from the states θ. */
    private void errors(double[] y, double[] p, double[] theta, double[] s, double[] e) {
        double[] st = new double[2 + m];
        expand(theta, st, s);
        double l = st[0];
        double b = st[1];
        System.arraycopy(st, 2, s, 0, m);
        boolean hasTrend = trend != 'N';
        boolean damped = trend == 'D';
        boolean seasonal = season == 'A';
        double a = p[0];
        double be = p[1];
        double g = p[2];
        double ph = p[3];
        for (int t = 0; t < y.length; t++) {
            double phiB = hasTrend ? (damped ? ph * b : b) : 0;
            double q = l + phiB;
            int pos = seasonal ? t % m : 0;
            double sv = seasonal ? s[pos] : 0;
            double err = y[t] - q - sv;
            e[t] = err;
            l = q + a * err;
            b = phiB + be * err;
            if (seasonal) {
                s[pos] = sv + g * err;
            }
        }
    }

    /** Seasonal starting states from a classical decomposition of up to the first four seasons. */
    static double[] initialSeason(double[] z, int m, char season) {
        double[] s = new double[m];
        if (season == 'N') {
            return s;
        }
        int k = Math.min(z.length, 4 * m);
        double[] head = Arrays.copyOf(z, k);
        if (season == 'M') {
            return Seasonality.multiplicativeIndexes(head, m);
        }
        return Seasonality.additiveIndexes(head, m);
    }

    /**
     * The starting level and trend: a least-squares line through the first max(10, 2m) seasonally
     * adjusted points, its value at t = 0 and its slope (the mean and no slope without trend).
     */
    static double[] initialLevelAndTrend(double[] z, int m, char season, double[] s) {
        int k = Math.min(z.length, Math.max(10, 2 * m));
        double[] a = new double[k];
        for (int t = 0; t < k; t++) {
            a[t] = season == 'M' ? z[t] / s[t % m] : season == 'A' ? z[t] - s[t % m] : z[t];
        }
        double meanT = (k + 1) / 2.0;
        double meanA = Arrays.stream(a).average().orElse(0);
        double sxy = 0;
        double sxx = 0;
        for (int t = 1; t <= k; t++) {
            sxy += (t - meanT) * (a[t - 1] - meanA);
            sxx += (t - meanT) * (t - meanT);
        }
        double slope = sxx == 0 ? 0 : sxy / sxx;
        return new double[] {meanA - slope * meanT, slope};
    }
}
