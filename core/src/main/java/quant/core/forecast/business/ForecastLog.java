package quant.core.forecast.business;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import quant.core.store.Store;
import quant.core.store.StoreException;

/**
 * The saved forecasts in the store (tables {@code forecast_run} and {@code forecast_point}): saving
 * is one transaction per call, so a batch is kept whole or not at all.
 */
public final class ForecastLog {
    private ForecastLog() {}

    /**
     * Saves the forecasts and returns their ids, in order.
     *
     * @throws StoreException when the database refuses (nothing is saved)
     */
    public static List<Long> save(Store store, List<SavedForecast> forecasts) {
        return store.inTransaction(c -> {
            List<Long> ids = new ArrayList<>();
            try (PreparedStatement run = c.prepareStatement(
                            "INSERT INTO forecast_run (saved_at, subject, label, method, model, as_of, note)"
                                    + " VALUES (?, ?, ?, ?, ?, ?, ?)",
                            Statement.RETURN_GENERATED_KEYS);
                    PreparedStatement point = c.prepareStatement("INSERT INTO forecast_point (run_id, period_start,"
                            + " mean, lower80, upper80, lower95, upper95) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                for (SavedForecast f : forecasts) {
                    run.setObject(1, OffsetDateTime.ofInstant(f.savedAt(), ZoneOffset.UTC));
                    run.setString(2, f.subject());
                    run.setString(3, f.label());
                    run.setString(4, f.method());
                    run.setString(5, f.model().length() > 200 ? f.model().substring(0, 200) : f.model());
                    run.setObject(6, f.asOf());
                    run.setString(7, f.note());
                    run.executeUpdate();
                    long id;
                    try (ResultSet keys = run.getGeneratedKeys()) {
                        keys.next();
                        id = keys.getLong(1);
                    }
                    for (SavedForecast.Point p : f.points()) {
                        point.setLong(1, id);
                        point.setObject(2, p.month());
                        point.setDouble(3, p.mean());
                        point.setDouble(4, p.lower80());
                        point.setDouble(5, p.upper80());
                        point.setDouble(6, p.lower95());
                        point.setDouble(7, p.upper95());
                        point.addBatch();
                    }
                    point.executeBatch();
                    ids.add(id);
                }
            }
            return ids;
        });
    }

    /** Every saved forecast, newest first. */
    public static List<SavedForecast> list(Store store) {
        Map<Long, Object[]> runs = new LinkedHashMap<>();
        Map<Long, List<SavedForecast.Point>> points = new LinkedHashMap<>();
        try (Connection c = store.readConnection();
                Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT id, saved_at, subject, label, method, model, as_of, note"
                    + " FROM forecast_run ORDER BY saved_at DESC, id DESC")) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    runs.put(id, new Object[] {
                        rs.getObject(2, OffsetDateTime.class).toInstant(),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getObject(7, LocalDate.class),
                        rs.getString(8)
                    });
                    points.put(id, new ArrayList<>());
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT run_id, period_start, mean, lower80, upper80, lower95,"
                    + " upper95 FROM forecast_point ORDER BY run_id, period_start")) {
                while (rs.next()) {
                    List<SavedForecast.Point> list = points.get(rs.getLong(1));
                    if (list != null) {
                        list.add(new SavedForecast.Point(
                                rs.getObject(2, LocalDate.class),
                                rs.getDouble(3),
                                rs.getDouble(4),
                                rs.getDouble(5),
                                rs.getDouble(6),
                                rs.getDouble(7)));
                    }
                }
            }
        } catch (SQLException e) {
            throw new StoreException(
                    StoreException.Kind.IO, "Could not read the saved forecasts: " + e.getMessage(), e);
        }
        List<SavedForecast> out = new ArrayList<>();
        runs.forEach((id, r) -> out.add(new SavedForecast(
                id,
                (java.time.Instant) r[0],
                (String) r[1],
                (String) r[2],
                (String) r[3],
                (String) r[4],
                (LocalDate) r[5],
                (String) r[6],
                points.get(id))));
        return out;
    }

    /** Deletes a saved forecast; false when there is none with this id. */
    public static boolean delete(Store store, long id) {
        return store.inTransaction(c -> {
            try (PreparedStatement st = c.prepareStatement("DELETE FROM forecast_run WHERE id = ?")) {
                st.setLong(1, id);
                return st.executeUpdate() == 1;
            }
        });
    }
}
