package quant.app.finance;

import java.util.Optional;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
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
import quant.core.finance.ReceivablesReport;
import quant.core.finance.ReceivablesResult;
import quant.core.report.Report;

/**
 * Receivables: the aging by days past due and DSO at each month end side by side, the monitors
 * judged against their levels, and the customers by what they owe past due with their payment habit.
 */
public final class ReceivablesView extends BorderPane implements quant.app.analysis.Exportable {
    public static final String ID = "finance.receivables";

    private final MonitorViewModel<ReceivablesResult> model;
    private final KeyFigures figures = new KeyFigures("receivables-figures");
    private final ChartViewer aging = new ChartViewer();
    private final ChartViewer dso = new ChartViewer();
    private final TableView<ReceivablesResult.Customer> customers = new TableView<>();
    private final TableView<ReceivablesResult.Customer> slow = new TableView<>();
    private final Sentences notes = new Sentences();
    private final AnalysisFrame frame;

    public ReceivablesView(MonitorViewModel<ReceivablesResult> model) {
        this.model = model;
        setId("receivables-view");
        setTop(new ToolBar(
                new Label("As of"), CustomerFilterBar.asOfPicker(model.asOfProperty(), "receivables-as-of")));
        customers.setId("receivables-customers");
        customers.getColumns().setAll(Tables.of(ReceivablesReport.customerColumns()));
        customers.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        customers.setPlaceholder(new Label("Nobody owes anything or paid late in the last 12 months."));
        notes.setId("receivables-notes");
        notes.setPlaceholder("Nothing to point out.");
        SplitPane charts = new SplitPane(aging, dso);
        VBox side = new VBox(6, Tables.heading("Levels"), notes);
        side.setPadding(new Insets(8));
        VBox.setVgrow(notes, Priority.ALWAYS);
        slow.setId("receivables-slow-payers");
        slow.getColumns().setAll(Tables.of(ReceivablesReport.customerColumns()));
        slow.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        slow.setPlaceholder(
                new Label("Nobody who paid four or more invoices due in the last 12 months paid them late."));
        javafx.scene.control.TabPane lists = new javafx.scene.control.TabPane(
                new javafx.scene.control.Tab("Owing past due", customers),
                new javafx.scene.control.Tab("Paying latest", slow));
        lists.setTabClosingPolicy(javafx.scene.control.TabPane.TabClosingPolicy.UNAVAILABLE);
        lists.setId("receivables-lists");
        SplitPane bottom = new SplitPane(lists, side);
        bottom.setDividerPositions(0.75);
        SplitPane all = new SplitPane(charts, bottom);
        all.setOrientation(Orientation.VERTICAL);
        all.setDividerPositions(0.5);
        VBox body = new VBox(figures, all);
        VBox.setVgrow(all, Priority.ALWAYS);
        frame = new AnalysisFrame(
                this, body, "receivables", model.runningProperty(), model.messageProperty(), model.resultProperty());
        model.resultProperty().addListener((obs, o, r) -> show(r));
        model.refresh();
    }

    private void show(ReceivablesResult r) {
        if (r == null) {
            return;
        }
        frame.setDefinitions(r.definitions());
        frame.showBody();
        frame.setSummary("As of %s%s · open %,.0f, of which %,.0f past due"
                .formatted(
                        r.asOf().date(),
                        r.asOfFromData() ? " (the last activity in the data)" : "",
                        r.open(),
                        r.pastDue()));
        figures.showReport(ReceivablesReport.figures(r));
        aging.setChart(FinanceCharts.aging(r.aging()));
        dso.setChart(FinanceCharts.dsoTrend(r.dsoTrend(), model.levels().dso()));
        customers.getItems().setAll(r.customers());
        slow.getItems().setAll(r.slowPayers());
        java.util.List<String> lines = new java.util.ArrayList<>(r.notes());
        lines.addAll(r.levels());
        notes.getItems().setAll(lines);
    }

    @Override
    public Optional<Report> report() {
        ReceivablesResult r = model.resultProperty().get();
        return r == null ? Optional.empty() : Optional.of(ReceivablesReport.of(r, model.levels()));
    }
}
