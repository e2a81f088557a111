package quant.core.store;

import static org.jooq.impl.DSL.inline;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.InsertValuesStepN;
import org.jooq.Query;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * Writes the rows of one source into one table inside a transaction: the SQL of an import, kept in
 * the store so that the importers hold none. Rows are identified by the store's source key
 * ({@code source}, {@code external_ref}); lookups are point queries on that index, because H2
 * evaluates {@code IN (...)} lists by scanning the source. Each statement is written by jOOQ in the
 * engine's dialect with {@code ?} for its values, prepared once and reused with plain JDBC binds (a
 * jOOQ query object per row would cost more than the row).
 */
public final class TableWriter implements AutoCloseable {
    /** Rows inserted by one statement. */
    static final int ROWS_PER_STATEMENT = 100;

    private final Connection c;
    private final DSLContext dsl;
    private final TableSchema schema;
    private final String source;
    private final List<TableColumn> written;
    private final Map<String, PreparedStatement> statements = new HashMap<>();

    /**
     * @param written the columns the rows fill, in the order of their values (not {@code id},
     *     {@code source} or {@code external_ref})
     */
    public TableWriter(Transaction tx, TableSchema schema, String source, List<TableColumn> written) {
        this.c = tx.connection();
        this.dsl = tx.dsl();
        this.schema = schema;
        this.source = source;
        this.written = List.copyOf(written);
    }

    /** A row already stored under a key: its id and the values of the written columns. */
    public record Existing(long id, Object[] values) {}

    /** What an insert of several rows did: the new ids (0 where refused) and the reasons of refusals. */
    public record Inserted(long[] ids, String[] refusals) {}

    /** Whether the table holds no row of this writer's source. */
    public boolean sourceIsEmpty() {
        return sql(() -> {
            PreparedStatement st = statement("source is empty", () -> dsl.selectOne()
                    .from(table(schema.table()))
                    .where(column("source").eq(param()))
                    .limit(inline(1)));
            st.setString(1, source);
            try (ResultSet rs = st.executeQuery()) {
                return !rs.next();
            }
        });
    }

    /** The ids of the rows of {@code table} with these keys in {@code refSource}; missing keys are left out. */
    public Map<String, Long> ids(DomainTable table, String refSource, Set<String> keys) {
        return sql(() -> {
            PreparedStatement st = statement("ids of " + table.sqlName(), () -> dsl.select(column("id"))
                    .from(table(table))
                    .where(column("source").eq(param()))
                    .and(column("external_ref").eq(param())));
            Map<String, Long> out = new HashMap<>();
            for (String key : keys) {
                st.setString(1, refSource);
                st.setString(2, key);
                try (ResultSet rs = st.executeQuery()) {
                    if (rs.next()) {
                        out.put(key, rs.getLong(1));
                    }
                }
            }
            return out;
        });
    }

    /** The row stored under {@code key}, if any. */
    public Optional<Existing> existing(String key) {
        return sql(() -> {
            PreparedStatement st = statement("existing", () -> {
                List<Field<Object>> cols = new ArrayList<>();
                cols.add(column("id"));
                for (TableColumn col : written) {
                    cols.add(column(col.name()));
                }
                return dsl.select(cols)
                        .from(table(schema.table()))
                        .where(column("source").eq(param()))
                        .and(column("external_ref").eq(param()));
            });
            st.setString(1, source);
            st.setString(2, key);
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                Object[] values = new Object[written.size()];
                for (int j = 0; j < values.length; j++) {
                    values[j] = rs.getObject(j + 2);
                }
                return Optional.of(new Existing(rs.getLong(1), values));
            }
        });
    }

    /** The other source that already holds a row with {@code value} in the natural-key {@code column}. */
    public Optional<String> conflictingSource(String column, Object value) {
        return sql(() -> {
            PreparedStatement st = statement("conflict on " + column, () -> dsl.select(column("source"))
                    .from(table(schema.table()))
                    .where(column(column).eq(param()))
                    .and(column("source").ne(param()))
                    .limit(inline(1)));
            st.setString(1, value.toString());
            st.setString(2, source);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        });
    }

    /**
     * Inserts rows as one batch; when the database refuses the batch, it is undone to a savepoint and
     * the rows go in one by one, so that each refused row gets its reason in words and the others stay.
     */
    public Inserted insert(List<String> keys, List<Object[]> rows) {
        long[] ids = new long[rows.size()];
        String[] refusals = new String[rows.size()];
        if (rows.isEmpty()) {
            return new Inserted(ids, refusals);
        }
        return sql(() -> {
            Savepoint before = c.setSavepoint();
            try {
                for (int done = 0; done < rows.size(); ) {
                    int n = Math.min(ROWS_PER_STATEMENT, rows.size() - done);
                    PreparedStatement st = insertStatement(n);
                    for (int i = 0; i < n; i++) {
                        bindInsert(st, i * (written.size() + 2), keys.get(done + i), rows.get(done + i));
                    }
                    st.executeUpdate();
                    try (ResultSet generated = st.getGeneratedKeys()) {
                        for (int i = done; generated.next(); i++) {
                            ids[i] = generated.getLong(1);
                        }
                    }
                    done += n;
                }
                c.releaseSavepoint(before);
                return new Inserted(ids, refusals);
            } catch (SQLException batchFailure) {
                c.rollback(before);
            }
            PreparedStatement st = insertStatement(1);
            for (int i = 0; i < rows.size(); i++) {
                Savepoint sp = c.setSavepoint();
                try {
                    bindInsert(st, 0, keys.get(i), rows.get(i));
                    st.executeUpdate();
                    try (ResultSet generated = st.getGeneratedKeys()) {
                        generated.next();
                        ids[i] = generated.getLong(1);
                    }
                    c.releaseSavepoint(sp);
                } catch (SQLException e) {
                    c.rollback(sp);
                    refusals[i] = DatabaseErrors.explainRow(c, e);
                }
            }
            return new Inserted(ids, refusals);
        });
    }

    /**
     * The prepared insert of {@code n} rows in one statement, returning their ids in order. One
     * statement per {@value #ROWS_PER_STATEMENT} rows rather than one per row (a JDBC batch) spares
     * H2 a statement's start, snapshot and end per row: measured with {@code JobImportBench}.
     */
    private PreparedStatement insertStatement(int n) throws SQLException {
        String key = "insert " + n;
        PreparedStatement st = statements.get(key);
        if (st == null) {
            List<Field<Object>> cols = new ArrayList<>();
            cols.add(column("source"));
            cols.add(column("external_ref"));
            for (TableColumn col : written) {
                cols.add(column(col.name()));
            }
            InsertValuesStepN<Record> insert = dsl.insertInto(table(schema.table()), cols);
            for (int i = 0; i < n; i++) {
                insert = insert.values(Collections.nCopies(cols.size(), param()));
            }
            st = c.prepareStatement(dsl.render(insert), Store.idColumn(c));
            statements.put(key, st);
        }
        return st;
    }

    /** Updates the row {@code id} with new values; the reason in words when the database refuses it. */
    public Optional<String> update(long id, Object[] values) {
        return sql(() -> {
            PreparedStatement st = statement("update", () -> {
                Map<Field<Object>, Field<Object>> sets = new LinkedHashMap<>();
                for (TableColumn col : written) {
                    sets.put(column(col.name()), param());
                }
                return dsl.update(table(schema.table()))
                        .set(sets)
                        .where(column("id").eq(param()));
            });
            Savepoint sp = c.setSavepoint();
            try {
                for (int j = 0; j < written.size(); j++) {
                    bind(st, j + 1, values[j], written.get(j));
                }
                st.setLong(written.size() + 1, id);
                st.executeUpdate();
                // released, or a server keeps every row's subtransaction (and its lock) to the commit
                c.releaseSavepoint(sp);
                return Optional.empty();
            } catch (SQLException e) {
                c.rollback(sp);
                return Optional.of(DatabaseErrors.explainRow(c, e));
            }
        });
    }

    /** Binds one row's parameters, the first at {@code offset} + 1. */
    private void bindInsert(PreparedStatement st, int offset, String key, Object[] values) throws SQLException {
        st.setString(offset + 1, source);
        st.setString(offset + 2, key);
        for (int j = 0; j < written.size(); j++) {
            bind(st, offset + j + 3, values[j], written.get(j));
        }
    }

    private static void bind(PreparedStatement st, int index, Object value, TableColumn column) throws SQLException {
        if (value == null) {
            st.setNull(index, jdbcType(column.type()));
        } else {
            st.setObject(index, value);
        }
    }

    static int jdbcType(ColumnType type) {
        return switch (type) {
            case TEXT -> Types.VARCHAR;
            case DECIMAL -> Types.DECIMAL;
            case REAL -> Types.DOUBLE;
            case INTEGER -> Types.INTEGER;
            case BIGINT -> Types.BIGINT;
            case DATE -> Types.DATE;
            case TIMESTAMP -> Types.TIMESTAMP;
            case TIMESTAMP_WITH_ZONE -> Types.TIMESTAMP_WITH_TIMEZONE;
            case TIME -> Types.TIME;
            case BOOLEAN -> Types.BOOLEAN;
            case OTHER -> Types.OTHER;
        };
    }

    /** The statement kept under {@code key}, prepared from {@code query}'s SQL the first time it is asked for. */
    private PreparedStatement statement(String key, Supplier<Query> query) throws SQLException {
        PreparedStatement st = statements.get(key);
        if (st == null) {
            st = c.prepareStatement(dsl.render(query.get()));
            statements.put(key, st);
        }
        return st;
    }

    private static Table<Record> table(DomainTable t) {
        return DSL.table(DSL.name(t.sqlName()));
    }

    private static Field<Object> column(String name) {
        return DSL.field(DSL.name(name));
    }

    /** A value bound later, by position. */
    private static Field<Object> param() {
        return DSL.param();
    }

    @FunctionalInterface
    private interface SqlWork<T> {
        T run() throws SQLException;
    }

    /** A failure of the database itself (not a refused row): ends the import's transaction. */
    private <T> T sql(SqlWork<T> work) {
        try {
            return work.run();
        } catch (SQLException e) {
            throw new StoreException(
                    StoreException.Kind.IO,
                    "The database failed while writing "
                            + schema.table().label().toLowerCase(java.util.Locale.ROOT) + " ("
                            + DatabaseErrors.inWords(e) + "); nothing was written.",
                    e);
        }
    }

    @Override
    public void close() {
        for (PreparedStatement st : statements.values()) {
            try {
                st.close();
            } catch (SQLException ignored) {
                // closing a statement of a transaction that ends anyway
            }
        }
        statements.clear();
    }
}
