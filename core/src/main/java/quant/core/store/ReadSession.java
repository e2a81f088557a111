package quant.core.store;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.min;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.SelectField;
import org.jooq.Table;
import org.jooq.conf.ParamType;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * One connection reading for the snapshot: row counts, then (between {@link #begin} and {@link
 * #end}) one lazy, read-only, repeatable-read transaction in which every {@link TableQuery} streams
 * its rows in id order and the data version is read, so that what the session reads is one state of
 * the data. Several sessions read one state when nothing commits meanwhile (the caller holds the
 * store's write lock). Failures are {@link StoreException}s in one sentence.
 */
public final class ReadSession implements AutoCloseable {
    /** Rows fetched from the database at a time. */
    public static final int FETCH = 1 << 15;

    private final Store store;
    private final Connection connection;
    private final DSLContext dsl;

    private ReadSession(Store store, Connection connection) throws SQLException {
        this.store = store;
        this.connection = connection;
        this.dsl = Store.dsl(connection);
    }

    /** A session on a connection of the store's pool, not yet in a transaction. */
    public static ReadSession open(Store store) {
        Connection c = store.readConnection();
        try {
            return new ReadSession(store, c);
        } catch (SQLException e) {
            try {
                c.close();
            } catch (SQLException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw unreadable(e);
        }
    }

    /** One row of a {@link TableQuery} as it streams by: the id, then the columns by index from 0. */
    public interface Row {
        long id();

        /** Days since 1970-01-01 of a date or timestamp column, {@code missing} when null. */
        int day(int k, int missing);

        /** A number, {@code NaN} when null. */
        double number(int k);

        /** An integer, {@code missing} when null. */
        int whole(int k, int missing);

        String text(int k);

        /** Whether the column holds a value. */
        boolean present(int k);

        /** The minute of the day of a time column, -1 when null. */
        int minute(int k);

        /** A whole number such as an id, {@code missing} when null. */
        long id(int k, long missing);
    }

    /** Takes the rows of a query one at a time. */
    @FunctionalInterface
    public interface RowSink {
        void accept(Row row);
    }

    /**
     * The rows in {@code table} now. Read before {@link #begin}: inside a repeatable-read transaction
     * H2 counts by scanning the table, outside it reads the count it keeps.
     */
    public long count(String table) {
        try {
            return dsl.fetchCount(table(name(table)));
        } catch (org.jooq.exception.DataAccessException e) {
            throw unreadable(e);
        }
    }

    /** Starts the lazy, read-only, repeatable-read transaction. */
    public void begin() {
        try {
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            streamRows(true);
        } catch (SQLException e) {
            throw unreadable(e);
        }
    }

    /** Ends what {@link #begin} started; the connection goes back to the pool as it came. */
    public void end() {
        try {
            streamRows(false);
            connection.rollback();
            connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            throw unreadable(e);
        }
    }

    /**
     * Makes queries stream their rows rather than gather them first (H2's lazy execution; PostgreSQL
     * streams by the statement's fetch size inside a transaction), or stops it.
     */
    private void streamRows(boolean on) throws SQLException {
        if (store.engine() == Store.Engine.H2) {
            try (Statement st = connection.createStatement()) {
                st.execute("SET LAZY_QUERY_EXECUTION " + (on ? "TRUE" : "FALSE"));
            }
        }
    }

    /** The data version as this session sees it. */
    public long dataVersion() {
        try {
            String v = dsl.select(quant.core.store.generated.Tables.STORE_META.META_VALUE)
                    .from(quant.core.store.generated.Tables.STORE_META)
                    .where(quant.core.store.generated.Tables.STORE_META.META_KEY.eq("data_version"))
                    .fetchOne(quant.core.store.generated.Tables.STORE_META.META_VALUE);
            return v == null ? 0 : Long.parseLong(v);
        } catch (org.jooq.exception.DataAccessException e) {
            throw unreadable(e);
        }
    }

    /** Streams the rows of {@code query}, in id order, to {@code sink}. */
    public void stream(TableQuery query, RowSink sink) {
        try (Statement st = connection.createStatement()) {
            st.setFetchSize(FETCH);
            try (ResultSet rs = st.executeQuery(sql(query))) {
                ResultSetMetaData meta = rs.getMetaData();
                int[] types = new int[query.columns().size()];
                for (int k = 0; k < types.length; k++) {
                    types[k] = meta.getColumnType(k + 2);
                }
                Cursor row = new Cursor(rs, types);
                while (rs.next()) {
                    sink.accept(row);
                }
            }
        } catch (SQLException e) {
            throw unreadable(e);
        }
    }

    /** The texts of a column in the order of their first appearance. */
    public List<String> firstSeen(TableQuery.FirstSeen what) {
        Field<String> column = field(name(what.column()), String.class);
        Field<Long> id = field(name("id"), Long.class);
        try {
            return dsl.select(column)
                    .from(table(name(what.table())))
                    .groupBy(column)
                    .orderBy(min(id))
                    .fetch(column);
        } catch (org.jooq.exception.DataAccessException e) {
            throw unreadable(e);
        }
    }

    /** The {@code SELECT} of a query, rendered in the engine's dialect. */
    String sql(TableQuery q) {
        Table<?> from = table(name(q.table())).as(q.alias());
        for (TableQuery.Join j : q.joins()) {
            from = from.leftJoin(table(name(j.table())).as(j.alias()))
                    .on(field(name(j.alias(), "id")).eq(field(name(q.alias(), j.column()))));
        }
        Field<Object> id = field(name(q.alias(), "id"));
        List<SelectField<?>> fields = new ArrayList<>();
        fields.add(id);
        for (String c : q.columns()) {
            fields.add(
                    c == null
                            ? DSL.castNull(SQLDataType.VARCHAR)
                            : c.contains(".") ? field(name(c.split("\\.", 2))) : field(name(q.alias(), c)));
        }
        return dsl.renderContext()
                .paramType(ParamType.INLINED)
                .render(dsl.select(fields).from(from).orderBy(id));
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw unreadable(e);
        }
    }

    private static StoreException unreadable(Exception e) {
        return new StoreException(
                StoreException.Kind.IO, "Could not read the data for the analysis: " + e.getMessage(), e);
    }

    /** The current row of a result set, read with the typed getters its metadata calls for. */
    private static final class Cursor implements Row {
        private final ResultSet rs;
        private final int[] types;

        Cursor(ResultSet rs, int[] types) {
            this.rs = rs;
            this.types = types;
        }

        @Override
        public long id() {
            try {
                return rs.getLong(1);
            } catch (SQLException e) {
                throw failed(e);
            }
        }

        @Override
        public int day(int k, int missing) {
            try {
                int at = k + 2;
                LocalDate d =
                        switch (types[k]) {
                            case Types.DATE -> rs.getObject(at, LocalDate.class);
                            case Types.TIMESTAMP_WITH_TIMEZONE -> {
                                OffsetDateTime t = rs.getObject(at, OffsetDateTime.class);
                                yield t == null ? null : t.toLocalDate();
                            }
                            default -> {
                                LocalDateTime t = rs.getObject(at, LocalDateTime.class);
                                yield t == null ? null : t.toLocalDate();
                            }
                        };
                return d == null ? missing : (int) d.toEpochDay();
            } catch (SQLException e) {
                throw failed(e);
            }
        }

        @Override
        public double number(int k) {
            try {
                double v = rs.getDouble(k + 2);
                return rs.wasNull() ? Double.NaN : v;
            } catch (SQLException e) {
                throw failed(e);
            }
        }

        @Override
        public int whole(int k, int missing) {
            try {
                int v = rs.getInt(k + 2);
                return rs.wasNull() ? missing : v;
            } catch (SQLException e) {
                throw failed(e);
            }
        }

        @Override
        public String text(int k) {
            try {
                return rs.getString(k + 2);
            } catch (SQLException e) {
                throw failed(e);
            }
        }

        @Override
        public boolean present(int k) {
            try {
                return rs.getObject(k + 2) != null;
            } catch (SQLException e) {
                throw failed(e);
            }
        }

        @Override
        public int minute(int k) {
            try {
                LocalTime t = rs.getObject(k + 2, LocalTime.class);
                return t == null ? -1 : t.toSecondOfDay() / 60;
            } catch (SQLException e) {
                throw failed(e);
            }
        }

        @Override
        public long id(int k, long missing) {
            try {
                long v = rs.getLong(k + 2);
                return rs.wasNull() ? missing : v;
            } catch (SQLException e) {
                throw failed(e);
            }
        }

        private static StoreException failed(SQLException e) {
            return unreadable(e);
        }
    }
}
