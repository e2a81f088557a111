package quant.core.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.math3.analysis.integration.IterativeLegendreGaussIntegrator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Pareto/NBD: the death integral both ways, the likelihood by hand, the published CDNOW estimates. */
class ParetoNbdTest {
    @ParameterizedTest(name = "p={0} α={1} q={2} β={3} on [{4}, {5}]")
    @CsvSource({
        "0.55, 10.58, 1.61, 11.67, 0, 38.86", // CDNOW-like: the series, z small
        "2.55, 10.58, 1.61, 11.67, 30.43, 38.86",
        "1.2, 0.01, 1.5, 40, 0, 39", // α tiny against β: z near 1, the quadrature
        "1.2, 40, 1.5, 0.01, 1, 39", // β tiny against α
        "30.5, 3, 1.2, 3, 5, 20", // α = β: no hypergeometric term at all
        "0.3, 5, 1.1, 9, 12.5, 12.6", // almost empty interval: no cancellation
    })
    void theDeathIntegralMatchesAdaptiveQuadrature(
            double p, double alpha, double q, double beta, double from, double to) {
        double expected = new IterativeLegendreGaussIntegrator(32, 1e-14, 1e-14)
                .integrate(100_000, tau -> Math.pow(alpha + tau, -p) * Math.pow(beta + tau, -q), from, to);
        assertThat(Math.exp(ParetoNbd.lnDeathIntegral(p, alpha, q, beta, from, to)))
                .isCloseTo(expected, within(1e-9 * expected));
    }

    @Test
    void theLikelihoodOfOneCustomerMatchesTheFormulaWorkedByHand() {
        // r = 1, α = 1, s = 1, β = 1; x = 1, t_x = 1, T = 2.
        // Γ(2)·1·1/Γ(1) = 1; alive: 1/(3²·3) = 1/27; died: s·∫₁² (1+τ)^−2 (1+τ)^−2 dτ = (1/8 − 1/27)/3 = 19/648
        ParetoNbd m = new ParetoNbd(1, 1, 1, 1);
        CustomerSummaries one = new CustomerSummaries(new double[] {1}, new double[] {1}, new double[] {2});
        assertThat(m.logLikelihood(one)).isCloseTo(Math.log(1.0 / 27 + 19.0 / 648), within(1e-12));
        // P(alive) = alive / (alive + died)
        assertThat(m.pAlive(1, 1, 2)).isCloseTo((1.0 / 27) / (1.0 / 27 + 19.0 / 648), within(1e-12));
    }

    @Test
    void reproducesThePublishedCdnowEstimates() throws Exception {
        ParetoNbd.Fit fit = ParetoNbd.fit(BgNbdTest.cdnow());
        // Fader & Hardie's note (2005): r = 0.55, α = 10.58, s = 0.61, β = 11.67, LL = −9595.0
        assertThat(fit.model().r()).isCloseTo(0.553, within(0.005));
        assertThat(fit.model().alpha()).isCloseTo(10.58, within(0.05));
        assertThat(fit.model().s()).isCloseTo(0.606, within(0.005));
        assertThat(fit.model().beta()).isCloseTo(11.67, within(0.05));
        assertThat(fit.logLikelihood()).isCloseTo(-9595.0, within(0.05));
        assertThat(fit.standardErrors().values())
                .allSatisfy(se -> assertThat(se).isPositive().isFinite());
    }

    @Test
    void expectationsAgreeWithTheirLimitsAndWithEachOther() {
        ParetoNbd m = new ParetoNbd(0.55, 10.58, 0.61, 11.67);
        // a new customer (x = 0, T = 0⁺) expects what the unconditional formula says
        assertThat(m.conditionalExpectedPurchases(39, 0, 0, 1e-9)).isCloseTo(m.expectedPurchases(39), within(1e-6));
        // continuous through s = 1
        assertThat(new ParetoNbd(0.5, 10, 1, 12).expectedPurchases(39))
                .isCloseTo(new ParetoNbd(0.5, 10, 1 + 1e-7, 12).expectedPurchases(39), within(1e-5));
        assertThat(m.pAlive(0, 0, 38.86)).isBetween(0.0, 1.0);
        assertThat(m.pAlive(5, 10, 38.86)).isLessThan(m.pAlive(5, 38, 38.86));
    }
}
