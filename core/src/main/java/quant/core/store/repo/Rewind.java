package quant.core.store.repo;

import static quant.core.store.generated.Tables.IMPORT_CHANGE;
import static quant.core.store.generated.Tables.IMPORT_RANGE;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record2;
import org.jooq.Record3;
import org.jooq.Table;
import org.jooq.exception.DataAccessException;
import quant.core.store.DomainTable;
import quant.core.store.StoreException;
import quant.core.store.StoredValues;
import quant.core.store.Transaction;

/**
 * Takes back what an import run wrote, from its journal ({@link JournalRows}): the previous values of
 * the rows it updated, and the rows it inserted (its recorded id ranges, or the one-row entries of
 * versions before the ranges). Column types come from the generated schema, so the journal's text
 * becomes the same value on either engine.
 */
public final class Rewind {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, String>> PREVIOUS = new TypeReference<>() {};

    private Rewind() {}

    /** Puts back the previous values of every row run {@code runId} updated, latest change first. */
    public static long restoreUpdates(Transaction tx, long runId) {
        DSLContext dsl = tx.dsl();
        long n = 0;
        try (Cursor<Record3<String, Long, String>> changes = dsl.select(
                        IMPORT_CHANGE.TABLE_NAME, IMPORT_CHANGE.ROW_ID, IMPORT_CHANGE.PREVIOUS)
                .from(IMPORT_CHANGE)
                .where(IMPORT_CHANGE.RUN_ID.eq(runId))
                .and(IMPORT_CHANGE.ACTION.eq("update"))
                .orderBy(IMPORT_CHANGE.ID.desc())
                .fetchLazy()) {
            for (Record3<String, Long, String> change : changes) {
                Map<String, String> previous;
                try {
                    previous = JSON.readValue(change.value3(), PREVIOUS);
                } catch (JsonProcessingException e) {
                    throw damaged(runId, "a row's previous values cannot be read", e);
                }
                restore(dsl, runId, table(runId, change.value1()), change.value2(), previous);
                n++;
            }
        }
        return n;
    }

    private static void restore(
            DSLContext dsl, long runId, DomainTable table, long rowId, Map<String, String> previous) {
        Table<?> t = table.table();
        Map<Field<?>, Object> sets = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : previous.entrySet()) {
            Field<?> column = JournalRows.column(t, e.getKey());
            if (column == null) {
                throw damaged(
                        runId, "it names a column " + e.getKey() + " that " + table.sqlName() + " does not have", null);
            }
            sets.put(
                    column,
                    StoredValues.fromText(e.getValue(), column.getDataType().getSQLType()));
        }
        if (sets.isEmpty()) {
            return;
        }
        dsl.update(t).set(sets).where(JournalRows.id(t).eq(rowId)).execute();
    }

    /**
     * Deletes the rows run {@code runId} inserted: its id ranges, newest first, then its one-row
     * entries.
     *
     * @throws StoreException {@link StoreException.Kind#REJECTED} when other rows now refer to rows
     *     the run inserted (the database refuses: SQL state 23503)
     */
    public static long deleteInserted(Transaction tx, long runId) {
        try {
            return deleteInserted(tx.dsl(), runId);
        } catch (DataAccessException e) {
            if ("23503".equals(e.sqlState())) {
                throw new StoreException(
                        StoreException.Kind.REJECTED,
                        "Import run " + runId + " cannot be undone: other rows now refer to rows it added."
                                + " Undo the imports of those rows first.",
                        e);
            }
            throw e;
        }
    }

    private static long deleteInserted(DSLContext dsl, long runId) {
        long n = 0;
        List<Record3<String, Long, Long>> ranges = dsl.select(
                        IMPORT_RANGE.TABLE_NAME, IMPORT_RANGE.FIRST_ID, IMPORT_RANGE.LAST_ID)
                .from(IMPORT_RANGE)
                .where(IMPORT_RANGE.RUN_ID.eq(runId))
                .orderBy(IMPORT_RANGE.ID.desc())
                .fetch();
        for (Record3<String, Long, Long> r : ranges) {
            n += deleteRange(dsl, table(runId, r.value1()), r.value2(), r.value3());
        }
        // runs recorded by versions before the id ranges: one journal row per inserted row
        List<Record2<String, Long>> legacy = dsl.select(IMPORT_CHANGE.TABLE_NAME, IMPORT_CHANGE.ROW_ID)
                .from(IMPORT_CHANGE)
                .where(IMPORT_CHANGE.RUN_ID.eq(runId))
                .and(IMPORT_CHANGE.ACTION.eq("insert"))
                .orderBy(IMPORT_CHANGE.ROW_ID.desc())
                .fetch();
        for (Record2<String, Long> r : legacy) {
            Table<?> t = table(runId, r.value1()).table();
            n += dsl.deleteFrom(t).where(JournalRows.id(t).eq(r.value2())).execute();
        }
        return n;
    }

    /**
     * Deletes the rows with ids from {@code first} to {@code last}. References between rows of the
     * same table (a callback job points to the job it follows up) are cleared first, because the
     * database checks each deleted row at once and a row may go before the row that points to it.
     */
    private static long deleteRange(DSLContext dsl, DomainTable table, long first, long last) {
        Table<?> t = table.table();
        Field<Long> id = JournalRows.id(t);
        for (DomainTable.Reference ref : table.references()) {
            if (ref.target() == table) {
                Field<Object> column = JournalRows.untyped(JournalRows.column(t, ref.column()));
                dsl.update(t)
                        .set(column, (Object) null)
                        .where(id.between(first, last))
                        .and(column.isNotNull())
                        .execute();
            }
        }
        return dsl.deleteFrom(t).where(id.between(first, last)).execute();
    }

    private static DomainTable table(long runId, String name) {
        return DomainTable.byName(name).orElseThrow(() -> damaged(runId, "it names an unknown table " + name, null));
    }

    private static StoreException damaged(long runId, String why, Throwable cause) {
        return new StoreException(
                StoreException.Kind.DAMAGED,
                "The undo journal of import run " + runId + " is damaged: " + why + "; nothing was changed.",
                cause);
    }
}
