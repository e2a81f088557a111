package quant.app.segment;

import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.value.ObservableValue;
import quant.app.analysis.CustomerFilterModel;
import quant.app.analysis.Recomputer;
import quant.app.job.JobRunner;
import quant.core.analysis.SnapshotCache;
import quant.core.segment.SegmentAnalysis;
import quant.core.segment.SegmentResult;
import quant.core.segment.SegmentSpec;

/** The segments view's state: the largest k to try, the customer filter, and the result. */
public final class SegmentViewModel {
    private final IntegerProperty maxClusters = new SimpleIntegerProperty(SegmentSpec.DEFAULT.maxClusters());
    private final CustomerFilterModel filter = new CustomerFilterModel();
    private final Recomputer<SegmentSpec, SegmentResult> recomputer;

    public SegmentViewModel(JobRunner jobs, SnapshotCache snapshots, ObservableValue<?> dataChanged) {
        recomputer =
                new Recomputer<>("Segmenting customers", jobs, snapshots, SegmentAnalysis.PARTS, SegmentAnalysis::run);
        recomputer.snapshotProperty().addListener((obs, o, s) -> filter.offerChoices(s));
        maxClusters.addListener(x -> refresh());
        filter.onChange(this::refresh);
        dataChanged.addListener(x -> refresh());
    }

    public IntegerProperty maxClustersProperty() {
        return maxClusters;
    }

    public CustomerFilterModel filter() {
        return filter;
    }

    public ReadOnlyObjectProperty<SegmentResult> resultProperty() {
        return recomputer.resultProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return recomputer.runningProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return recomputer.messageProperty();
    }

    /** The spec the shown result was computed for (null before the first result). */
    public SegmentSpec resultSpec() {
        return recomputer.resultSpec();
    }

    public SegmentSpec spec() {
        return new SegmentSpec(maxClusters.get(), SegmentSpec.DEFAULT.seed(), filter.filter(), filter.asOf());
    }

    public void refresh() {
        recomputer.request(spec());
    }
}
