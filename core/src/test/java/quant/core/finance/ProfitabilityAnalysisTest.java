package quant.core.finance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import quant.core.analysis.InvalidSpecException;
import quant.core.analysis.Snapshot;
import quant.core.analysis.Snapshots;
import quant.core.job.JobMonitor;

/**
 * Margins against a company worked by hand: the first quarter of 2025, three HVAC jobs (one called
 * back) and a plumbing job, rent of 700 a month and a 70 HVAC expense in January, no job in March.
 *
 * <pre>
 * job  customer line  revenue labour material hours(est/act) travel(min) tech cost/h
 * j0   Acme     HVAC  1000    300    100      4/4           30          30
 * j1   Bee      HVAC  200     60     250      1/2           90          30
 * j2   Bee      HVAC  0       30     0        1/1           90          30   callback of j1
 * j3   Acme     PLUMB 500     100    50       2/2           0           20
 * </pre>
 *
 * By hours, January's 700 rent goes 400/200/100 over j0/j1/j2 (4, 2 and 1 hours) and its 70 HVAC
 * expense 40/20/10; February's 700 all to j3; March's 700 is unallocated. Margins: j0 1000 − 400 −
 * 15 − 440 = 145; j1 200 − 310 − 45 − 220 = −375; j2 0 − 30 − 45 − 110 = −185; j3 500 − 150 − 0 −
 * 700 = −350.
 */
class ProfitabilityAnalysisTest {
    private static Snapshot company() {
        Snapshots s = new Snapshots();
        int acme = s.customer("Acme", "commercial", "referral", "Springfield", LocalDate.of(2024, 1, 1));
        int bee = s.customer("Bee", "residential", "search", "Shelbyville", LocalDate.of(2024, 1, 1));
        LocalDate hired = LocalDate.of(2020, 1, 1);
        s.technician("Ann", "HVAC", "08:00", "16:00", "MTWTF..", hired, null).hourlyCost(30);
        s.technician("Cy", "PLUMB", "08:00", "16:00", "MTWTF..", hired, null).hourlyCost(20);
        s.technicianJob(acme, "HVAC", 0, null, day(1, 10), day(1, 10), 1000, 300, 100, 4, 4, 30, 0);
        int j1 = s.technicianJob(bee, "HVAC", 0, null, day(1, 20), day(1, 20), 200, 60, 250, 1, 2, 90, 0);
        s.technicianJob(bee, "HVAC", 0, null, day(1, 25), day(1, 25), 0, 30, 0, 1, 1, 90, 0);
        s.callbackOf(j1);
        s.technicianJob(acme, "PLUMB", 1, null, day(2, 5), day(2, 5), 500, 100, 50, 2, 2, 0, 0);
        s.expense(day(1, 1), 700, true, "rent");
        s.lineExpense(day(1, 1), 70, "HVAC", "tools");
        s.expense(day(2, 1), 700, true, "rent");
        s.expense(day(3, 1), 700, true, "rent");
        // before the window: neither its job nor its expense counts
        s.technicianJob(
                acme, "HVAC", 0, null, LocalDate.of(2024, 12, 5), LocalDate.of(2024, 12, 5), 999, 1, 1, 1, 1, 0, 0);
        s.expense(LocalDate.of(2024, 12, 1), 700, true, "rent");
        return s.build();
    }

    private static LocalDate day(int month, int d) {
        return LocalDate.of(2025, month, d);
    }

    private static ProfitabilitySpec quarter() {
        return ProfitabilitySpec.DEFAULT.withAsOf(Optional.of(day(3, 31))).withMonths(3);
    }

    private static ProfitabilityResult run(ProfitabilitySpec spec) {
        return ProfitabilityAnalysis.run(company(), spec, JobMonitor.NONE);
    }

    private static ProfitabilityResult.Row row(List<ProfitabilityResult.Row> rows, String key) {
        return rows.stream().filter(r -> r.key().equals(key)).findFirst().orElseThrow();
    }

    @Test
    void marginsByLineAreRevenueLessDirectTravelAndOverhead() {
        ProfitabilityResult r = run(quarter());
        ProfitabilityResult.Row hvac = row(r.rows(), "HVAC");
        assertThat(hvac.jobs()).isEqualTo(3);
        assertThat(hvac.revenue()).isEqualTo(1200);
        assertThat(hvac.directCost()).isEqualTo(740);
        // (30 + 90 + 90) minutes × 30 an hour
        assertThat(hvac.travelCost()).isEqualTo(105);
        assertThat(hvac.overhead()).isEqualTo(770);
        assertThat(hvac.margin()).isEqualTo(-415);
        assertThat(hvac.callbacks()).isEqualTo(1);
        ProfitabilityResult.Row plumb = row(r.rows(), "PLUMB");
        assertThat(plumb.overhead()).isEqualTo(700);
        assertThat(plumb.margin()).isEqualTo(-350);
        assertThat(plumb.marginShare()).isEqualTo(-0.7);
        assertThat(r.total().margin()).isEqualTo(-765);
        assertThat(r.overheadTotal()).isEqualTo(2170);
        assertThat(r.overheadUnallocated()).isEqualTo(700);
        assertThat(r.notes()).anyMatch(n -> n.startsWith("700.00 of overhead"));
    }

    @Test
    void overheadFollowsTheChosenBase() {
        // by revenue, January's 700 goes 583.33 / 116.67 / 0 and its HVAC 70 goes 58.33 / 11.67 / 0
        ProfitabilityResult r =
                run(quarter().withBy(ProfitabilitySpec.Dimension.JOB).withOverheadBy("revenue"));
        assertThat(row(r.rows(), "1").overhead()).isEqualTo(641.67);
        assertThat(row(r.rows(), "3").overhead()).isZero();
        // by job count: a third each of 700 + 70
        ProfitabilityResult byJobs =
                run(quarter().withBy(ProfitabilitySpec.Dimension.JOB).withOverheadBy("jobs"));
        assertThat(row(byJobs.rows(), "1").overhead()).isEqualTo(256.67);
    }

    @Test
    void theLeastProfitableCustomersAndJobsSayWhy() {
        ProfitabilityResult r = run(quarter());
        ProfitabilityResult.Row bee = r.leastProfitableCustomers().getFirst();
        assertThat(bee.name()).isEqualTo("Bee");
        assertThat(bee.margin()).isEqualTo(-560);
        // the callback costs 30 + 45; materials 50 above revenue; travel 90 min a visit against 52.5 on
        // average costs 90 × (1 − 52.5 × 2 ÷ 180) = 37.5 extra; the overrun (1 h of 60 ÷ 2) 30 is fourth
        assertThat(bee.reasons())
                .isEqualTo("one callback costing 75; materials above revenue on one job; 90 min drive per visit");
        ProfitabilityResult.Row callback = r.leastProfitableJobs().stream()
                .filter(j -> j.key().equals("3"))
                .findFirst()
                .orElseThrow();
        assertThat(callback.reasons()).isEqualTo("a callback visit: no revenue; 90 min drive to the job");
        assertThat(r.leastProfitableJobs().getFirst().key()).isEqualTo("2");
        assertThat(r.leastProfitableJobs().getFirst().reasons()).startsWith("materials above revenue");
    }

    @Test
    void aDrillDownNarrowsTheJobsButNotTheirOverhead() {
        ProfitabilityResult r = run(quarter()
                .withBy(ProfitabilitySpec.Dimension.CUSTOMER)
                .within(ProfitabilitySpec.Within.parse("line=hvac")));
        assertThat(r.rows()).extracting(ProfitabilityResult.Row::name).containsExactly("Acme", "Bee");
        assertThat(row(r.rows(), "1").margin()).isEqualTo(145);
        assertThat(row(r.rows(), "2").margin()).isEqualTo(-560);
        assertThat(r.within()).containsExactly("line=hvac");
        ProfitabilityResult jobs = run(quarter()
                .withBy(ProfitabilitySpec.Dimension.JOB)
                .within(ProfitabilitySpec.Within.parse("line=HVAC"))
                .within(ProfitabilitySpec.Within.parse("customer=2")));
        assertThat(jobs.rows()).extracting(ProfitabilityResult.Row::key).containsExactly("3", "2");
        assertThatThrownBy(() -> run(quarter().within(ProfitabilitySpec.Within.parse("line=ROOF"))))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessage("There is no service line \"ROOF\" in the data.");
        assertThatThrownBy(() -> ProfitabilitySpec.Within.parse("line")).isInstanceOf(InvalidSpecException.class);
    }

    @Test
    void complexityBandsAddUpToTheTotal() {
        ProfitabilityResult r = run(quarter());
        assertThat(r.complexity()).extracting(ProfitabilityResult.Band::band).contains("1–2 h", "4–8 h", "2–4 h");
        assertThat(r.complexity().stream()
                        .mapToDouble(ProfitabilityResult.Band::revenue)
                        .sum())
                .isEqualTo(1700);
        assertThat(r.complexity().stream()
                        .mapToInt(ProfitabilityResult.Band::jobs)
                        .sum())
                .isEqualTo(4);
        ProfitabilityResult.Band big = r.complexity().stream()
                .filter(b -> b.band().equals("4–8 h"))
                .findFirst()
                .orElseThrow();
        assertThat(big.margin()).isEqualTo(145);
    }
}
