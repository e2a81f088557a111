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
    public record Spec(
            KpiPeriod period,
            Optional<LocalDate> asOf,
            BusinessSettings settings,
            long revision,
            List<String> charts) {}

    /**
     * The board: the KPIs, their health score, the alert centre after a check, and the saved charts on
     * the dashboard (by name; a chart that could not be drawn has its sentence in {@code chartProblems}).
     */
    public record Board(
            KpiResult kpis,
            HealthResult health,
            AlertsResult alerts,
            List<Alert> raised,
            java.util.Map<String, quant.core.explore.ChartData> charts,
            java.util.Map<String, String> chartProblems) {}

    private final ObjectProperty<KpiPeriod> period = new SimpleObjectProperty<>(KpiPeriod.MONTH);
    private final ObjectProperty<LocalDate> asOf = new SimpleObjectProperty<>();
    private final ObservableValue<BusinessSettings> settings;
    private final SavedForecasts forecasts;
    private final JobRunner jobs;
    private final Recomputer<Spec, Board> board;
    private final Recomputer<Spec, SummaryResult> summary;
    private long acknowledged;
    /** Counts the times the dashboard's charts changed, so they are drawn again on the same data. */
    private long chartsSaved;

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
        java.util.LinkedHashSet<quant.core.analysis.Part<?>> parts = new java.util.LinkedHashSet<>(KpiBoard.PARTS);
        parts.addAll(quant.app.explore.ChartBuilderViewModel.PARTS);
        board = new Recomputer<>("Computing the KPIs", jobs, snapshots, List.copyOf(parts), this::computeBoard);
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
        if (spec.asOf().isEmpty()) {
            KpiCache.write(forecasts.store().location().text(), s.dataVersion(), kpis, health);
        }
        AlertCentre.Check check = AlertCentre.check(forecasts.store(), s, in, Optional.of(kpis), false, monitor);
        java.util.Map<String, quant.core.explore.ChartData> charts = new java.util.LinkedHashMap<>();
        java.util.Map<String, String> problems = new java.util.LinkedHashMap<>();
        if (!spec.charts().isEmpty()) {
            List<quant.core.explore.ChartSpec> saved = quant.core.charts.SavedCharts.list(forecasts.store());
            for (String name : spec.charts()) {
                var chart = saved.stream().filter(c -> c.name().equals(name)).findFirst();
                if (chart.isEmpty()) {
                    problems.put(name, "No chart is saved as \"" + name + "\" any more.");
                    continue;
                }
                try {
                    charts.put(name, quant.core.explore.Explorer.run(s, chart.get(), monitor));
                } catch (quant.core.analysis.InvalidSpecException e) {
                    problems.put(name, e.getMessage());
                }
            }
        }
        return new Board(kpis, health, check.result(), check.raised(), charts, problems);
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

    /**
     * The KPIs and health kept from the last time this database's data, in this version, was shown for
     * the period, read in the background; {@code found} gets them only when they are still current.
     */
    public void lastValues(Consumer<KpiCache.Entry> found) {
        String p = period.get().key();
        jobs.submit(
                "Reading the last KPIs",
                monitor -> KpiCache.read(
                        forecasts.store().location().text(), forecasts.store().dataVersion(), p),
                e -> e.ifPresent(x -> {
                    if (board.resultProperty().get() == null) {
                        found.accept(x);
                    }
                }),
                error -> {});
    }

    /** Draws the dashboard's charts again (one was saved anew or added). */
    public void chartsChanged() {
        chartsSaved++;
        refresh();
    }

    /** Recomputes the board and the summary for the current choices. */
    public void refresh() {
        long saved = forecasts.changesProperty().get();
        Optional<LocalDate> at = Optional.ofNullable(asOf.get());
        List<String> charts = DashboardLayouts.current().get().charts();
        board.request(new Spec(period.get(), at, settings.getValue(), saved + acknowledged + chartsSaved, charts));
        // an acknowledgement changes no sentence: the summary is asked again only for the rest
        summary.request(new Spec(period.get(), at, settings.getValue(), saved, List.of()));
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
