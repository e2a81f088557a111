package quant.core.forecast;

/**
 * The exact Gaussian likelihood of a stationary ARMA process by its autocovariances and the
 * Durbin–Levinson recursion (Brockwell &amp; Davis, "Time Series: Theory and Methods", 2nd ed., 1991,
 * §3.3 for the autocovariances, Proposition 5.2.1 for the recursion, §8.7 for the likelihood).
 *
 * <p>With z_t = w_t − μ and the innovations variance σ² factored out, z ~ N(0, σ² Γ_n) with Γ_n the
 * Toeplitz matrix of γ(0), …, γ(n−1). The autocovariances of φ(B) z_t = θ(B) e_t come from the p + 1
 * equations γ(k) − Σ_i φ_i γ(|k − i|) = Σ_{j=k}^{q} θ_j ψ_{j−k} (θ_0 = 1, ψ the MA(∞) weights), then the
 * same difference equation for k &gt; p. The recursion gives each one-step prediction ẑ_t and its
 * variance r_t (in units of σ²), so that −2 log L = n log σ̂² + Σ log r_t + n + n log 2π with σ̂² = Σ (z_t −
 * ẑ_t)² / r_t / n — the same quantity as the Kalman filter started from the stationary covariance, at
 * O(n²) + O(p³) operations instead of the filter's O(r³) start; the cheaper choice on short series.
 */
final class ArmaLikelihood {
    /** Σ (z_t − ẑ_t)² / r_t and Σ log r_t. */
    record Sums(double ssq, double sumLog) {}

    private ArmaLikelihood() {}

    /**
     * The sums for z = w − mean under φ(B) = 1 − Σ phi_i B^i, θ(B) = 1 + Σ theta_j B^j; null when the
     * AR part is not stationary enough for its autocovariances to be solved, or the recursion breaks
     * down.
     */
    static Sums of(double[] w, double mean, double[] phi, double[] theta) {
        int n = w.length;
        double[] gamma = autocovariances(phi, theta, n);
        if (gamma == null || !(gamma[0] > 0)) {
            return null;
        }
        double[] z = new double[n];
        for (int t = 0; t < n; t++) {
            z[t] = w[t] - mean;
        }
        double[] a = new double[n];
        double[] previous = new double[n];
        double r = gamma[0];
        double ssq = z[0] * z[0] / r;
        double sumLog = Math.log(r);
        for (int t = 1; t < n; t++) {
            // φ_{t,t} from γ(t) and φ_{t−1,·}; then φ_{t,j} = φ_{t−1,j} − φ_{t,t} φ_{t−1,t−j}
            double num = gamma[t];
            for (int j = 1; j < t; j++) {
                num -= a[j] * gamma[t - j];
            }
            double k = num / r;
            System.arraycopy(a, 1, previous, 1, t - 1);
            for (int j = 1; j < t; j++) {
                a[j] = previous[j] - k * previous[t - j];
            }
            a[t] = k;
            r *= 1 - k * k;
            if (!(r > 0) || !Double.isFinite(r)) {
                return null;
            }
            double prediction = 0;
            for (int j = 1; j <= t; j++) {
                prediction += a[j] * z[t - j];
            }
            double e = z[t] - prediction;
            ssq += e * e / r;
            sumLog += Math.log(r);
        }
        return Double.isFinite(ssq) && Double.isFinite(sumLog) ? new Sums(ssq, sumLog) : null;
    }

    /**
     * γ(0), …, γ(n−1) for unit innovations variance; null when the linear system for the first p + 1
     * is singular or its solution not finite.
     */
    static double[] autocovariances(double[] phi, double[] theta, int n) {
        int p = phi.length;
        int q = theta.length;
        // ψ_0 … ψ_q
        double[] psi = new double[q + 1];
        psi[0] = 1;
        for (int j = 1; j <= q; j++) {
            double v = theta[j - 1];
            for (int i = 1; i <= Math.min(j, p); i++) {
                v += phi[i - 1] * psi[j - i];
            }
            psi[j] = v;
        }
        // c_k = Σ_{j=k}^{q} θ_j ψ_{j−k}
        double[] c = new double[Math.max(q, p) + 1];
        for (int k = 0; k <= q; k++) {
            double s = 0;
            for (int j = k; j <= q; j++) {
                double thetaJ = j == 0 ? 1 : theta[j - 1];
                s += thetaJ * psi[j - k];
            }
            c[k] = s;
        }
        int size = Math.max(n, p + 1);
        double[] gamma = new double[size];
        if (p > 0) {
            double[][] m = new double[p + 1][p + 2];
            for (int k = 0; k <= p; k++) {
                m[k][k] += 1;
                for (int i = 1; i <= p; i++) {
                    m[k][Math.abs(k - i)] -= phi[i - 1];
                }
                m[k][p + 1] = c[k];
            }
            double[] solved = solve(m);
            if (solved == null) {
                return null;
            }
            System.arraycopy(solved, 0, gamma, 0, p + 1);
        } else {
            gamma[0] = c[0];
        }
        for (int k = Math.max(1, p + 1); k < size; k++) {
            double v = k <= q ? c[k] : 0;
            for (int i = 1; i <= p; i++) {
                v += phi[i - 1] * gamma[k - i];
            }
            gamma[k] = v;
        }
        return gamma;
    }

    /** Gaussian elimination with partial pivoting on an augmented matrix; null when singular. */
    private static double[] solve(double[][] m) {
        int size = m.length;
        for (int col = 0; col < size; col++) {
            int pivot = col;
            for (int row = col + 1; row < size; row++) {
                if (Math.abs(m[row][col]) > Math.abs(m[pivot][col])) {
                    pivot = row;
                }
            }
            if (!(Math.abs(m[pivot][col]) > 1e-12)) {
                return null;
            }
            double[] swap = m[col];
            m[col] = m[pivot];
            m[pivot] = swap;
            double[] top = m[col];
            for (int row = col + 1; row < size; row++) {
                double f = m[row][col] / top[col];
                if (f != 0) {
                    for (int j = col; j <= size; j++) {
                        m[row][j] -= f * top[j];
                    }
                }
            }
        }
        double[] x = new double[size];
        for (int row = size - 1; row >= 0; row--) {
            double v = m[row][size];
            for (int j = row + 1; j < size; j++) {
                v -= m[row][j] * x[j];
            }
            x[row] = v / m[row][row];
            if (!Double.isFinite(x[row])) {
                return null;
            }
        }
        return x;
    }
}
