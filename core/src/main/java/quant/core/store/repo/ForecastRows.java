package quant.core.store.repo;

import static quant.core.store.generated.Tables.FORECAST_POINT;
import static quant.core.store.generated.Tables.FORECAST_RUN;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import quant.core.store.Store;

/** The saved forecasts' rows ({@code forecast_run} and its {@code forecast_point}s, migration V6). */
public final class ForecastRows {
    private ForecastRows() {}

    /** One saved forecast with its points (the id is 0 before it is saved). */
    public record Run(
            long id,
            OffsetDateTime savedAt,
            String subject,
            String label,
            String method,
            String model,
            LocalDate asOf,
            String note,
            List<Point> points) {}

    /** One period of a forecast. */
    public record Point(
            LocalDate periodStart, double mean, double lower80, double upper80, double lower95, double upper95) {}

    /** Saves {@code runs} with their points in one transaction and returns their ids, in order. */
    public static List<Long> save(Store store, List<Run> runs) {
        return store.inTransaction(c -> {
            DSLContext tx = Store.dsl(c);
            List<Long> ids = new ArrayList<>();
            for (Run r : runs) {
                long id = tx.insertInto(FORECAST_RUN)
                        .set(FORECAST_RUN.SAVED_AT, r.savedAt())
                        .set(FORECAST_RUN.SUBJECT, r.subject())
                        .set(FORECAST_RUN.LABEL, r.label())
                        .set(FORECAST_RUN.METHOD, r.method())
                        .set(FORECAST_RUN.MODEL, r.model())
                        .set(FORECAST_RUN.AS_OF, r.asOf())
                        .set(FORECAST_RUN.NOTE, r.note())
                        .returningResult(FORECAST_RUN.ID)
                        .fetchOne()
                        .value1();
                if (!r.points().isEmpty()) {
                    var insert = tx.insertInto(
                            FORECAST_POINT,
                            FORECAST_POINT.RUN_ID,
                            FORECAST_POINT.PERIOD_START,
                            FORECAST_POINT.MEAN,
                            FORECAST_POINT.LOWER80,
                            FORECAST_POINT.UPPER80,
                            FORECAST_POINT.LOWER95,
                            FORECAST_POINT.UPPER95);
                    for (Point p : r.points()) {
                        insert = insert.values(
                                id, p.periodStart(), p.mean(), p.lower80(), p.upper80(), p.lower95(), p.upper95());
                    }
                    insert.execute();
                }
                ids.add(id);
            }
            return ids;
        });
    }

    /** Every saved forecast with its points, newest first, read as of one moment. */
    public static List<Run> list(Store store) {
        return store.read(
                "the saved forecasts",
                dsl -> dsl.transactionResult(cfg -> {
                    DSLContext tx = cfg.dsl();
                    Map<Long, List<Point>> points = new LinkedHashMap<>();
                    tx.selectFrom(FORECAST_POINT)
                            .orderBy(FORECAST_POINT.RUN_ID, FORECAST_POINT.PERIOD_START)
                            .forEach(p -> points.computeIfAbsent(p.getRunId(), k -> new ArrayList<>())
                                    .add(new Point(
                                            p.getPeriodStart(),
                                            p.getMean(),
                                            p.getLower80(),
                                            p.getUpper80(),
                                            p.getLower95(),
                                            p.getUpper95())));
                    return tx.selectFrom(FORECAST_RUN)
                            .orderBy(FORECAST_RUN.SAVED_AT.desc(), FORECAST_RUN.ID.desc())
                            .fetch(r -> new Run(
                                    r.getId(),
                                    r.getSavedAt(),
                                    r.getSubject(),
                                    r.getLabel(),
                                    r.getMethod(),
                                    r.getModel(),
                                    r.getAsOf(),
                                    r.getNote(),
                                    points.getOrDefault(r.getId(), List.of())));
                }));
    }

    /** Deletes saved forecast {@code id} with its points; whether there was one. */
    public static boolean delete(Store store, long id) {
        return store.inTransaction(c -> Store.dsl(c)
                        .deleteFrom(FORECAST_RUN)
                        .where(FORECAST_RUN.ID.eq(id))
                        .execute()
                == 1);
    }
}
