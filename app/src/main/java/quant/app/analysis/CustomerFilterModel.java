package quant.app.analysis;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;
import quant.core.analysis.CustomerFilter;
import quant.core.analysis.Snapshot;

/**
 * The customer filter and as-of date that the customer analyses share: chosen channels, segments,
 * cities and first service lines (empty = all), the choices the data offer, and the date.
 */
public final class CustomerFilterModel {
    private final ObjectProperty<LocalDate> asOf = new SimpleObjectProperty<>();
    private final ObservableSet<String> channels = FXCollections.observableSet();
    private final ObservableSet<String> segments = FXCollections.observableSet();
    private final ObservableSet<String> cities = FXCollections.observableSet();
    private final ObservableSet<String> serviceLines = FXCollections.observableSet();
    private final ObservableList<String> channelChoices = FXCollections.observableArrayList();
    private final ObservableList<String> segmentChoices = FXCollections.observableArrayList();
    private final ObservableList<String> cityChoices = FXCollections.observableArrayList();
    private final ObservableList<String> serviceLineChoices = FXCollections.observableArrayList();

    /** Runs {@code onChange} whenever a filter or the date changes. */
    public void onChange(Runnable onChange) {
        for (Observable o : new Observable[] {asOf, channels, segments, cities, serviceLines}) {
            o.addListener(x -> onChange.run());
        }
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

    public CustomerFilter filter() {
        return new CustomerFilter(channels, segments, cities, serviceLines);
    }

    public Optional<LocalDate> asOf() {
        return Optional.ofNullable(asOf.get());
    }

    /** Clears every filter and the chosen date. */
    public void reset() {
        channels.clear();
        segments.clear();
        cities.clear();
        serviceLines.clear();
        asOf.set(null);
    }

    private final java.util.Map<String, String> labels = new java.util.concurrent.ConcurrentHashMap<>();

    /** The name a person reads for a choice: a service line's own name, else the code's display name. */
    public String label(String code) {
        return code == null ? null : labels.getOrDefault(code, quant.core.analysis.DisplayNames.of(code));
    }

    /** Offers the values a snapshot holds as choices. */
    public void offerChoices(Snapshot s) {
        if (s == null) {
            return;
        }
        for (String line : s.serviceLines().values()) {
            labels.put(line, s.serviceLines().label(line));
        }
        replaceIfChanged(channelChoices, s.customers().channels().values());
        replaceIfChanged(segmentChoices, s.customers().segments().values());
        replaceIfChanged(cityChoices, s.customers().cities().values());
        replaceIfChanged(serviceLineChoices, s.serviceLines().values());
    }

    private static void replaceIfChanged(ObservableList<String> list, List<String> values) {
        List<String> sorted = values.stream().sorted().toList();
        if (!list.equals(sorted)) {
            list.setAll(sorted);
        }
    }
}
