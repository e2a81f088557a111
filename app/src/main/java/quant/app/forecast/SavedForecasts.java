package quant.app.forecast;

import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import quant.app.errors.Failures;
import quant.app.job.JobRunner;
import quant.core.forecast.business.ForecastLog;
import quant.core.forecast.business.SavedForecast;
import quant.core.store.Store;

/**
 * The saved forecasts of the open store, shared by the views: the forecast views save into it on the
 * job runner, and the saved-forecasts view follows {@link #changesProperty()}.
 */
public final class SavedForecasts {
    private final Store store;
    private final JobRunner jobs;
    private final ReadOnlyLongWrapper changes = new ReadOnlyLongWrapper();

    public SavedForecasts(Store store, JobRunner jobs) {
        this.store = store;
        this.jobs = jobs;
    }

    public Store store() {
        return store;
    }

    /** Counts the saves and deletions, so that views showing saved forecasts read them again. */
    public ReadOnlyLongProperty changesProperty() {
        return changes.getReadOnlyProperty();
    }

    /** Saves the forecasts; {@code done} gets one sentence on what happened. */
    public void save(List<SavedForecast> forecasts, Consumer<String> done) {
        jobs.submit(
                "Saving the forecast",
                monitor -> ForecastLog.save(store, forecasts),
                ids -> {
                    changes.set(changes.get() + 1);
                    done.accept(
                            ids.size() == 1
                                    ? "Saved as forecast " + ids.getFirst() + ": see Forecasts ▸ Saved forecasts."
                                    : "Saved " + ids.size() + " forecasts: see Forecasts ▸ Saved forecasts.");
                },
                error -> done.accept(Failures.sentence(error)));
    }

    /** Deletes a saved forecast. */
    public void delete(long id, Consumer<String> done) {
        jobs.submit(
                "Deleting a saved forecast",
                monitor -> ForecastLog.delete(store, id),
                gone -> {
                    changes.set(changes.get() + 1);
                    done.accept(
                            gone
                                    ? "Deleted saved forecast " + id + "."
                                    : "Saved forecast " + id + " was already gone.");
                },
                error -> done.accept(Failures.sentence(error)));
    }
}
