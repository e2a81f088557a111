package quant.core.stats;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;

/**
 * Logistic regression P(y = 1 | x) = 1 / (1 + e^(−(b₀ + b·z))) on standardised features z = (x − mean)
 * / sd, fitted by Newton–Raphson (iteratively reweighted least squares, McCullagh &amp; Nelder 1989,
 * §4.4) on the log-likelihood with a small ridge penalty λ/2·|b|² (intercept not penalised), which
 * keeps the fit finite when a feature separates the classes. Coefficients are on the standardised
 * scale, so their sizes compare the features' weight in the prediction.
 *
 * @param intercept b₀
 * @param coefficients b, one per feature, per standard deviation of the feature
 * @param means the features' training means
 * @param sds the features' training standard deviations (1 for constant features)
 * @param iterations Newton steps taken
 * @param covariance the covariance of (b₀, b) on the standardised scale: the inverse of the penalised
 *     information matrix at the estimate (the usual large-sample covariance when the penalty is small)
 */
public record LogisticRegression(
        double intercept, double[] coefficients, double[] means, double[] sds, int iterations, double[][] covariance) {
    /** The default ridge penalty: small enough to leave ordinary fits unchanged in practice. */
    public static final double DEFAULT_LAMBDA = 1e-4;

    private static final int MAX_ITERATIONS = 100;

    /**
     * Fits the model.
     *
     * @param x rows of features
     * @param y 0 or 1 per row
     * @param lambda ridge penalty on the standardised coefficients (times the number of rows)
     * @throws ModelFitException when there are no rows, only one class, or Newton's method does not converge
     */
    public static LogisticRegression fit(double[][] x, int[] y, double lambda) {
        int n = x.length;
        if (n == 0) {
            throw new ModelFitException("There are no rows to train the model on.");
        }
        int positives = 0;
        for (int v : y) {
            positives += v;
        }
        if (positives == 0 || positives == n) {
            throw new ModelFitException(
                    "All " + n + " training rows have the same outcome: a model cannot learn from that.");
        }
        int p = x[0].length;
        double[] mean = new double[p];
        double[] sd = new double[p];
        for (int j = 0; j < p; j++) {
            double s = 0;
            for (double[] row : x) {
                s += row[j];
            }
            mean[j] = s / n;
            double ss = 0;
            for (double[] row : x) {
                ss += (row[j] - mean[j]) * (row[j] - mean[j]);
            }
            sd[j] = ss > 0 ? Math.sqrt(ss / n) : 1;
        }
        double[][] z = new double[n][p + 1];
        for (int i = 0; i < n; i++) {
            z[i][0] = 1;
            for (int j = 0; j < p; j++) {
                z[i][j + 1] = (x[i][j] - mean[j]) / sd[j];
            }
        }
        double[] beta = new double[p + 1];
        beta[0] = Math.log((double) positives / (n - positives));
        double penalty = lambda * n;
        double previous = Double.NEGATIVE_INFINITY;
        for (int it = 1; it <= MAX_ITERATIONS; it++) {
            double[] gradient = new double[p + 1];
            double[][] hessian = new double[p + 1][p + 1];
            double ll = 0;
            for (int i = 0; i < n; i++) {
                double eta = dot(beta, z[i]);
                double mu = sigmoid(eta);
                ll += y[i] == 1 ? logSigmoid(eta) : logSigmoid(-eta);
                double w = Math.max(mu * (1 - mu), 1e-12);
                double r = y[i] - mu;
                for (int a = 0; a <= p; a++) {
                    gradient[a] += r * z[i][a];
                    double wa = w * z[i][a];
                    for (int b = a; b <= p; b++) {
                        hessian[a][b] += wa * z[i][b];
                    }
                }
            }
            for (int a = 1; a <= p; a++) {
                gradient[a] -= penalty * beta[a];
                hessian[a][a] += penalty;
                ll -= penalty / 2 * beta[a] * beta[a];
            }
            for (int a = 0; a <= p; a++) {
                for (int b = 0; b < a; b++) {
                    hessian[a][b] = hessian[b][a];
                }
            }
            RealVector step;
            CholeskyDecomposition cholesky;
            try {
                RealMatrix h = new Array2DRowRealMatrix(hessian, false);
                cholesky = new CholeskyDecomposition(h, 1e-12, 1e-14);
                step = cholesky.getSolver().solve(new ArrayRealVector(gradient, false));
            } catch (NonPositiveDefiniteMatrixException e) {
                throw new ModelFitException("The model's features are collinear: the fit has no unique answer.");
            }
            for (int a = 0; a <= p; a++) {
                beta[a] += step.getEntry(a);
            }
            if (Math.abs(ll - previous) < 1e-10 * (1 + Math.abs(ll))) {
                double[] b = new double[p];
                System.arraycopy(beta, 1, b, 0, p);
                return new LogisticRegression(
                        beta[0],
                        b,
                        mean,
                        sd,
                        it,
                        cholesky.getSolver().getInverse().getData());
            }
            previous = ll;
        }
        throw new ModelFitException("The model did not converge in " + MAX_ITERATIONS + " Newton steps.");
    }

    /**
     * The coefficients on the features' own scale: {@code [a₀, a₁, …]} with P(y = 1) = σ(a₀ + Σ aⱼ xⱼ),
     * aⱼ = bⱼ / sdⱼ and a₀ = b₀ − Σ bⱼ meanⱼ / sdⱼ.
     */
    public double[] rawCoefficients() {
        double[] out = new double[coefficients.length + 1];
        out[0] = intercept;
        for (int j = 0; j < coefficients.length; j++) {
            out[j + 1] = coefficients[j] / sds[j];
            out[0] -= coefficients[j] * means[j] / sds[j];
        }
        return out;
    }

    /** The covariance of {@link #rawCoefficients()}: T Σ Tᵀ for the linear map T from the standardised scale. */
    public double[][] rawCovariance() {
        int k = coefficients.length + 1;
        double[][] t = new double[k][k];
        t[0][0] = 1;
        for (int j = 1; j < k; j++) {
            t[j][j] = 1 / sds[j - 1];
            t[0][j] = -means[j - 1] / sds[j - 1];
        }
        RealMatrix map = new Array2DRowRealMatrix(t, false);
        return map.multiply(new Array2DRowRealMatrix(covariance, false))
                .multiply(map.transpose())
                .getData();
    }

    /** P(y = 1) for one row of raw (not standardised) features. */
    public double probability(double[] row) {
        double eta = intercept;
        for (int j = 0; j < coefficients.length; j++) {
            eta += coefficients[j] * (row[j] - means[j]) / sds[j];
        }
        return sigmoid(eta);
    }

    /** The feature's contribution to the log-odds of one row, relative to the average row. */
    public double contribution(double[] row, int feature) {
        return coefficients[feature] * (row[feature] - means[feature]) / sds[feature];
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    public static double sigmoid(double eta) {
        return eta >= 0 ? 1 / (1 + Math.exp(-eta)) : Math.exp(eta) / (1 + Math.exp(eta));
    }

    private static double logSigmoid(double eta) {
        return eta >= 0 ? -Math.log1p(Math.exp(-eta)) : eta - Math.log1p(Math.exp(eta));
    }
}
