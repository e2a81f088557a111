package quant.app.cohort;

import java.time.LocalDate;
import java.util.Optional;
import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;
import quant.app.analysis.Recomputer;
import quant.app.job.JobRunner;
import quant.core.analysis.CustomerFilter;
import quant.core.analysis.Period;
import quant.core.analysis.Snapshot;
import quant.core.analysis.SnapshotCache;
import quant.core.cohort.CohortAnalysis;
import quant.core.cohort.CohortMetric;
import quant.core.cohort.CohortResult;
import quant.core.cohort.CohortSpec;

/**
 * The cohort view's state: the spec as properties (period, metric, filters, as-of date), the filter
 * choices the data offer, and the result. Any change of the spec, or of the data, recomputes.
 */
public final class CohortViewModel {
    private final ObjectProperty<Period> period = new SimpleObjectProperty<>(Period.MONTH);
    private final ObjectProperty<CohortMetric> metric = new SimpleObjectProperty<>(CohortMetric.CUSTOMERS);
    private final ObjectProperty<LocalDate> asOf = new SimpleObjectProperty<>();
    private final ObservableSet<String> channels = FXCollections.observableSet();
    private final ObservableSet<String> segments = FXCollections.observableSet();
    private final ObservableSet<String> cities = FXCollections.observableSet();
    private final ObservableSet<String> serviceLines = FXCollections.observableSet();
    private final ObservableList<String> channelChoices = FXCollections.observableArrayList();
    private final ObservableList<String> segmentChoices = FXCollections.observableArrayList();
    private final ObservableList<String> cityChoices = FXCollections.observableArrayList();
    private final ObservableList<String> serviceLineChoices = FXCollections.observableArrayList();
    private final Recomputer<CohortSpec, CohortResult> recomputer;

    /**
     * @param dataChanged fires when the database's data may have changed (the row counts after an
     *     import or undo); the next computation then reads a fresh snapshot
     */
    public CohortViewModel(JobRunner jobs, SnapshotCache snapshots, ObservableValue<?> dataChanged) {
        recomputer = new Recomputer<>("Computing cohorts", jobs, snapshots, CohortAnalysis::run);
        recomputer.snapshotProperty().addListener((obs, o, s) -> offerChoices(s));
        for (Observable o : new Observable[] {period, metric, asOf, channels, segments, cities, serviceLines}) {
            o.addListener(x -> refresh());
        }
        dataChanged.addListener(x -> refresh());
    }

    public ObjectProperty<Period> periodProperty() {
        return period;
    }

    public ObjectProperty<CohortMetric> metricProperty() {
        return metric;
    }

    /** The day to compute at; null for the data's last activity date. */
    public ObjectProperty<LocalDate> asOfProperty() {
        return asOf;
    }

    public ObservableSet<String> channels() {
        return channels;
    }

    public ObservableSet<String> segments() {
        return segments;
    }

    public ObservableSet<String> cities() {
        return cities;
    }

    /** Service-line codes of the customers' first completed job. */
    public ObservableSet<String> serviceLines() {
        return serviceLines;
    }

    public ObservableList<String> channelChoices() {
        return channelChoices;
    }

    public ObservableList<String> segmentChoices() {
        return segmentChoices;
    }

    public ObservableList<String> cityChoices() {
        return cityChoices;
    }

    public ObservableList<String> serviceLineChoices() {
        return serviceLineChoices;
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

    /** The spec the properties describe now. */
    public CohortSpec spec() {
        return new CohortSpec(
                period.get(),
                metric.get(),
                new CustomerFilter(channels, segments, cities, serviceLines),
                Optional.ofNullable(asOf.get()));
    }

    /** Computes the cohorts for the current spec. */
    public void refresh() {
        recomputer.request(spec());
    }

    /** Clears every filter and the chosen date. */
    public void resetFilters() {
        channels.clear();
        segments.clear();
        cities.clear();
        serviceLines.clear();
        asOf.set(null);
    }

    private void offerChoices(Snapshot s) {
        if (s == null) {
            return;
        }
        replaceIfChanged(channelChoices, s.customers().channels().values());
        replaceIfChanged(segmentChoices, s.customers().segments().values());
        replaceIfChanged(cityChoices, s.customers().cities().values());
        replaceIfChanged(serviceLineChoices, s.serviceLines().values());
    }

    private static void replaceIfChanged(ObservableList<String> list, java.util.List<String> values) {
        java.util.List<String> sorted = values.stream().sorted().toList();
        if (!list.equals(sorted)) {
            list.setAll(sorted);
        }
    }
}
