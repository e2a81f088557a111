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

    /** One import run as recorded. */
    public record Run(
            long id,
            String fileName,
            long fileSize,
            String sha256,
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
        /** Whether undo may be tried (it can still be refused when later runs touched the same rows). */
        public boolean undoable() {
            return undoneAt == null && (outcome == RunOutcome.IMPORTED || outcome == RunOutcome.IMPORTED_WITH_REJECTS);
        }
    }

    public static List<Run> runs(Store store, int limit) {
        String sql =
                "SELECT id, file_name, file_size, sha256, target_table, source, rows_read, rows_inserted, rows_updated,"
                        + " rows_rejected, started_at, duration_ms, outcome, run_by, undone_at FROM import_run ORDER BY id DESC LIMIT ?";
        try (Connection c = store.readConnection();
                PreparedStatement st = c.prepareStatement(sql)) {
            st.setInt(1, limit);
            List<Run> runs = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    runs.add(new Run(
                            rs.getLong(1),
                            rs.getString(2),
                            rs.getLong(3),
                            rs.getString(4),
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
}
