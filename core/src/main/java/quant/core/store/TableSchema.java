package quant.core.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The columns of one domain table, read once from the database's own description of it. */
public final class TableSchema {
    private static final Pattern IN_LIST =
            Pattern.compile("\"?(\\w+)\"?\\s+IN\\s*\\(([^)]*)\\)", Pattern.CASE_INSENSITIVE);

    private final DomainTable table;
    private final Map<String, TableColumn> columns;

    private TableSchema(DomainTable table, Map<String, TableColumn> columns) {
        this.table = table;
        this.columns = columns;
    }

    /** Reads the columns of {@code table}. */
    public static TableSchema of(Store store, DomainTable table) {
        try (Connection c = store.readConnection()) {
            return read(c, table);
        } catch (SQLException e) {
            throw new StoreException(
                    StoreException.Kind.IO, "Could not read the columns of " + table.sqlName() + ".", e);
        }
    }

    /** Reads the columns of {@code table} inside a write transaction. */
    public static TableSchema of(Transaction tx, DomainTable table) {
        try {
            return read(tx.connection(), table);
        } catch (SQLException e) {
            throw new StoreException(
                    StoreException.Kind.IO, "Could not read the columns of " + table.sqlName() + ".", e);
        }
    }

    static TableSchema read(Connection c, DomainTable table) throws SQLException {
        Map<String, DomainTable> refs = new HashMap<>();
        for (DomainTable.Reference r : table.references()) {
            refs.put(r.column(), r.target());
        }
        Map<String, List<String>> codes = codes(c, table);
        Map<String, TableColumn> columns = new LinkedHashMap<>();
        try (PreparedStatement st = c.prepareStatement("SELECT * FROM " + table.sqlName() + " WHERE 1 = 0");
                ResultSet rs = st.executeQuery()) {
            ResultSetMetaData md = rs.getMetaData();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                String name = md.getColumnName(i).toLowerCase(Locale.ROOT);
                columns.put(
                        name,
                        new TableColumn(
                                name,
                                // PostgreSQL reports its timestamptz as a plain TIMESTAMP, by type code
                                "timestamptz".equalsIgnoreCase(md.getColumnTypeName(i))
                                        ? ColumnType.TIMESTAMP_WITH_ZONE
                                        : ColumnType.of(md.getColumnType(i)),
                                md.getPrecision(i),
                                md.getScale(i),
                                md.isNullable(i) == ResultSetMetaData.columnNoNulls,
                                refs.get(name),
                                codes.getOrDefault(name, List.of())));
            }
        }
        return new TableSchema(table, columns);
    }

    /** Per column, the codes a {@code CHECK (column IN (...))} rule of the table allows. */
    private static Map<String, List<String>> codes(Connection c, DomainTable table) throws SQLException {
        Map<String, List<String>> codes = new HashMap<>();
        try (PreparedStatement st =
                c.prepareStatement("SELECT cc.CHECK_CLAUSE FROM INFORMATION_SCHEMA.CHECK_CONSTRAINTS cc"
                        + " JOIN INFORMATION_SCHEMA.TABLE_CONSTRAINTS tc ON tc.CONSTRAINT_NAME = cc.CONSTRAINT_NAME"
                        + " AND tc.CONSTRAINT_SCHEMA = cc.CONSTRAINT_SCHEMA WHERE LOWER(tc.TABLE_NAME) = ?")) {
            st.setString(1, table.sqlName());
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    Matcher m = IN_LIST.matcher(DatabaseErrors.plain(rs.getString(1)));
                    while (m.find()) {
                        List<String> values = new ArrayList<>();
                        for (String v : m.group(2).split(",")) {
                            values.add(v.strip().replaceAll("^'|'$", ""));
                        }
                        codes.put(m.group(1).toLowerCase(Locale.ROOT), values);
                    }
                }
            }
        }
        return codes;
    }

    public DomainTable table() {
        return table;
    }

    /** The column of that name (any case). */
    public Optional<TableColumn> column(String name) {
        return Optional.ofNullable(columns.get(name.toLowerCase(Locale.ROOT)));
    }

    /** Every column, in table order. */
    public List<TableColumn> all() {
        return List.copyOf(columns.values());
    }

    /** The columns a file may fill: all but {@code id} and {@code source}, {@code external_ref} first. */
    public List<TableColumn> fillable() {
        return columns.values().stream().filter(c -> !c.isBookkeeping()).toList();
    }

    /** Columns the user's data must fill (the id and the source key are the importer's). */
    public List<TableColumn> requiredData() {
        return columns.values().stream()
                .filter(TableColumn::required)
                .filter(c -> !c.isBookkeeping() && !c.name().equals("external_ref"))
                .toList();
    }
}
