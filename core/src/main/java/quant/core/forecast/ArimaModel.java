package quant.core.forecast;

import java.util.Arrays;

/**
 * The ARMA part of an {@link Arima} model on the differenced series w: the coefficients from the
 * search vector, the conditional sum of squares, the exact likelihood (by the Kalman filter or, on
 * short series, by the Durbin–Levinson recursion of {@link ArmaLikelihood}) and the forecasts of w.
 *
 * <p>State space (Harvey 1989; R's {@code makeARIMA}): r = max(p', q' + 1) with p', q' the orders of
 * the expanded polynomials φ(B)Φ(B^m) and θ(B)Θ(B^m); a_t = T a_{t−1} + R e_t, w_t − μ = a_t[0], T with
 * the AR coefficients in its first column and ones above the diagonal, R = (1, θ_1, …, θ_{r−1}). The
 * initial covariance is the stationary one, the solution of P = T P T' + R R'.
 */
final class ArimaModel {
    /** −2 log L and the concentrated innovations variance. */
    record Likelihood(double minus2LogLik, double sigma2) {}

    private final Arima.Order order;
    private final double[] w;
    double[] phi = new double[0];
    double[] theta = new double[0];
    double mean;

    ArimaModel(Arima.Order order, double[] w) {
        this.order = order;
        this.w = w;
    }

    /** {ar, ma, sar, sma} from the search vector, the AR parts mapped to stationary coefficients. */
    double[][] parts(double[] v) {
        int i = 0;
        double[] ar = partialToAr(Arrays.copyOfRange(v, i, i += order.p()));
        double[] ma = Arrays.copyOfRange(v, i, i += order.q());
        double[] sar = partialToAr(Arrays.copyOfRange(v, i, i += order.sp()));
        double[] sma = Arrays.copyOfRange(v, i, i + order.sq());
        return new double[][] {ar, ma, sar, sma};
    }

    /**
     * R's {@code partrans}: each value through tanh is a partial autocorrelation, and the
     * Durbin–Levinson recursion turns them into the coefficients of a stationary AR polynomial.
     */
    static double[] partialToAr(double[] raw) {
        int p = raw.length;
        double[] out = new double[p];
        double[] work = new double[p];
        for (int j = 0; j < p; j++) {
            out[j] = Math.tanh(raw[j]);
            work[j] = out[j];
        }
        for (int j = 1; j < p; j++) {
            double a = out[j];
            for (int k = 0; k < j; k++) {
                work[k] -= a * out[j - k - 1];
            }
            System.arraycopy(work, 0, out, 0, j);
        }
        return out;
    }

    /** Sets phi and theta to the expanded polynomials (φ(B)Φ(B^m) = 1 − Σ phi_i B^i, θ(B)Θ(B^m) = 1 + Σ theta_j B^j). */
    void expand(double[] v) {
        double[][] parts = parts(v);
        int m = order.m();
        double[] ar = parts[0];
        double[] sar = parts[2];
        phi = new double[order.p() + m * order.sp()];
        for (int i = 0; i < ar.length; i++) {
            phi[i] += ar[i];
        }
        for (int j = 0; j < sar.length; j++) {
            phi[(j + 1) * m - 1] += sar[j];
            for (int i = 0; i < ar.length; i++) {
                phi[(j + 1) * m + i] -= ar[i] * sar[j];
            }
        }
        double[] ma = parts[1];
        double[] sma = parts[3];
        theta = new double[order.q() + m * order.sq()];
        for (int i = 0; i < ma.length; i++) {
            theta[i] += ma[i];
        }
        for (int j = 0; j < sma.length; j++) {
            theta[(j + 1) * m - 1] += sma[j];
            for (int i = 0; i < ma.length; i++) {
                theta[(j + 1) * m + i] += ma[i] * sma[j];
            }
        }
        mean = order.constant() ? v[v.length - 1] : 0;
    }

    /** The CSS objective as R minimises it: ½ log(SSE / N'), residuals from t = p' on. */
    double css(double[] v) {
        double s2 = cssSigma2(v);
        return 0.5 * Math.log(s2);
    }

    int cssUsed(double[] v) {
        expand(v);
        return w.length - phi.length;
    }

    double cssSigma2(double[] v) {
        expand(v);
        int n = w.length;
        int p = phi.length;
        int q = theta.length;
        double[] e = new double[n];
        double ssq = 0;
        for (int t = p; t < n; t++) {
            double r = w[t] - mean;
            for (int i = 0; i < p; i++) {
                r -= phi[i] * (w[t - i - 1] - mean);
            }
            for (int j = 0; j < q && j < t; j++) {
                r -= theta[j] * e[t - j - 1];
            }
            e[t] = r;
            ssq += r * r;
        }
        int used = n - p;
        return used > 0 ? ssq / used : Double.NaN;
    }

    /**
     * The exact Gaussian likelihood, by whichever of the two equivalent computations costs less: the
     * Durbin–Levinson recursion on the autocovariances ({@link ArmaLikelihood}, O(n²)) or the Kalman
     * filter (O(r³) for its stationary start, then O(r²) a step until it settles); infinite when the
     * computation breaks down.
     */
    Likelihood exact(double[] v) {
        expand(v);
        int n = w.length;
        int r = Math.max(phi.length, theta.length + 1);
        double toeplitz = (double) n * n + Math.pow(phi.length + 1, 3) / 3;
        double kalman = 30.0 * r * r * r + (double) n * r * r;
        return toeplitz <= kalman ? exactToeplitz(v) : exactKalman(v);
    }

    /** The exact likelihood by the Durbin–Levinson recursion. */
    Likelihood exactToeplitz(double[] v) {
        expand(v);
        ArmaLikelihood.Sums sums = ArmaLikelihood.of(w, mean, phi, theta);
        return sums == null ? failed() : likelihood(sums.ssq(), sums.sumLog());
    }

    /** The exact likelihood by the Kalman filter. */
    Likelihood exactKalman(double[] v) {
        expand(v);
        Filter f = new Filter();
        return f.run() ? likelihood(f.ssq, f.sumLog) : failed();
    }

    private Likelihood likelihood(double ssq, double sumLog) {
        int n = w.length;
        double sigma2 = ssq / n;
        return new Likelihood(n * Math.log(sigma2) + sumLog + n + n * Math.log(2 * Math.PI), sigma2);
    }

    private static Likelihood failed() {
        return new Likelihood(Double.POSITIVE_INFINITY, Double.NaN);
    }

    /** The forecasts of w for h steps: the filtered state carried forward, plus the mean. */
    double[] predict(double[] v, int h) {
        expand(v);
        Filter f = new Filter();
        f.run();
        double[] out = new double[h];
        double[] a = f.a.clone();
        for (int k = 0; k < h; k++) {
            a = f.transition(a);
            out[k] = a[0] + mean;
        }
        return out;
    }

    private final class Filter {
        final int r = Math.max(phi.length, theta.length + 1);
        final double[] big = new double[r];
        final double[] rv = new double[r];
        double[] a = new double[r];
        double ssq;
        double sumLog;

        Filter() {
            System.arraycopy(phi, 0, big, 0, phi.length);
            rv[0] = 1;
            System.arraycopy(theta, 0, rv, 1, theta.length);
        }

        double[] transition(double[] s) {
            double[] out = new double[r];
            for (int i = 0; i < r; i++) {
                out[i] = big[i] * s[0] + (i + 1 < r ? s[i + 1] : 0);
            }
            return out;
        }

        /** Work arrays, reused: the filter runs thousands of times in one fit. */
        private double[][] spare = new double[r][r];

        private double[][] tp = new double[r][r];

        private final double[] gain = new double[r];

        private final double[] row0 = new double[r];

        /** T P T' for the companion-like T, in O(r²); the result replaces {@code p}'s spare array. */
        double[][] propagate(double[][] p) {
            for (int i = 0; i < r; i++) {
                for (int j = 0; j < r; j++) {
                    tp[i][j] = big[i] * p[0][j] + (i + 1 < r ? p[i + 1][j] : 0);
                }
            }
            double[][] out = spare;
            for (int i = 0; i < r; i++) {
                for (int j = 0; j < r; j++) {
                    out[i][j] = tp[i][0] * big[j] + (j + 1 < r ? tp[i][j + 1] : 0);
                }
            }
            spare = p;
            return out;
        }

        /**
         * The stationary covariance Σ_k T^k R R' T'^k by doubling (Anderson &amp; Moore 1979): P ← P + A P A',
         * A ← A², so that after j steps the sum holds 2^j terms; null when it does not settle (an AR part on
         * the unit circle).
         */
        double[][] stationary() {
            double[][] p = new double[r][r];
            for (int i = 0; i < r; i++) {
                for (int j = 0; j < r; j++) {
                    p[i][j] = rv[i] * rv[j];
                }
            }
            double[][] power = new double[r][r];
            for (int i = 0; i < r; i++) {
                power[i][0] = big[i];
                if (i + 1 < r) {
                    power[i][i + 1] = 1;
                }
            }
            double[][] ap = new double[r][r];
            double[][] squared = new double[r][r];
            for (int step = 0; step < 60; step++) {
                multiply(power, p, ap);
                double size = 0;
                for (int i = 0; i < r; i++) {
                    for (int j = 0; j < r; j++) {
                        // (A P A')[i][j], summed over k in order as a product with A' would be
                        double added = 0;
                        for (int k = 0; k < r; k++) {
                            double v = ap[i][k];
                            if (v != 0) {
                                added += v * power[j][k];
                            }
                        }
                        tp[i][j] = added;
                    }
                }
                for (int i = 0; i < r; i++) {
                    for (int j = 0; j < r; j++) {
                        p[i][j] += tp[i][j];
                        size = Math.max(size, Math.abs(tp[i][j]));
                    }
                }
                if (!Double.isFinite(size)) {
                    return null;
                }
                if (size < 1e-13 * Math.max(1, Math.abs(p[0][0]))) {
                    return p;
                }
                multiply(power, power, squared);
                double[][] t = power;
                power = squared;
                squared = t;
            }
            return null;
        }

        /** c = a b, summed over k in order, skipping zeros of a. */
        private void multiply(double[][] a, double[][] b, double[][] c) {
            for (int i = 0; i < r; i++) {
                java.util.Arrays.fill(c[i], 0);
                for (int k = 0; k < r; k++) {
                    double v = a[i][k];
                    if (v != 0) {
                        for (int j = 0; j < r; j++) {
                            c[i][j] += v * b[k][j];
                        }
                    }
                }
            }
        }

        boolean run() {
            double[][] p = stationary();
            if (p == null) {
                return false;
            }
            boolean steady = false;
            for (int t = 0; t < w.length; t++) {
                if (t > 0) {
                    a = transition(a);
                    if (!steady) {
                        p = propagate(p);
                        for (int i = 0; i < r; i++) {
                            for (int j = 0; j < r; j++) {
                                p[i][j] += rv[i] * rv[j];
                            }
                        }
                    }
                }
                double z = w[t] - mean;
                double innovation = z - a[0];
                if (steady) {
                    ssq += innovation * innovation;
                    for (int i = 0; i < r; i++) {
                        a[i] += rv[i] * innovation;
                    }
                    continue;
                }
                double f = p[0][0];
                if (!(f > 0) || !Double.isFinite(f)) {
                    return false;
                }
                ssq += innovation * innovation / f;
                sumLog += Math.log(f);
                double[] gain = this.gain;
                for (int i = 0; i < r; i++) {
                    gain[i] = p[i][0] / f;
                    a[i] += gain[i] * innovation;
                }
                double largest = 0;
                double[] row0 = this.row0;
                System.arraycopy(p[0], 0, row0, 0, r);
                for (int i = 0; i < r; i++) {
                    for (int j = 0; j < r; j++) {
                        p[i][j] -= gain[i] * row0[j];
                        largest = Math.max(largest, Math.abs(p[i][j]));
                    }
                }
                // once the state is known exactly the filter is the plain ARMA recursion
                steady = largest < 1e-11;
            }
            return Double.isFinite(ssq) && Double.isFinite(sumLog);
        }
    }
}
