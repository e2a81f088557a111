package quant.app.forecast;

import javafx.beans.value.ObservableValue;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import org.jfree.chart.fx.ChartViewer;
import quant.app.analysis.AnalysisFrame;
import quant.app.analysis.Recomputer;
import quant.app.analysis.Tables;
import quant.app.job.JobRunner;
import quant.core.analysis.SnapshotCache;
import quant.core.forecast.business.ForecastAccuracy;
import quant.core.forecast.business.ForecastCharts;
import quant.core.forecast.business.ForecastLog;
import quant.core.forecast.business.SavedForecast;

/**
 * The forecasts users saved, each against what happened since: the table of saved forecasts with
 * their errors and band coverage, and the chart of the one selected (its months and bands, and the
 * actual value of each month that is over).
 */
public final class SavedForecastsView extends BorderPane implements quant.app.analysis.Exportable {
    public static final String ID = "forecast-saved";

    private final Recomputer<Long, ForecastAccuracy.Result> recomputer;
    private final SavedForecasts saved;
    private final TableView<ForecastAccuracy.Run> table = new TableView<>();
    private final ChartViewer chart = new ChartViewer();
    private final Label status = new Label();
    private final AnalysisFrame frame;

    public SavedForecastsView(
            SavedForecasts saved, JobRunner jobs, SnapshotCache snapshots, ObservableValue<?> dataChanged) {
        this.saved = saved;
        setId("saved-forecasts-view");
        recomputer = new Recomputer<>(
                "Comparing saved forecasts with the data",
                jobs,
                snapshots,
                ForecastAccuracy.PARTS,
                (snapshot, changes, monitor) ->
                        ForecastAccuracy.run(snapshot, ForecastLog.list(saved.store()), monitor));
        Button delete = new Button("Delete");
        delete.setId("saved-delete");
        delete.setTooltip(new Tooltip("Delete the selected saved forecast"));
        delete.disableProperty()
                .bind(table.getSelectionModel().selectedItemProperty().isNull());
        delete.setOnAction(e -> {
            ForecastAccuracy.Run run = table.getSelectionModel().getSelectedItem();
            if (run != null) {
                saved.delete(run.id(), status::setText);
            }
        });
        status.setId("saved-status");
        setTop(new ToolBar(delete, status));

        table.setId("saved-table");
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        table.getColumns().setAll(Tables.of(quant.core.forecast.business.SavedForecastReport.runColumns()));
        table.getSelectionModel().selectedItemProperty().addListener((obs, o, r) -> showChart(r));
        chart.setId("saved-chart");
        SplitPane body = new SplitPane(table, chart);
        body.setOrientation(Orientation.VERTICAL);
        body.setDividerPositions(0.4);
        frame = new AnalysisFrame(
                this,
                body,
                "saved",
                recomputer.runningProperty(),
                recomputer.messageProperty(),
                recomputer.resultProperty());
        frame.setDefinitions(quant.core.forecast.business.SavedForecastReport.SAVED_DEFINITIONS);
        recomputer.resultProperty().addListener((obs, o, r) -> show(r));
        saved.changesProperty().addListener(x -> refresh());
        dataChanged.addListener(x -> refresh());
        refresh();
    }

    private void refresh() {
        recomputer.request(saved.changesProperty().get());
    }

    private void show(ForecastAccuracy.Result r) {
        if (r == null) {
            return;
        }
        long keep = table.getSelectionModel().getSelectedItem() == null
                ? -1
                : table.getSelectionModel().getSelectedItem().id();
        table.getItems().setAll(r.runs());
        frame.setSummary("%d saved forecast%s, compared with the data to %s"
                .formatted(r.runs().size(), r.runs().size() == 1 ? "" : "s", r.dataAsOf()));
        if (r.runs().isEmpty()) {
            frame.showEmpty("No saved forecasts yet. Use Save forecast in the Demand or Revenue view (or quant"
                    + " forecast demand --save) and come back when the months have passed.");
            return;
        }
        frame.showBody();
        ForecastAccuracy.Run select = r.runs().stream()
                .filter(run -> run.id() == keep)
                .findFirst()
                .orElse(r.runs().getFirst());
        table.getSelectionModel().select(select);
        showChart(select);
    }

    private void showChart(ForecastAccuracy.Run r) {
        chart.setChart(r == null ? null : ForecastCharts.savedVsActual(r, SavedForecast.REVENUE.equals(r.subject())));
    }

    @Override
    public java.util.Optional<quant.core.report.Report> report() {
        var r = recomputer.resultProperty().get();
        return r == null || r.dataAsOf() == null || r.runs().isEmpty()
                ? java.util.Optional.empty()
                : java.util.Optional.of(quant.core.forecast.business.SavedForecastReport.of(r));
    }
}
