package quant.importers.engine;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.h2.api.ErrorCode;
import quant.core.store.DomainTable;
import quant.core.store.Store;
import quant.core.store.StoreException;

/**
 * Undoes an import run as a whole: deletes the rows it inserted and puts back the previous values
 * of the rows it updated, in one transaction. Refused, with the reason, when a later run changed
 * the same rows, when other rows now refer to rows it inserted, or when it was undone already.
 */
public final class ImportUndo {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ImportUndo() {}

    /** What an undo did. */
    public record Result(long runId, long deleted, long restored) {}

    public static Result undo(Store store, long runId) {
        return store.inTransaction(c -> {
            checkUndoable(c, runId);
            String tableName = tableOf(c, runId);
            DomainTable table = DomainTable.byName(tableName).orElseThrow();
            TargetTable target = new TargetTable(c, table);
            long restored = restoreUpdates(c, runId, target);
            long deleted = deleteInserts(c, runId, table);
            try (PreparedStatement st = c.prepareStatement("UPDATE import_run SET undone_at = ? WHERE id = ?")) {
                st.setObject(1, OffsetDateTime.now());
                st.setLong(2, runId);
                st.executeUpdate();
            }
            if (deleted + restored > 0) {
                Store.bumpDataVersion(c);
            }
            return new Result(runId, deleted, restored);
        });
    }

    private static void checkUndoable(Connection c, long runId) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT outcome, undone_at FROM import_run WHERE id = ?")) {
            st.setLong(1, runId);
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    throw refused("There is no import run " + runId + ".");
                }
                if (rs.getObject(2) != null) {
                    throw refused("Import run " + runId + " was undone already.");
                }
                String outcome = rs.getString(1);
                if (!outcome.startsWith("imported") && !outcome.equals("unchanged")) {
                    throw refused(
                            "Import run " + runId + " wrote nothing (" + outcome + "), so there is nothing to undo.");
                }
            }
        }
        String later = "SELECT MIN(b.run_id), COUNT(*) FROM import_change a JOIN import_change b"
                + " ON a.table_name = b.table_name AND a.row_id = b.row_id AND b.run_id > a.run_id"
                + " JOIN import_run r ON r.id = b.run_id WHERE a.run_id = ? AND r.undone_at IS NULL";
        try (PreparedStatement st = c.prepareStatement(later)) {
            st.setLong(1, runId);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                if (rs.getLong(2) > 0) {
                    throw refused("Import run " + runId + " cannot be undone: import run " + rs.getLong(1) + " changed "
                            + rs.getLong(2) + " of the same rows later. Undo that one first.");
                }
            }
        }
    }

    private static String tableOf(Connection c, long runId) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT target_table FROM import_run WHERE id = ?")) {
            st.setLong(1, runId);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private static long restoreUpdates(Connection c, long runId, TargetTable target) throws SQLException {
        long n = 0;
        try (PreparedStatement st = c.prepareStatement(
                "SELECT row_id, previous FROM import_change WHERE run_id = ? AND action = 'update' ORDER BY id DESC")) {
            st.setLong(1, runId);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    Map<String, String> previous;
                    try {
                        previous = JSON.readValue(rs.getString(2), new TypeReference<Map<String, String>>() {});
                    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                        throw new SQLException("The undo log of run " + runId + " is damaged", e);
                    }
                    restore(c, target, rs.getLong(1), previous);
                    n++;
                }
            }
        }
        return n;
    }

    private static void restore(Connection c, TargetTable target, long rowId, Map<String, String> previous)
            throws SQLException {
        List<String> columns = new ArrayList<>(previous.keySet());
        StringBuilder sets = new StringBuilder();
        for (String col : columns) {
            target.column(col).orElseThrow(() -> new SQLException("Unknown column " + col + " in the undo log"));
            sets.append(sets.isEmpty() ? "" : ", ").append(col).append(" = ?");
        }
        try (PreparedStatement st =
                c.prepareStatement("UPDATE " + target.table().sqlName() + " SET " + sets + " WHERE id = ?")) {
            int i = 1;
            for (String col : columns) {
                int type = target.column(col).orElseThrow().sqlType();
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

    private static long deleteInserts(Connection c, long runId, DomainTable table) throws SQLException {
        List<Long> rows = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement(
                "SELECT row_id FROM import_change WHERE run_id = ? AND action = 'insert' ORDER BY row_id DESC")) {
            st.setLong(1, runId);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    rows.add(rs.getLong(1));
                }
            }
        }
        try (PreparedStatement del = c.prepareStatement("DELETE FROM " + table.sqlName() + " WHERE id = ?")) {
            for (int from = 0; from < rows.size(); from += BatchWriter.BATCH) {
                for (Long id : rows.subList(from, Math.min(rows.size(), from + BatchWriter.BATCH))) {
                    del.setLong(1, id);
                    del.addBatch();
                }
                del.executeBatch();
            }
        } catch (SQLException e) {
            if (e.getErrorCode() == ErrorCode.REFERENTIAL_INTEGRITY_VIOLATED_CHILD_EXISTS_1
                    || (e.getCause() instanceof SQLException s
                            && s.getErrorCode() == ErrorCode.REFERENTIAL_INTEGRITY_VIOLATED_CHILD_EXISTS_1)
                    || String.valueOf(e.getMessage()).contains("23503")) {
                throw refused("Import run " + runId + " cannot be undone: other rows now refer to the "
                        + table.label().toLowerCase(java.util.Locale.ROOT)
                        + " it added. Undo the imports of those rows first.");
            }
            throw e;
        }
        return rows.size();
    }

    private static StoreException refused(String message) {
        return new StoreException(StoreException.Kind.REJECTED, message);
    }
}
