package quant.app.cohort;

import java.util.List;
import javafx.geometry.Orientation;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.util.StringConverter;
import org.jfree.chart.fx.ChartViewer;
import quant.app.analysis.AnalysisFrame;
import quant.app.analysis.CustomerFilterBar;
import quant.app.analysis.Formats;
import quant.app.analysis.Tables;
import quant.core.analysis.Period;
import quant.core.chart.SequentialScale;
import quant.core.cohort.CohortCharts;
import quant.core.cohort.CohortMetric;
import quant.core.cohort.CohortReport;
import quant.core.cohort.CohortResult;
import quant.core.report.Column;

/**
 * Cohort retention: the heatmap and the retention curves above the cohort table with each cohort's
 * size, with the period, the metric, the filters and the as-of date in the toolbar and the
 * definitions below.
 */
public final class CohortView extends BorderPane implements quant.app.analysis.Exportable {
    public static final String ID = "cohorts";

    private final CohortViewModel model;
    private final ChartViewer heatmap = new ChartViewer();
    private final ChartViewer curves = new ChartViewer();
    private final TableView<CohortResult.Cohort> table = new TableView<>();
    private final SplitPane body;
    private final AnalysisFrame frame;

    public CohortView(CohortViewModel model) {
        this.model = model;
        setId("cohort-view");
        setTop(toolbar());

        heatmap.setId("cohort-heatmap");
        curves.setId("cohort-curves");
        SplitPane charts = new SplitPane(heatmap, curves);
        charts.setDividerPositions(0.58);
        table.setId("cohort-table");
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        table.setPlaceholder(new Label("No cohorts to show."));
        body = new SplitPane(charts, table);
        body.setOrientation(Orientation.VERTICAL);
        body.setDividerPositions(0.62);

        frame = new AnalysisFrame(
                this, body, "cohort", model.runningProperty(), model.messageProperty(), model.resultProperty());
        model.resultProperty().addListener((obs, o, r) -> show(r));
        model.refresh();
    }

    private ToolBar toolbar() {
        ComboBox<Period> period = new ComboBox<>();
        period.getItems().setAll(Period.values());
        period.setConverter(converter(period.getItems(), p -> p == Period.MONTH ? "Monthly" : "Quarterly"));
        period.valueProperty().bindBidirectional(model.periodProperty());
        period.setId("cohort-period");
        period.setTooltip(new Tooltip("Cohorts and ages by month or by quarter"));

        ComboBox<CohortMetric> metric = new ComboBox<>();
        metric.getItems().setAll(CohortMetric.values());
        metric.setConverter(converter(metric.getItems(), CohortMetric::title));
        metric.valueProperty().bindBidirectional(model.metricProperty());
        metric.setId("cohort-metric");

        ToolBar bar = new ToolBar(period, metric);
        bar.getItems().addAll(CustomerFilterBar.controls(model.filter(), "cohort"));
        return bar;
    }

    private void show(CohortResult r) {
        if (r == null) {
            return;
        }
        CohortMetric metric = r.metric();
        frame.setDefinitions(r.definitions());
        frame.setSummary("%s customers in %d cohorts · as of %s"
                .formatted(
                        Formats.count(r.customers()),
                        r.cohorts().size(),
                        r.asOf().describe()));
        if (r.isEmpty()) {
            frame.showEmpty("No customer has a cohort with these filters. Clear a filter, or import customers"
                    + " and completed jobs.");
            return;
        }
        frame.showBody();
        heatmap.setChart(CohortCharts.heatmap(r, metric));
        curves.setChart(CohortCharts.curves(r, metric));
        fillTable(r, metric);
    }

    /**
     * The cohort table of the report ({@link CohortReport#cohortTable}): its columns as everywhere else,
     * the ages' cells coloured like the heatmap.
     */
    private void fillTable(CohortResult r, CohortMetric metric) {
        SequentialScale scale = CohortCharts.scale(r, metric);
        List<TableColumn<CohortResult.Cohort, ?>> columns = new java.util.ArrayList<>();
        for (Column<CohortResult.Cohort> c : CohortReport.cohortTable(r).columns()) {
            TableColumn<CohortResult.Cohort, Object> col = Tables.of(c);
            if (c.key().startsWith("age-")) {
                int age = Integer.parseInt(c.key().substring("age-".length()));
                col.setCellFactory(x -> new HeatCell(metric, scale, age));
                col.setSortable(false);
                // a heat strip: as narrow as the header allows, widened only if a figure needs it
                col.setPrefWidth(col.getMinWidth());
            }
            columns.add(col);
        }
        table.getItems().clear();
        table.getColumns().setAll(columns);
        table.getItems().setAll(r.cohorts());
    }

    /** A table cell coloured like the heatmap; partial periods grey and marked with an asterisk. */
    private static final class HeatCell extends TableCell<CohortResult.Cohort, Object> {
        private final CohortMetric metric;
        private final SequentialScale scale;
        private final int age;

        HeatCell(CohortMetric metric, SequentialScale scale, int age) {
            this.metric = metric;
            this.scale = scale;
            this.age = age;
        }

        @Override
        protected void updateItem(Object value, boolean isEmpty) {
            super.updateItem(value, isEmpty);
            CohortResult.Cohort cohort =
                    getTableRow() == null ? null : getTableRow().getItem();
            if (isEmpty
                    || value == null
                    || cohort == null
                    || age >= cohort.cells().size()) {
                setText(null);
                setStyle("");
                setTooltip(null);
                return;
            }
            CohortResult.Cell cell = cohort.cells().get(age);
            double v = metric.value(cell);
            String text = metric.isShare() ? Formats.percent(v) : Formats.money(v);
            if (cell.partial()) {
                setText(text + "*");
                setStyle("-fx-alignment: CENTER-RIGHT; -fx-background-color: #d9dce0; -fx-text-fill: #57606a;");
                setTooltip(new Tooltip(cell.period() + " is not over at the as-of date: partial, not a drop."));
                return;
            }
            java.awt.Color c = scale.color(v);
            setText(text);
            setStyle("-fx-alignment: CENTER-RIGHT; -fx-background-color: rgb(%d,%d,%d); -fx-text-fill: %s;"
                    .formatted(c.getRed(), c.getGreen(), c.getBlue(), scale.isDark(v) ? "white" : "#24292f"));
            setTooltip(new Tooltip("%s cohort in %s: %s active, revenue %s, margin %s"
                    .formatted(
                            cohort.label(),
                            cell.period(),
                            Formats.count(cell.active()),
                            Formats.money(cell.revenue()),
                            Formats.money(cell.margin()))));
        }
    }

    private static <T> StringConverter<T> converter(List<T> items, java.util.function.Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T t) {
                return t == null ? "" : text.apply(t);
            }

            @Override
            public T fromString(String s) {
                return items.stream()
                        .filter(t -> text.apply(t).equals(s))
                        .findFirst()
                        .orElse(null);
            }
        };
    }

    @Override
    public java.util.Optional<quant.core.report.Report> report() {
        CohortResult r = model.resultProperty().get();
        return r == null || model.resultSpec() == null
                ? java.util.Optional.empty()
                : java.util.Optional.of(quant.core.cohort.CohortReport.of(r, model.resultSpec()));
    }
}
