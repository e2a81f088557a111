package quant.core.runs;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import quant.core.store.RunOutcome;
import quant.core.store.Store;
import quant.core.store.StoreException;

/**
 * Undoes an import run as a whole: deletes the rows it inserted and puts back the previous values
 * of the rows it updated. Refused, with the reason, when a later run changed the same rows, when
 * other rows now refer to rows it inserted, or when it was undone already.
 *
 * <p>Crash-safe like the import itself ({@link RunJournal}): the run is marked as being undone in a
 * transaction of its own, the rows change in a second one, and the mark is cleared in a third; a
 * crash anywhere in between makes the next open of the database finish the undo (it is rebuilt
 * without the run's rows and with their previous values).
 */
public final class RunUndo {
    private RunUndo() {}

    /** What an undo did. */
    public record Result(long runId, long deleted, long restored) {}

    /**
     * Undoes run {@code runId}.
     *
     * @throws StoreException {@link StoreException.Kind#NOT_FOUND} for a run that does not exist,
     *     {@link StoreException.Kind#REJECTED} for one that cannot be undone (with the reason)
     */
    public static Result undo(Store store, long runId) {
        if (store.engine() != Store.Engine.H2) {
            // a server commits the rewind and its record together: nothing to mark as pending
            return store.exclusively(() -> store.inTransaction(c -> {
                checkUndoable(c, runId);
                Result result = rewind(c, runId);
                markUndone(c, runId, result.deleted() + result.restored() > 0);
                return result;
            }));
        }
        return store.exclusively(() -> {
            store.inTransaction(c -> {
                checkUndoable(c, runId);
                setPending(c, runId, true);
                return null;
            });
            Result result;
            try {
                result = rewind(store, runId);
            } catch (StoreException e) {
                store.inTransaction(c -> {
                    setPending(c, runId, false);
                    return null;
                });
                throw e;
            }
            markUndone(store, runId, result.deleted() + result.restored() > 0);
            return result;
        });
    }

    private static Result rewind(Store store, long runId) {
        return store.inTransaction(c -> rewind(c, runId));
    }

    private static Result rewind(Connection c, long runId) throws SQLException {
        long restored = Rewind.restoreUpdates(c, runId);
        long deleted;
        try {
            deleted = Rewind.deleteInserted(c, runId);
        } catch (SQLException e) {
            if ("23503".equals(e.getSQLState())) {
                throw new StoreException(
                        StoreException.Kind.REJECTED,
                        "Import run " + runId + " cannot be undone: other rows now refer to rows it added."
                                + " Undo the imports of those rows first.",
                        e);
            }
            throw e;
        }
        return new Result(runId, deleted, restored);
    }

    private static void markUndone(Store store, long runId, boolean changed) {
        store.inTransaction(c -> {
            markUndone(c, runId, changed);
            return null;
        });
    }

    private static void markUndone(Connection c, long runId, boolean changed) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(
                "UPDATE import_run SET undone_at = COALESCE(undone_at, ?), undo_pending = FALSE WHERE id = ?")) {
            st.setObject(1, OffsetDateTime.now());
            st.setLong(2, runId);
            st.executeUpdate();
        }
        if (changed) {
            Store.bumpDataVersion(c);
        }
    }

    private static void setPending(Connection c, long runId, boolean pending) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("UPDATE import_run SET undo_pending = ? WHERE id = ?")) {
            st.setBoolean(1, pending);
            st.setLong(2, runId);
            st.executeUpdate();
        }
    }

    private static void checkUndoable(Connection c, long runId) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT outcome, undone_at FROM import_run WHERE id = ?")) {
            st.setLong(1, runId);
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    throw new StoreException(
                            StoreException.Kind.NOT_FOUND,
                            "There is no import run " + runId + "; 'quant imports' lists the runs.");
                }
                if (rs.getObject(2) != null) {
                    throw refused("Import run " + runId + " was undone already.");
                }
                RunOutcome outcome = RunOutcome.of(rs.getString(1));
                if (!outcome.wroteRows()) {
                    throw refused(
                            "Import run " + runId + " wrote nothing (" + outcome + "), so there is nothing to undo.");
                }
            }
        }
        String later = "SELECT MIN(b.run_id), COUNT(*) FROM import_change b JOIN import_run r ON r.id = b.run_id"
                + " WHERE b.run_id > ? AND r.undone_at IS NULL AND b.action = 'update' AND ("
                + " EXISTS (SELECT 1 FROM import_change a WHERE a.run_id = ? AND a.table_name = b.table_name"
                + " AND a.row_id = b.row_id)"
                + " OR EXISTS (SELECT 1 FROM import_range g WHERE g.run_id = ? AND g.table_name = b.table_name"
                + " AND b.row_id BETWEEN g.first_id AND g.last_id))";
        try (PreparedStatement st = c.prepareStatement(later)) {
            st.setLong(1, runId);
            st.setLong(2, runId);
            st.setLong(3, runId);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                if (rs.getLong(2) > 0) {
                    long blocking = rs.getLong(1);
                    throw refused("Import run " + runId + " cannot be undone: import run " + blocking
                            + describe(c, blocking) + " changed " + rs.getLong(2)
                            + " of the same rows later. Undo that one first.");
                }
            }
        }
    }

    /** " (FILE into TABLE on DATE)" (or the connector and its object) for a run, or an empty string when it cannot be read. */
    private static String describe(Connection c, long run) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(
                "SELECT COALESCE(file_name, connector || ' ' || object_name), target_table, started_at"
                        + " FROM import_run WHERE id = ?")) {
            st.setLong(1, run);
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    return "";
                }
                String when = rs.getString(3);
                return " (" + rs.getString(1) + " into " + rs.getString(2)
                        + (when == null ? "" : " on " + when.substring(0, Math.min(16, when.length()))) + ")";
            }
        }
    }

    private static StoreException refused(String message) {
        return new StoreException(StoreException.Kind.REJECTED, message);
    }
}
