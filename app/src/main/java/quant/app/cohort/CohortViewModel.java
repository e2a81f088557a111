package quant.app.cohort;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import quant.app.analysis.CustomerFilterModel;
import quant.app.analysis.Recomputer;
import quant.app.job.JobRunner;
import quant.core.analysis.Period;
import quant.core.analysis.SnapshotCache;
import quant.core.cohort.CohortAnalysis;
import quant.core.cohort.CohortMetric;
import quant.core.cohort.CohortResult;
import quant.core.cohort.CohortSpec;

/**
 * The cohort view's state: the spec as properties (period, metric, the customer filter and as-of
 * date), and the result. Any change of the spec, or of the data, recomputes.
 */
public final class CohortViewModel {
    private final ObjectProperty<Period> period = new SimpleObjectProperty<>(Period.MONTH);
    private final ObjectProperty<CohortMetric> metric = new SimpleObjectProperty<>(CohortMetric.CUSTOMERS);
    private final CustomerFilterModel filter = new CustomerFilterModel();
    private final Recomputer<CohortSpec, CohortResult> recomputer;

    /**
     * @param dataChanged fires when the database's data may have changed (the row counts after an
     *     import or undo); the next computation then reads a fresh snapshot
     */
    public CohortViewModel(JobRunner jobs, SnapshotCache snapshots, ObservableValue<?> dataChanged) {
        recomputer = new Recomputer<>("Computing cohorts", jobs, snapshots, CohortAnalysis.PARTS, CohortAnalysis::run);
        recomputer.snapshotProperty().addListener((obs, o, s) -> filter.offerChoices(s));
        period.addListener(x -> refresh());
        metric.addListener(x -> refresh());
        filter.onChange(this::refresh);
        dataChanged.addListener(x -> refresh());
    }

    public ObjectProperty<Period> periodProperty() {
        return period;
    }

    public ObjectProperty<CohortMetric> metricProperty() {
        return metric;
    }

    public CustomerFilterModel filter() {
        return filter;
    }

    public ReadOnlyObjectProperty<CohortResult> resultProperty() {
        return recomputer.resultProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return recomputer.runningProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return recomputer.messageProperty();
    }

    /** The spec the shown result was computed for (null before the first result). */
    public CohortSpec resultSpec() {
        return recomputer.resultSpec();
    }

    /** The spec the properties describe now. */
    public CohortSpec spec() {
        return new CohortSpec(period.get(), metric.get(), filter.filter(), filter.asOf());
    }

    /** Computes the cohorts for the current spec. */
    public void refresh() {
        recomputer.request(spec());
    }
}
