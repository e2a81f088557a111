package quant.app.forecast;

import java.util.List;
import java.util.Locale;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import org.jfree.chart.fx.ChartViewer;
import quant.app.analysis.AnalysisFrame;
import quant.app.analysis.Formats;
import quant.app.analysis.Tables;
import quant.core.forecast.business.CashFlowResult;
import quant.core.forecast.business.CashFlowSpec;
import quant.core.forecast.business.ForecastCharts;
import quant.core.forecast.business.ForecastReports;

/**
 * Cash flow: weekly collections and outflows with the running balance (or, without an opening
 * balance, the cumulative net flow and a line saying how to set one), above the table of weeks.
 */
public final class CashFlowView extends BorderPane implements quant.app.analysis.Exportable {
    public static final String ID = "forecast-cashflow";

    private final ChartViewer chart = new ChartViewer();
    private final TableView<CashFlowResult.Week> weeks = new TableView<>();
    private final TableView<CashFlowResult.AgeBand> doubtful = new TableView<>();
    private final Label receivables = new Label();
    private final Label banner = new Label();
    private final AnalysisFrame frame;

    private final StoreForecastViewModel<CashFlowSpec, CashFlowResult> model;

    public CashFlowView(StoreForecastViewModel<CashFlowSpec, CashFlowResult> model) {
        this.model = model;
        setId("cashflow-view");
        setTop(new ToolBar(
                ForecastControls.method(model, "cashflow"),
                ForecastControls.horizon(model, "cashflow", List.of(30, 60, 90, 180))));
        chart.setId("cashflow-chart");
        weeks.setId("cashflow-weeks");
        weeks.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        banner.setId("cashflow-banner");
        banner.setWrapText(true);
        banner.setStyle("-fx-background-color: #fff4d6; -fx-padding: 6 10 6 10; -fx-text-fill: #5c4400;");
        banner.setMaxWidth(Double.MAX_VALUE);
        banner.setManaged(false);
        banner.setVisible(false);
        VBox top = new VBox(4, banner, chart);
        VBox.setVgrow(chart, javafx.scene.layout.Priority.ALWAYS);
        doubtful.setId("cashflow-doubtful");
        doubtful.setPlaceholder(new Label("No open invoice is doubtful: every one is expected to be paid."));
        doubtful.getColumns().setAll(Tables.of(ForecastReports.ageColumns()));
        receivables.setId("cashflow-receivables");
        receivables.setWrapText(true);
        receivables.setStyle("-fx-padding: 6 10 6 10;");
        VBox receivablesPane = new VBox(4, receivables, doubtful);
        VBox.setVgrow(doubtful, javafx.scene.layout.Priority.ALWAYS);
        javafx.scene.control.TabPane tabs = new javafx.scene.control.TabPane(
                new javafx.scene.control.Tab("Weeks", weeks),
                new javafx.scene.control.Tab("Open invoices", receivablesPane));
        tabs.setTabClosingPolicy(javafx.scene.control.TabPane.TabClosingPolicy.UNAVAILABLE);
        SplitPane body = new SplitPane(top, tabs);
        body.setOrientation(Orientation.VERTICAL);
        body.setDividerPositions(0.62);
        frame = new AnalysisFrame(
                this, body, "cashflow", model.runningProperty(), model.messageProperty(), model.resultProperty());
        model.resultProperty().addListener((obs, o, r) -> show(r));
        model.refresh();
    }

    private void show(CashFlowResult r) {
        if (r == null) {
            return;
        }
        frame.showBody();
        frame.setDefinitions(r.notes());
        banner.setText(
                r.hasBalance()
                        ? ""
                        : "No opening cash balance is set, so only the flows are shown. Enter the cash in the bank at "
                                + r.asOf().date()
                                + " under File ▸ Business settings… (Ctrl+,) to see the balance and when it runs low.");
        banner.setVisible(!r.hasBalance());
        banner.setManaged(!r.hasBalance());
        CashFlowResult.Flows t = r.totals();
        String low = !r.hasBalance()
                ? "no balance without an opening cash balance"
                : r.lowCashDate() == null
                        ? "balance stays above 30 days of outflows (" + Formats.money(r.lowCashThreshold()) + ")"
                        : "below 30 days of outflows (" + Formats.money(r.lowCashThreshold()) + ") from "
                                + r.lowCashDate() + ", " + r.lowCashDays() + " of " + r.horizonDays() + " days";
        frame.setSummary(String.format(
                Locale.ROOT,
                "Next %d days: in %s, out %s, net %s · %s · open invoices %s, %s expected, %s doubtful · as of %s",
                r.horizonDays(),
                Formats.money(t.collectionsOpen() + t.collectionsForecast()),
                Formats.money(t.jobCosts() + t.fixedExpenses() + t.variableExpenses() + t.marketing()),
                Formats.money(t.net()),
                low,
                Formats.money(r.openInvoices().outstanding()),
                Formats.money(r.openInvoices().expected()),
                Formats.money(r.openInvoices().doubtful()),
                r.asOf().date()));
        CashFlowResult.OpenInvoices o = r.openInvoices();
        receivables.setText(String.format(
                Locale.ROOT,
                "%,d open invoices owe %s: %s is expected within %d days, %s later, and %s is doubtful — older than"
                        + " any invoice ever paid, so the cash flow counts none of it. The doubtful invoices by days"
                        + " past due:",
                o.count(),
                Formats.money(o.outstanding()),
                Formats.money(o.expected()),
                r.horizonDays(),
                Formats.money(o.later()),
                Formats.money(o.doubtful())));
        doubtful.getItems()
                .setAll(o.doubtfulByAge().stream().filter(b -> b.count() > 0).toList());
        chart.setChart(ForecastCharts.cashFlow(r));
        List<javafx.scene.control.TableColumn<CashFlowResult.Week, ?>> columns =
                Tables.of(ForecastReports.weekColumns(r.hasBalance()));
        // the old rows go first: the new columns read only the rows of their own result
        weeks.getItems().clear();
        weeks.getColumns().setAll(columns);
        weeks.getItems().setAll(r.weeks());
    }

    @Override
    public java.util.Optional<quant.core.report.Report> report() {
        var r = model.resultProperty().get();
        return r == null || model.resultSpec() == null
                ? java.util.Optional.empty()
                : java.util.Optional.of(quant.core.forecast.business.ForecastReports.cashFlow(r, model.resultSpec()));
    }
}
