package quant.core.runs;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import quant.core.store.RunOutcome;
import quant.core.store.Store;
import quant.core.store.StoreException;

/** The import audit, newest first: what the history view and {@code quant imports} show. */
public final class RunHistory {
    private RunHistory() {}

    /**
     * One import run as recorded: from a file (name, size, hash) or from a connector's object (with the
     * watermark its sync reached).
     */
    public record Run(
            long id,
            String fileName,
            Long fileSize,
            String sha256,
            String connector,
            String object,
            String watermark,
            String table,
            String source,
            long read,
            long inserted,
            long updated,
            long rejected,
            OffsetDateTime startedAt,
            long durationMs,
            RunOutcome outcome,
            String runBy,
            OffsetDateTime undoneAt) {
        /** Where the rows came from, for people: the file's name, or the connector and the object. */
        public String origin() {
            return fileName != null ? fileName : connector + " " + object;
        }

        /** Whether undo may be tried (it can still be refused when later runs touched the same rows). */
        public boolean undoable() {
            return undoneAt == null && (outcome == RunOutcome.IMPORTED || outcome == RunOutcome.IMPORTED_WITH_REJECTS);
        }
    }

    public static List<Run> runs(Store store, int limit) {
        String sql =
                "SELECT id, file_name, file_size, sha256, target_table, source, rows_read, rows_inserted, rows_updated,"
                        + " rows_rejected, started_at, duration_ms, outcome, run_by, undone_at, connector, object_name,"
                        + " watermark FROM import_run ORDER BY id DESC LIMIT ?";
        try (Connection c = store.readConnection();
                PreparedStatement st = c.prepareStatement(sql)) {
            st.setInt(1, limit);
            List<Run> runs = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    runs.add(new Run(
                            rs.getLong(1),
                            rs.getString(2),
                            rs.getObject(3, Long.class),
                            rs.getString(4),
                            rs.getString(16),
                            rs.getString(17),
                            rs.getString(18),
                            rs.getString(5),
                            rs.getString(6),
                            rs.getLong(7),
                            rs.getLong(8),
                            rs.getLong(9),
                            rs.getLong(10),
                            rs.getObject(11, OffsetDateTime.class),
                            rs.getLong(12),
                            RunOutcome.of(rs.getString(13)),
                            rs.getString(14),
                            rs.getObject(15, OffsetDateTime.class)));
                }
            }
            return runs;
        } catch (SQLException e) {
            throw new StoreException(StoreException.Kind.IO, "Could not read the import history: " + e.getMessage(), e);
        }
    }

    /**
     * The watermark from which the next sync of a connector's object resumes: that of the newest run of
     * it whose rows were committed and not undone, or null when there is none (a full sync).
     */
    public static String watermark(Store store, String connector, String object) {
        String sql = "SELECT watermark FROM import_run WHERE connector = ? AND object_name = ? AND undone_at IS NULL"
                + " AND watermark IS NOT NULL AND outcome IN (?, ?, ?) ORDER BY id DESC LIMIT 1";
        try (Connection c = store.readConnection();
                PreparedStatement st = c.prepareStatement(sql)) {
            st.setString(1, connector);
            st.setString(2, object);
            st.setString(3, RunOutcome.IMPORTED.code());
            st.setString(4, RunOutcome.IMPORTED_WITH_REJECTS.code());
            st.setString(5, RunOutcome.UNCHANGED.code());
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new StoreException(
                    StoreException.Kind.IO,
                    "Could not read where the last sync of " + connector + " ended: " + e.getMessage(),
                    e);
        }
    }
}
