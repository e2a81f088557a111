package quant.core.forecast.business;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import quant.core.store.Store;
import quant.core.store.repo.ForecastRows;

/**
 * The saved forecasts in the store (tables {@code forecast_run} and {@code forecast_point}): saving
 * is one transaction per call, so a batch is kept whole or not at all.
 */
public final class ForecastLog {
    private ForecastLog() {}

    /**
     * Saves the forecasts and returns their ids, in order.
     *
     * @throws quant.core.store.StoreException when the database refuses (nothing is saved)
     */
    public static List<Long> save(Store store, List<SavedForecast> forecasts) {
        return ForecastRows.save(
                store,
                forecasts.stream()
                        .map(f -> new ForecastRows.Run(
                                0,
                                OffsetDateTime.ofInstant(f.savedAt(), ZoneOffset.UTC),
                                f.subject(),
                                f.label(),
                                f.method(),
                                f.model().length() > 200 ? f.model().substring(0, 200) : f.model(),
                                f.asOf(),
                                f.note(),
                                f.points().stream()
                                        .map(p -> new ForecastRows.Point(
                                                p.month(),
                                                p.mean(),
                                                p.lower80(),
                                                p.upper80(),
                                                p.lower95(),
                                                p.upper95()))
                                        .toList()))
                        .toList());
    }

    /** Every saved forecast, newest first. */
    public static List<SavedForecast> list(Store store) {
        return ForecastRows.list(store).stream()
                .map(r -> new SavedForecast(
                        r.id(),
                        r.savedAt().toInstant(),
                        r.subject(),
                        r.label(),
                        r.method(),
                        r.model(),
                        r.asOf(),
                        r.note(),
                        r.points().stream()
                                .map(p -> new SavedForecast.Point(
                                        p.periodStart(), p.mean(), p.lower80(), p.upper80(), p.lower95(), p.upper95()))
                                .toList()))
                .toList();
    }

    /** Deletes a saved forecast; false when there is none with this id. */
    public static boolean delete(Store store, long id) {
        return ForecastRows.delete(store, id);
    }
}
