package quant.core.clv;

/**
 * The Gauss hypergeometric function ₂F₁(a, b; c; z) for 0 ≤ z < 1, by its power series
 * Σ (a)ₙ(b)ₙ / ((c)ₙ n!) zⁿ, each term from the one before (no factorials, no overflow). The BG/NBD
 * and Pareto/NBD expectations call it with positive a, b, c, where every term is positive, so the
 * sum has no cancellation; the series stops when a term no longer changes the sum in the 15th digit.
 */
final class Hypergeometric {
    static final int MAX_TERMS = 1_000_000;

    private Hypergeometric() {}

    /**
     * ₂F₁(a, b; c; z).
     *
     * @throws IllegalArgumentException when z is outside [0, 1) or c is not positive
     * @throws ArithmeticException when the series has not converged after {@value #MAX_TERMS} terms
     */
    static double f21(double a, double b, double c, double z) {
        if (!(z >= 0 && z < 1)) {
            throw new IllegalArgumentException("2F1 is computed for 0 <= z < 1, not z = " + z);
        }
        if (!(c > 0)) {
            throw new IllegalArgumentException("2F1 is computed for c > 0, not c = " + c);
        }
        double term = 1;
        double sum = 1;
        for (int n = 0; n < MAX_TERMS; n++) {
            term *= (a + n) * (b + n) / ((c + n) * (n + 1)) * z;
            double next = sum + term;
            if (next == sum || Math.abs(term) < 1e-16 * Math.abs(next)) {
                return next;
            }
            sum = next;
        }
        throw new ArithmeticException(
                "2F1(" + a + ", " + b + "; " + c + "; " + z + ") did not converge in " + MAX_TERMS + " terms");
    }
}
