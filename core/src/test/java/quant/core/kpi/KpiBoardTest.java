package quant.core.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import quant.core.analysis.Snapshot;
import quant.core.analysis.Snapshots;
import quant.core.job.JobMonitor;
import quant.core.settings.KpiRules;

/**
 * The KPIs of a small company on 2025-06-30, worked by hand:
 *
 * <pre>
 * customers  A acquired 2024-06-10, B 2025-06-05, C 2025-06-20, D 2024-01-15
 * jobs       2024-06-15 A 800 (cost 500, rated 4)   2024-06-20 D 400 (300, unrated)
 *            2025-06-10 A 1000 (600, 5)   2025-06-12 B 500 (200, 4)   2025-06-20 A callback of 06-10, 0 (50)
 *            2025-06-30 C 300 (150, 3)
 * expenses   2025-06 fixed 200; marketing 2025-06 search 100
 * invoices   A 2025-06-10 due 07-10 1000 open; B 2025-06-12 due 07-12 500 paid 06-20;
 *            D 2025-03-01 due 03-31 400 open; D 2024-01-10 due 2024-02-09 250 open
 * deals      won 2025-06-05 3000, lost 2025-06-15 1000, won 2025-06-25 5000
 * targets    monthly_revenue 2025: 2000, warning 1800, critical 1600; gross_margin_pct 2025: 40 (no levels)
 * </pre>
 */
class KpiBoardTest {
    static LocalDate d(int y, int m, int day) {
        return LocalDate.of(y, m, day);
    }

    static Snapshot company() {
        Snapshots s = new Snapshots();
        int a = s.customer("A", "residential", "search", "Springfield", d(2024, 6, 10));
        int b = s.customer("B", "residential", "search", "Springfield", d(2025, 6, 5));
        int c = s.customer("C", "residential", "referral", "Springfield", d(2025, 6, 20));
        int dd = s.customer("D", "commercial", "referral", "Springfield", d(2024, 1, 15));
        s.job(a, "HVAC", d(2024, 6, 15), 800, 500, 4, false);
        s.job(dd, "HVAC", d(2024, 6, 20), 400, 300, 0, false);
        s.job(a, "HVAC", d(2025, 6, 10), 1000, 600, 5, false);
        s.job(b, "HVAC", d(2025, 6, 12), 500, 200, 4, false);
        s.job(a, "HVAC", d(2025, 6, 20), 0, 50, 0, true).callbackOf(2);
        s.job(c, "HVAC", d(2025, 6, 30), 300, 150, 3, false);
        s.expense(d(2025, 6, 1), 200, true, "rent");
        s.spend(d(2025, 6, 1), "search", 100);
        s.invoice(a, d(2025, 6, 10), d(2025, 7, 10), 1000, "open", null);
        s.invoice(b, d(2025, 6, 12), d(2025, 7, 12), 500, "paid", d(2025, 6, 20));
        s.invoice(dd, d(2025, 3, 1), d(2025, 3, 31), 400, "open", null);
        s.invoice(dd, d(2024, 1, 10), d(2024, 2, 9), 250, "open", null);
        s.deal(3000, "won", "won", d(2025, 5, 1), null, d(2025, 6, 5));
        s.deal(1000, "lost", "lost", d(2025, 5, 1), null, d(2025, 6, 15));
        s.deal(5000, "won", "won", d(2025, 5, 2), null, d(2025, 6, 25));
        s.commercial()
                .target("monthly_revenue", d(2025, 1, 1), d(2025, 12, 31), 2000, 1800, 1600, true)
                .target("gross_margin_pct", d(2025, 1, 1), d(2025, 12, 31), 40, true);
        return s.build();
    }

    static KpiResult run(KpiPeriod period) {
        KpiInputs in = new KpiInputs(KpiRules.DEFAULTS, 365, OptionalDouble.empty(), "USD", List.of());
        return KpiBoard.run(company(), new KpiBoard.Spec(period, Optional.empty()), in, JobMonitor.NONE);
    }

    @Test
    void theMonthIsAsWorkedByHand() {
        KpiResult r = run(KpiPeriod.MONTH);
        assertThat(r.asOf().date()).isEqualTo(d(2025, 6, 30));
        assertThat(r.window().label()).isEqualTo("2025-06");
        assertThat(r.window().complete()).isTrue();
        KpiValue revenue = r.kpi(Kpi.REVENUE);
        assertThat(revenue.value()).isEqualTo(1800.0);
        assertThat(revenue.target()).isEqualTo(2000.0);
        // 1,800 is the warning level itself: a level counts as reached
        assertThat(revenue.status()).isEqualTo("warning");
        assertThat(revenue.basis()).isEqualTo("target");
        // June 2024: 800 + 400
        assertThat(revenue.comparison()).isEqualTo(1200.0);
        assertThat(revenue.change()).isCloseTo(0.5, within(1e-12));
        // (1,800 − 1,600) ÷ (2,000 − 1,600)
        assertThat(revenue.attainment()).isCloseTo(0.5, within(1e-12));
        assertThat(revenue.history()).hasSize(12);
        assertThat(revenue.history().getLast().value()).isEqualTo(1800.0);
        assertThat(revenue.history().getFirst().period()).isEqualTo("2024-07");

        // costs 600 + 200 + 50 + 150 = 1,000: (1,800 − 1,000) ÷ 1,800
        KpiValue gross = r.kpi(Kpi.GROSS_MARGIN);
        assertThat(gross.value()).isCloseTo(800.0 / 1800, within(1e-12));
        // 40 % is read as 0.40, its levels 10 % and 20 % below it
        assertThat(gross.target()).isCloseTo(0.40, within(1e-12));
        assertThat(gross.warning()).isCloseTo(0.36, within(1e-12));
        assertThat(gross.critical()).isCloseTo(0.32, within(1e-12));
        assertThat(gross.status()).isEqualTo("ok");
        assertThat(gross.attainment()).isEqualTo(1.0);
        // (800 − 200 fixed − 100 marketing) ÷ 1,800
        assertThat(r.kpi(Kpi.OPERATING_MARGIN).value()).isCloseTo(500.0 / 1800, within(1e-12));
        assertThat(r.kpi(Kpi.AVERAGE_RATING).value()).isCloseTo(4.0, within(1e-12));
        // one callback among four completed jobs; one of three first visits called back
        assertThat(r.kpi(Kpi.CALLBACK_RATE).value()).isCloseTo(0.25, within(1e-12));
        assertThat(r.kpi(Kpi.FIRST_TIME_FIX).value()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(r.kpi(Kpi.NEW_CUSTOMERS).value()).isEqualTo(2.0);
        assertThat(r.kpi(Kpi.CAC).value()).isCloseTo(50.0, within(1e-12));
        assertThat(r.kpi(Kpi.WIN_RATE).value()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(r.kpi(Kpi.AVERAGE_DEAL_SIZE).value()).isCloseTo(4000.0, within(1e-12));
    }

    @Test
    void stocksAreReadAtThePeriodEnd() {
        KpiResult r = run(KpiPeriod.MONTH);
        // open 1,000 (A) + 400 + 250 (D) ÷ 1,500 invoiced since 2025-04-01 × 90
        assertThat(r.kpi(Kpi.DSO).value()).isCloseTo(99.0, within(1e-9));
        // D's 400 is 91 days past due; its 250, 507 days past due, is doubtful debt and left out
        assertThat(r.kpi(Kpi.RECEIVABLES_OVER_60).value()).isEqualTo(400.0);
        // four customers invoiced: the top five hold everything
        assertThat(r.kpi(Kpi.TOP5_CONCENTRATION).value()).isEqualTo(1.0);
        // A and D bought 1,200 in the year to 2024-06-30; in the year since, A bought 1,000
        assertThat(r.kpi(Kpi.NET_REVENUE_RETENTION).value()).isCloseTo(1000.0 / 1200, within(1e-12));
        // of A and D, active a year before, D is not active now: C = 0.5
        assertThat(r.kpi(Kpi.CHURN_RATE).value()).isCloseTo(1 - Math.pow(0.5, 1.0 / 12), within(1e-12));
        // no opening cash and no saved forecast: not measured, and said so
        assertThat(r.kpi(Kpi.CASH_RUNWAY).value()).isNull();
        assertThat(r.kpi(Kpi.CASH_RUNWAY).status()).isEqualTo("none");
        assertThat(r.kpi(Kpi.FORECAST_ACCURACY).value()).isNull();
        assertThat(r.notes()).anyMatch(n -> n.contains("cash.openingBalance"));
    }

    @Test
    void theRunwayAndTheSavedForecastsAccuracy() {
        // a revenue forecast saved in May saying June would bring 2,000
        var saved = new quant.core.forecast.business.SavedForecast(
                1,
                java.time.Instant.parse("2025-05-31T12:00:00Z"),
                "revenue",
                "Revenue of completed jobs",
                "auto",
                "test",
                d(2025, 5, 31),
                null,
                List.of(new quant.core.forecast.business.SavedForecast.Point(
                        d(2025, 6, 1), 2000, 1800, 2200, 1700, 2300)));
        KpiInputs in = new KpiInputs(KpiRules.DEFAULTS, 365, OptionalDouble.of(10_000), "USD", List.of(saved));
        KpiResult r =
                KpiBoard.run(company(), new KpiBoard.Spec(KpiPeriod.MONTH, Optional.empty()), in, JobMonitor.NONE);
        // 10,000 at the data's last day ÷ the outgoings of April to June (job costs 1,000 + rent 200 + marketing
        // 100) ÷ 3
        assertThat(r.kpi(Kpi.CASH_RUNWAY).value()).isCloseTo(10_000 / (1300.0 / 3), within(1e-9));
        // June's actual 1,800 against the 2,000 forecast: 1 − 200 ÷ 1,800
        assertThat(r.kpi(Kpi.FORECAST_ACCURACY).value()).isCloseTo(1 - 200.0 / 1800, within(1e-12));
        assertThat(r.notes()).noneMatch(n -> n.contains("cash.openingBalance"));
    }

    @Test
    void aKpiWithoutTargetIsJudgedAgainstLastYear() {
        KpiValue n = run(KpiPeriod.MONTH).kpi(Kpi.NEW_CUSTOMERS);
        // one customer acquired in June 2024, two in June 2025
        assertThat(n.basis()).isEqualTo("last year");
        assertThat(n.comparison()).isEqualTo(1.0);
        assertThat(n.status()).isEqualTo("ok");
        KpiValue rating = run(KpiPeriod.MONTH).kpi(Kpi.AVERAGE_RATING);
        // 4.0 against June 2024's 4.0 (only A's job was rated): no change
        assertThat(rating.comparison()).isEqualTo(4.0);
        assertThat(rating.status()).isEqualTo("ok");
    }

    @Test
    void aTargetSetInTheWorkbenchComesBeforeAnImportedOne() {
        Snapshots s = new Snapshots();
        int a = s.customer("A", "residential", "search", "Springfield", d(2025, 1, 1));
        s.job(a, "HVAC", d(2025, 6, 30), 1000, 500, 0, false);
        s.commercial()
                .workbenchTarget("gross_margin_pct", d(2025, 1, 1), d(2025, 12, 31), 60, true)
                .target("gross_margin_pct", d(2025, 1, 1), d(2025, 12, 31), 40, true)
                .target("gross_margin_pct", d(2025, 6, 1), d(2025, 6, 30), 45, true);
        var targets = s.build().targets();
        int row = targets.find("gross_margin_pct", (int) d(2025, 6, 15).toEpochDay());
        assertThat(targets.target(row)).isEqualTo(60.0);
        assertThat(targets.fromWorkbench(row)).isTrue();
        // without the workbench's row, the one added last
        Snapshots t = new Snapshots();
        int b = t.customer("B", "residential", "search", "Springfield", d(2025, 1, 1));
        t.job(b, "HVAC", d(2025, 6, 30), 1000, 500, 0, false);
        t.commercial()
                .target("gross_margin_pct", d(2025, 1, 1), d(2025, 12, 31), 40, true)
                .target("gross_margin_pct", d(2025, 6, 1), d(2025, 6, 30), 45, true);
        var imported = t.build().targets();
        assertThat(imported.target(
                        imported.find("gross_margin_pct", (int) d(2025, 6, 15).toEpochDay())))
                .isEqualTo(45.0);
    }

    @Test
    void aQuarterScalesTheMonthlyTarget() {
        KpiResult r = run(KpiPeriod.QUARTER);
        assertThat(r.window().label()).isEqualTo("2025-Q2");
        KpiValue revenue = r.kpi(Kpi.REVENUE);
        assertThat(revenue.target()).isEqualTo(6000.0);
        assertThat(revenue.critical()).isEqualTo(4800.0);
        assertThat(revenue.status()).isEqualTo("critical");
        assertThat(revenue.attainment()).isEqualTo(0.0);
        assertThat(revenue.history().get(revenue.history().size() - 2).period()).isEqualTo("2025-Q1");
    }

    @Test
    void theYearToDateRunsFromJanuary() {
        KpiResult r = run(KpiPeriod.YTD);
        assertThat(r.window().from()).isEqualTo(d(2025, 1, 1));
        assertThat(r.window().label()).isEqualTo("2025 YTD");
        assertThat(r.kpi(Kpi.REVENUE).value()).isEqualTo(1800.0);
        assertThat(r.kpi(Kpi.REVENUE).target()).isEqualTo(12000.0);
        assertThat(r.kpi(Kpi.REVENUE).comparison()).isEqualTo(1200.0);
    }
}
