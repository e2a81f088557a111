package quant.core.store.repo;

import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.select;
import static quant.core.store.generated.Tables.API_CONNECTION;
import static quant.core.store.generated.Tables.IMPORT_RUN;

import java.time.OffsetDateTime;
import java.util.List;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import quant.core.store.Store;
import quant.core.store.generated.tables.ImportRun;

/**
 * The API connections' rows ({@code api_connection}, migration V13) and what their syncs recorded in
 * the import audit ({@code import_run}). A connection keeps the name of its secret, never the secret.
 */
public final class ConnectionRows {
    private ConnectionRows() {}

    /** One connection as stored. */
    public record Row(
            String connector,
            String baseUrl,
            String clientId,
            String account,
            OffsetDateTime connectedAt,
            Integer syncEveryHours,
            String secretRef) {}

    /** One object's newest sync run. */
    public record SyncRow(
            String object,
            OffsetDateTime at,
            String outcome,
            long read,
            long inserted,
            long updated,
            long rejected,
            String watermark,
            boolean undone) {}

    /** Every connection, or the one of {@code connector} when it is not null, by connector. */
    public static List<Row> read(Store store, String connector) {
        Condition which = connector == null ? DSL.noCondition() : API_CONNECTION.CONNECTOR.eq(connector);
        return store.read("the connections", dsl -> dsl.select(
                        API_CONNECTION.CONNECTOR,
                        API_CONNECTION.BASE_URL,
                        API_CONNECTION.CLIENT_ID,
                        API_CONNECTION.ACCOUNT,
                        API_CONNECTION.CONNECTED_AT,
                        API_CONNECTION.SYNC_EVERY_HOURS,
                        API_CONNECTION.SECRET_REF)
                .from(API_CONNECTION)
                .where(which)
                .orderBy(API_CONNECTION.CONNECTOR)
                .fetch(r ->
                        new Row(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(), r.value7())));
    }

    /** Saves {@code row}, replacing the connector's previous connection, in one transaction. */
    public static void replace(Store store, Row row) {
        store.inTransaction(c -> {
            DSLContext tx = Store.dsl(c);
            tx.deleteFrom(API_CONNECTION)
                    .where(API_CONNECTION.CONNECTOR.eq(row.connector()))
                    .execute();
            return tx.insertInto(API_CONNECTION)
                    .set(API_CONNECTION.CONNECTOR, row.connector())
                    .set(API_CONNECTION.BASE_URL, row.baseUrl())
                    .set(API_CONNECTION.CLIENT_ID, row.clientId())
                    .set(API_CONNECTION.ACCOUNT, row.account())
                    .set(API_CONNECTION.CONNECTED_AT, row.connectedAt())
                    .set(API_CONNECTION.SYNC_EVERY_HOURS, row.syncEveryHours())
                    .set(API_CONNECTION.SECRET_REF, row.secretRef())
                    .execute();
        });
    }

    /** Sets how often {@code connector} syncs (null: only when asked). */
    public static void schedule(Store store, String connector, Integer everyHours) {
        store.inTransaction(c -> Store.dsl(c)
                .update(API_CONNECTION)
                .set(API_CONNECTION.SYNC_EVERY_HOURS, everyHours)
                .where(API_CONNECTION.CONNECTOR.eq(connector))
                .execute());
    }

    /** Forgets {@code connector}'s connection; whether there was one. */
    public static boolean delete(Store store, String connector) {
        return store.inTransaction(c -> Store.dsl(c)
                        .deleteFrom(API_CONNECTION)
                        .where(API_CONNECTION.CONNECTOR.eq(connector))
                        .execute()
                > 0);
    }

    /** Each object's newest sync run of {@code connector}, in the order the objects were last synced. */
    public static List<SyncRow> lastSyncs(Store store, String connector) {
        ImportRun r = IMPORT_RUN.as("r");
        ImportRun x = IMPORT_RUN.as("x");
        return store.read("the syncs of " + connector, dsl -> dsl.select(
                        r.OBJECT_NAME,
                        r.STARTED_AT,
                        r.OUTCOME,
                        r.ROWS_READ,
                        r.ROWS_INSERTED,
                        r.ROWS_UPDATED,
                        r.ROWS_REJECTED,
                        r.WATERMARK,
                        r.UNDONE_AT)
                .from(r)
                .where(r.CONNECTOR.eq(connector))
                .and(r.ID.eq(select(max(x.ID))
                        .from(x)
                        .where(x.CONNECTOR.eq(r.CONNECTOR))
                        .and(x.OBJECT_NAME.eq(r.OBJECT_NAME))))
                .orderBy(r.ID)
                .fetch(q -> new SyncRow(
                        q.value1(),
                        q.value2(),
                        q.value3(),
                        q.value4(),
                        q.value5(),
                        q.value6(),
                        q.value7(),
                        q.value8(),
                        q.value9() != null)));
    }
}
