package quant.app.forecast;

import java.util.List;
import java.util.Locale;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
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
import quant.core.forecast.Backtest;
import quant.core.forecast.business.DemandResult;
import quant.core.forecast.business.ForecastCharts;
import quant.core.forecast.business.OutlookSpec;
import quant.core.forecast.business.SavedForecast;

/**
 * Demand per service line: the fan chart of jobs requested per month and the seasonality of the
 * chosen line above its hours needed against the technicians' hours, with the backtest of the
 * methods and the data checks beside it.
 */
public final class DemandView extends BorderPane implements quant.app.analysis.Exportable {
    public static final String ID = "forecast-demand";

    private final StoreForecastViewModel<OutlookSpec, DemandResult> model;
    private final ComboBox<String> line = new ComboBox<>();
    private final ChartViewer fan = new ChartViewer();
    private final ChartViewer seasons = new ChartViewer();
    private final ChartViewer capacity = new ChartViewer();
    private final javafx.scene.control.TableView<quant.core.forecast.business.ForecastReports.CapacityWeekRow> weeks =
            new javafx.scene.control.TableView<>();
    private final TableView<Backtest.Score> backtest = ForecastControls.backtestTable("demand-backtest");
    private final ListView<String> checks = ForecastControls.checksList("demand-checks");
    private final AnalysisFrame frame;

    private final Label status = new Label();

    public DemandView(StoreForecastViewModel<OutlookSpec, DemandResult> model, SavedForecasts saved) {
        this.model = model;
        setId("demand-view");
        line.setId("demand-line");
        line.setPromptText("Service line");
        line.valueProperty()
                .addListener((obs, o, n) -> show(model.resultProperty().get()));
        Button save = new Button("Save forecast");
        save.setId("demand-save");
        save.setTooltip(
                new Tooltip("Keep this line's forecast to compare with what happens (Forecasts ▸ Saved forecasts)"));
        save.disableProperty().bind(line.valueProperty().isNull().or(model.runningProperty()));
        save.setOnAction(e -> {
            DemandResult r = model.resultProperty().get();
            r.lines().stream()
                    .filter(l -> l.line().equals(line.getValue()))
                    .findFirst()
                    .ifPresent(l -> saved.save(
                            List.of(SavedForecast.of(SavedForecast.jobs(l.line()), l.jobs(), r.asOfText(), null)),
                            status::setText));
        });
        status.setId("demand-status");
        ForecastControls.confirmation(status);
        setTop(new ToolBar(
                new Label("Line"),
                line,
                ForecastControls.method(model, "demand"),
                ForecastControls.horizon(model, "demand", List.of(90, 180, 365, 730)),
                save,
                status));
        fan.setId("demand-fan");
        seasons.setId("demand-seasons");
        capacity.setId("demand-capacity");
        SplitPane top = new SplitPane(fan, seasons);
        top.setDividerPositions(0.66);
        weeks.setId("demand-weeks");
        weeks.getColumns()
                .setAll(quant.app.analysis.Tables.of(
                        quant.core.forecast.business.ForecastReports.capacityWeekColumns(false)));
        weeks.setColumnResizePolicy(javafx.scene.control.TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        weeks.setPlaceholder(new Label("No technician has this skill."));
        TabPane tabs =
                new TabPane(new Tab("Backtest", backtest), new Tab("Data checks", checks), new Tab("Weeks", weeks));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        SplitPane bottom = new SplitPane(capacity, tabs);
        bottom.setDividerPositions(0.5);
        SplitPane body = new SplitPane(top, bottom);
        body.setOrientation(Orientation.VERTICAL);
        body.setDividerPositions(0.52);
        frame = new AnalysisFrame(
                this, body, "demand", model.runningProperty(), model.messageProperty(), model.resultProperty());
        model.resultProperty().addListener((obs, o, r) -> {
            offerLines(r);
            show(r);
        });
        model.refresh();
    }

    private void offerLines(DemandResult r) {
        if (r == null) {
            return;
        }
        List<String> codes =
                r.lines().stream().map(DemandResult.LineDemand::line).toList();
        java.util.Map<String, String> names = new java.util.HashMap<>();
        r.lines().forEach(l -> names.put(l.line(), l.name()));
        line.setConverter(Formats.shownAs(code -> names.getOrDefault(code, code)));
        if (!line.getItems().equals(codes)) {
            String keep = line.getValue();
            line.getItems().setAll(codes);
            line.setValue(codes.contains(keep) ? keep : codes.isEmpty() ? null : codes.getFirst());
        }
    }

    private void show(DemandResult r) {
        if (r == null) {
            return;
        }
        DemandResult.LineDemand d = r.lines().stream()
                .filter(l -> l.line().equals(line.getValue()))
                .findFirst()
                .orElse(null);
        if (d == null) {
            frame.setSummary("As of " + r.asOf().date());
            frame.showEmpty("No service line has jobs to forecast. Import jobs with their requested dates.");
            return;
        }
        frame.showBody();
        frame.setSummary(String.format(
                Locale.ROOT,
                "%s: %,.0f jobs (%,.0f–%,.0f at 80 %%) needing %,.0f technician hours in the next %d days · %s · as of %s",
                d.name(),
                d.windowJobs().mean(),
                d.windowJobs().lower80(),
                d.windowJobs().upper80(),
                d.windowHours().mean(),
                r.horizonDays(),
                ForecastControls.headline(d.jobs().forecast()),
                r.asOf().date()));
        java.util.List<String> definitions = new java.util.ArrayList<>(
                quant.core.forecast.business.ForecastReports.details(d.jobs().forecast()));
        definitions.addAll(r.notes());
        frame.setDefinitions(definitions);
        fan.setChart(ForecastCharts.fan(d.jobs(), d.name() + ": jobs requested per month", "Jobs", false));
        if (d.seasonalIndex().isEmpty()) {
            seasons.setChart(null);
        } else {
            seasons.setChart(ForecastCharts.seasonality(d));
        }
        r.capacity().stream()
                .filter(c -> c.skill().equals(d.line()))
                .findFirst()
                .ifPresent(c -> {
                    capacity.setChart(ForecastCharts.capacity(c));
                    weeks.getItems()
                            .setAll(c.weeks().stream()
                                    .map(w -> new quant.core.forecast.business.ForecastReports.CapacityWeekRow(
                                            c.name(), w))
                                    .toList());
                });
        ForecastControls.showBacktest(backtest, d.jobs().forecast());
        ForecastControls.showChecks(checks, d.jobs().forecast());
    }

    /** The line shown. */
    ComboBox<String> lineBox() {
        return line;
    }

    @Override
    public java.util.Optional<quant.core.report.Report> report() {
        var r = model.resultProperty().get();
        return r == null || model.resultSpec() == null
                ? java.util.Optional.empty()
                : java.util.Optional.of(quant.core.forecast.business.ForecastReports.demand(r, model.resultSpec()));
    }
}
