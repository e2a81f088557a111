package quant.core.store.repo;

import static quant.core.store.generated.Tables.SAVED_CHART;

import java.time.OffsetDateTime;
import java.util.List;
import org.jooq.DSLContext;
import quant.core.store.Store;

/** The saved charts' rows ({@code saved_chart}, migration V11): a name and the chart's spec as JSON. */
public final class SavedChartRows {
    private SavedChartRows() {}

    /** One saved chart as stored. */
    public record Row(String name, String spec) {}

    /** Every saved chart, by name. */
    public static List<Row> list(Store store) {
        return store.read("the saved charts", dsl -> dsl.select(SAVED_CHART.NAME, SAVED_CHART.SPEC)
                .from(SAVED_CHART)
                .orderBy(SAVED_CHART.NAME)
                .fetch(r -> new Row(r.value1(), r.value2())));
    }

    /** Saves {@code spec} under {@code name}, replacing a chart of that name, in one transaction. */
    public static void replace(Store store, String name, String spec, OffsetDateTime savedAt) {
        store.inTransaction(c -> {
            DSLContext tx = Store.dsl(c);
            tx.deleteFrom(SAVED_CHART).where(SAVED_CHART.NAME.eq(name)).execute();
            return tx.insertInto(SAVED_CHART, SAVED_CHART.NAME, SAVED_CHART.SPEC, SAVED_CHART.SAVED_AT)
                    .values(name, spec, savedAt)
                    .execute();
        });
    }

    /** Deletes the chart saved under {@code name}; whether there was one. */
    public static boolean delete(Store store, String name) {
        return store.inTransaction(c -> Store.dsl(c)
                        .deleteFrom(SAVED_CHART)
                        .where(SAVED_CHART.NAME.eq(name))
                        .execute()
                > 0);
    }
}
