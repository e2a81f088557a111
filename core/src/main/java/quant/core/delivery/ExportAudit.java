package quant.core.delivery;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import quant.core.store.Store;
import quant.core.store.StoreException;

/**
 * Every export and delivery, recorded: what left the workbench, when, how and where to — a file written
 * from the window or the command line, a pack put in a folder or sent by e-mail by a schedule
 * ({@code export_audit}). Recording is not a change of the data: the data version stays, so no
 * analysis is computed again for it.
 */
public final class ExportAudit {
    private ExportAudit() {}

    /** How it left. */
    public enum Channel {
        FILE,
        FOLDER,
        EMAIL;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Who sent it. */
    public enum Origin {
        WINDOW,
        COMMAND,
        SCHEDULE;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** One recorded export. */
    public record Entry(long id, Instant at, String what, Channel channel, String destination, Origin origin) {}

    /** Records one export. */
    public static void record(Store store, String what, Channel channel, String destination, Origin origin) {
        store.inTransaction(c -> {
            insert(c, what, channel, destination, origin);
            return null;
        });
    }

    /** Records one export in the caller's transaction. */
    public static void insert(Connection c, String what, Channel channel, String destination, Origin origin)
            throws SQLException {
        try (PreparedStatement st = c.prepareStatement(
                "INSERT INTO export_audit (recorded_at, what, channel, destination, origin) VALUES (?, ?, ?, ?, ?)")) {
            st.setTimestamp(1, Timestamp.from(Instant.now()));
            st.setString(2, cut(what, 500));
            st.setString(3, channel.key());
            st.setString(4, cut(destination, 2000));
            st.setString(5, origin.key());
            st.executeUpdate();
        }
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    /** The latest entries, newest first. */
    public static List<Entry> list(Store store, int limit) {
        List<Entry> out = new ArrayList<>();
        try (Connection c = store.readConnection();
                PreparedStatement st =
                        c.prepareStatement("SELECT id, recorded_at, what, channel, destination, origin FROM"
                                + " export_audit ORDER BY recorded_at DESC, id DESC LIMIT ?")) {
            st.setInt(1, limit);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(new Entry(
                            rs.getLong(1),
                            rs.getTimestamp(2).toInstant(),
                            rs.getString(3),
                            Channel.valueOf(rs.getString(4).toUpperCase(Locale.ROOT)),
                            rs.getString(5),
                            Origin.valueOf(rs.getString(6).toUpperCase(Locale.ROOT))));
                }
            }
        } catch (SQLException e) {
            throw new StoreException(StoreException.Kind.IO, "Could not read the export history: " + e.getMessage(), e);
        }
        return out;
    }
}
