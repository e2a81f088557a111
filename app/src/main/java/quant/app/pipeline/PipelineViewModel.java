package quant.app.pipeline;

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
import quant.core.pipeline.PipelineAnalysis;
import quant.core.pipeline.PipelineResult;
import quant.core.pipeline.PipelineSpec;
import quant.core.settings.BusinessSettings;

/**
 * The pipeline view's state: the breakdown, the as-of date (empty: the last activity in the data)
 * and the result. The stage order comes from the business settings and follows them when saved.
 */
public final class PipelineViewModel {
    private final ObjectProperty<PipelineSpec.By> by = new SimpleObjectProperty<>(PipelineSpec.By.REP);
    private final ObjectProperty<LocalDate> asOf = new SimpleObjectProperty<>();
    private final ObservableValue<BusinessSettings> settings;
    private final Recomputer<PipelineSpec, PipelineResult> recomputer;

    public PipelineViewModel(
            JobRunner jobs,
            SnapshotCache snapshots,
            ObservableValue<?> dataChanged,
            ObservableValue<BusinessSettings> settings) {
        this.settings = settings;
        recomputer = new Recomputer<>(
                "Analysing the pipeline", jobs, snapshots, PipelineAnalysis.PARTS, PipelineAnalysis::run);
        by.addListener(x -> refresh());
        asOf.addListener(x -> refresh());
        dataChanged.addListener(x -> refresh());
        settings.addListener(x -> refresh());
    }

    public ObjectProperty<PipelineSpec.By> byProperty() {
        return by;
    }

    public ObjectProperty<LocalDate> asOfProperty() {
        return asOf;
    }

    public ReadOnlyObjectProperty<PipelineResult> resultProperty() {
        return recomputer.resultProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return recomputer.runningProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return recomputer.messageProperty();
    }

    public PipelineSpec spec() {
        return new PipelineSpec(
                Optional.ofNullable(asOf.get()), by.get(), settings.getValue().stageOrder());
    }

    public void refresh() {
        recomputer.request(spec());
    }
}
