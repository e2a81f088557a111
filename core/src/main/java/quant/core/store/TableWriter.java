package quant.core.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Types;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Writes the rows of one source into one table inside a transaction: the SQL of an import, kept in
 * core so that the importers hold none (the PostgreSQL server mode will have its own dialect here).
 * Rows are identified by the store's source key ({@code source}, {@code external_ref}); lookups are
 * point queries on that index, because H2 evaluates {@code IN (...)} lists by scanning the source.
 * Statements are prepared once and reused.
 */
public final class TableWriter implements AutoCloseable {
    /** Rows inserted by one statement. */
    static final int ROWS_PER_STATEMENT = 100;

    private final Connection c;
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
            PreparedStatement st = statement("SELECT 1 FROM " + schema.table().sqlName() + " WHERE source = ? LIMIT 1");
            st.setString(1, source);
            try (ResultSet rs = st.executeQuery()) {
                return !rs.next();
            }
        });
    }

    /** The ids of the rows of {@code table} with these keys in {@code refSource}; missing keys are left out. */
    public Map<String, Long> ids(DomainTable table, String refSource, Set<String> keys) {
        return sql(() -> {
            PreparedStatement st =
                    statement("SELECT id FROM " + table.sqlName() + " WHERE source = ? AND external_ref = ?");
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
            StringBuilder cols = new StringBuilder("id");
            for (TableColumn col : written) {
                cols.append(", ").append(col.name());
            }
            PreparedStatement st = statement(
                    "SELECT " + cols + " FROM " + schema.table().sqlName() + " WHERE source = ? AND external_ref = ?");
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
            PreparedStatement st = statement("SELECT source FROM "
                    + schema.table().sqlName() + " WHERE " + column + " = ? AND source <> ? LIMIT 1");
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
        StringBuilder cols = new StringBuilder("source, external_ref");
        for (TableColumn col : written) {
            cols.append(", ").append(col.name());
        }
        String row = "(" + String.join(", ", java.util.Collections.nCopies(written.size() + 2, "?")) + ")";
        String sqlText = "INSERT INTO " + schema.table().sqlName() + " (" + cols + ") VALUES "
                + String.join(", ", java.util.Collections.nCopies(n, row));
        PreparedStatement st = statements.get(sqlText);
        if (st == null) {
            st = c.prepareStatement(sqlText, Store.idColumn(c));
            statements.put(sqlText, st);
        }
        return st;
    }

    /** Updates the row {@code id} with new values; the reason in words when the database refuses it. */
    public Optional<String> update(long id, Object[] values) {
        return sql(() -> {
            StringBuilder sets = new StringBuilder();
            for (TableColumn col : written) {
                sets.append(sets.isEmpty() ? "" : ", ").append(col.name()).append(" = ?");
            }
            PreparedStatement st = statement("UPDATE " + schema.table().sqlName() + " SET " + sets + " WHERE id = ?");
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

    private PreparedStatement statement(String sqlText) throws SQLException {
        PreparedStatement st = statements.get(sqlText);
        if (st == null) {
            st = c.prepareStatement(sqlText);
            statements.put(sqlText, st);
        }
        return st;
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
