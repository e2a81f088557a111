package quant.app.finance;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import quant.app.analysis.Recomputer;
import quant.app.job.JobRunner;
import quant.core.analysis.Part;
import quant.core.analysis.Snapshot;
import quant.core.analysis.SnapshotCache;
import quant.core.finance.FinanceAnalysis;
import quant.core.finance.FinanceResult;
import quant.core.finance.ReceivablesAnalysis;
import quant.core.finance.ReceivablesResult;
import quant.core.job.JobMonitor;
import quant.core.settings.BusinessSettings;
import quant.core.settings.Monitors;

/**
 * The state of a view of monitors judged by the business settings' levels (receivables, the finance
 * monitors): the as-of date (empty: the last activity in the data) and the result, recomputed when
 * the data, the date or the settings change.
 *
 * @param <R> the analysis's result
 */
public final class MonitorViewModel<R> {
    /** An analysis of monitors: snapshot, as-of date and levels in, result out. */
    @FunctionalInterface
    public interface Analysis<R> {
        R run(Snapshot snapshot, Optional<LocalDate> asOf, Monitors levels, JobMonitor monitor);
    }

    /** What one computation is made of. */
    public record Spec(Optional<LocalDate> asOf, Monitors levels) {}

    private final ObjectProperty<LocalDate> asOf = new SimpleObjectProperty<>();
    private final ObservableValue<BusinessSettings> settings;
    private final Recomputer<Spec, R> recomputer;

    public MonitorViewModel(
            String title,
            List<Part<?>> parts,
            Analysis<R> analysis,
            JobRunner jobs,
            SnapshotCache snapshots,
            ObservableValue<?> dataChanged,
            ObservableValue<BusinessSettings> settings) {
        this.settings = settings;
        recomputer = new Recomputer<>(
                title, jobs, snapshots, parts, (s, spec, m) -> analysis.run(s, spec.asOf(), spec.levels(), m));
        asOf.addListener(x -> refresh());
        dataChanged.addListener(x -> refresh());
        settings.addListener(x -> refresh());
    }

    /** The receivables' view model. */
    public static MonitorViewModel<ReceivablesResult> receivables(
            JobRunner jobs,
            SnapshotCache snapshots,
            ObservableValue<?> dataChanged,
            ObservableValue<BusinessSettings> settings) {
        return new MonitorViewModel<>(
                "Aging receivables",
                ReceivablesAnalysis.PARTS,
                ReceivablesAnalysis::run,
                jobs,
                snapshots,
                dataChanged,
                settings);
    }

    /** The finance monitors' view model. */
    public static MonitorViewModel<FinanceResult> finance(
            JobRunner jobs,
            SnapshotCache snapshots,
            ObservableValue<?> dataChanged,
            ObservableValue<BusinessSettings> settings) {
        return new MonitorViewModel<>(
                "Checking the finance monitors",
                FinanceAnalysis.PARTS,
                FinanceAnalysis::run,
                jobs,
                snapshots,
                dataChanged,
                settings);
    }

    public ObjectProperty<LocalDate> asOfProperty() {
        return asOf;
    }

    /** The levels the result is judged by: the settings' of the moment. */
    public Monitors levels() {
        return settings.getValue().monitors();
    }

    public ReadOnlyObjectProperty<R> resultProperty() {
        return recomputer.resultProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return recomputer.runningProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return recomputer.messageProperty();
    }

    public void refresh() {
        recomputer.request(new Spec(Optional.ofNullable(asOf.get()), levels()));
    }
}
