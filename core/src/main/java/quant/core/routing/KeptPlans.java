package quant.core.routing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import quant.core.store.Store;
import quant.core.store.StoreException;

/**
 * Route plans users keep (tables {@code route_plan}, {@code route_plan_route}, {@code route_plan_stop},
 * migration V8): save a day's plan in one transaction, list the plans kept for a day, read one back,
 * delete one.
 */
public final class KeptPlans {

    private KeptPlans() {}

    /** A kept plan's header. */
    public record Header(
            long id,
            LocalDate date,
            String label,
            OffsetDateTime savedAt,
            int planned,
            int leftOut,
            double travelMinutes,
            double distanceKm,
            double cost) {}

    /** A kept route with its stops. */
    public record Route(
            long technicianId,
            String technician,
            double depart,
            double back,
            double travelMinutes,
            double distanceKm,
            double cost,
            List<RoutePlan.Visit> stops) {}

    /** A kept plan: header, routes, and the jobs it left out with the reasons. */
    public record Kept(Header header, List<Route> routes, List<RoutePlan.Unassigned> leftOut) {}

    /**
     * Saves a plan under a label and returns its id. Nothing of the day's jobs is changed.
     *
     * @throws IllegalArgumentException when the label is empty or longer than 200 characters
     */
    public static long save(Store store, DayPlan d, String label, long seed) {
        String name = label == null ? "" : label.strip();
        if (name.isEmpty() || name.length() > 200) {
            throw new IllegalArgumentException("A kept plan needs a name of 1 to 200 characters.");
        }
        RoutePlan p = d.plan();
        List<RoutePlan.Unassigned> leftOut = new ArrayList<>(d.unplannable());
        leftOut.addAll(p.unassigned());
        return store.inTransaction(c -> {
            long id;
            try (PreparedStatement st = c.prepareStatement(
                    "INSERT INTO route_plan (plan_date, label, saved_at, seconds, seed, jobs_planned, jobs_left_out,"
                            + " travel_minutes, distance_km, cost, settings) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                st.setObject(1, d.date());
                st.setString(2, name);
                st.setObject(3, OffsetDateTime.now(ZoneOffset.UTC));
                st.setDouble(4, p.seconds());
                st.setLong(5, seed);
                st.setInt(6, p.totals().stops());
                st.setInt(7, leftOut.size());
                st.setDouble(8, p.totals().travelTime());
                st.setDouble(9, p.totals().distance());
                st.setBigDecimal(10, money(p.totals().cost()));
                st.setString(11, String.valueOf(d.settings()));
                st.executeUpdate();
                try (ResultSet keys = st.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
            }
            try (PreparedStatement route = c.prepareStatement(
                            "INSERT INTO route_plan_route (plan_id, technician_id, technician_name, depart_minute,"
                                    + " back_minute, travel_minutes, distance_km, work_minutes, idle_minutes, cost)"
                                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                            Statement.RETURN_GENERATED_KEYS);
                    PreparedStatement stop = c.prepareStatement(
                            "INSERT INTO route_plan_stop (plan_id, route_id, position, job_id, label, priority,"
                                    + " arrival_minute, start_minute, end_minute, travel_minutes, distance_km,"
                                    + " late_minutes, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (RoutePlan.Route r : p.routes()) {
                    if (!r.used()) {
                        continue;
                    }
                    route.setLong(1, id);
                    route.setLong(2, Long.parseLong(r.vehicleId()));
                    route.setString(3, r.label());
                    route.setDouble(4, r.depart());
                    route.setDouble(5, r.back());
                    route.setDouble(6, r.travelTime());
                    route.setDouble(7, r.distance());
                    route.setDouble(8, r.workTime());
                    route.setDouble(9, r.idleTime());
                    route.setBigDecimal(10, money(r.cost()));
                    route.executeUpdate();
                    long routeId;
                    try (ResultSet keys = route.getGeneratedKeys()) {
                        keys.next();
                        routeId = keys.getLong(1);
                    }
                    int position = 0;
                    for (RoutePlan.Visit v : r.stops()) {
                        stop.setLong(1, id);
                        stop.setLong(2, routeId);
                        stop.setInt(3, position++);
                        stop.setLong(4, Long.parseLong(v.stopId()));
                        stop.setString(5, v.label());
                        stop.setString(6, priorityOf(d, v.stopId()));
                        stop.setDouble(7, v.arrival());
                        stop.setDouble(8, v.start());
                        stop.setDouble(9, v.end());
                        stop.setDouble(10, v.travelTime());
                        stop.setDouble(11, v.distance());
                        stop.setDouble(12, v.late());
                        stop.setString(13, null);
                        stop.addBatch();
                    }
                }
                int position = 0;
                for (RoutePlan.Unassigned u : leftOut) {
                    stop.setLong(1, id);
                    stop.setObject(2, null);
                    stop.setInt(3, position++);
                    stop.setLong(4, Long.parseLong(u.stopId()));
                    stop.setString(5, u.label());
                    stop.setString(6, u.priority());
                    for (int col = 7; col <= 12; col++) {
                        stop.setObject(col, null);
                    }
                    stop.setString(13, u.reason());
                    stop.addBatch();
                }
                stop.executeBatch();
            }
            return id;
        });
    }

    private static String priorityOf(DayPlan d, String jobId) {
        for (WorkDay.Job j : d.day().jobs()) {
            if (String.valueOf(j.id()).equals(jobId)) {
                return j.priority();
            }
        }
        return "normal";
    }

    private static BigDecimal money(double v) {
        return BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_UP);
    }

    /** The plans kept for {@code date}, newest first. */
    public static List<Header> list(Store store, LocalDate date) {
        try (Connection c = store.readConnection();
                PreparedStatement st = c.prepareStatement(
                        "SELECT id, plan_date, label, saved_at, jobs_planned, jobs_left_out, travel_minutes,"
                                + " distance_km, cost FROM route_plan WHERE plan_date = ? ORDER BY saved_at DESC, id"
                                + " DESC")) {
            st.setObject(1, date);
            List<Header> out = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(header(rs));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException(
                    StoreException.Kind.IO, "Could not read the plans kept for " + date + ": " + e.getMessage(), e);
        }
    }

    private static Header header(ResultSet rs) throws SQLException {
        return new Header(
                rs.getLong(1),
                rs.getObject(2, LocalDate.class),
                rs.getString(3),
                rs.getObject(4, OffsetDateTime.class),
                rs.getInt(5),
                rs.getInt(6),
                rs.getDouble(7),
                rs.getDouble(8),
                rs.getBigDecimal(9).doubleValue());
    }

    /** The kept plan with this id, or null when there is none. */
    public static Kept read(Store store, long id) {
        try (Connection c = store.readConnection()) {
            Header h;
            try (PreparedStatement st = c.prepareStatement(
                    "SELECT id, plan_date, label, saved_at, jobs_planned, jobs_left_out, travel_minutes, distance_km,"
                            + " cost FROM route_plan WHERE id = ?")) {
                st.setLong(1, id);
                try (ResultSet rs = st.executeQuery()) {
                    if (!rs.next()) {
                        return null;
                    }
                    h = header(rs);
                }
            }
            List<Route> routes = new ArrayList<>();
            List<Long> routeIds = new ArrayList<>();
            try (PreparedStatement st = c.prepareStatement(
                    "SELECT id, technician_id, technician_name, depart_minute, back_minute, travel_minutes,"
                            + " distance_km, cost FROM route_plan_route WHERE plan_id = ? ORDER BY id")) {
                st.setLong(1, id);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        routeIds.add(rs.getLong(1));
                        routes.add(new Route(
                                rs.getLong(2),
                                rs.getString(3),
                                rs.getDouble(4),
                                rs.getDouble(5),
                                rs.getDouble(6),
                                rs.getDouble(7),
                                rs.getBigDecimal(8).doubleValue(),
                                new ArrayList<>()));
                    }
                }
            }
            List<RoutePlan.Unassigned> leftOut = new ArrayList<>();
            try (PreparedStatement st = c.prepareStatement(
                    "SELECT route_id, job_id, label, priority, arrival_minute, start_minute, end_minute,"
                            + " travel_minutes, distance_km, late_minutes, reason FROM route_plan_stop WHERE plan_id = ?"
                            + " ORDER BY route_id NULLS LAST, position")) {
                st.setLong(1, id);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        long routeId = rs.getLong(1);
                        boolean leftOutRow = rs.wasNull();
                        String job = String.valueOf(rs.getLong(2));
                        if (leftOutRow) {
                            leftOut.add(
                                    new RoutePlan.Unassigned(job, rs.getString(3), rs.getString(4), rs.getString(11)));
                        } else {
                            routes.get(routeIds.indexOf(routeId))
                                    .stops()
                                    .add(new RoutePlan.Visit(
                                            job,
                                            rs.getString(3),
                                            rs.getDouble(5),
                                            rs.getDouble(6),
                                            rs.getDouble(7),
                                            rs.getDouble(8),
                                            rs.getDouble(9),
                                            rs.getDouble(10),
                                            false));
                        }
                    }
                }
            }
            return new Kept(h, routes, leftOut);
        } catch (SQLException e) {
            throw new StoreException(
                    StoreException.Kind.IO, "Could not read kept plan " + id + ": " + e.getMessage(), e);
        }
    }

    /** Deletes a kept plan; returns whether there was one. */
    public static boolean delete(Store store, long id) {
        return store.inTransaction(c -> {
            try (PreparedStatement st = c.prepareStatement("DELETE FROM route_plan WHERE id = ?")) {
                st.setLong(1, id);
                return st.executeUpdate() > 0;
            }
        });
    }
}
