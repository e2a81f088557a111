package quant.core.stats;

import java.util.function.ToDoubleFunction;
import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.SimplexOptimizer;

/**
 * Nelder–Mead minimisation (commons-math3's {@link SimplexOptimizer}) that never loses its work: a
 * value that is not finite counts as 10³⁰⁰, and when the evaluation budget runs out the best point
 * seen so far is the answer, as R's {@code optim} returns its last simplex.
 */
public final class NelderMead {
    private NelderMead() {}

    public static double[] minimise(ToDoubleFunction<double[]> f, double[] start, double[] steps, int maxEvaluations) {
        return minimise(f, start, steps, maxEvaluations, 1e-9);
    }

    /** As above, converged when the simplex's values agree to {@code relative} (R's {@code reltol}). */
    public static double[] minimise(
            ToDoubleFunction<double[]> f, double[] start, double[] steps, int maxEvaluations, double relative) {
        double[] best = start.clone();
        double[] bestValue = {Double.POSITIVE_INFINITY};
        ObjectiveFunction objective = new ObjectiveFunction(v -> {
            double value = f.applyAsDouble(v);
            if (!Double.isFinite(value)) {
                value = 1e300;
            }
            if (value < bestValue[0]) {
                bestValue[0] = value;
                System.arraycopy(v, 0, best, 0, v.length);
            }
            return value;
        });
        try {
            return new SimplexOptimizer(relative, 1e-12)
                    .optimize(
                            new MaxEval(maxEvaluations),
                            objective,
                            GoalType.MINIMIZE,
                            new InitialGuess(start),
                            new NelderMeadSimplex(steps))
                    .getPoint();
        } catch (TooManyEvaluationsException budgetSpent) {
            return best;
        }
    }
}
