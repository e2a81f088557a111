package quant.core.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Gamma-Gamma: the likelihood by hand, the published CDNOW estimates, the conditional expectation. */
class GammaGammaTest {
    static final Path CDNOW =
            Path.of("..", "..", "shared", "benchdata", "cdnow", "cdnow_customers_summary_with_transactions.csv");

    @Test
    void theLikelihoodOfOneCustomerMatchesTheFormulaWorkedByHand() {
        // p = 1, q = 2, γ = 1, x = 1, z̄ = 1: Γ(3)/(Γ(1)Γ(2)) · 1 · 1 · 1 / 2³ = 2/8
        assertThat(GammaGamma.logLikelihood(1, 2, 1, new double[] {1, 0}, new double[] {1, 0}))
                .isCloseTo(Math.log(0.25), within(1e-12));
    }

    @Test
    void reproducesThePublishedCdnowEstimates() throws Exception {
        assumeTrue(
                Files.exists(CDNOW),
                "../shared/benchdata/cdnow is absent: the CDNOW reference test is skipped (see ../shared/benchdata/SOURCES.md)");
        List<String> lines = Files.readAllLines(CDNOW);
        double[] x = new double[lines.size() - 1];
        double[] zbar = new double[lines.size() - 1];
        List<String> header = List.of(lines.getFirst().split(","));
        for (int i = 1; i < lines.size(); i++) {
            String[] cells = lines.get(i).split(",");
            x[i - 1] = Double.parseDouble(cells[header.indexOf("x")]);
            zbar[i - 1] = Double.parseDouble(cells[header.indexOf("zbar")]);
        }
        GammaGamma.Fit fit = GammaGamma.fit(x, zbar);
        // Fader & Hardie (2013), "The Gamma-Gamma Model of Monetary Value": p = 6.25, q = 3.74, γ = 15.44
        assertThat(fit.customers()).isEqualTo(946);
        assertThat(fit.model().p()).isCloseTo(6.25, within(0.01));
        assertThat(fit.model().q()).isCloseTo(3.74, within(0.01));
        assertThat(fit.model().gamma()).isCloseTo(15.44, within(0.02));
    }

    @Test
    void theExpectedSpendLeansFromThePopulationMeanToTheCustomersOwn() {
        GammaGamma m = new GammaGamma(6.25, 3.74, 15.44);
        double population = 15.44 * 6.25 / (3.74 - 1);
        assertThat(m.expectedSpend(0, 0)).isCloseTo(population, within(1e-12));
        double one = m.expectedSpend(1, 100);
        double many = m.expectedSpend(20, 100);
        assertThat(one).isBetween(population, 100.0);
        assertThat(many).isBetween(one, 100.0);
        assertThat(new GammaGamma(1, 0.8, 1).expectedSpend(1, 10)).isNaN();
    }

    @Test
    void aRepeaterWithoutASpendIsRefused() {
        assertThatThrownBy(() -> GammaGamma.fit(new double[] {2}, new double[] {0}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Customer 1 has 2.0 repeat purchases but a mean value of 0.0; it must be positive.");
    }
}
