package quant.core.forecast.business;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import quant.core.analysis.InvalidSpecException;
import quant.core.analysis.Snapshot;
import quant.core.analysis.Snapshots;
import quant.core.forecast.Method;
import quant.core.job.JobMonitor;

/** The three store forecasts on {@link StoreFixture}, with the naive method so every figure can be worked out by hand. */
class StoreForecastsTest {
    private static OutlookSpec naive(int days) {
        return new OutlookSpec(Optional.of(StoreFixture.AS_OF), days, Method.NAIVE);
    }

    @Test
    void demandNeedsTheForecastJobsTimesHoursAndTravelPerJob() {
        DemandResult r = DemandAnalysis.run(StoreFixture.jobs().build(), naive(31), JobMonitor.NONE);
        assertEquals(1, r.lines().size(), "PLUMB has no jobs and is left out");
        DemandResult.LineDemand hvac = r.lines().getFirst();
        assertEquals(24, hvac.jobs().history().size());
        // December: 24 jobs done and the one still scheduled (the cancelled one does not count).
        assertEquals(25.0, hvac.jobs().history().getLast().value());
        assertEquals(2.0, hvac.hoursPerJob(), 1e-12);
        assertEquals(0.5, hvac.travelHoursPerJob(), 1e-12);
        assertEquals(25.0, hvac.windowJobs().mean(), 1e-9); // naive: December's 25 jobs, all of January
        assertEquals(62.5, hvac.windowHours().mean(), 1e-9);
        assertEquals(12, hvac.seasonalIndex().size());

        DemandResult.Capacity c = r.capacity().getFirst();
        assertEquals(1, c.technicians());
        assertEquals(1, c.sharedTechnicians());
        assertEquals(13, c.months().size()); // twelve observed, one ahead
        DemandResult.CapacityMonth december = c.months().get(11);
        assertEquals("2025-12", december.period());
        assertEquals(24 * 2.5, december.neededHours(), 1e-9); // recorded: actual 2 h + 30 min travel
        DemandResult.CapacityMonth january = c.months().getLast();
        assertTrue(january.forecast());
        // January 2026: 22 weekdays × 8.5 h; 23 Tuesday–Saturdays × 8 h for the shared technician.
        assertEquals(187.0, january.dedicatedHours(), 1e-9);
        assertEquals(184.0, january.sharedHours(), 1e-9);
        assertEquals(62.5 / 371.0, january.utilisation(), 1e-12);

        // Weeks: eight recorded before the as-of date's (from Monday 2025-11-03), then weeks as far
        // as the one-month forecast reaches: 29 Dec (recorded to Wednesday 31 Dec, forecast after),
        // 5, 12 and 19 January; the week of 26 January ends in February and is left out.
        assertEquals(12, c.weeks().size());
        assertEquals(LocalDate.of(2025, 11, 3), c.weeks().getFirst().weekStart());
        DemandResult.CapacityWeek before = c.weeks().get(7);
        assertEquals(LocalDate.of(2025, 12, 22), before.weekStart());
        assertFalse(before.forecast());
        assertEquals(3 * 2.5, before.neededHours(), 1e-9); // the jobs of 22, 23 and 24 December
        DemandResult.CapacityWeek turn = c.weeks().get(8);
        assertTrue(turn.forecast());
        assertEquals(62.5 / 31 * 4, turn.neededHours(), 1e-9); // 1–4 January's share of January
        DemandResult.CapacityWeek week = c.weeks().get(9);
        assertEquals(LocalDate.of(2026, 1, 5), week.weekStart());
        assertEquals(62.5 / 31 * 7, week.neededHours(), 1e-9);
        assertEquals(5 * 8.5, week.dedicatedHours(), 1e-9); // Monday to Friday
        assertEquals(5 * 8.0, week.sharedHours(), 1e-9); // Tuesday to Saturday
        assertEquals(62.5 / 31 * 7 / 82.5, week.utilisation(), 1e-12);
    }

    @Test
    void revenueWindowsBookedWorkAndThePipeline() {
        Snapshots company = StoreFixture.withDeals(StoreFixture.jobs());
        // a warranty callback on the calendar: a technician's time, no revenue
        company.workJob(
                        0,
                        "HVAC",
                        "scheduled",
                        LocalDate.of(2025, 12, 22),
                        LocalDate.of(2026, 1, 6),
                        null,
                        0,
                        0,
                        2.0,
                        Double.NaN,
                        -1)
                .asCallback();
        // a deal that should have closed on 15 December: overdue, in no window
        int late = company.deal(2000, "quote", "open", LocalDate.of(2025, 11, 1), LocalDate.of(2025, 12, 15), null);
        company.move(late, "new", LocalDate.of(2025, 11, 1));
        company.move(late, "quote", LocalDate.of(2025, 11, 8));
        Snapshot s = company.build();
        RevenueResult r = RevenueAnalysis.run(s, naive(90), JobMonitor.NONE);
        assertEquals(2, r.windows().size());
        RevenueResult.Window w30 = r.windows().getFirst();
        assertEquals(30, w30.days());
        assertEquals(2400.0 * 30 / 31, w30.jobs().mean(), 0.005); // naive: December's 2,400 a month
        // The scheduled job: 3 estimated hours × 100 / 2.5 per estimated hour.
        assertEquals(1, w30.bookedJobs());
        assertEquals(120.0, w30.booked(), 1e-9);
        assertTrue(r.notes().stream().anyMatch(n -> n.startsWith("1 booked warranty callback is left out")));
        assertEquals(1, r.overdue().deals());
        assertEquals(2000.0, r.overdue().value(), 1e-9);
        assertEquals(1000.0, r.overdue().weightedValue(), 1e-9);
        assertEquals(40.0, r.lines().getFirst().revenuePerHour(), 1e-9);
        // The open deal: 1,000 at the quote stage (won 6 of 12), closing on 20 January.
        assertEquals(1, w30.pipelineDeals());
        assertEquals(500.0, w30.pipeline().mean(), 1e-9);
        assertEquals(500 + 1.2815515655446004 * 500, w30.pipeline().upper80(), 0.005);
        assertEquals(0.0, w30.pipeline().lower80());
        assertEquals(w30.jobs().mean() + 500, w30.total().mean(), 0.01);
        RevenueResult.Window w90 = r.windows().getLast();
        assertEquals(2400.0 * 3, w90.jobs().mean(), 0.005);
        RevenueResult.StageValue quote = r.stages().stream()
                .filter(v -> v.stage().equals("quote"))
                .findFirst()
                .orElseThrow();
        // the stage holds both open deals, the overdue one too
        assertEquals(2, quote.openDeals());
        assertEquals(1500.0, quote.weightedValue(), 1e-9);
        assertTrue(r.stages().stream().noneMatch(v -> v.stage().equals("won")));
    }

    private static Snapshots cashCompany() {
        Snapshots s = StoreFixture.jobs();
        int c = 0;
        // 1,000 due 16 December, 400 of it paid on the 10th: 600 open.
        s.invoice(c, LocalDate.of(2025, 12, 1), LocalDate.of(2025, 12, 16), 1000, "open", null);
        s.payment(0, LocalDate.of(2025, 12, 10), 400.0);
        // Paid after the as-of date: open at it.
        s.invoice(c, LocalDate.of(2025, 12, 20), LocalDate.of(2026, 1, 4), 500, "paid", LocalDate.of(2026, 1, 5));
        for (int k = 0; k < 10; k++) {
            LocalDate issued = LocalDate.of(2025, 1, 5).plusMonths(k);
            s.invoice(c, issued, issued.plusDays(15), 200, "paid", issued.plusDays(10 + k));
        }
        s.expense(LocalDate.of(2025, 11, 1), 1000, true, "rent");
        s.expense(LocalDate.of(2025, 12, 1), 3100, true, "rent");
        s.expense(LocalDate.of(2025, 12, 1), 240, false, "fuel");
        s.spend(LocalDate.of(2025, 9, 1), "ads", 3000);
        s.spend(LocalDate.of(2025, 10, 1), "ads", 300);
        s.spend(LocalDate.of(2025, 11, 1), "ads", 600);
        s.spend(LocalDate.of(2025, 12, 1), "ads", 900);
        return s;
    }

    @Test
    void cashFlowFromOpeningCash() {
        Snapshot s = cashCompany().build();
        CashFlowResult r =
                CashFlowAnalysis.run(s, new CashFlowSpec(naive(90), OptionalDouble.of(10_000)), JobMonitor.NONE);
        assertEquals(2, r.openInvoices().count());
        assertEquals(1100.0, r.openInvoices().outstanding(), 1e-9);
        assertTrue(r.openInvoices().expected() > 0 && r.openInvoices().expected() <= 1100);
        CashFlowResult.Assumptions a = r.assumptions();
        assertEquals(0.6, a.jobCostShare(), 1e-12);
        assertEquals(3100.0, a.fixedPerMonth());
        assertEquals(600.0, a.marketingPerMonth());
        // Variable: 240 over the revenue of 2025: 100 × (13 + … + 24) = 22,200.
        assertEquals(240.0 / 22_200, a.variableExpenseShare(), 1e-12);
        // Fixed and marketing are monthly amounts spread over January to March.
        assertEquals(3 * 3100.0, r.totals().fixedExpenses(), 0.01);
        assertEquals(3 * 600.0, r.totals().marketing(), 0.01);
        assertEquals(700.0, r.weeks().getFirst().flows().fixedExpenses(), 0.01); // 7 × 3,100 / 31
        // Job costs: 60 % of the naive 2,400 a month.
        assertEquals(0.6 * 2400 * 3, r.totals().jobCosts(), 0.01);
        assertEquals(13, r.weeks().size());
        CashFlowResult.Week last = r.weeks().getLast();
        assertEquals("2026-03-31", last.end());
        assertEquals(10_000 + last.cumulativeNet(), last.balance(), 0.011);
        assertEquals(r.totals().net(), last.cumulativeNet(), 0.011);
        assertTrue(last.balanceLower95() <= last.balanceLower80() && last.balanceLower80() <= last.balance());
        assertTrue(last.balance() <= last.balanceUpper80() && last.balanceUpper80() <= last.balanceUpper95());
    }

    @Test
    void withoutOpeningCashOnlyTheFlowsAreShownAndTheResultSaysSo() {
        CashFlowResult r = CashFlowAnalysis.run(
                cashCompany().build(), new CashFlowSpec(naive(30), OptionalDouble.empty()), JobMonitor.NONE);
        assertNull(r.openingCash());
        assertNull(r.weeks().getFirst().balance());
        assertNull(r.lowCashDate());
        assertTrue(r.notes().getFirst().startsWith("No opening cash balance is set"));
        assertEquals(5, r.weeks().size()); // four weeks and two days
        assertEquals("2026-01-30", r.weeks().getLast().end());
    }

    @Test
    void lowCashIsTheFirstDayBelowThirtyDaysOfOutflows() {
        CashFlowResult r = CashFlowAnalysis.run(
                cashCompany().build(), new CashFlowSpec(naive(90), OptionalDouble.of(0)), JobMonitor.NONE);
        double outflows = r.totals().jobCosts()
                + r.totals().fixedExpenses()
                + r.totals().variableExpenses()
                + r.totals().marketing();
        assertEquals(30 * outflows / 90, r.lowCashThreshold(), 0.01);
        assertEquals("2026-01-01", r.lowCashDate());
    }

    @Test
    void aHorizonOutsideItsRangeIsRefusedInASentence() {
        InvalidSpecException e =
                assertThrows(InvalidSpecException.class, () -> new OutlookSpec(Optional.empty(), 3, Method.AUTO));
        assertEquals("The horizon must be from 7 to 730 days, not 3.", e.getMessage());
    }
}
