package quant.core.cohort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import quant.core.analysis.CustomerFilter;
import quant.core.analysis.InvalidSpecException;
import quant.core.analysis.Period;
import quant.core.analysis.Snapshot;
import quant.core.analysis.Snapshots;
import quant.core.job.JobMonitor;

/** Cohort retention on a small company worked by hand. */
class CohortAnalysisTest {
    static final LocalDate MID_MARCH = LocalDate.of(2025, 3, 15);

    /**
     * A: acquired 10 Jan, bought 10 and 20 Jan and 5 Mar, callback 10 Mar (revenue 0, cost 30).
     * B: no acquisition date, first job 14 Feb (plumbing, 200/50), again 1 Mar.
     * C: acquired 31 Jan, never bought. D: acquired after the as-of date.
     */
    static Snapshot company() {
        Snapshots s = new Snapshots();
        int a = s.customer("A", "residential", "google", "Riverton", LocalDate.of(2025, 1, 10));
        int b = s.customer("B", "commercial", "referral", "Oak Hollow", null);
        s.customer("C", "residential", "google", "Riverton", LocalDate.of(2025, 1, 31));
        int d = s.customer("D", "residential", "google", "Riverton", LocalDate.of(2025, 4, 1));
        s.job(a, LocalDate.of(2025, 1, 10))
                .job(a, LocalDate.of(2025, 1, 20))
                .job(a, LocalDate.of(2025, 3, 5))
                .job(a, "HVAC", LocalDate.of(2025, 3, 10), 0, 30, 0, true)
                .job(b, "PLUMB", LocalDate.of(2025, 2, 14), 200, 50, 5, false)
                .job(b, "PLUMB", LocalDate.of(2025, 3, 1), 200, 50, 0, false)
                .job(d, LocalDate.of(2025, 4, 2));
        return s.build();
    }

    static CohortSpec spec(Period p, LocalDate asOf) {
        return new CohortSpec(p, CohortMetric.CUSTOMERS, CustomerFilter.ALL, Optional.of(asOf));
    }

    @Test
    void monthlyCohortsMatchTheFiguresWorkedByHand() {
        CohortResult r = CohortAnalysis.run(company(), spec(Period.MONTH, MID_MARCH), JobMonitor.NONE);
        assertThat(r.cohorts()).extracting(CohortResult.Cohort::label).containsExactly("2025-01", "2025-02");
        assertThat(r.customers()).isEqualTo(3);
        assertThat(r.partialPeriod()).isEqualTo("2025-03");

        CohortResult.Cohort jan = r.cohorts().get(0);
        assertThat(jan.size()).isEqualTo(2);
        assertThat(jan.cells()).extracting(CohortResult.Cell::active).containsExactly(1, 0, 1);
        assertThat(jan.cells()).extracting(CohortResult.Cell::activeShare).containsExactly(0.5, 0.0, 0.5);
        assertThat(jan.cells()).extracting(CohortResult.Cell::revenue).containsExactly(200.0, 0.0, 100.0);
        // March: 100 − 60 from the purchase, −30 from the callback
        assertThat(jan.cells()).extracting(CohortResult.Cell::margin).containsExactly(80.0, 0.0, 10.0);
        assertThat(jan.cells().get(2).cumulativeRevenuePerCustomer()).isEqualTo(150.0);
        assertThat(jan.cells().get(2).cumulativeMarginPerCustomer()).isEqualTo(45.0);
        assertThat(jan.cells().get(2).revenueRetention()).isEqualTo(0.5);
        assertThat(jan.cells()).extracting(CohortResult.Cell::partial).containsExactly(false, false, true);

        CohortResult.Cohort feb = r.cohorts().get(1);
        assertThat(feb.size()).isEqualTo(1);
        assertThat(feb.cells()).extracting(CohortResult.Cell::activeShare).containsExactly(1.0, 1.0);
        assertThat(feb.cells()).extracting(CohortResult.Cell::margin).containsExactly(150.0, 150.0);

        // the average leaves partial cells out: age 0 both cohorts, age 1 January only
        assertThat(r.average()).hasSize(2);
        assertThat(r.average().get(0).activeShare()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(r.average().get(1).cohorts()).isEqualTo(1);
        assertThat(r.average().get(1).activeShare()).isZero();
        // cumulative margin per customer chains the ages' increments: age 0 (80 + 150) ÷ 3 customers,
        // age 1 adds January's 0 ÷ 2 (February's age 1 is partial) — not January's own cumulative 40
        assertThat(r.average().get(0).cumulativeMarginPerCustomer()).isEqualTo(76.67);
        assertThat(r.average().get(1).cumulativeMarginPerCustomer()).isEqualTo(76.67);
    }

    @Test
    void aQuarterThatHasEndedIsNotPartial() {
        CohortResult r =
                CohortAnalysis.run(company(), spec(Period.QUARTER, LocalDate.of(2025, 3, 31)), JobMonitor.NONE);
        assertThat(r.partialPeriod()).isNull();
        assertThat(r.cohorts()).singleElement().satisfies(q -> {
            assertThat(q.label()).isEqualTo("2025-Q1");
            assertThat(q.size()).isEqualTo(3);
            assertThat(q.cells().getFirst().active()).isEqualTo(2);
            assertThat(q.cells().getFirst().revenue()).isEqualTo(700.0);
        });
    }

    @Test
    void filtersKeepOnlyTheChosenCustomers() {
        CohortSpec google = spec(Period.MONTH, MID_MARCH)
                .withFilter(new CustomerFilter(Set.of("google"), Set.of(), Set.of(), Set.of()));
        assertThat(CohortAnalysis.run(company(), google, JobMonitor.NONE).cohorts())
                .extracting(CohortResult.Cohort::label)
                .containsExactly("2025-01");
        CohortSpec plumbingFirst = spec(Period.MONTH, MID_MARCH)
                .withFilter(new CustomerFilter(Set.of(), Set.of(), Set.of(), Set.of("PLUMB")));
        assertThat(CohortAnalysis.run(company(), plumbingFirst, JobMonitor.NONE).customers())
                .isEqualTo(1);
        CohortSpec nobody = spec(Period.MONTH, MID_MARCH)
                .withFilter(new CustomerFilter(Set.of("fax"), Set.of(), Set.of(), Set.of()));
        CohortResult empty = CohortAnalysis.run(company(), nobody, JobMonitor.NONE);
        assertThat(empty.isEmpty()).isTrue();
        assertThat(empty.definitions()).isNotEmpty();
    }

    @Test
    void theDefaultAsOfIsTheLastActivityInTheData() {
        CohortResult r = CohortAnalysis.run(company(), CohortSpec.DEFAULT, JobMonitor.NONE);
        assertThat(r.asOf().date()).isEqualTo(LocalDate.of(2025, 4, 2));
        assertThat(r.asOf().fromData()).isTrue();
        // D (acquired 1 April) is in now
        assertThat(r.customers()).isEqualTo(4);
    }

    @Test
    void noJobsMeansNoDateToComputeAt() {
        Snapshots s = new Snapshots();
        s.customer("A", null, null, null, LocalDate.of(2025, 1, 1));
        assertThatThrownBy(() -> CohortAnalysis.run(s.build(), CohortSpec.DEFAULT, JobMonitor.NONE))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessageContaining("no jobs");
    }
}
