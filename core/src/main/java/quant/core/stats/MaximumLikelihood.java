package quant.core.stats;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.SimpleBounds;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;

/**
 * Maximum likelihood for the customer-base models, all the same way: the parameters are positive, so
 * the optimizer (commons-math3's BOBYQA, derivative-free, bounded) searches their logarithms inside a
 * box; an estimate on the edge of the box means a parameter is heading to 0 or infinity and the model
 * does not describe the data. Standard errors are the square roots of the diagonal of the inverse of
 * the Hessian of −ln L in the natural parameters, by central differences (step 10⁻⁴ of each value).
 */
public final class MaximumLikelihood {
    public static final int MAX_EVALUATIONS = 20_000;

    private MaximumLikelihood() {}

    /**
     * An estimate.
     *
     * @param params the natural parameters, in the order of the names given
     * @param standardErrors by name; NaN where the Hessian is not positive definite
     */
    public record Estimate(
            double[] params, double logLikelihood, Map<String, Double> standardErrors, int evaluations) {}

    /**
     * Maximises {@code logLikelihood} over positive parameters.
     *
     * @param model the model's name for messages ("BG/NBD")
     * @param logStart the starting point, as logarithms
     * @param logLower lower bounds of the logarithms
     * @param logUpper upper bounds of the logarithms
     * @throws ModelFitException when the search does not converge or ends on the edge of the box
     */
    public static Estimate fit(
            String model,
            String[] names,
            double[] logStart,
            double[] logLower,
            double[] logUpper,
            ToDoubleFunction<double[]> logLikelihood) {
        BOBYQAOptimizer optimizer = new BOBYQAOptimizer(2 * logStart.length + 1, 0.5, 1e-8);
        PointValuePair best;
        try {
            best = optimizer.optimize(
                    new MaxEval(MAX_EVALUATIONS),
                    new ObjectiveFunction(lp -> {
                        double value = -logLikelihood.applyAsDouble(exp(lp));
                        return Double.isFinite(value) ? value : Double.MAX_VALUE;
                    }),
                    GoalType.MINIMIZE,
                    new InitialGuess(logStart),
                    new SimpleBounds(logLower, logUpper));
        } catch (TooManyEvaluationsException e) {
            throw new ModelFitException("The " + model + " fit did not converge in 20,000 evaluations.");
        }
        double[] lp = best.getPoint();
        for (int i = 0; i < lp.length; i++) {
            boolean low = lp[i] <= logLower[i] + 0.01;
            if (low || lp[i] >= logUpper[i] - 0.01) {
                double v = Math.exp(lp[i]);
                throw new ModelFitException(
                        "The " + model + " fit ran to the edge of its parameters (" + names[i] + " heads to "
                                + (low ? "0" : "infinity") + ": "
                                + String.format(java.util.Locale.ROOT, v >= 1000 ? "%,.0f" : "%.4g", v)
                                + " at the edge): the model does not describe these data.",
                        names[i],
                        exp(lp),
                        -best.getValue());
            }
        }
        double[] p = exp(lp);
        return new Estimate(p, -best.getValue(), standardErrors(names, p, logLikelihood), optimizer.getEvaluations());
    }

    public static double[] exp(double[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = Math.exp(v[i]);
        }
        return out;
    }

    public static Map<String, Double> standardErrors(
            String[] names, double[] p, ToDoubleFunction<double[]> logLikelihood) {
        int n = p.length;
        double[] step = new double[n];
        for (int i = 0; i < n; i++) {
            step[i] = 1e-4 * Math.max(Math.abs(p[i]), 1e-3);
        }
        double[][] h = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                double fpp = shifted(logLikelihood, p, i, step[i], j, step[j]);
                double fpm = shifted(logLikelihood, p, i, step[i], j, -step[j]);
                double fmp = shifted(logLikelihood, p, i, -step[i], j, step[j]);
                double fmm = shifted(logLikelihood, p, i, -step[i], j, -step[j]);
                // of −ln L
                h[i][j] = -(fpp - fpm - fmp + fmm) / (4 * step[i] * step[j]);
                h[j][i] = h[i][j];
            }
        }
        RealMatrix hessian = MatrixUtils.createRealMatrix(h);
        LUDecomposition lu = new LUDecomposition(hessian);
        RealMatrix inverse = lu.getSolver().isNonSingular() ? lu.getSolver().getInverse() : null;
        Map<String, Double> se = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            double v = inverse == null ? Double.NaN : inverse.getEntry(i, i);
            se.put(names[i], v > 0 ? Math.sqrt(v) : Double.NaN);
        }
        return se;
    }

    private static double shifted(ToDoubleFunction<double[]> f, double[] p, int i, double di, int j, double dj) {
        double[] q = p.clone();
        q[i] += di;
        q[j] += dj;
        return f.applyAsDouble(q);
    }
}
