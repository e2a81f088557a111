package quant.app.routing;

import java.util.List;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.jfree.chart.fx.ChartViewer;
import quant.app.analysis.Formats;
import quant.app.analysis.Tables;
import quant.core.routing.DayPlan;
import quant.core.routing.MonthComparison;
import quant.core.routing.RouteCharts;

/**
 * Planned against recorded driving: the day's minutes, km and cost side by side with the saving, and on
 * request every past day of the month, with a chart of recorded and planned minutes per day.
 */
final class ComparePane extends VBox {
    /** One row of the planned-versus-recorded table. */
    record CompareRow(String measure, double recorded, double planned) {}

    private final TableView<CompareRow> compare = new TableView<>();
    private final Label compareText = new Label();
    private final Label monthText = new Label();
    private final ChartViewer monthChart = new ChartViewer();

    ComparePane(RouteViewModel model) {
        compare.setId("route-compare");
        compare.getColumns()
                .setAll(List.of(
                        Tables.text("Drives to the day's jobs", CompareRow::measure, 200),
                        Tables.number("Recorded", CompareRow::recorded, Formats::money, 100),
                        Tables.number("Planned", CompareRow::planned, Formats::money, 100),
                        Tables.number("Saved", r -> r.recorded() - r.planned(), Formats::money, 100),
                        Tables.number(
                                "Saved %",
                                r -> r.recorded() > 0 ? (r.recorded() - r.planned()) / r.recorded() : Double.NaN,
                                Formats::percent,
                                80)));
        compare.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        compare.setPrefHeight(130);
        compare.setPlaceholder(new Label("Nothing recorded to compare with."));
        compareText.setId("route-compare-text");
        compareText.setWrapText(true);
        Button month = new Button("Compare the whole month");
        month.setId("route-compare-month");
        month.setTooltip(new Tooltip(
                "Plan every past day of this month with the time limit and compare each with" + " what was driven"));
        month.disableProperty().bind(model.dateProperty().isNull().or(model.monthRunningProperty()));
        month.setOnAction(e -> {
            monthText.setText(String.format(
                    Locale.ROOT,
                    "Planning every past day of %s for up to %d s each; the status bar shows how far it is and can"
                            + " cancel.",
                    java.time.YearMonth.from(model.dateProperty().get()),
                    model.secondsProperty().get()));
            model.compareMonth();
        });
        monthText.setId("route-month-text");
        monthText.setWrapText(true);
        monthChart.setId("route-month-chart");
        monthChart.setMinHeight(260);
        getChildren().setAll(compareText, compare, month, monthText, monthChart);
        setSpacing(8);
        VBox.setVgrow(monthChart, Priority.ALWAYS);
        setPadding(new Insets(8));
        model.monthProperty().addListener((o, a, m) -> showMonth(m));
    }

    /** Shows the day's comparison with what was driven. */
    void show(DayPlan d) {
        DayPlan.Comparison c = d.actual();
        if (c == null) {
            compare.getItems().clear();
            compareText.setText("No job of " + d.date() + " has recorded travel, so there is nothing to compare the"
                    + " plan with: a day ahead, or travel not in the data.");
        } else {
            compare.getItems()
                    .setAll(List.of(
                            new CompareRow("Driving minutes", c.recordedMinutes(), c.plannedMinutes()),
                            new CompareRow("Road km", c.recordedKm(), c.plannedKm()),
                            new CompareRow("Driving cost", c.recordedCost(), c.plannedCost())));
            compareText.setText(String.format(
                    Locale.ROOT,
                    "%d jobs have recorded travel; the plan serves %d of them%s. Recorded km follow each technician's"
                            + " jobs in the order they were done, from the home base. Only drives to jobs count"
                            + " on both sides, since the records have no drive home.",
                    c.jobs(),
                    c.plannedJobs(),
                    c.servedButUnplanned() == 0
                            ? ""
                            : String.format(
                                    Locale.ROOT,
                                    " (%d served that day are left out by the plan)",
                                    c.servedButUnplanned())));
        }
    }

    private void showMonth(MonthComparison m) {
        if (m == null) {
            return;
        }
        DayPlan.Comparison t = m.total().comparison();
        monthText.setText(String.format(
                Locale.ROOT,
                "%s: %d days with recorded travel, %,d jobs, %,d left out by the plans. Driving to jobs %,.0f min"
                        + " recorded against %,.0f planned, saving %,.0f min (%s); cost %s against %s, saving %s."
                        + " Each day searched %.0f s.",
                m.month(),
                m.days().size(),
                t.jobs(),
                m.total().leftOut(),
                t.recordedMinutes(),
                t.plannedMinutes(),
                t.savedMinutes(),
                Formats.percent(t.recordedMinutes() > 0 ? t.savedMinutes() / t.recordedMinutes() : Double.NaN),
                Formats.money(t.recordedCost()),
                Formats.money(t.plannedCost()),
                Formats.money(t.savedCost()),
                m.secondsPerDay()));
        monthChart.setChart(m.days().isEmpty() ? null : RouteCharts.month(m));
    }
}
