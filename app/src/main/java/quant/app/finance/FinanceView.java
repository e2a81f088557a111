package quant.app.finance;

import java.util.Locale;
import java.util.Optional;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.jfree.chart.fx.ChartViewer;
import quant.app.analysis.AnalysisFrame;
import quant.app.analysis.CustomerFilterBar;
import quant.app.analysis.KeyFigures;
import quant.app.analysis.Sentences;
import quant.app.analysis.Tables;
import quant.core.finance.FinanceCharts;
import quant.core.finance.FinanceReport;
import quant.core.finance.FinanceResult;
import quant.core.report.Report;

/**
 * The finance monitors: margins by month against their levels, how much of the revenue rests on the
 * largest customers, revenue through the year, and the reserve the worst three months imply.
 */
public final class FinanceView extends BorderPane implements quant.app.analysis.Exportable {
    public static final String ID = "finance.monitors";

    private final MonitorViewModel<FinanceResult> model;
    private final KeyFigures figures = new KeyFigures("finance-figures");
    private final ChartViewer margins = new ChartViewer();
    private final TableView<FinanceResult.Month> months = new TableView<>();
    private final ChartViewer concentration = new ChartViewer();
    private final TableView<FinanceResult.Share> customers = new TableView<>();
    private final ChartViewer seasonality = new ChartViewer();
    private final Sentences notes = new Sentences();
    private final AnalysisFrame frame;

    public FinanceView(MonitorViewModel<FinanceResult> model) {
        this.model = model;
        setId("finance-view");
        setTop(new ToolBar(new Label("As of"), CustomerFilterBar.asOfPicker(model.asOfProperty(), "finance-as-of")));
        months.setId("finance-months");
        months.getColumns().setAll(Tables.of(FinanceReport.monthColumns()));
        months.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        customers.setId("finance-customers");
        customers.getColumns().setAll(Tables.of(FinanceReport.shareColumns()));
        customers.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        notes.setId("finance-notes");
        notes.setPlaceholder("Nothing to point out.");
        TabPane tabs = new TabPane(
                tab("Margins", vertical(margins, months)),
                tab("Concentration", vertical(concentration, customers)),
                tab("Seasons and reserve", seasonsTab()));
        tabs.setId("finance-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        VBox body = new VBox(figures, tabs);
        VBox.setVgrow(tabs, Priority.ALWAYS);
        frame = new AnalysisFrame(
                this, body, "finance", model.runningProperty(), model.messageProperty(), model.resultProperty());
        model.resultProperty().addListener((obs, o, r) -> show(r));
        model.refresh();
    }

    private static Tab tab(String title, Node content) {
        Tab t = new Tab(title, content);
        t.setId("finance-tab-" + title.toLowerCase(Locale.ROOT).replace(' ', '-'));
        return t;
    }

    private static SplitPane vertical(Node top, Node bottom) {
        SplitPane pane = new SplitPane(top, bottom);
        pane.setOrientation(Orientation.VERTICAL);
        pane.setDividerPositions(0.55);
        return pane;
    }

    private Node seasonsTab() {
        VBox side = new VBox(6, Tables.heading("Reserve and levels"), notes);
        side.setPadding(new Insets(8));
        VBox.setVgrow(notes, Priority.ALWAYS);
        SplitPane pane = new SplitPane(seasonality, side);
        pane.setDividerPositions(0.6);
        return pane;
    }

    private void show(FinanceResult r) {
        if (r == null) {
            return;
        }
        frame.setDefinitions(r.definitions());
        frame.showBody();
        frame.setSummary(
                "As of %s%s · concentration over the 12 months to it; margins judged on the last three complete months"
                        .formatted(r.asOf().date(), r.asOfFromData() ? " (the last activity in the data)" : ""));
        figures.showReport(FinanceReport.figures(r));
        margins.setChart(FinanceCharts.margins(
                r.months(), model.levels().grossMargin(), model.levels().operatingMargin()));
        months.getItems().setAll(r.months());
        concentration.setChart(
                r.concentration().isEmpty()
                        ? null
                        : FinanceCharts.concentration(
                                r.concentration(), model.levels().top5()));
        customers.getItems().setAll(r.concentration());
        seasonality.setChart(r.seasonality().isEmpty() ? null : FinanceCharts.seasonality(r.seasonality()));
        java.util.List<String> lines = new java.util.ArrayList<>();
        if (r.reserve() != null) {
            lines.add(String.format(
                    Locale.ROOT,
                    "The worst three months were %s to %s: fixed costs %,.0f against a contribution of %,.0f, so a"
                            + " reserve of %,.0f (%.1f months of fixed costs) carries them.",
                    r.reserve().from(),
                    r.reserve().to(),
                    r.reserve().fixedCosts(),
                    r.reserve().contribution(),
                    r.reserve().shortfall(),
                    r.reserve().monthsOfFixedCosts()));
        }
        lines.addAll(r.notes());
        lines.addAll(r.levels());
        notes.getItems().setAll(lines);
    }

    @Override
    public Optional<Report> report() {
        FinanceResult r = model.resultProperty().get();
        return r == null ? Optional.empty() : Optional.of(FinanceReport.of(r, model.levels()));
    }
}
