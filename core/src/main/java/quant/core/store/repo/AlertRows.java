package quant.core.store.repo;

import static quant.core.store.generated.Tables.KPI_ALERT;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.jooq.DSLContext;
import quant.core.store.Store;
import quant.core.store.Transaction;

/**
 * The KPI alerts' rows ({@code kpi_alert}, migration V10). Reads and writes take the caller's
 * transaction, so that a merge reads, inserts and resolves as one.
 */
public final class AlertRows {
    private AlertRows() {}

    /** One alert as stored. */
    public record Row(
            long id,
            String rule,
            String subject,
            String level,
            String period,
            LocalDate observedOn,
            Double value,
            Double threshold,
            String message,
            String view,
            String state,
            LocalDate resolvedOn,
            String note) {}

    /** Every alert, newest day first. */
    public static List<Row> all(Store store) {
        return store.read("the alerts", AlertRows::all);
    }

    /** Every alert, newest day first, in the caller's transaction. */
    public static List<Row> all(Transaction tx) {
        return all(tx.dsl());
    }

    private static List<Row> all(DSLContext dsl) {
        return dsl.select(
                        KPI_ALERT.ID,
                        KPI_ALERT.ALERT_RULE,
                        KPI_ALERT.SUBJECT,
                        KPI_ALERT.ALERT_LEVEL,
                        KPI_ALERT.PERIOD_LABEL,
                        KPI_ALERT.OBSERVED_ON,
                        KPI_ALERT.OBSERVED_VALUE,
                        KPI_ALERT.THRESHOLD,
                        KPI_ALERT.MESSAGE,
                        KPI_ALERT.VIEW_ID,
                        KPI_ALERT.STATE,
                        KPI_ALERT.RESOLVED_ON,
                        KPI_ALERT.ACK_NOTE)
                .from(KPI_ALERT)
                .orderBy(KPI_ALERT.OBSERVED_ON.desc(), KPI_ALERT.ID.desc())
                .fetch(r -> new Row(
                        r.value1(),
                        r.value2(),
                        r.value3(),
                        r.value4(),
                        r.value5(),
                        r.value6(),
                        r.value7(),
                        r.value8(),
                        r.value9(),
                        r.value10(),
                        r.value11(),
                        r.value12(),
                        r.value13()));
    }

    /** Adds an alert (its id is the database's), recorded at {@code now}. */
    public static void insert(Transaction tx, Row a, OffsetDateTime now) {
        tx.dsl()
                .insertInto(KPI_ALERT)
                .set(KPI_ALERT.ALERT_RULE, a.rule())
                .set(KPI_ALERT.SUBJECT, a.subject())
                .set(KPI_ALERT.ALERT_LEVEL, a.level())
                .set(KPI_ALERT.PERIOD_LABEL, a.period())
                .set(KPI_ALERT.OBSERVED_ON, a.observedOn())
                .set(KPI_ALERT.OBSERVED_VALUE, finite(a.value()))
                .set(KPI_ALERT.THRESHOLD, finite(a.threshold()))
                .set(KPI_ALERT.MESSAGE, a.message())
                .set(KPI_ALERT.VIEW_ID, a.view())
                .set(KPI_ALERT.STATE, a.state())
                .set(KPI_ALERT.RESOLVED_ON, a.resolvedOn())
                .set(KPI_ALERT.RECORDED_AT, now)
                .execute();
    }

    /** Marks alert {@code id} resolved on {@code day}. */
    public static void resolve(Transaction tx, long id, LocalDate day) {
        tx.dsl()
                .update(KPI_ALERT)
                .set(KPI_ALERT.STATE, "resolved")
                .set(KPI_ALERT.RESOLVED_ON, day)
                .where(KPI_ALERT.ID.eq(id))
                .execute();
    }

    /** Marks alert {@code id} acknowledged with {@code note} at {@code now}. */
    public static void acknowledge(Transaction tx, long id, String note, OffsetDateTime now) {
        tx.dsl()
                .update(KPI_ALERT)
                .set(KPI_ALERT.STATE, "acknowledged")
                .set(KPI_ALERT.ACK_NOTE, note)
                .set(KPI_ALERT.ACKNOWLEDGED_AT, now)
                .where(KPI_ALERT.ID.eq(id))
                .execute();
    }

    /** A number the column can hold: an infinity or NaN is stored as no value. */
    private static Double finite(Double v) {
        return v == null || !Double.isFinite(v) ? null : v;
    }
}
