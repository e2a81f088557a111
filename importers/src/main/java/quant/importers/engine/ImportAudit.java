package quant.importers.engine;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import quant.importers.mapping.MappingProfile;

/** Writes the import audit: one {@code import_run} row per run. */
final class ImportAudit {
    private ImportAudit() {}

    static long start(
            Connection c, Path file, long size, String sha256, MappingProfile profile, OffsetDateTime startedAt)
            throws SQLException {
        String sql =
                "INSERT INTO import_run (file_name, file_size, sha256, target_table, source, rows_read, rows_inserted,"
                        + " rows_updated, rows_rejected, started_at, duration_ms, outcome, run_by, profile)"
                        + " VALUES (?, ?, ?, ?, ?, 0, 0, 0, 0, ?, 0, 'running', ?, ?)";
        try (PreparedStatement st = c.prepareStatement(sql, new String[] {"ID"})) {
            st.setString(1, file.getFileName().toString());
            st.setLong(2, size);
            st.setString(3, sha256);
            st.setString(4, profile.targetTable().sqlName());
            st.setString(5, profile.source());
            st.setObject(6, startedAt);
            st.setString(7, System.getProperty("user.name", "unknown"));
            String description = profile.description();
            st.setString(
                    8,
                    description == null || description.length() <= 200
                            ? description
                            : description.substring(0, 197) + "...");
            st.executeUpdate();
            try (ResultSet keys = st.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    static void finish(Connection c, long runId, BatchWriter.Outcome o, String outcome, Duration took)
            throws SQLException {
        try (PreparedStatement st =
                c.prepareStatement("UPDATE import_run SET rows_read = ?, rows_inserted = ?, rows_updated = ?,"
                        + " rows_rejected = ?, duration_ms = ?, outcome = ? WHERE id = ?")) {
            st.setLong(1, o.read());
            st.setLong(2, o.inserted());
            st.setLong(3, o.updated());
            st.setLong(4, o.rejected());
            st.setLong(5, took.toMillis());
            st.setString(6, outcome);
            st.setLong(7, runId);
            st.executeUpdate();
        }
    }
}
