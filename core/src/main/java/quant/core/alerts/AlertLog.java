package quant.core.alerts;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import quant.core.analysis.InvalidSpecException;
import quant.core.kpi.Alert;
import quant.core.store.Store;
import quant.core.store.StoreException;

/**
 * The alerts kept in the database ({@code kpi_alert}): the rules' alerts are merged in — new ones
 * inserted, ones the rules found resolved marked so — in one transaction; acknowledgements and notes
 * are the user's and are never overwritten. An alert is known by its rule, subject, level and day.
 */
public final class AlertLog {
    private AlertLog() {}

    /** What a merge did: every stored alert afterwards, and the open ones it added. */
    public record Merge(List<Alert> alerts, List<Alert> raised) {}

    /** Every stored alert, newest first. */
    public static List<Alert> list(Store store) {
        try (Connection c = store.readConnection()) {
            return read(c);
        } catch (SQLException e) {
            throw new StoreException(StoreException.Kind.IO, "Could not read the alerts: " + e.getMessage(), e);
        }
    }

    /**
     * Merges the rules' alerts into the store. On a database open read-only nothing is written: the
     * stored alerts are returned with the rules' new ones beside them, unstored (id 0).
     */
    public static Merge merge(Store store, List<Alert> computed) {
        if (store.readOnlyReason() != null) {
            List<Alert> stored = list(store);
            Map<String, Alert> byKey = new HashMap<>();
            stored.forEach(a -> byKey.put(key(a), a));
            List<Alert> all = new ArrayList<>(stored);
            List<Alert> raised = new ArrayList<>();
            for (Alert a : computed) {
                if (!byKey.containsKey(key(a))) {
                    all.add(a);
                    if (a.isOpen()) {
                        raised.add(a);
                    }
                }
            }
            all.sort(NEWEST_FIRST);
            return new Merge(all, raised);
        }
        return store.inTransaction(c -> {
            Map<String, Alert> byKey = new HashMap<>();
            read(c).forEach(a -> byKey.put(key(a), a));
            List<Alert> raised = new ArrayList<>();
            Timestamp now = Timestamp.from(Instant.now());
            for (Alert a : computed) {
                Alert stored = byKey.get(key(a));
                if (stored == null) {
                    insert(c, a, now);
                    if (a.isOpen()) {
                        raised.add(a);
                    }
                } else if (!a.isOpen() && stored.isOpen()) {
                    try (PreparedStatement st = c.prepareStatement(
                            "UPDATE kpi_alert SET state = 'resolved', resolved_on = ? WHERE id = ?")) {
                        st.setDate(1, Date.valueOf(a.resolvedOn()));
                        st.setLong(2, stored.id());
                        st.executeUpdate();
                    }
                }
            }
            List<Alert> all = read(c);
            Map<String, Alert> fresh = new HashMap<>();
            all.forEach(a -> fresh.put(key(a), a));
            return new Merge(all, raised.stream().map(a -> fresh.get(key(a))).toList());
        });
    }

    /**
     * Acknowledges an open alert with a note.
     *
     * @throws InvalidSpecException when there is no such alert, it is resolved, or the note is empty or too long
     */
    public static Alert acknowledge(Store store, long id, String note) {
        String text = note == null ? "" : note.strip();
        if (text.isEmpty()) {
            throw new InvalidSpecException("Say in a note what is being done about the alert.");
        }
        if (text.length() > 1000) {
            throw new InvalidSpecException(
                    "A note on an alert has at most 1,000 characters, not " + text.length() + ".");
        }
        return store.inTransaction(c -> {
            Alert a = read(c).stream()
                    .filter(x -> x.id() == id)
                    .findFirst()
                    .orElseThrow(() -> new InvalidSpecException("There is no alert " + id + "."));
            if (!a.isOpen()) {
                throw new InvalidSpecException(
                        "Alert " + id + " was resolved on " + a.resolvedOn() + "; there is nothing to acknowledge.");
            }
            try (PreparedStatement st = c.prepareStatement(
                    "UPDATE kpi_alert SET state = 'acknowledged', ack_note = ?, acknowledged_at = ? WHERE id = ?")) {
                st.setString(1, text);
                st.setTimestamp(2, Timestamp.from(Instant.now()));
                st.setLong(3, id);
                st.executeUpdate();
            }
            return a.with(id, "acknowledged", null, text);
        });
    }

    static final java.util.Comparator<Alert> NEWEST_FIRST = java.util.Comparator.comparing(Alert::raisedAt)
            .reversed()
            .thenComparing(Alert::id, java.util.Comparator.reverseOrder());

    static String key(Alert a) {
        return a.rule() + "\u0000" + a.kpi() + "\u0000" + a.level() + "\u0000" + a.raisedAt();
    }

    private static void insert(Connection c, Alert a, Timestamp now) throws SQLException {
        try (PreparedStatement st =
                c.prepareStatement("INSERT INTO kpi_alert (alert_rule, subject, alert_level, period_label,"
                        + " observed_on, observed_value, threshold, message, view_id, state, resolved_on, recorded_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            st.setString(1, a.rule());
            st.setString(2, a.kpi());
            st.setString(3, a.level());
            st.setString(4, a.period());
            st.setDate(5, Date.valueOf(a.raisedAt()));
            setDouble(st, 6, a.value());
            setDouble(st, 7, a.threshold());
            st.setString(8, a.message());
            st.setString(9, a.view());
            st.setString(10, a.isOpen() ? "raised" : "resolved");
            if (a.resolvedOn() == null) {
                st.setNull(11, Types.DATE);
            } else {
                st.setDate(11, Date.valueOf(a.resolvedOn()));
            }
            st.setTimestamp(12, now);
            st.executeUpdate();
        }
    }

    private static void setDouble(PreparedStatement st, int i, Double v) throws SQLException {
        if (v == null || !Double.isFinite(v)) {
            st.setNull(i, Types.DOUBLE);
        } else {
            st.setDouble(i, v);
        }
    }

    private static List<Alert> read(Connection c) throws SQLException {
        List<Alert> out = new ArrayList<>();
        try (PreparedStatement st =
                        c.prepareStatement("SELECT id, alert_rule, subject, alert_level, period_label, observed_on,"
                                + " observed_value, threshold, message, view_id, state, resolved_on, ack_note FROM kpi_alert"
                                + " ORDER BY observed_on DESC, id DESC");
                ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                double v = rs.getDouble(7);
                Double value = rs.wasNull() ? null : v;
                double t = rs.getDouble(8);
                Double threshold = rs.wasNull() ? null : t;
                Date resolved = rs.getDate(12);
                out.add(new Alert(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getDate(6).toLocalDate(),
                        value,
                        threshold,
                        rs.getString(9),
                        rs.getString(10),
                        rs.getString(11),
                        resolved == null ? null : resolved.toLocalDate(),
                        rs.getString(13)));
            }
        }
        return out;
    }

    /** The open alerts among {@code alerts}. */
    public static List<Alert> open(List<Alert> alerts) {
        return alerts.stream().filter(Alert::isOpen).toList();
    }
}
