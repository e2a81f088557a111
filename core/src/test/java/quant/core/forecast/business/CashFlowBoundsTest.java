package quant.core.forecast.business;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The cash balance's bounds and the age bands of doubtful invoices, computed by hand. */
class CashFlowBoundsTest {
    @Test
    void theRevenueDepartureAndTheOtherSourcesAddInQuadrature() {
        // mean path, lower 80, upper 80: on day 1 the low revenue path is 30 below, the high one 40 above
        double[][] cumulative = {{100, 200}, {70, 210}, {140, 180}};
        double[] other = {0, 25}; // variance of the other sources
        double z80 = 1.2815515655446004;
        double[] lower = CashFlowAnalysis.bounds(cumulative, 1, 2, other, 80, false);
        double[] upper = CashFlowAnalysis.bounds(cumulative, 1, 2, other, 80, true);
        assertThat(lower[0]).isCloseTo(100 - 30, within(1e-9));
        assertThat(upper[0]).isCloseTo(100 + 40, within(1e-9));
        // day 2: the paths cross (the low path is above the mean); the downside is the high path's 20
        assertThat(lower[1]).isCloseTo(200 - Math.sqrt(20 * 20 + z80 * z80 * 25), within(1e-9));
        assertThat(upper[1]).isCloseTo(200 + Math.sqrt(10 * 10 + z80 * z80 * 25), within(1e-9));
    }

    @Test
    void invoicesAreBandedByDaysPastDue() {
        assertThat(CashFlowAnalysis.ageBand(CashFlowAnalysis.ageBand(-5), 1, 10).label())
                .isEqualTo("not yet due");
        assertThat(CashFlowAnalysis.ageBand(CashFlowAnalysis.ageBand(0), 1, 10).label())
                .isEqualTo("not yet due");
        assertThat(CashFlowAnalysis.ageBand(CashFlowAnalysis.ageBand(1), 1, 10).label())
                .isEqualTo("1–30 days");
        assertThat(CashFlowAnalysis.ageBand(CashFlowAnalysis.ageBand(90), 1, 10).label())
                .isEqualTo("61–90 days");
        assertThat(CashFlowAnalysis.ageBand(CashFlowAnalysis.ageBand(365), 1, 10)
                        .label())
                .isEqualTo("181–365 days");
        CashFlowResult.AgeBand oldest = CashFlowAnalysis.ageBand(CashFlowAnalysis.ageBand(400), 2, 10);
        assertThat(oldest.label()).isEqualTo("over 365 days");
        assertThat(oldest.fromDays()).isEqualTo(366);
        assertThat(oldest.toDays()).isNull();
    }
}
