package quant.core.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import quant.core.stats.ModelFitException;

/** BG/NBD: the likelihood by hand, the published CDNOW estimates, and the closed forms' limits. */
class BgNbdTest {
    static final Path CDNOW = Path.of("..", "..", "shared", "benchdata", "cdnow", "cdnow_customers_summary.csv");

    static CustomerSummaries cdnow() throws Exception {
        assumeTrue(
                Files.exists(CDNOW),
                "../shared/benchdata/cdnow is absent: the CDNOW reference test is skipped (see ../shared/benchdata/SOURCES.md)");
        return CustomerSummaries.readCsv(CDNOW);
    }

    @Test
    void theLikelihoodOfOneCustomerMatchesTheFormulaWorkedByHand() {
        // r = 1, α = 1, a = 1, b = 2; one customer with x = 1, t_x = 1, T = 2.
        // B(1,3)/B(1,2) = (1/3)/(1/2) = 2/3; Γ(2)·1/(Γ(1)·3²) = 1/9 → 2/27
        // B(2,2)/B(1,2) = (1/6)/(1/2) = 1/3; Γ(2)·1/(Γ(1)·2²) = 1/4 → 1/12
        BgNbd m = new BgNbd(1, 1, 1, 2);
        CustomerSummaries one = new CustomerSummaries(new double[] {1}, new double[] {1}, new double[] {2});
        assertThat(m.logLikelihood(one)).isCloseTo(Math.log(2.0 / 27 + 1.0 / 12), within(1e-12));
        // x = 0: only the first term, B(1,2)/B(1,2) · 1/(1+2) = 1/3
        CustomerSummaries none = new CustomerSummaries(new double[] {0}, new double[] {0}, new double[] {2});
        assertThat(m.logLikelihood(none)).isCloseTo(Math.log(1.0 / 3), within(1e-12));
    }

    @Test
    void reproducesThePublishedCdnowEstimates() throws Exception {
        BgNbd.Fit fit = BgNbd.fit(cdnow());
        // Fader, Hardie & Lee (2005), Table/text: r = 0.243, α = 4.414, a = 0.793, b = 2.426, LL = −9582.4
        assertThat(fit.model().r()).isCloseTo(0.243, within(0.0005));
        assertThat(fit.model().alpha()).isCloseTo(4.414, within(0.005));
        assertThat(fit.model().a()).isCloseTo(0.793, within(0.0005));
        assertThat(fit.model().b()).isCloseTo(2.426, within(0.005));
        assertThat(fit.logLikelihood()).isCloseTo(-9582.4, within(0.05));
        assertThat(fit.standardErrors().values())
                .allSatisfy(se -> assertThat(se).isPositive().isFinite());
        assertThat(fit.standardErrors().get("r")).isLessThan(0.05);
    }

    @Test
    void aliveAndExpectationsBehaveAtTheirLimits() {
        BgNbd m = new BgNbd(0.243, 4.414, 0.793, 2.426);
        assertThat(m.pAlive(0, 0, 38.86)).isEqualTo(1);
        // a customer who bought often but long ago is less likely alive than one who bought lately
        assertThat(m.pAlive(5, 10, 38.86)).isLessThan(m.pAlive(5, 38, 38.86));
        // a < 1: both factors of the closed form are negative, the expectation positive and growing
        assertThat(m.expectedPurchases(39)).isPositive().isLessThan(m.expectedPurchases(78));
        // continuous through a = 1
        assertThat(new BgNbd(0.5, 5, 1, 3).expectedPurchases(10))
                .isCloseTo(new BgNbd(0.5, 5, 1.001, 3).expectedPurchases(10), within(1e-3));
        BgNbd steep = new BgNbd(0.5, 5, 2, 3);
        assertThat(steep.expectedPurchases(0)).isCloseTo(0, within(1e-12));
        assertThat(steep.expectedPurchases(10)).isPositive().isLessThan(steep.expectedPurchases(20));
        // the conditional expectation of a new customer (x = 0, T → 0) is the unconditional one
        assertThat(steep.conditionalExpectedPurchases(10, 0, 0, 1e-9))
                .isCloseTo(steep.expectedPurchases(10), within(1e-6));
    }

    @Test
    void tooFewRepeatersAreRefusedInOneSentence() {
        double[] x = new double[30];
        double[] tx = new double[30];
        double[] t = new double[30];
        java.util.Arrays.fill(t, 10);
        x[0] = 2;
        tx[0] = 5;
        assertThatThrownBy(() -> BgNbd.fit(new CustomerSummaries(x, tx, t)))
                .isInstanceOf(ModelFitException.class)
                .hasMessage("The BG/NBD model needs at least 20 customers with a repeat purchase; these data have 1.");
    }
}
