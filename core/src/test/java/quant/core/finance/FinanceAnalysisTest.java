package quant.core.finance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import quant.core.analysis.Snapshot;
import quant.core.analysis.Snapshots;
import quant.core.job.JobMonitor;
import quant.core.settings.Monitors;

/** The finance monitors against figures worked by hand. */
class FinanceAnalysisTest {
    private static LocalDate day(int year, int month, int d) {
        return LocalDate.of(year, month, d);
    }

    /**
     * Three customers invoiced 500, 300 and 200 in the year to 2025-12-31 (and 900 before it, which
     * does not count); a job each month of 2025 with revenue 1,000 and cost 600, and 2025-03 with
     * revenue 100; fixed costs 300 and marketing 50 every month.
     */
    private static Snapshot company() {
        Snapshots s = new Snapshots();
        int a = s.customer("A", "commercial", "referral", "Springfield", day(2020, 1, 1));
        int b = s.customer("B", "commercial", "referral", "Springfield", day(2020, 1, 1));
        int c = s.customer("C", "residential", "search", "Springfield", day(2020, 1, 1));
        s.invoice(a, day(2025, 3, 1), day(2025, 3, 31), 500, "paid", day(2025, 3, 20));
        s.invoice(b, day(2025, 6, 1), day(2025, 6, 30), 300, "paid", day(2025, 6, 20));
        s.invoice(c, day(2025, 9, 1), day(2025, 9, 30), 200, "open", null);
        s.invoice(c, day(2024, 9, 1), day(2024, 9, 30), 900, "paid", day(2024, 9, 20));
        for (int m = 1; m <= 12; m++) {
            double revenue = m == 3 ? 100 : 1000;
            s.job(a, "HVAC", day(2025, m, 10), revenue, 600, 0, false);
            s.expense(day(2025, m, 1), 300, true, "rent");
            s.spend(day(2025, m, 1), "search", 50);
        }
        return s.build();
    }

    private static FinanceResult run() {
        return FinanceAnalysis.run(company(), Optional.of(day(2025, 12, 31)), Monitors.DEFAULTS, JobMonitor.NONE);
    }

    @Test
    void concentrationIsTopFiveShareAndTheSumOfSquaredShares() {
        FinanceResult r = run();
        assertThat(r.invoiced12()).isEqualTo(1000);
        assertThat(r.customersInvoiced()).isEqualTo(3);
        // three customers: the top five are all of it
        assertThat(r.top5Share()).isEqualTo(1.0);
        assertThat(r.top5Status()).isEqualTo("critical");
        // 0.5² + 0.3² + 0.2²
        assertThat(r.hhi()).isEqualTo(0.38);
        assertThat(r.concentration())
                .extracting(FinanceResult.Share::cumulativeShare)
                .containsExactly(0.5, 0.8, 1.0);
    }

    @Test
    void marginsByMonthAndTheReserveAreAsWorkedByHand() {
        FinanceResult r = run();
        assertThat(r.months()).hasSize(24);
        FinanceResult.Month march = r.months().stream()
                .filter(m -> m.month().equals("2025-03"))
                .findFirst()
                .orElseThrow();
        // 100 − 600 = −500 gross; − 300 fixed − 50 marketing = −850 operating
        assertThat(march.grossMargin()).isEqualTo(-500);
        assertThat(march.operatingMargin()).isEqualTo(-850);
        assertThat(march.grossShare()).isEqualTo(-5.0);
        FinanceResult.Month december = r.months().getLast();
        assertThat(december.complete()).isTrue();
        assertThat(december.grossShare()).isEqualTo(0.4);
        // Oct–Dec: 3 × 400 gross ÷ 3,000 revenue; operating (1,200 − 900 − 150) ÷ 3,000
        assertThat(r.grossMargin()).isEqualTo(0.4);
        assertThat(r.operatingMargin()).isEqualTo(0.05);
        assertThat(r.grossStatus()).isEqualTo("ok");
        assertThat(r.operatingStatus()).isEqualTo("warning");
        // worst three months: the ones holding March. Jan–Mar: fixed 900; contribution (400 − 50) +
        // (400 − 50) + (−500 − 50) = 150; shortfall 750 = 2.5 months of the 300 fixed costs. Before 2025
        // there is no revenue: the stretches start with the first month of activity.
        assertThat(r.reserve().from()).isEqualTo("2025-01");
        assertThat(r.reserve().shortfall()).isEqualTo(750);
        assertThat(r.reserve().monthsOfFixedCosts()).isEqualTo(2.5);
        // one year of history: too short for seasonality
        assertThat(r.seasonality()).isEmpty();
        assertThat(r.notes()).anyMatch(n -> n.startsWith("Seasonality and volatility need 24 complete months"));
    }

    @Test
    void theCentredMovingAverageHalvesTheEnds() {
        double[] y = new double[13];
        for (int t = 0; t < 13; t++) {
            y[t] = t;
        }
        double[] ma = FinanceAnalysis.centredMovingAverage(y);
        // (0.5·0 + 1 + … + 11 + 0.5·12) ÷ 12 = 6
        assertThat(ma[6]).isCloseTo(6, within(1e-12));
        assertThat(ma[5]).isNaN();
        assertThat(ma[7]).isNaN();
    }
}
