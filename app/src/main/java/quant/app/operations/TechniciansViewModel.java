package quant.app.operations;

import java.time.LocalDate;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import quant.app.analysis.Recomputer;
import quant.app.job.JobRunner;
import quant.core.analysis.SnapshotCache;
import quant.core.operations.TechnicianAnalysis;
import quant.core.operations.TechnicianResult;
import quant.core.operations.TechnicianSpec;
import quant.core.settings.BusinessSettings;

/**
 * The technicians view's state: rows per technician or per trade, the window in months, the as-of
 * date (empty: the last activity in the data) and the result. The score's weights and the
 * key-person share follow the business settings.
 */
public final class TechniciansViewModel {
    private final ObjectProperty<TechnicianSpec.By> by = new SimpleObjectProperty<>(TechnicianSpec.By.TECHNICIAN);
    private final ObjectProperty<Integer> months = new SimpleObjectProperty<>(12);
    private final ObjectProperty<LocalDate> asOf = new SimpleObjectProperty<>();
    private final ObservableValue<BusinessSettings> settings;
    private final Recomputer<TechnicianSpec, TechnicianResult> recomputer;

    public TechniciansViewModel(
            JobRunner jobs,
            SnapshotCache snapshots,
            ObservableValue<?> dataChanged,
            ObservableValue<BusinessSettings> settings) {
        this.settings = settings;
        recomputer = new Recomputer<>(
                "Scoring technicians", jobs, snapshots, TechnicianAnalysis.PARTS, TechnicianAnalysis::run);
        by.addListener(x -> refresh());
        months.addListener(x -> refresh());
        asOf.addListener(x -> refresh());
        dataChanged.addListener(x -> refresh());
        settings.addListener(x -> refresh());
    }

    public ObjectProperty<TechnicianSpec.By> byProperty() {
        return by;
    }

    public ObjectProperty<Integer> monthsProperty() {
        return months;
    }

    public ObjectProperty<LocalDate> asOfProperty() {
        return asOf;
    }

    public ReadOnlyObjectProperty<TechnicianResult> resultProperty() {
        return recomputer.resultProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return recomputer.runningProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return recomputer.messageProperty();
    }

    public TechnicianSpec spec() {
        return TechnicianSpec.of(settings.getValue())
                .withAsOf(Optional.ofNullable(asOf.get()))
                .withBy(by.get())
                .withMonths(months.get() == null ? 12 : months.get());
    }

    public void refresh() {
        recomputer.request(spec());
    }
}
