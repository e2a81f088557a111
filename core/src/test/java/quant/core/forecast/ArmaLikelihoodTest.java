package quant.core.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The Durbin–Levinson likelihood against hand-computed autocovariances and against the Kalman filter,
 * which computes the same exact likelihood another way.
 */
class ArmaLikelihoodTest {
    @Test
    void autocovariancesOfAnAr1AndAnMa1AreTheTextbookOnes() {
        // AR(1), φ = 0.6: γ(k) = 0.6^k / (1 − 0.36)
        double[] ar = ArmaLikelihood.autocovariances(new double[] {0.6}, new double[0], 4);
        assertThat(ar[0]).isCloseTo(1 / 0.64, within(1e-12));
        assertThat(ar[1]).isCloseTo(0.6 / 0.64, within(1e-12));
        assertThat(ar[3]).isCloseTo(0.216 / 0.64, within(1e-12));
        // MA(1), θ = −0.4: γ(0) = 1.16, γ(1) = −0.4, then 0
        double[] ma = ArmaLikelihood.autocovariances(new double[0], new double[] {-0.4}, 3);
        assertThat(ma).containsExactly(new double[] {1.16, -0.4, 0}, within(1e-12));
        // ARMA(1,1), φ = 0.5, θ = 0.3: γ(0) = (1 + 2φθ + θ²) / (1 − φ²), γ(1) = (1 + φθ)(φ + θ) / (1 − φ²)
        double[] arma = ArmaLikelihood.autocovariances(new double[] {0.5}, new double[] {0.3}, 3);
        assertThat(arma[0]).isCloseTo((1 + 0.3 + 0.09) / 0.75, within(1e-12));
        assertThat(arma[1]).isCloseTo(1.15 * 0.8 / 0.75, within(1e-12));
        assertThat(arma[2]).isCloseTo(0.5 * arma[1], within(1e-12));
    }

    @Test
    void twoPointsOfAnAr1HaveTheirClosedFormLikelihood() {
        // z ~ N(0, Γ) with Γ = [[1, φ], [φ, 1]] / (1 − φ²): r_0 = 1/(1 − φ²), r_1 = 1,
        // ssq = z0² (1 − φ²) + (z1 − φ z0)²
        double phi = 0.6;
        ArmaLikelihood.Sums s = ArmaLikelihood.of(new double[] {2, 3}, 0, new double[] {phi}, new double[0]);
        assertThat(s.ssq()).isCloseTo(4 * 0.64 + Math.pow(3 - 1.2, 2), within(1e-12));
        assertThat(s.sumLog()).isCloseTo(Math.log(1 / 0.64), within(1e-12));
    }

    @Test
    void agreesWithTheKalmanFilterOnSeasonalModels() {
        Random random = new Random(11);
        Arima.Order[] orders = {
            new Arima.Order(1, 0, 1, 0, 0, 0, 1, true),
            new Arima.Order(2, 0, 2, 0, 0, 0, 1, false),
            new Arima.Order(0, 0, 1, 0, 0, 1, 12, false),
            new Arima.Order(1, 0, 0, 1, 0, 0, 12, true),
            new Arima.Order(2, 0, 1, 1, 0, 1, 12, false),
            new Arima.Order(0, 0, 2, 2, 0, 0, 4, false)
        };
        for (Arima.Order order : orders) {
            for (int trial = 0; trial < 5; trial++) {
                double[] w = new double[30 + random.nextInt(40)];
                for (int t = 0; t < w.length; t++) {
                    w[t] = 5 + random.nextGaussian() + (t > 0 ? 0.4 * w[t - 1] : 0);
                }
                double[] v = new double[order.coefficients()];
                for (int i = 0; i < v.length; i++) {
                    v[i] = random.nextGaussian() * 0.6;
                }
                if (order.constant()) {
                    v[v.length - 1] = 8;
                }
                ArimaModel model = new ArimaModel(order, w);
                double kalman = model.exactKalman(v).minus2LogLik();
                double toeplitz = model.exactToeplitz(v).minus2LogLik();
                assertThat(toeplitz)
                        .as("%s at %s", order.label(), java.util.Arrays.toString(v))
                        .isCloseTo(kalman, within(1e-7 * Math.abs(kalman)));
            }
        }
    }
}
