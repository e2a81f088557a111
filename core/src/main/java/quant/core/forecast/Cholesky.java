package quant.core.forecast;

/** Solves small symmetric positive semi-definite systems by a Cholesky factorisation with a tiny ridge. */
final class Cholesky {
    private Cholesky() {}

    /**
     * Solves a x = b, adding 10⁻¹⁰ times the largest diagonal element to the diagonal so that a
     * direction the data cannot identify gets 0 rather than a blow-up; null when a is not positive.
     */
    static double[] solve(double[][] a, double[] b) {
        int d = b.length;
        double max = 0;
        for (int i = 0; i < d; i++) {
            max = Math.max(max, a[i][i]);
        }
        if (!(max > 0)) {
            return null;
        }
        double ridge = 1e-10 * max;
        double[][] l = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j <= i; j++) {
                double sum = a[i][j] + (i == j ? ridge : 0);
                for (int k = 0; k < j; k++) {
                    sum -= l[i][k] * l[j][k];
                }
                if (i == j) {
                    if (!(sum > 0)) {
                        return null;
                    }
                    l[i][i] = Math.sqrt(sum);
                } else {
                    l[i][j] = sum / l[j][j];
                }
            }
        }
        double[] y = new double[d];
        for (int i = 0; i < d; i++) {
            double sum = b[i];
            for (int k = 0; k < i; k++) {
                sum -= l[i][k] * y[k];
            }
            y[i] = sum / l[i][i];
        }
        double[] x = new double[d];
        for (int i = d - 1; i >= 0; i--) {
            double sum = y[i];
            for (int k = i + 1; k < d; k++) {
                sum -= l[k][i] * x[k];
            }
            x[i] = sum / l[i][i];
        }
        return x;
    }
}
