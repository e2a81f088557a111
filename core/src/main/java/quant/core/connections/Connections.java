package quant.core.connections;

import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import quant.core.store.RunOutcome;
import quant.core.store.Store;
import quant.core.store.StoreException;

/**
 * The API connections of a database ({@code api_connection}): which connector reaches which address for
 * this database, and the name its token is kept under in the credential store — never the token — plus
 * what each object's last sync did, from the import audit.
 */
public final class Connections {
    private Connections() {}

    /** One connection. */
    public record ApiConnection(
            String connector,
            URI baseUrl,
            String clientId,
            String account,
            OffsetDateTime connectedAt,
            Integer syncEveryHours,
            String secretRef) {
        /** The credential-store key of a new connection: unique to it, so two databases never share a token. */
        public static String newSecretRef(String connector) {
            return "quant:" + connector + ":" + UUID.randomUUID();
        }
    }

    /** The last sync of one object. */
    public record LastSync(
            String object,
            OffsetDateTime at,
            RunOutcome outcome,
            long read,
            long inserted,
            long updated,
            long unchanged,
            String watermark,
            boolean undone) {}

    public static List<ApiConnection> all(Store store) {
        return query(store, "", null);
    }

    public static Optional<ApiConnection> find(Store store, String connector) {
        return query(store, " WHERE connector = ?", connector).stream().findFirst();
    }

    private static List<ApiConnection> query(Store store, String where, String connector) {
        String sql = "SELECT connector, base_url, client_id, account, connected_at, sync_every_hours, secret_ref"
                + " FROM api_connection" + where + " ORDER BY connector";
        try (Connection c = store.readConnection();
                PreparedStatement st = c.prepareStatement(sql)) {
            if (connector != null) {
                st.setString(1, connector);
            }
            List<ApiConnection> out = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(new ApiConnection(
                            rs.getString(1),
                            URI.create(rs.getString(2)),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getObject(5, OffsetDateTime.class),
                            rs.getObject(6, Integer.class),
                            rs.getString(7)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException(StoreException.Kind.IO, "Could not read the connections: " + e.getMessage(), e);
        }
    }

    /** Saves a connection, replacing the connector's previous one. */
    public static void save(Store store, ApiConnection a) {
        store.checkWritable();
        store.inTransaction(c -> {
            try (PreparedStatement del = c.prepareStatement("DELETE FROM api_connection WHERE connector = ?")) {
                del.setString(1, a.connector());
                del.executeUpdate();
            }
            try (PreparedStatement st = c.prepareStatement("INSERT INTO api_connection (connector, base_url, client_id,"
                    + " account, connected_at, sync_every_hours, secret_ref) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                st.setString(1, a.connector());
                st.setString(2, a.baseUrl().toString());
                st.setString(3, a.clientId());
                st.setString(4, a.account());
                st.setObject(5, a.connectedAt());
                st.setObject(6, a.syncEveryHours());
                st.setString(7, a.secretRef());
                st.executeUpdate();
            }
            return null;
        });
    }

    /** Sets how often a connection syncs while the workbench is open (null: only when asked). */
    public static void setSchedule(Store store, String connector, Integer everyHours) {
        if (everyHours != null && (everyHours < 1 || everyHours > 168)) {
            throw new IllegalArgumentException("A sync every " + everyHours + " hours: 1 to 168 hours.");
        }
        store.checkWritable();
        store.inTransaction(c -> {
            try (PreparedStatement st =
                    c.prepareStatement("UPDATE api_connection SET sync_every_hours = ? WHERE connector = ?")) {
                st.setObject(1, everyHours);
                st.setString(2, connector);
                return st.executeUpdate();
            }
        });
    }

    /**
     * When the connection last synced successfully (its newest run that committed), or null when it never
     * has.
     */
    public static OffsetDateTime lastSynced(Store store, String connector) {
        OffsetDateTime last = null;
        for (LastSync s : lastSyncs(store, connector)) {
            if (s.outcome().wroteRows() && (last == null || s.at().isAfter(last))) {
                last = s.at();
            }
        }
        return last;
    }

    /** Forgets a connection (its data and import history stay); false when there was none. */
    public static boolean delete(Store store, String connector) {
        store.checkWritable();
        return store.inTransaction(c -> {
            try (PreparedStatement del = c.prepareStatement("DELETE FROM api_connection WHERE connector = ?")) {
                del.setString(1, connector);
                return del.executeUpdate() > 0;
            }
        });
    }

    /** Each object's newest sync run of a connector, in the order the objects were last synced. */
    public static List<LastSync> lastSyncs(Store store, String connector) {
        String sql = "SELECT r.object_name, r.started_at, r.outcome, r.rows_read, r.rows_inserted, r.rows_updated,"
                + " r.rows_rejected, r.watermark, r.undone_at FROM import_run r WHERE r.connector = ? AND r.id ="
                + " (SELECT MAX(id) FROM import_run x WHERE x.connector = r.connector AND x.object_name = r.object_name)"
                + " ORDER BY r.id";
        try (Connection c = store.readConnection();
                PreparedStatement st = c.prepareStatement(sql)) {
            st.setString(1, connector);
            List<LastSync> out = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    long read = rs.getLong(4);
                    long inserted = rs.getLong(5);
                    long updated = rs.getLong(6);
                    long rejected = rs.getLong(7);
                    RunOutcome outcome = RunOutcome.of(rs.getString(3));
                    out.add(new LastSync(
                            rs.getString(1),
                            rs.getObject(2, OffsetDateTime.class),
                            outcome,
                            read,
                            inserted,
                            updated,
                            outcome.wroteRows() ? Math.max(0, read - inserted - updated - rejected) : 0,
                            rs.getString(8),
                            rs.getObject(9) != null));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException(
                    StoreException.Kind.IO, "Could not read the syncs of " + connector + ": " + e.getMessage(), e);
        }
    }
}
