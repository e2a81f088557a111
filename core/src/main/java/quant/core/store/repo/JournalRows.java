package quant.core.store.repo;

import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.exists;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.min;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectOne;
import static org.jooq.impl.DSL.val;
import static quant.core.store.generated.Tables.IMPORT_CHANGE;
import static quant.core.store.generated.Tables.IMPORT_FLOOR;
import static quant.core.store.generated.Tables.IMPORT_RANGE;
import static quant.core.store.generated.Tables.IMPORT_RUN;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import org.jooq.BatchBindStep;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import quant.core.store.DomainTable;
import quant.core.store.Transaction;
import quant.core.store.generated.tables.ImportChange;
import quant.core.store.generated.tables.ImportRange;
import quant.core.store.generated.tables.ImportRun;

/**
 * The run journal's rows: the audit row of an import run ({@code import_run}), the highest id of each
 * table when it began ({@code import_floor}), the previous values of the rows it updates
 * ({@code import_change}) and the id ranges it inserted ({@code import_range}). What they mean and in
 * which transactions they are written is {@code quant.core.runs.RunJournal}'s; here is only how.
 */
public final class JournalRows {
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private JournalRows() {}

    /** The audit row of a run as it starts: from a file (name, size, hash) or a connector's object. */
    public record NewRun(
            String fileName,
            Long fileSize,
            String sha256,
            String connector,
            String object,
            DomainTable table,
            String source,
            String profile,
            OffsetDateTime startedAt,
            String runBy,
            String outcome) {}

    /** How a run ended, as the audit records it. */
    public record End(
            long read, long inserted, long updated, long rejected, long durationMs, String outcome, String watermark) {}

    /** An id range a run inserted into a table. */
    public record Range(long runId, DomainTable table, long first, long last) {}

    /** The previous values of one updated row, as the journal's JSON text. */
    public record Change(long rowId, String previousJson) {}

    /** Where an audit row stands for an undo: its outcome code and whether it was undone. */
    public record Status(String outcome, boolean undone) {}

    /** The first later run that changed rows of another, and how many such changes there are. */
    public record Later(long runId, long changes) {}

    /** Inserts the audit row of a starting run and returns its id. */
    public static long insertRun(Transaction tx, NewRun r) {
        return tx.dsl()
                .insertInto(IMPORT_RUN)
                .set(IMPORT_RUN.FILE_NAME, r.fileName())
                .set(IMPORT_RUN.FILE_SIZE, r.fileSize())
                .set(IMPORT_RUN.SHA256, r.sha256())
                .set(IMPORT_RUN.TARGET_TABLE, r.table().sqlName())
                .set(IMPORT_RUN.SOURCE, r.source())
                .set(IMPORT_RUN.ROWS_READ, 0L)
                .set(IMPORT_RUN.ROWS_INSERTED, 0L)
                .set(IMPORT_RUN.ROWS_UPDATED, 0L)
                .set(IMPORT_RUN.ROWS_REJECTED, 0L)
                .set(IMPORT_RUN.STARTED_AT, r.startedAt())
                .set(IMPORT_RUN.DURATION_MS, 0L)
                .set(IMPORT_RUN.OUTCOME, r.outcome())
                .set(IMPORT_RUN.RUN_BY, r.runBy())
                .set(IMPORT_RUN.PROFILE, r.profile())
                .set(IMPORT_RUN.CONNECTOR, r.connector())
                .set(IMPORT_RUN.OBJECT_NAME, r.object())
                .returningResult(IMPORT_RUN.ID)
                .fetchOne()
                .value1();
    }

    /** Records the highest id {@code table} holds now (0 when empty) as run {@code runId}'s floor. */
    public static void insertFloor(Transaction tx, long runId, DomainTable table) {
        Table<?> t = table.table();
        Field<Long> id = id(t);
        tx.dsl()
                .insertInto(IMPORT_FLOOR, IMPORT_FLOOR.RUN_ID, IMPORT_FLOOR.TABLE_NAME, IMPORT_FLOOR.ID_FLOOR)
                .select(select(val(runId), val(table.sqlName()), coalesce(max(id), inline(0L)))
                        .from(t))
                .execute();
    }

    /** Journals the previous values of rows run {@code runId} is about to update in {@code table}. */
    public static void insertChanges(Transaction tx, long runId, DomainTable table, List<Change> changes) {
        if (changes.isEmpty()) {
            return;
        }
        DSLContext dsl = tx.dsl();
        BatchBindStep batch = dsl.batch(dsl.insertInto(
                        IMPORT_CHANGE,
                        IMPORT_CHANGE.RUN_ID,
                        IMPORT_CHANGE.TABLE_NAME,
                        IMPORT_CHANGE.ROW_ID,
                        IMPORT_CHANGE.ACTION,
                        IMPORT_CHANGE.PREVIOUS)
                .values((Long) null, null, null, null, null));
        for (Change c : changes) {
            batch = batch.bind(runId, table.sqlName(), c.rowId(), "update", c.previousJson());
        }
        batch.execute();
    }

    /** Records the id ranges runs inserted. */
    public static void insertRanges(Transaction tx, List<Range> ranges) {
        if (ranges.isEmpty()) {
            return;
        }
        DSLContext dsl = tx.dsl();
        BatchBindStep batch = dsl.batch(dsl.insertInto(
                        IMPORT_RANGE,
                        IMPORT_RANGE.RUN_ID,
                        IMPORT_RANGE.TABLE_NAME,
                        IMPORT_RANGE.FIRST_ID,
                        IMPORT_RANGE.LAST_ID)
                .values((Long) null, null, null, null));
        for (Range r : ranges) {
            batch = batch.bind(r.runId(), r.table().sqlName(), r.first(), r.last());
        }
        batch.execute();
    }

    /** Writes how run {@code runId} ended. */
    public static void updateEnd(Transaction tx, long runId, End end) {
        tx.dsl()
                .update(IMPORT_RUN)
                .set(IMPORT_RUN.ROWS_READ, end.read())
                .set(IMPORT_RUN.ROWS_INSERTED, end.inserted())
                .set(IMPORT_RUN.ROWS_UPDATED, end.updated())
                .set(IMPORT_RUN.ROWS_REJECTED, end.rejected())
                .set(IMPORT_RUN.DURATION_MS, end.durationMs())
                .set(IMPORT_RUN.OUTCOME, end.outcome())
                .set(IMPORT_RUN.WATERMARK, end.watermark())
                .where(IMPORT_RUN.ID.eq(runId))
                .execute();
    }

    /** Deletes the floors of runs that ended. */
    public static void deleteFloors(Transaction tx, List<Long> runIds) {
        tx.dsl().deleteFrom(IMPORT_FLOOR).where(IMPORT_FLOOR.RUN_ID.in(runIds)).execute();
    }

    /** Deletes every journal row of runs whose rows did not stay (floors, changes and ranges). */
    public static void deleteJournal(Transaction tx, List<Long> runIds) {
        DSLContext dsl = tx.dsl();
        dsl.deleteFrom(IMPORT_CHANGE).where(IMPORT_CHANGE.RUN_ID.in(runIds)).execute();
        dsl.deleteFrom(IMPORT_RANGE).where(IMPORT_RANGE.RUN_ID.in(runIds)).execute();
        deleteFloors(tx, runIds);
    }

    /** The outcome of run {@code runId} and whether it was undone; empty when there is no such run. */
    public static Optional<Status> status(Transaction tx, long runId) {
        return tx.dsl()
                .select(IMPORT_RUN.OUTCOME, IMPORT_RUN.UNDONE_AT)
                .from(IMPORT_RUN)
                .where(IMPORT_RUN.ID.eq(runId))
                .fetchOptional(r -> new Status(r.value1(), r.value2() != null));
    }

    /**
     * The first later run, not undone, that updated rows run {@code runId} updated or inserted, and
     * how many such updates there are; empty when none did.
     */
    public static Optional<Later> laterChanges(Transaction tx, long runId) {
        ImportChange b = IMPORT_CHANGE.as("b");
        ImportChange a = IMPORT_CHANGE.as("a");
        ImportRange g = IMPORT_RANGE.as("g");
        ImportRun r = IMPORT_RUN.as("r");
        var row = tx.dsl()
                .select(min(b.RUN_ID), count())
                .from(b)
                .join(r)
                .on(r.ID.eq(b.RUN_ID))
                .where(b.RUN_ID.gt(runId))
                .and(r.UNDONE_AT.isNull())
                .and(b.ACTION.eq("update"))
                .and(exists(selectOne()
                                .from(a)
                                .where(a.RUN_ID.eq(runId))
                                .and(a.TABLE_NAME.eq(b.TABLE_NAME))
                                .and(a.ROW_ID.eq(b.ROW_ID)))
                        .or(exists(selectOne()
                                .from(g)
                                .where(g.RUN_ID.eq(runId))
                                .and(g.TABLE_NAME.eq(b.TABLE_NAME))
                                .and(b.ROW_ID.between(g.FIRST_ID, g.LAST_ID)))))
                .fetchOne();
        return row == null || row.value2() == 0 ? Optional.empty() : Optional.of(new Later(row.value1(), row.value2()));
    }

    /** " (FILE into TABLE on DATE)" (or the connector and its object) for a run, or an empty string. */
    public static String describe(Transaction tx, long runId) {
        return tx.dsl()
                .select(
                        IMPORT_RUN.FILE_NAME,
                        IMPORT_RUN.CONNECTOR,
                        IMPORT_RUN.OBJECT_NAME,
                        IMPORT_RUN.TARGET_TABLE,
                        IMPORT_RUN.STARTED_AT)
                .from(IMPORT_RUN)
                .where(IMPORT_RUN.ID.eq(runId))
                .fetchOptional(r -> {
                    String from = r.value1() != null ? r.value1() : r.value2() + " " + r.value3();
                    String when = r.value5() == null ? "" : " on " + r.value5().format(MINUTE);
                    return " (" + from + " into " + r.value4() + when + ")";
                })
                .orElse("");
    }

    /** Marks run {@code runId} undone at {@code at} (keeping an earlier time) and no longer pending. */
    public static void markUndone(Transaction tx, long runId, OffsetDateTime at) {
        tx.dsl()
                .update(IMPORT_RUN)
                .set(IMPORT_RUN.UNDONE_AT, coalesce(IMPORT_RUN.UNDONE_AT, val(at)))
                .set(IMPORT_RUN.UNDO_PENDING, false)
                .where(IMPORT_RUN.ID.eq(runId))
                .execute();
    }

    /** Marks run {@code runId} as being undone, or not. */
    public static void setUndoPending(Transaction tx, long runId, boolean pending) {
        tx.dsl()
                .update(IMPORT_RUN)
                .set(IMPORT_RUN.UNDO_PENDING, pending)
                .where(IMPORT_RUN.ID.eq(runId))
                .execute();
    }

    /** A column of the generated table by its name, ignoring case; {@code null} when there is none. */
    static Field<?> column(Table<?> t, String name) {
        for (Field<?> f : t.fields()) {
            if (f.getName().equalsIgnoreCase(name)) {
                return f;
            }
        }
        return null;
    }

    static Field<Object> untyped(Field<?> f) {
        @SuppressWarnings("unchecked")
        Field<Object> o = (Field<Object>) f;
        return o;
    }

    /** The id column of a generated table, as a number. */
    static Field<Long> id(Table<?> t) {
        return column(t, "id").coerce(Long.class);
    }
}
