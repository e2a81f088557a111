package quant.app.operations;

import java.time.LocalDate;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import quant.app.analysis.Recomputer;
import quant.app.job.JobRunner;
import quant.core.analysis.SnapshotCache;
import quant.core.equipment.EquipmentAnalysis;
import quant.core.equipment.EquipmentResult;
import quant.core.equipment.EquipmentSpec;
import quant.core.settings.BusinessSettings;

/**
 * The equipment view's state: the as-of date (empty: the last activity in the data), the fleet's
 * result, and the asset chosen in it with its own result and history. The service rules follow the
 * business settings.
 */
public final class EquipmentViewModel {
    private final ObjectProperty<LocalDate> asOf = new SimpleObjectProperty<>();
    private final StringProperty asset = new SimpleStringProperty();
    private final ObservableValue<BusinessSettings> settings;
    private final Recomputer<EquipmentSpec, EquipmentResult> fleet;
    private final Recomputer<EquipmentSpec, EquipmentResult> history;

    public EquipmentViewModel(
            JobRunner jobs,
            SnapshotCache snapshots,
            ObservableValue<?> dataChanged,
            ObservableValue<BusinessSettings> settings) {
        this.settings = settings;
        fleet = new Recomputer<>(
                "Checking the fleet", jobs, snapshots, EquipmentAnalysis.PARTS, EquipmentAnalysis::run);
        history = new Recomputer<>(
                "Reading an asset's history", jobs, snapshots, EquipmentAnalysis.PARTS, EquipmentAnalysis::run);
        asOf.addListener(x -> refresh());
        asset.addListener(x -> refreshHistory());
        dataChanged.addListener(x -> refresh());
        settings.addListener(x -> refresh());
    }

    public ObjectProperty<LocalDate> asOfProperty() {
        return asOf;
    }

    /** The reference of the asset whose history is shown, or null. */
    public StringProperty assetProperty() {
        return asset;
    }

    public ReadOnlyObjectProperty<EquipmentResult> resultProperty() {
        return fleet.resultProperty();
    }

    /** The chosen asset alone, with its history. */
    public ReadOnlyObjectProperty<EquipmentResult> historyProperty() {
        return history.resultProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return fleet.runningProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return fleet.messageProperty();
    }

    public EquipmentSpec spec() {
        return EquipmentSpec.of(settings.getValue()).withAsOf(asOf.get());
    }

    public void refresh() {
        fleet.request(spec());
        refreshHistory();
    }

    private void refreshHistory() {
        if (asset.get() != null) {
            history.request(spec().withAsset(asset.get()));
        }
    }
}
