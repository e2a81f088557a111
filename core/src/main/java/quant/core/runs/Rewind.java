package quant.core.runs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import quant.core.store.DomainTable;
import quant.core.store.StoredValues;

/**
 * Takes back what runs wrote, from their journal: the previous values of the rows they updated, and
 * the rows they inserted (recorded id ranges, or the one-row entries of older versions).
 */
final class Rewind {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, String>> PREVIOUS = new TypeReference<>() {};

    private Rewind() {}

    /** Puts back the previous values of every row the run updated, latest change first. */
    static long restoreUpdates(Connection c, long runId) throws SQLException {
        long n = 0;
        Map<String, Map<String, Integer>> types = new HashMap<>();
        try (PreparedStatement st = c.prepareStatement("SELECT table_name, row_id, previous FROM import_change"
                + " WHERE run_id = ? AND action = 'update' ORDER BY id DESC")) {
            st.setLong(1, runId);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    DomainTable table = table(rs.getString(1));
                    Map<String, String> previous;
                    try {
                        previous = JSON.readValue(rs.getString(3), PREVIOUS);
                    } catch (JsonProcessingException e) {
                        throw new SQLException("The undo journal of import run " + runId + " is damaged.", e);
                    }
                    Map<String, Integer> columnTypes = types.get(table.sqlName());
                    if (columnTypes == null) {
                        columnTypes = columnTypes(c, table);
                        types.put(table.sqlName(), columnTypes);
                    }
                    restore(c, table, columnTypes, rs.getLong(2), previous);
                    n++;
                }
            }
        }
        return n;
    }

    private static void restore(
            Connection c, DomainTable table, Map<String, Integer> types, long rowId, Map<String, String> previous)
            throws SQLException {
        List<String> columns = new ArrayList<>(previous.keySet());
        StringBuilder sets = new StringBuilder();
        for (String col : columns) {
            if (!types.containsKey(col)) {
                throw new SQLException(
                        "The undo journal names a column " + col + " that " + table.sqlName() + " does not have.");
            }
            sets.append(sets.isEmpty() ? "" : ", ").append(col).append(" = ?");
        }
        try (PreparedStatement st =
                c.prepareStatement("UPDATE " + table.sqlName() + " SET " + sets + " WHERE id = ?")) {
            int i = 1;
            for (String col : columns) {
                int type = types.get(col);
                Object v = StoredValues.fromText(previous.get(col), type);
                if (v == null) {
                    st.setNull(i++, type);
                } else {
                    st.setObject(i++, v);
                }
            }
            st.setLong(i, rowId);
            st.executeUpdate();
        }
    }

    private static Map<String, Integer> columnTypes(Connection c, DomainTable table) throws SQLException {
        Map<String, Integer> types = new HashMap<>();
        try (PreparedStatement st = c.prepareStatement("SELECT * FROM " + table.sqlName() + " WHERE 1 = 0");
                ResultSet rs = st.executeQuery()) {
            ResultSetMetaData md = rs.getMetaData();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                types.put(md.getColumnName(i).toLowerCase(Locale.ROOT), md.getColumnType(i));
            }
        }
        return types;
    }

    /** Deletes the rows a finished run inserted: its id ranges and its one-row entries. */
    static long deleteInserted(Connection c, long runId) throws SQLException {
        long n = 0;
        try (PreparedStatement st = c.prepareStatement(
                "SELECT table_name, first_id, last_id FROM import_range WHERE run_id = ? ORDER BY id DESC")) {
            st.setLong(1, runId);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    n += deleteRange(c, table(rs.getString(1)), rs.getLong(2), rs.getLong(3));
                }
            }
        }
        // runs recorded by versions before the id ranges: one journal row per inserted row
        List<String[]> legacy = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement("SELECT table_name, row_id FROM import_change"
                + " WHERE run_id = ? AND action = 'insert' ORDER BY row_id DESC")) {
            st.setLong(1, runId);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    legacy.add(new String[] {rs.getString(1), Long.toString(rs.getLong(2))});
                }
            }
        }
        for (String[] row : legacy) {
            try (PreparedStatement del =
                    c.prepareStatement("DELETE FROM " + table(row[0]).sqlName() + " WHERE id = ?")) {
                del.setLong(1, Long.parseLong(row[1]));
                n += del.executeUpdate();
            }
        }
        return n;
    }

    /**
     * Deletes the rows with ids from {@code first} to {@code last}. References between rows of the
     * same table (a callback job points to the job it follows up) are cleared first, because the
     * database checks each deleted row at once and a row may go before the row that points to it.
     */
    private static long deleteRange(Connection c, DomainTable table, long first, long last) throws SQLException {
        for (DomainTable.Reference ref : table.references()) {
            if (ref.target() == table) {
                try (PreparedStatement st = c.prepareStatement("UPDATE " + table.sqlName() + " SET " + ref.column()
                        + " = NULL WHERE id BETWEEN ? AND ? AND " + ref.column() + " IS NOT NULL")) {
                    st.setLong(1, first);
                    st.setLong(2, last);
                    st.executeUpdate();
                }
            }
        }
        try (PreparedStatement del =
                c.prepareStatement("DELETE FROM " + table.sqlName() + " WHERE id BETWEEN ? AND ?")) {
            del.setLong(1, first);
            del.setLong(2, last);
            return del.executeUpdate();
        }
    }

    private static DomainTable table(String name) throws SQLException {
        return DomainTable.byName(name)
                .orElseThrow(() -> new SQLException("The undo journal names an unknown table " + name + "."));
    }
}
