package quant.app.forecast;

import java.util.List;
import java.util.Locale;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import org.jfree.chart.fx.ChartViewer;
import quant.app.analysis.AnalysisFrame;
import quant.app.analysis.Formats;
import quant.app.analysis.Tables;
import quant.core.forecast.Backtest;
import quant.core.forecast.business.ForecastCharts;
import quant.core.forecast.business.ForecastReports;
import quant.core.forecast.business.Outlook;
import quant.core.forecast.business.OutlookSpec;
import quant.core.forecast.business.RevenueResult;
import quant.core.forecast.business.SavedForecast;

/**
 * Revenue ahead: the fan chart of job revenue and the open pipeline by stage above the table of the
 * 30/90/365-day windows with their parts (jobs, booked work, weighted pipeline), the stages' win
 * rates, the booked work by line and the backtest.
 */
public final class RevenueView extends BorderPane implements quant.app.analysis.Exportable {
    public static final String ID = "forecast-revenue";

    private final ChartViewer fan = new ChartViewer();
    private final ChartViewer pipeline = new ChartViewer();
    private final TableView<RevenueResult.Window> windows = new TableView<>();
    private final TableView<RevenueResult.StageValue> stages = new TableView<>();
    private final TableView<RevenueResult.LineRate> lines = new TableView<>();
    private final TableView<Backtest.Score> backtest = ForecastControls.backtestTable("revenue-backtest");
    private final AnalysisFrame frame;

    private final StoreForecastViewModel<OutlookSpec, RevenueResult> model;

    public RevenueView(StoreForecastViewModel<OutlookSpec, RevenueResult> model, SavedForecasts saved) {
        this.model = model;
        setId("revenue-view");
        Label status = new Label();
        status.setId("revenue-status");
        ForecastControls.confirmation(status);
        Button save = new Button("Save forecast");
        save.setId("revenue-save");
        save.setTooltip(new Tooltip(
                "Keep the job revenue forecast to compare with what happens (Forecasts ▸ Saved forecasts)"));
        save.disableProperty().bind(model.resultProperty().isNull().or(model.runningProperty()));
        save.setOnAction(e -> {
            RevenueResult r = model.resultProperty().get();
            saved.save(
                    List.of(SavedForecast.of(SavedForecast.REVENUE, r.jobRevenue(), r.asOfText(), null)),
                    status::setText);
        });
        setTop(new ToolBar(
                ForecastControls.method(model, "revenue"),
                ForecastControls.horizon(model, "revenue", List.of(90, 180, 365, 730)),
                save,
                status));
        fan.setId("revenue-fan");
        pipeline.setId("revenue-pipeline");
        SplitPane charts = new SplitPane(fan, pipeline);
        charts.setDividerPositions(0.64);

        windows.setId("revenue-windows");
        windows.getColumns().setAll(Tables.of(ForecastReports.windowColumns()));
        windows.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        stages.setId("revenue-stages");
        stages.getColumns().setAll(Tables.of(ForecastReports.stageColumns()));
        stages.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        stages.setPlaceholder(new Label("No deals in the data."));
        lines.setId("revenue-lines");
        lines.getColumns().setAll(Tables.of(ForecastReports.lineRateColumns()));
        lines.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        TabPane tabs = new TabPane(
                new Tab("Windows", windows),
                new Tab("Pipeline stages", stages),
                new Tab("Booked work", lines),
                new Tab("Backtest", backtest));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setId("revenue-tabs");
        SplitPane body = new SplitPane(charts, tabs);
        body.setOrientation(Orientation.VERTICAL);
        body.setDividerPositions(0.6);
        frame = new AnalysisFrame(
                this, body, "revenue", model.runningProperty(), model.messageProperty(), model.resultProperty());
        model.resultProperty().addListener((obs, o, r) -> show(r));
        model.refresh();
    }

    private void show(RevenueResult r) {
        if (r == null) {
            return;
        }
        frame.showBody();
        java.util.List<String> definitions =
                new java.util.ArrayList<>(ForecastReports.details(r.jobRevenue().forecast()));
        definitions.addAll(r.notes());
        frame.setDefinitions(definitions);
        RevenueResult.Window first = r.windows().getFirst();
        RevenueResult.Window last = r.windows().getLast();
        frame.setSummary(String.format(
                Locale.ROOT,
                "Next %d days: %s (%s) · next %d days: %s%s · %s · as of %s",
                first.days(),
                Formats.money(first.total().mean()),
                range(first.total()),
                last.days(),
                Formats.money(last.total().mean()),
                r.overdue().deals() == 0
                        ? ""
                        : " · " + Formats.count(r.overdue().deals()) + " overdue deals ("
                                + Formats.money(r.overdue().value()) + ") in no window",
                ForecastControls.headline(r.jobRevenue().forecast()),
                r.asOf().date()));
        fan.setChart(ForecastCharts.fan(r.jobRevenue(), "Revenue of completed jobs per month", "Revenue", true));
        pipeline.setChart(r.stages().isEmpty() ? null : ForecastCharts.pipeline(r));
        windows.getItems().setAll(r.windows());
        stages.getItems().setAll(r.stages());
        lines.getItems().setAll(r.lines());
        ForecastControls.showBacktest(backtest, r.jobRevenue().forecast());
    }

    private static String range(Outlook.Total t) {
        return Formats.money(t.lower80()) + " – " + Formats.money(t.upper80());
    }

    @Override
    public java.util.Optional<quant.core.report.Report> report() {
        var r = model.resultProperty().get();
        return r == null || model.resultSpec() == null
                ? java.util.Optional.empty()
                : java.util.Optional.of(quant.core.forecast.business.ForecastReports.revenue(r, model.resultSpec()));
    }
}
