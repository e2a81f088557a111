package quant.app.finance;

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
import quant.core.finance.FinanceAnalysis;
import quant.core.finance.FinanceResult;
import quant.core.settings.BusinessSettings;
import quant.core.settings.Monitors;

/** The finance monitors view's state: the as-of date and the result, judged by the settings' levels. */
public final class FinanceViewModel {
    private final ObjectProperty<LocalDate> asOf = new SimpleObjectProperty<>();
    private final ObservableValue<BusinessSettings> settings;
    private final Recomputer<ReceivablesViewModel.Spec, FinanceResult> recomputer;

    public FinanceViewModel(
            JobRunner jobs,
            SnapshotCache snapshots,
            ObservableValue<?> dataChanged,
            ObservableValue<BusinessSettings> settings) {
        this.settings = settings;
        recomputer = new Recomputer<>(
                "Checking the finance monitors",
                jobs,
                snapshots,
                FinanceAnalysis.PARTS,
                (s, spec, m) -> FinanceAnalysis.run(s, spec.asOf(), spec.levels(), m));
        asOf.addListener(x -> refresh());
        dataChanged.addListener(x -> refresh());
        settings.addListener(x -> refresh());
    }

    public ObjectProperty<LocalDate> asOfProperty() {
        return asOf;
    }

    public Monitors levels() {
        return settings.getValue().monitors();
    }

    public ReadOnlyObjectProperty<FinanceResult> resultProperty() {
        return recomputer.resultProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return recomputer.runningProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return recomputer.messageProperty();
    }

    public void refresh() {
        recomputer.request(new ReceivablesViewModel.Spec(Optional.ofNullable(asOf.get()), levels()));
    }
}
