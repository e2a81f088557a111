package quant.core.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SortField;
import org.jooq.Table;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Pages through one table for the Data view: sorting and filtering are SQL {@code ORDER BY} and
 * {@code WHERE} (written by jOOQ in the engine's dialect) over pages of at most {@link #MAX_PAGE}
 * rows, so a table of any size is browsed in bounded memory. Column names are checked against the
 * table's own columns before they reach SQL; filter text is always a bound parameter.
 */
public final class TableBrowser {
    /** The largest page a caller may ask for. */
    public static final int MAX_PAGE = 500;

    private final Store store;
    private final DomainTable table;
    private final List<TableColumn> columns;
    private final Map<DomainTable, String> displayColumns = new java.util.EnumMap<>(DomainTable.class);

    /**
     * The value of a foreign-key column as the Data view shows it: the id, and the name of the row
     * it refers to ({@code name}, else {@code invoice_number}, else {@code external_ref}).
     */
    public record Named(long id, String name) {
        @Override
        public String toString() {
            return name == null ? Long.toString(id) : name;
        }
    }

    /** "Column contains text", case-insensitive. */
    public record Filter(String column, String text) {}

    /** What to show: filters (all must match) and an optional sort column. */
    public record Query(List<Filter> filters, Optional<String> sortColumn, boolean ascending) {
        public static final Query ALL = new Query(List.of(), Optional.empty(), true);

        public Query {
            filters = List.copyOf(filters);
        }
    }

    public TableBrowser(Store store, DomainTable table) {
        this.store = store;
        this.table = table;
        this.columns = readColumns();
    }

    public DomainTable table() {
        return table;
    }

    public List<TableColumn> columns() {
        return columns;
    }

    private List<TableColumn> readColumns() {
        return TableSchema.of(store, table).all();
    }

    /** The number of rows that match the query's filters. */
    public long count(Query query) {
        try (Connection c = store.readConnection()) {
            Long n = Store.dsl(c)
                    .selectCount()
                    .from(table(table))
                    .where(where(query))
                    .fetchOne(0, Long.class);
            return n == null ? 0 : n;
        } catch (SQLException | DataAccessException e) {
            throw new StoreException(
                    StoreException.Kind.IO, "Could not count " + table.sqlName() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Rows {@code offset} to {@code offset + limit - 1} of the query's result, each as an array of
     * column values in {@link #columns()} order. Ties in the sort column are ordered by id, so
     * pages never overlap or skip.
     */
    public List<Object[]> page(Query query, long offset, int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new IllegalArgumentException("A page holds 1 to " + MAX_PAGE + " rows, not " + limit);
        }
        List<SortField<?>> order = new ArrayList<>();
        query.sortColumn().ifPresent(col -> {
            Field<Object> sort = column(checked(col));
            order.add(query.ascending() ? sort.asc().nullsFirst() : sort.desc().nullsLast());
        });
        order.add(column("id").asc());
        List<Field<Object>> shown =
                columns.stream().map(col -> column(col.name())).toList();
        try (Connection c = store.readConnection()) {
            List<Object[]> rows = new ArrayList<>(limit);
            try (ResultSet rs = Store.dsl(c)
                    .select(shown)
                    .from(table(table))
                    .where(where(query))
                    .orderBy(order)
                    .limit(limit)
                    .offset(offset)
                    .fetchResultSet()) {
                int n = columns.size();
                while (rs.next()) {
                    Object[] row = new Object[n];
                    for (int i = 0; i < n; i++) {
                        // an instant as an offset date-time whatever the engine (PostgreSQL's driver
                        // answers a timestamptz with a java.sql.Timestamp)
                        row[i] = columns.get(i).type() == ColumnType.TIMESTAMP_WITH_ZONE
                                ? rs.getObject(i + 1, java.time.OffsetDateTime.class)
                                : rs.getObject(i + 1);
                    }
                    rows.add(row);
                }
            }
            nameReferences(c, rows);
            return rows;
        } catch (SQLException | DataAccessException e) {
            throw new StoreException(
                    StoreException.Kind.IO, "Could not read " + table.sqlName() + ": " + e.getMessage(), e);
        }
    }

    /** Replaces the ids in foreign-key columns by {@link Named} values, with one point lookup per id of the page. */
    private void nameReferences(Connection c, List<Object[]> rows) throws SQLException {
        for (int i = 0; i < columns.size(); i++) {
            DomainTable ref = columns.get(i).references();
            if (ref == null) {
                continue;
            }
            Map<Long, String> names = new HashMap<>();
            String lookup = Store.dsl(c)
                    .render(Store.dsl(c)
                            .select(column(displayColumn(ref)))
                            .from(table(ref))
                            .where(column("id").eq(DSL.param())));
            try (PreparedStatement st = c.prepareStatement(lookup)) {
                for (Object[] row : rows) {
                    if (row[i] instanceof Number id && !names.containsKey(id.longValue())) {
                        st.setLong(1, id.longValue());
                        try (ResultSet rs = st.executeQuery()) {
                            names.put(id.longValue(), rs.next() ? rs.getString(1) : null);
                        }
                    }
                }
            }
            for (Object[] row : rows) {
                if (row[i] instanceof Number id) {
                    row[i] = new Named(id.longValue(), names.get(id.longValue()));
                }
            }
        }
    }

    private String displayColumn(DomainTable ref) {
        return displayColumns.computeIfAbsent(ref, t -> {
            TableSchema schema = TableSchema.of(store, t);
            for (String candidate : List.of("name", "invoice_number", "external_ref")) {
                if (schema.column(candidate).isPresent()) {
                    return candidate;
                }
            }
            return "id";
        });
    }

    /** Every filter's condition: the column's text (or, for a reference, the name it shows) holds the text. */
    private List<Condition> where(Query query) {
        List<Condition> parts = new ArrayList<>();
        for (Filter f : query.filters()) {
            String column = checked(f.column());
            DomainTable ref = columns.stream()
                    .filter(c -> c.name().equals(column))
                    .findFirst()
                    .map(TableColumn::references)
                    .orElse(null);
            String escaped = f.text()
                    .toLowerCase(Locale.ROOT)
                    .replace("\\", "\\\\")
                    .replace("%", "\\%")
                    .replace("_", "\\_");
            Field<String> pattern = DSL.val("%" + escaped + "%");
            if (ref == null) {
                parts.add(contains(column(column), pattern));
            } else {
                // a foreign key shows the name of the row it refers to, so it filters by that name
                parts.add(column(column)
                        .in(DSL.select(column("id"))
                                .from(table(ref))
                                .where(contains(column(displayColumn(ref)), pattern))));
            }
        }
        return parts;
    }

    private static Condition contains(Field<Object> column, Field<String> pattern) {
        return DSL.lower(column.cast(SQLDataType.VARCHAR)).like(pattern, '\\');
    }

    private static Table<Record> table(DomainTable t) {
        return DSL.table(DSL.name(t.sqlName()));
    }

    private static Field<Object> column(String name) {
        return DSL.field(DSL.name(name));
    }

    private String checked(String column) {
        for (TableColumn c : columns) {
            if (c.name().equalsIgnoreCase(column)) {
                return c.name();
            }
        }
        throw new IllegalArgumentException(table.sqlName() + " has no column " + column);
    }
}
