package quant.core.store.repo;

import static quant.core.store.generated.Tables.EXPORT_AUDIT;

import java.time.OffsetDateTime;
import java.util.List;
import quant.core.store.Store;
import quant.core.store.Transaction;

/** The export history's rows ({@code export_audit}, migration V12): what left the workbench, how, where to. */
public final class ExportAuditRows {
    private ExportAuditRows() {}

    /** One recorded export as stored; channel and origin as their codes. */
    public record Row(long id, OffsetDateTime at, String what, String channel, String destination, String origin) {}

    /** Records one export in the caller's transaction {@code tx}. */
    public static void insert(
            Transaction tx, OffsetDateTime at, String what, String channel, String destination, String origin) {
        tx.dsl()
                .insertInto(
                        EXPORT_AUDIT,
                        EXPORT_AUDIT.RECORDED_AT,
                        EXPORT_AUDIT.WHAT,
                        EXPORT_AUDIT.CHANNEL,
                        EXPORT_AUDIT.DESTINATION,
                        EXPORT_AUDIT.ORIGIN)
                .values(at, what, channel, destination, origin)
                .execute();
    }

    /** The latest {@code limit} entries, newest first. */
    public static List<Row> latest(Store store, int limit) {
        return store.read("the export history", dsl -> dsl.select(
                        EXPORT_AUDIT.ID,
                        EXPORT_AUDIT.RECORDED_AT,
                        EXPORT_AUDIT.WHAT,
                        EXPORT_AUDIT.CHANNEL,
                        EXPORT_AUDIT.DESTINATION,
                        EXPORT_AUDIT.ORIGIN)
                .from(EXPORT_AUDIT)
                .orderBy(EXPORT_AUDIT.RECORDED_AT.desc(), EXPORT_AUDIT.ID.desc())
                .limit(limit)
                .fetch(r -> new Row(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6())));
    }
}
