package quant.importers.engine;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import quant.core.store.DomainTable;

/**
 * The columns of a target table as the database describes them: SQL type, whether a value is
 * required, and which table a foreign-key column points to.
 */
final class TargetTable {
    record Column(String name, int sqlType, int maxLength, int scale, boolean required, DomainTable references) {}

    private final DomainTable table;
    private final Map<String, Column> columns = new LinkedHashMap<>();

    TargetTable(Connection c, DomainTable table) throws SQLException {
        this.table = table;
        Map<String, DomainTable> refs = new LinkedHashMap<>();
        for (DomainTable.Reference r : table.references()) {
            refs.put(r.column(), r.target());
        }
        try (ResultSet rs = c.createStatement().executeQuery("SELECT * FROM " + table.sqlName() + " WHERE 1 = 0")) {
            ResultSetMetaData md = rs.getMetaData();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                String name = md.getColumnName(i).toLowerCase(Locale.ROOT);
                boolean required = md.isNullable(i) == ResultSetMetaData.columnNoNulls;
                columns.put(
                        name,
                        new Column(
                                name,
                                md.getColumnType(i),
                                md.getPrecision(i),
                                md.getScale(i),
                                required,
                                refs.get(name)));
            }
        }
    }

    DomainTable table() {
        return table;
    }

    Optional<Column> column(String name) {
        return Optional.ofNullable(columns.get(name.toLowerCase(Locale.ROOT)));
    }

    /** Every column, in table order. */
    java.util.List<Column> all() {
        return java.util.List.copyOf(columns.values());
    }

    /** Columns the user's data must fill (the id and the source key are the importer's). */
    java.util.List<Column> requiredData() {
        return columns.values().stream()
                .filter(Column::required)
                .filter(c -> !c.name().equals("id")
                        && !c.name().equals("source")
                        && !c.name().equals("external_ref"))
                .toList();
    }
}
