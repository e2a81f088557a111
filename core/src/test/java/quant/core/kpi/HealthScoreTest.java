package quant.core.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import quant.core.analysis.AsOf;
import quant.core.settings.KpiRules;

class HealthScoreTest {
    static final LocalDate END = LocalDate.of(2025, 12, 31);

    /** A KPI result where the given KPIs have these attainments now and 1 a period earlier; the rest are not judged. */
    static KpiResult with(Kpi[] kpis, double[] attainment) {
        List<KpiValue> values = new ArrayList<>();
        for (Kpi k : Kpi.values()) {
            Double a = null;
            for (int i = 0; i < kpis.length; i++) {
                if (kpis[i] == k) {
                    a = attainment[i];
                }
            }
            List<KpiValue.Point> history = List.of(
                    new KpiValue.Point("2025-11", END.minusMonths(1), 1.0, "ok", null, null, a == null ? null : 1.0),
                    new KpiValue.Point("2025-12", END, 1.0, a == null ? "none" : "ok", null, null, a));
            values.add(new KpiValue(
                    k.id(),
                    k.title(),
                    k.section().key(),
                    "2025-12",
                    END.withDayOfMonth(1),
                    END,
                    1.0,
                    k.unit().key(),
                    null,
                    null,
                    null,
                    a == null ? "none" : "ok",
                    a == null ? "none" : "target",
                    null,
                    null,
                    a,
                    k.analysis(),
                    history));
        }
        return new KpiResult(
                new AsOf(END, true), "month", KpiPeriod.MONTH.current(END), "USD", values, List.of(), List.of());
    }

    @Test
    void sectionsAreWeightedOverThoseWithAJudgedKpi() {
        // finance: revenue 1, gross margin 0.5 → 75; risk: DSO 0 → 0; the other sections not judged.
        KpiResult r = with(new Kpi[] {Kpi.REVENUE, Kpi.GROSS_MARGIN, Kpi.DSO}, new double[] {1, 0.5, 0});
        HealthResult h = HealthScore.of(r, KpiRules.DEFAULTS);
        // weights 30 and 15 → shares 2/3 and 1/3: 2/3 × 75 + 1/3 × 0
        assertThat(h.score()).isCloseTo(50.0, within(1e-9));
        HealthResult.SectionScore finance = h.sections().getFirst();
        assertThat(finance.score()).isCloseTo(75.0, within(1e-9));
        assertThat(finance.weight()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(finance.judged()).isEqualTo(2);
        assertThat(h.sections().get(1).score()).isNull();
        // the contributions add up to the score; revenue gives its maximum, 100 × 2/3 ÷ 2
        assertThat(h.contributions().stream()
                        .mapToDouble(HealthResult.Contribution::points)
                        .sum())
                .isCloseTo(50.0, within(1e-9));
        HealthResult.Contribution revenue = h.contributions().getFirst();
        assertThat(revenue.kpi()).isEqualTo("revenue");
        assertThat(revenue.points()).isCloseTo(100.0 / 3, within(1e-9));
        assertThat(revenue.maxPoints()).isCloseTo(100.0 / 3, within(1e-9));
        // a period earlier every judged KPI was at its target
        assertThat(h.trend()).hasSize(2);
        assertThat(h.trend().get(0).score()).isCloseTo(100.0, within(1e-9));
        assertThat(h.trend().get(1).score()).isCloseTo(50.0, within(1e-9));
    }

    @Test
    void withNothingJudgedThereIsNoScore() {
        HealthResult h = HealthScore.of(with(new Kpi[0], new double[0]), KpiRules.DEFAULTS);
        assertThat(h.score()).isNull();
        assertThat(h.contributions()).isEmpty();
    }
}
