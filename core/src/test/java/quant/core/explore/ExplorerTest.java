package quant.core.explore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quant.core.analysis.InvalidSpecException;
import quant.core.analysis.Snapshot;
import quant.core.analysis.Snapshots;
import quant.core.charts.SavedCharts;
import quant.core.job.JobMonitor;
import quant.core.store.Store;

/**
 * The chart builder on jobs worked by hand:
 *
 * <pre>
 * customer   city         job  line   completed   revenue  cost  rating
 * A          Springfield  j0   HVAC   2025-01-10   100     60    5
 * A          Springfield  j1   HVAC   2025-02-03   300     100   –
 * B          Shelbyville  j2   PLUMB  2025-01-20   200     150   3
 * B          Shelbyville  j3   HVAC   2025-02-25   600     200   4
 * </pre>
 */
class ExplorerTest {
    static Snapshot company() {
        Snapshots s = new Snapshots();
        int a = s.customer("A", "residential", "search", "Springfield", LocalDate.of(2024, 1, 1));
        int b = s.customer("B", "commercial", "referral", "Shelbyville", LocalDate.of(2024, 1, 1));
        s.job(a, "HVAC", LocalDate.of(2025, 1, 10), 100, 60, 5, false);
        s.job(a, "HVAC", LocalDate.of(2025, 2, 3), 300, 100, 0, false);
        s.job(b, "PLUMB", LocalDate.of(2025, 1, 20), 200, 150, 3, false);
        s.job(b, "HVAC", LocalDate.of(2025, 2, 25), 600, 200, 4, false);
        return s.build();
    }

    static ChartSpec spec(
            ChartSpec.Axis x, ChartSpec.Axis split, ChartSpec.Aggregate a, String field, ChartSpec.ChartType type) {
        return new ChartSpec("", "jobs", x, split, new ChartSpec.Measure(a, field), type, List.of(), null);
    }

    static ChartData run(ChartSpec spec) {
        return Explorer.run(company(), spec, JobMonitor.NONE);
    }

    @Test
    void sumsByATextFieldLargestFirst() {
        ChartData d = run(spec(
                new ChartSpec.Axis("line", null), null, ChartSpec.Aggregate.SUM, "revenue", ChartSpec.ChartType.BAR));
        assertThat(d.categories()).containsExactly("HVAC", "PLUMB");
        assertThat(d.values()[0]).containsExactly(1000.0, 200.0);
        assertThat(d.measureLabel()).isEqualTo("Sum of revenue");
        assertThat(d.rows()).isEqualTo(4);
    }

    @Test
    void countsMeansAndMediansByMonthInTimeOrder() {
        ChartSpec.Axis month = new ChartSpec.Axis("completed", ChartSpec.Grain.MONTH);
        assertThat(run(spec(month, null, ChartSpec.Aggregate.COUNT, null, ChartSpec.ChartType.LINE))
                        .values()[0])
                .containsExactly(2.0, 2.0);
        ChartData mean = run(spec(month, null, ChartSpec.Aggregate.MEAN, "margin", ChartSpec.ChartType.LINE));
        assertThat(mean.categories()).containsExactly("2025-01", "2025-02");
        // January: margins 40 and 50; February: 200 and 400
        assertThat(mean.values()[0]).containsExactly(45.0, 300.0);
        // ratings: January 5 and 3; February only 4 (j1 not rated, left out)
        assertThat(run(spec(month, null, ChartSpec.Aggregate.MEDIAN, "rating", ChartSpec.ChartType.BAR))
                        .values()[0])
                .containsExactly(4.0, 4.0);
    }

    @Test
    void aSplitFiltersAndADateRange() {
        ChartSpec s = new ChartSpec(
                "",
                "jobs",
                new ChartSpec.Axis("completed", ChartSpec.Grain.QUARTER),
                new ChartSpec.Axis("city", null),
                new ChartSpec.Measure(ChartSpec.Aggregate.SUM, "revenue"),
                ChartSpec.ChartType.STACKED_AREA,
                List.of(new ChartSpec.Filter("line", List.of("HVAC"))),
                new ChartSpec.DateRange("completed", LocalDate.of(2025, 1, 15), null));
        ChartData d = run(s);
        // HVAC from 2025-01-15: j1 (Springfield, 300) and j3 (Shelbyville, 600), both in 2025-Q1
        assertThat(d.categories()).containsExactly("2025-Q1");
        assertThat(d.series()).containsExactly("Shelbyville", "Springfield");
        assertThat(d.values()[0][0]).isEqualTo(600.0);
        assertThat(d.values()[1][0]).isEqualTo(300.0);
        assertThat(d.rows()).isEqualTo(2);
    }

    @Test
    void aScatterPlotsRows() {
        ChartData d = run(spec(
                new ChartSpec.Axis("revenue", null),
                new ChartSpec.Axis("line", null),
                ChartSpec.Aggregate.SUM,
                "cost",
                ChartSpec.ChartType.SCATTER));
        assertThat(d.points()).hasSize(4);
        assertThat(d.points()).contains(new ChartData.Point(600, 200, "HVAC"));
        assertThat(d.series()).containsExactly("HVAC", "PLUMB");
    }

    @Test
    void aWrongSpecIsOneSentence() {
        assertThatThrownBy(() -> run(spec(
                        new ChartSpec.Axis("revenue", null),
                        null,
                        ChartSpec.Aggregate.COUNT,
                        null,
                        ChartSpec.ChartType.BAR)))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessage("Revenue is a number: group by a text or a date field, or draw a scatter.");
        assertThatThrownBy(() -> run(spec(
                        new ChartSpec.Axis("line", null),
                        null,
                        ChartSpec.Aggregate.SUM,
                        "city",
                        ChartSpec.ChartType.BAR)))
                .hasMessage("The sum needs a number field of the jobs.");
        assertThatThrownBy(() -> run(spec(
                        new ChartSpec.Axis("line", null),
                        null,
                        ChartSpec.Aggregate.COUNT,
                        null,
                        ChartSpec.ChartType.HEATMAP)))
                .hasMessage("A heatmap needs a split: the rows of the grid.");
    }

    @Test
    void everySourceHasFieldsAndCharts(@TempDir Path dir) {
        Snapshot s = company();
        for (Source src : Source.values()) {
            Columns c = src.columns(s);
            assertThat(c.fields()).as(src.key()).isNotEmpty();
        }
        ChartSpec heat = spec(
                new ChartSpec.Axis("completed", ChartSpec.Grain.MONTH),
                new ChartSpec.Axis("line", null),
                ChartSpec.Aggregate.COUNT,
                null,
                ChartSpec.ChartType.HEATMAP);
        assertThat(ExploreCharts.chart(run(heat))).isNotNull();
        // saved by name and read back the same
        try (Store store = Store.open(dir.resolve("charts"))) {
            SavedCharts.save(store, heat.named("Jobs by line and month"));
            assertThat(SavedCharts.list(store)).containsExactly(heat.named("Jobs by line and month"));
            SavedCharts.save(store, heat.named("Jobs by line and month"));
            assertThat(SavedCharts.list(store)).hasSize(1);
            assertThat(SavedCharts.delete(store, "Jobs by line and month")).isTrue();
            assertThat(SavedCharts.list(store)).isEmpty();
        }
    }
}
