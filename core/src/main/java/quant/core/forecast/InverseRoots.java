package quant.core.forecast;

import org.apache.commons.math3.complex.Complex;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;

/**
 * The inverse roots λ_i of a lag polynomial 1 + c_1 z + … + c_k z^k = Π (1 − λ_i z): the eigenvalues
 * of the companion matrix of λ^k + c_1 λ^{k−1} + … + c_k. A root lies outside the unit circle exactly
 * when its inverse lies inside.
 */
final class InverseRoots {
    private InverseRoots() {}

    static Complex[] of(double[] c) {
        int k = c.length;
        if (k == 0) {
            return new Complex[0];
        }
        if (k == 1) {
            return new Complex[] {new Complex(-c[0], 0)};
        }
        Array2DRowRealMatrix companion = new Array2DRowRealMatrix(k, k);
        for (int j = 0; j < k; j++) {
            companion.setEntry(0, j, -c[j]);
        }
        for (int i = 1; i < k; i++) {
            companion.setEntry(i, i - 1, 1);
        }
        EigenDecomposition eigen = new EigenDecomposition(companion);
        Complex[] out = new Complex[k];
        for (int i = 0; i < k; i++) {
            out[i] = new Complex(eigen.getRealEigenvalue(i), eigen.getImagEigenvalue(i));
        }
        return out;
    }

    /** The coefficients c_1 … c_k of Π (1 − λ_i z), imaginary parts (rounding of conjugate pairs) dropped. */
    static double[] coefficients(Complex[] inverse) {
        Complex[] c = {Complex.ONE};
        for (Complex lambda : inverse) {
            Complex[] next = new Complex[c.length + 1];
            for (int i = 0; i < next.length; i++) {
                Complex keep = i < c.length ? c[i] : Complex.ZERO;
                Complex shifted = i > 0 ? c[i - 1].multiply(lambda) : Complex.ZERO;
                next[i] = keep.subtract(shifted);
            }
            c = next;
        }
        double[] out = new double[inverse.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = c[i + 1].getReal();
        }
        return out;
    }
}
