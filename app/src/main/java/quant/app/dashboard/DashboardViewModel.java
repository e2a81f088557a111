package quant.app.dashboard;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import quant.app.analysis.Recomputer;
import quant.app.errors.Failures;
import quant.app.forecast.SavedForecasts;
import quant.app.job.JobRunner;
import quant.core.alerts.AlertCentre;
import quant.core.alerts.AlertLog;
import quant.core.analysis.Snapshot;
import quant.core.analysis.SnapshotCache;
import quant.core.forecast.business.ForecastLog;
import quant.core.job.JobMonitor;
import quant.core.kpi.Alert;
import quant.core.kpi.AlertsResult;
import quant.core.kpi.HealthResult;
import quant.core.kpi.HealthScore;
import quant.core.kpi.KpiBoard;
import quant.core.kpi.KpiInputs;
import quant.core.kpi.KpiPeriod;
import quant.core.kpi.KpiResult;
import quant.core.kpi.Outlooks;
import quant.core.kpi.SummaryResult;
import quant.core.kpi.SummaryWriter;
import quant.core.settings.BusinessSettings;

/**
 * The dashboard's state: the period and as-of date chosen at the top, and two results computed in
 * the background when they or the data change — the board (the KPIs, the health score and a check of
 * the alert rules, which keeps new alerts in the store) and the summary in words (which also runs the
 * forecast, churn, pipeline and equipment analyses, so it comes second).
 */
public final class DashboardViewModel {
    /**
     * What one computation is made of.
     *
     * @param revision counts saved-forecast changes (and, for the board, acknowledgements), so the same
     *     data is read again
     */
    public record Spec(KpiPeriod period, Optional<LocalDate> asOf, BusinessSettings settings, long revision) {}

    /** The board: the KPIs, their health score, and the alert centre after a check. */
    public record Board(KpiResult kpis, HealthResult health, AlertsResult alerts, List<Alert> raised) {}

    private final ObjectProperty<KpiPeriod> period = new SimpleObjectProperty<>(KpiPeriod.MONTH);
    private final ObjectProperty<LocalDate> asOf = new SimpleObjectProperty<>();
    private final ObservableValue<BusinessSettings> settings;
    private final SavedForecasts forecasts;
    private final JobRunner jobs;
    private final Recomputer<Spec, Board> board;
    private final Recomputer<Spec, SummaryResult> summary;
    private long acknowledged;
    private final Runnable onDataChanged;

    /**
     * @param onDataChanged called after the target editor changed the data, so counts and other views follow
     */
    public DashboardViewModel(
            JobRunner jobs,
            SnapshotCache snapshots,
            ObservableValue<?> dataChanged,
            ObservableValue<BusinessSettings> settings,
            SavedForecasts forecasts,
            Runnable onDataChanged) {
        this.jobs = jobs;
        this.onDataChanged = onDataChanged;
        this.settings = settings;
        this.forecasts = forecasts;
        board = new Recomputer<>("Computing the KPIs", jobs, snapshots, KpiBoard.PARTS, this::computeBoard);
        summary = new Recomputer<>("Writing the summary", jobs, snapshots, Outlooks.PARTS, this::computeSummary);
        period.addListener(x -> refresh());
        asOf.addListener(x -> refresh());
        dataChanged.addListener(x -> refresh());
        settings.addListener(x -> refresh());
        forecasts.changesProperty().addListener(x -> refresh());
    }

    private KpiInputs inputs(Spec spec) {
        return KpiInputs.of(spec.settings(), ForecastLog.list(forecasts.store()));
    }

    private Board computeBoard(Snapshot s, Spec spec, JobMonitor monitor) {
        KpiInputs in = inputs(spec);
        KpiResult kpis = KpiBoard.run(s, new KpiBoard.Spec(spec.period(), spec.asOf()), in, monitor);
        HealthResult health = HealthScore.of(kpis, in.rules());
        AlertCentre.Check check = AlertCentre.check(forecasts.store(), s, in, Optional.of(kpis), false, monitor);
        return new Board(kpis, health, check.result(), check.raised());
    }

    private SummaryResult computeSummary(Snapshot s, Spec spec, JobMonitor monitor) {
        KpiInputs in = inputs(spec);
        KpiResult kpis = KpiBoard.run(s, new KpiBoard.Spec(spec.period(), spec.asOf()), in, monitor);
        Outlooks outlooks = Outlooks.run(s, spec.settings(), kpis.asOf().date(), monitor);
        return SummaryWriter.write(kpis, s, outlooks);
    }

    public ObjectProperty<KpiPeriod> periodProperty() {
        return period;
    }

    public ObjectProperty<LocalDate> asOfProperty() {
        return asOf;
    }

    public ReadOnlyObjectProperty<Board> boardProperty() {
        return board.resultProperty();
    }

    public ReadOnlyObjectProperty<SummaryResult> summaryProperty() {
        return summary.resultProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return board.runningProperty();
    }

    public ReadOnlyBooleanProperty summaryRunningProperty() {
        return summary.runningProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return board.messageProperty();
    }

    public ReadOnlyStringProperty summaryMessageProperty() {
        return summary.messageProperty();
    }

    /** Recomputes the board and the summary for the current choices. */
    public void refresh() {
        long saved = forecasts.changesProperty().get();
        Optional<LocalDate> at = Optional.ofNullable(asOf.get());
        board.request(new Spec(period.get(), at, settings.getValue(), saved + acknowledged));
        // an acknowledgement changes no sentence: the summary is asked again only for the rest
        summary.request(new Spec(period.get(), at, settings.getValue(), saved));
    }

    /** The snapshot the board was computed on (its targets are what the target editor starts from). */
    public ReadOnlyObjectProperty<Snapshot> snapshotProperty() {
        return board.snapshotProperty();
    }

    /**
     * Saves a year of targets as an import run of their own source (undone like any import); {@code
     * done} gets one sentence.
     */
    void saveTargets(List<TargetSheet.Row> rows, int year, Consumer<String> done) {
        java.nio.file.Path file;
        try {
            TargetSheet.csv(rows, year);
            file = TargetSheet.write(rows, year);
        } catch (IllegalArgumentException e) {
            done.accept(e.getMessage());
            return;
        } catch (java.io.IOException e) {
            done.accept("The targets could not be written for the import: " + e.getMessage());
            return;
        }
        jobs.submit(
                "Saving the targets for " + year,
                monitor -> new quant.importers.engine.Importer(forecasts.store())
                        .run(file, TargetSheet.profile(), quant.importers.engine.ImportOptions.DEFAULT, monitor),
                r -> {
                    onDataChanged.run();
                    refresh();
                    done.accept("Saved the " + year + " targets as import run " + r.runId() + " (" + r.inserted()
                            + " new, " + r.updated() + " changed); Data ▸ Import history can undo it.");
                },
                error -> done.accept(Failures.sentence(error)));
    }

    /** Acknowledges an alert with a note on the job runner; {@code done} gets one sentence. */
    public void acknowledge(long id, String note, Consumer<String> done) {
        jobs.submit(
                "Acknowledging alert " + id,
                monitor -> AlertLog.acknowledge(forecasts.store(), id, note),
                a -> {
                    acknowledged++;
                    refresh();
                    done.accept("Alert " + a.id() + " acknowledged.");
                },
                error -> done.accept(Failures.sentence(error)));
    }
}
