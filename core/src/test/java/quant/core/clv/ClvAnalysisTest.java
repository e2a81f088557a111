package quant.core.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import quant.core.analysis.CustomerFilter;
import quant.core.analysis.InvalidSpecException;
import quant.core.analysis.Snapshot;
import quant.core.analysis.Snapshots;
import quant.core.job.JobMonitor;

/** Lifetime value on a small company worked by hand. */
class ClvAnalysisTest {
    static final LocalDate END = LocalDate.of(2025, 12, 31);

    /**
     * A: purchases 2024-06-01 and 2025-06-01 (100 revenue, 60 cost each). B: 2024-03-01 only.
     * C: two jobs on 2025-02-01 (one purchase day). D: acquired, never bought.
     */
    static Snapshot company() {
        Snapshots s = new Snapshots();
        int a = s.customer("A", "residential", "google", "Riverton", LocalDate.of(2024, 6, 1));
        int b = s.customer("B", "commercial", "referral", "Riverton", LocalDate.of(2024, 3, 1));
        int c = s.customer("C", "residential", "google", "Oak Hollow", null);
        s.customer("D", "residential", "google", "Riverton", LocalDate.of(2025, 1, 5));
        s.job(a, LocalDate.of(2024, 6, 1))
                .job(a, LocalDate.of(2025, 6, 1))
                .job(b, LocalDate.of(2024, 3, 1))
                .job(c, LocalDate.of(2025, 2, 1))
                .job(c, LocalDate.of(2025, 2, 1));
        return s.build();
    }

    private static ClvResult run() {
        return ClvAnalysis.run(company(), ClvSpec.DEFAULT.withAsOf(Optional.of(END)), JobMonitor.NONE);
    }

    @Test
    void historicValueIsRevenueAndMarginToDate() {
        ClvResult r = run();
        assertThat(r.customers()).isEqualTo(3); // D never bought
        assertThat(r.historic().meanRevenue()).isCloseTo(500.0 / 3, within(1e-9));
        assertThat(r.historic().meanMargin()).isCloseTo(200.0 / 3, within(1e-9));
        assertThat(r.historic().medianMargin()).isEqualTo(80);
        assertThat(r.historic().totalMargin()).isEqualTo(200);
    }

    @Test
    void theSimpleFormulaMatchesTheFiguresWorkedByHand() {
        ClvResult.SimpleFormula f = run().simpleFormula();
        // active a year ago (a purchase in the 365 days to 2024-12-31): A and B; at the end only A → 1 of 2 lost
        assertThat(f.annualChurnRate()).isEqualTo(0.5);
        double monthly = 1 - Math.pow(0.5, 1.0 / 12);
        assertThat(f.monthlyChurnRate()).isCloseTo(monthly, within(1e-12));
        // active customer-months at the 12 month-ends of 2025: A 12, B 2 (Jan, Feb), C 11 (Feb–Dec) = 25;
        // margin in 2025: A 40 + C 80 = 120
        assertThat(f.marginPerCustomerMonth()).isCloseTo(120.0 / 25, within(1e-12));
        assertThat(f.clv()).isCloseTo(4.8 / monthly, within(1e-9));
    }

    @Test
    void withTooFewCustomersTheModelsSaySoAndTheSimpleFormulaIsRecommended() {
        ClvResult r = run();
        assertThat(r.probabilistic().model()).isNull();
        assertThat(r.probabilistic().note()).contains("at least 20 customers with a repeat purchase");
        assertThat(r.probabilistic().meanClv()).isNull();
        assertThat(r.customerValues()).allSatisfy(v -> assertThat(v.clv()).isNull());
        assertThat(r.holdout()).isNull();
        assertThat(r.holdoutNote()).isNotBlank();
        assertThat(r.cohortCurve().clv()).isNull();
        assertThat(r.recommended()).isEqualTo("simpleFormula");
        // B bought last on 2024-03-01: churned; A and C not
        assertThat(r.customerValues())
                .filteredOn(v -> v.name().equals("B"))
                .singleElement()
                .satisfies(v -> assertThat(v.churned()).isTrue());
        assertThat(r.customerValues())
                .filteredOn(ClvResult.CustomerValue::churned)
                .hasSize(1);
    }

    @Test
    void filtersNarrowTheCustomers() {
        ClvResult r = ClvAnalysis.run(
                company(),
                ClvSpec.DEFAULT
                        .withAsOf(Optional.of(END))
                        .withFilter(new CustomerFilter(
                                java.util.Set.of(),
                                java.util.Set.of("residential"),
                                java.util.Set.of(),
                                java.util.Set.of())),
                JobMonitor.NONE);
        assertThat(r.customers()).isEqualTo(2);
        assertThat(r.bySegment()).singleElement().satisfies(s -> assertThat(s.segment())
                .isEqualTo("residential"));
    }

    /** E[Y(t) | …] = t / 10: a purchase every 10 weeks. */
    private record Steady() implements RepeatModel {
        @Override
        public Map<String, Double> params() {
            return Map.of();
        }

        @Override
        public double pAlive(double x, double tx, double bigT) {
            return 1;
        }

        @Override
        public double expectedPurchases(double t) {
            return t / 10;
        }

        @Override
        public double conditionalExpectedPurchases(double t, double x, double tx, double bigT) {
            return t / 10;
        }
    }

    @Test
    void futurePurchasesAreDiscountedMonthByMonth() {
        double w = 365.25 / 12 / 7;
        assertThat(Valuation.discountedPurchases(new Steady(), 0, 0, 1, 12, 0)).isCloseTo(12 * w / 10, within(1e-12));
        // at 10 % a year each month's w/10 is divided by 1.1^(m/12)
        double expected = 0;
        for (int m = 1; m <= 24; m++) {
            expected += w / 10 / Math.pow(1.1, m / 12.0);
        }
        assertThat(Valuation.discountedPurchases(new Steady(), 0, 0, 1, 24, 0.1))
                .isCloseTo(expected, within(1e-12));
    }

    @Test
    void badSpecsAreRefusedInOneSentence() {
        assertThatThrownBy(() -> ClvSpec.DEFAULT.withHorizonMonths(0))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessage("The horizon must be 1 to 240 months, not 0.");
        assertThatThrownBy(() -> ClvSpec.DEFAULT.withAnnualDiscountRate(10))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessageContaining("0.1 for 10 %");
    }
}
