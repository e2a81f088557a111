package quant.app.explore;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.value.ObservableValue;
import quant.app.analysis.Recomputer;
import quant.app.errors.Failures;
import quant.app.job.JobRunner;
import quant.core.analysis.Part;
import quant.core.analysis.Snapshot;
import quant.core.analysis.SnapshotCache;
import quant.core.charts.SavedCharts;
import quant.core.explore.ChartData;
import quant.core.explore.ChartSpec;
import quant.core.explore.Columns;
import quant.core.explore.Explorer;
import quant.core.explore.Source;
import quant.core.store.Store;

/**
 * The chart builder's state: the spec being built, the chart it gives (computed in the background
 * over the snapshot, never as SQL), and the saved charts of the open database.
 */
public final class ChartBuilderViewModel {
    /** Every part any source reads: one snapshot serves them all. */
    public static final List<Part<?>> PARTS = parts();

    private final JobRunner jobs;
    private final java.util.function.Supplier<Store> store;
    private final Recomputer<ChartSpec, ChartData> chart;
    private final ReadOnlyObjectWrapper<List<ChartSpec>> saved = new ReadOnlyObjectWrapper<>(List.of());
    private ChartSpec spec;

    public ChartBuilderViewModel(
            JobRunner jobs,
            SnapshotCache snapshots,
            ObservableValue<?> dataChanged,
            java.util.function.Supplier<Store> store) {
        this.jobs = jobs;
        this.store = store;
        chart = new Recomputer<>("Drawing the chart", jobs, snapshots, PARTS, (s, sp, m) -> Explorer.run(s, sp, m));
        dataChanged.addListener(x -> refresh());
        reloadSaved();
    }

    private static List<Part<?>> parts() {
        LinkedHashSet<Part<?>> all = new LinkedHashSet<>();
        for (Source s : Source.values()) {
            all.addAll(s.parts());
        }
        return List.copyOf(all);
    }

    /** A first chart: revenue of the jobs by month, split by service line. */
    public static ChartSpec starter() {
        return new ChartSpec(
                "",
                Source.JOBS.key(),
                new ChartSpec.Axis("completed", ChartSpec.Grain.MONTH),
                new ChartSpec.Axis("line", null),
                new ChartSpec.Measure(ChartSpec.Aggregate.SUM, "revenue"),
                ChartSpec.ChartType.STACKED_AREA,
                List.of(),
                null);
    }

    public ReadOnlyObjectProperty<ChartData> resultProperty() {
        return chart.resultProperty();
    }

    public ReadOnlyObjectProperty<Snapshot> snapshotProperty() {
        return chart.snapshotProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return chart.runningProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return chart.messageProperty();
    }

    public ReadOnlyObjectProperty<List<ChartSpec>> savedProperty() {
        return saved.getReadOnlyProperty();
    }

    /** Draws {@code next}. */
    public void show(ChartSpec next) {
        spec = next;
        refresh();
    }

    public ChartSpec spec() {
        return spec;
    }

    public void refresh() {
        if (spec != null) {
            chart.request(spec);
        }
    }

    /** The values of a text field of a source, in the snapshot last drawn on (for the filter's choices). */
    public void values(String source, String field, Consumer<List<String>> done) {
        Snapshot s = chart.snapshotProperty().get();
        if (s == null) {
            done.accept(List.of());
            return;
        }
        jobs.submit(
                "Listing the values of " + field,
                monitor -> {
                    Columns c = Source.parse(source).columns(s);
                    return c.distinct(field);
                },
                done,
                error -> done.accept(List.of()));
    }

    public void reloadSaved() {
        Store s = store.get();
        if (s == null) {
            return;
        }
        jobs.submit("Reading the saved charts", monitor -> SavedCharts.list(s), saved::set, error -> {});
    }

    /** Saves the spec under {@code name}; {@code done} gets one sentence. */
    public void save(ChartSpec named, Consumer<String> done) {
        jobs.submit(
                "Saving the chart",
                monitor -> {
                    SavedCharts.save(store.get(), named);
                    return SavedCharts.list(store.get());
                },
                list -> {
                    saved.set(list);
                    done.accept("Saved as \"" + named.name() + "\".");
                },
                error -> done.accept(Failures.sentence(error)));
    }

    /** Deletes the chart saved under {@code name}. */
    public void delete(String name, Consumer<String> done) {
        jobs.submit(
                "Deleting the chart",
                monitor -> {
                    SavedCharts.delete(store.get(), name);
                    return SavedCharts.list(store.get());
                },
                list -> {
                    saved.set(list);
                    done.accept("Deleted \"" + name + "\".");
                },
                error -> done.accept(Failures.sentence(error)));
    }
}
