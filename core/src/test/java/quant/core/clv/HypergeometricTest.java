package quant.core.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** ₂F₁ against closed forms. */
class HypergeometricTest {
    @Test
    void matchesClosedForms() {
        // 2F1(1, 1; 2; z) = −ln(1−z)/z
        for (double z : new double[] {0.1, 0.5, 0.9, 0.99}) {
            assertThat(Hypergeometric.f21(1, 1, 2, z)).isCloseTo(-Math.log(1 - z) / z, within(1e-9));
        }
        // 2F1(a, b; b; z) = (1−z)^(−a)
        assertThat(Hypergeometric.f21(0.7, 2.5, 2.5, 0.6)).isCloseTo(Math.pow(0.4, -0.7), within(1e-12));
        // 2F1(1/2, 1; 3/2; z²) = atanh(z)/z
        double z = 0.8;
        double atanh = 0.5 * Math.log((1 + z) / (1 - z));
        assertThat(Hypergeometric.f21(0.5, 1, 1.5, z * z)).isCloseTo(atanh / z, within(1e-12));
        assertThat(Hypergeometric.f21(3, 4, 5, 0)).isEqualTo(1);
    }
}
