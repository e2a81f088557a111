package quant.core.routing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import quant.core.store.Store;
import quant.core.store.StoreException;

/**
 * Reads one {@link WorkDay} from the store: the jobs booked that day (by {@code scheduled_at}), their
 * customers' positions and the technicians at work. A day is a few dozen rows, so it is read with
 * small queries of its own rather than through the analysis snapshot (ADR 0015).
 */
public final class WorkDayReader {

    private WorkDayReader() {}

    public static WorkDay read(Store store, LocalDate date) {
        try (Connection c = store.readConnection()) {
            return read(c, date);
        } catch (SQLException e) {
            throw new StoreException(
                    StoreException.Kind.IO, "Could not read the jobs of " + date + ": " + e.getMessage(), e);
        }
    }

    /**
     * The day route planning opens on: the first day after the data's as-of date (the last day a job was
     * requested or completed) with jobs booked — the next day to plan, as the data sees it, never the
     * wall clock; without one, the last day with jobs booked; empty when no job has a booked time.
     */
    public static java.util.Optional<LocalDate> openingDay(Store store) {
        String notCancelled = " (status IS NULL OR status <> 'cancelled')";
        try (Connection c = store.readConnection();
                PreparedStatement asOf = c.prepareStatement("SELECT MAX(d) FROM (SELECT MAX(CAST(requested_at AS DATE))"
                        + " d FROM job UNION ALL SELECT MAX(CAST(completed_at AS DATE)) FROM job)");
                PreparedStatement next = c.prepareStatement("SELECT MIN(CAST(scheduled_at AS DATE)) FROM job"
                        + " WHERE scheduled_at >= ? AND" + notCancelled);
                PreparedStatement last =
                        c.prepareStatement("SELECT MAX(CAST(scheduled_at AS DATE)) FROM job WHERE" + notCancelled)) {
            LocalDate dataAsOf = firstDate(asOf);
            if (dataAsOf != null) {
                next.setObject(1, dataAsOf.plusDays(1));
                LocalDate day = firstDate(next);
                if (day != null) {
                    return java.util.Optional.of(day);
                }
            }
            return java.util.Optional.ofNullable(firstDate(last));
        } catch (SQLException e) {
            throw new StoreException(StoreException.Kind.IO, "Could not read the jobs' dates: " + e.getMessage(), e);
        }
    }

    private static LocalDate firstDate(PreparedStatement st) throws SQLException {
        try (ResultSet rs = st.executeQuery()) {
            return rs.next() ? rs.getObject(1, LocalDate.class) : null;
        }
    }

    /** The service lines' names by code, for showing a job's line. */
    public static java.util.Map<String, String> lineNames(Store store) {
        java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
        try (Connection c = store.readConnection();
                PreparedStatement st = c.prepareStatement("SELECT code, name FROM service_line ORDER BY id");
                ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                String name = rs.getString(2);
                out.put(rs.getString(1), name == null || name.isBlank() ? rs.getString(1) : name);
            }
        } catch (SQLException e) {
            throw new StoreException(StoreException.Kind.IO, "Could not read the service lines: " + e.getMessage(), e);
        }
        return out;
    }

    /** A customer with a map position, for adding a job to a day. */
    public record Customer(long id, String ref, String name, String address, double lat, double lon) {}

    /** The customers with a map position, by name. */
    public static List<Customer> locatedCustomers(Store store) {
        List<Customer> out = new ArrayList<>();
        try (Connection c = store.readConnection();
                PreparedStatement st =
                        c.prepareStatement("SELECT id, external_ref, name, address, city, lat, lon FROM customer"
                                + " WHERE lat IS NOT NULL AND lon IS NOT NULL ORDER BY name, id");
                ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                out.add(new Customer(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        address(rs.getString(4), rs.getString(5)),
                        rs.getDouble(6),
                        rs.getDouble(7)));
            }
        } catch (SQLException e) {
            throw new StoreException(StoreException.Kind.IO, "Could not read the customers: " + e.getMessage(), e);
        }
        return out;
    }

    static WorkDay read(Connection c, LocalDate date) throws SQLException {
        Map<Long, String> lines = new HashMap<>();
        try (PreparedStatement st = c.prepareStatement("SELECT id, code FROM service_line");
                ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                lines.put(rs.getLong(1), rs.getString(2));
            }
        }
        List<String> notes = new ArrayList<>();
        List<WorkDay.Technician> techs = technicians(c, date, notes);
        record Row(
                long id,
                String ref,
                long customer,
                String line,
                long tech,
                String status,
                String priority,
                Timestamp windowStart,
                Timestamp windowEnd,
                Timestamp scheduled,
                double estimated,
                double actual,
                Integer travel,
                double revenue) {}
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement(
                "SELECT id, external_ref, customer_id, service_line_id, technician_id, status, priority, window_start,"
                        + " window_end, scheduled_at, estimated_hours, actual_hours, travel_minutes, revenue FROM job"
                        + " WHERE scheduled_at >= ? AND scheduled_at < ?")) {
            st.setTimestamp(1, Timestamp.valueOf(date.atStartOfDay()));
            st.setTimestamp(2, Timestamp.valueOf(date.plusDays(1).atStartOfDay()));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    Integer travel = rs.getObject(13) == null ? null : rs.getInt(13);
                    rows.add(new Row(
                            rs.getLong(1),
                            rs.getString(2),
                            rs.getLong(3),
                            lines.get(rs.getLong(4)),
                            rs.getLong(5),
                            rs.getString(6),
                            rs.getString(7),
                            rs.getTimestamp(8),
                            rs.getTimestamp(9),
                            rs.getTimestamp(10),
                            number(rs, 11),
                            number(rs, 12),
                            travel,
                            number(rs, 14)));
                }
            }
        }
        Map<Long, double[]> positions = new HashMap<>();
        Map<Long, String> names = new HashMap<>();
        Map<Long, String> addresses = new HashMap<>();
        Map<Long, String> refs = new HashMap<>();
        if (!rows.isEmpty()) {
            String ids = rows.stream()
                    .map(r -> String.valueOf(r.customer()))
                    .distinct()
                    .collect(Collectors.joining(","));
            try (PreparedStatement st = c.prepareStatement(
                            "SELECT id, name, lat, lon, address, city, external_ref FROM customer WHERE id IN (" + ids
                                    + ")");
                    ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    names.put(rs.getLong(1), rs.getString(2));
                    refs.put(rs.getLong(1), rs.getString(7));
                    addresses.put(rs.getLong(1), address(rs.getString(5), rs.getString(6)));
                    double lat = rs.getDouble(3);
                    boolean noLat = rs.wasNull();
                    double lon = rs.getDouble(4);
                    positions.put(
                            rs.getLong(1),
                            noLat || rs.wasNull() ? new double[] {Double.NaN, Double.NaN} : new double[] {lat, lon});
                }
            }
        }
        List<WorkDay.Job> jobs = new ArrayList<>();
        List<WorkDay.Job> cancelled = new ArrayList<>();
        rows.sort((a, b) -> a.scheduled().compareTo(b.scheduled()));
        for (Row r : rows) {
            double[] at = positions.getOrDefault(r.customer(), new double[] {Double.NaN, Double.NaN});
            // A past day is planned with the hours its jobs actually took: the comparison with what was
            // driven is then about routes alone. A day ahead has only the estimates.
            boolean done = "completed".equals(r.status()) && r.actual() > 0;
            double hours = done ? r.actual() : r.estimated() > 0 ? r.estimated() : 1;
            WorkDay.Job job = new WorkDay.Job(
                    r.id(),
                    r.ref(),
                    names.getOrDefault(r.customer(), "customer " + r.customer()),
                    refs.getOrDefault(r.customer(), ""),
                    addresses.getOrDefault(r.customer(), ""),
                    at[0],
                    at[1],
                    r.line(),
                    r.priority(),
                    hours,
                    minute(r.windowStart(), date),
                    minute(r.windowEnd(), date),
                    r.revenue(),
                    r.tech(),
                    minute(r.scheduled(), date),
                    "completed".equals(r.status()),
                    r.travel() == null ? -1 : r.travel());
            if ("cancelled".equals(r.status())) {
                cancelled.add(job);
            } else {
                jobs.add(job);
            }
        }
        Set<String> places = new java.util.HashSet<>();
        techs.forEach(t -> places.add(t.ref()));
        jobs.forEach(j -> places.add(j.customerRef()));
        places.remove("");
        places.remove(null);
        return new WorkDay(date, techs, jobs, cancelled, notes, TravelTimes.between(c, places));
    }

    private static List<WorkDay.Technician> technicians(Connection c, LocalDate date, List<String> notes)
            throws SQLException {
        List<WorkDay.Technician> out = new ArrayList<>();
        int weekday = date.getDayOfWeek().getValue() - 1;
        try (PreparedStatement st = c.prepareStatement(
                        "SELECT id, external_ref, name, skills, shift_start, shift_end, work_days, hired_on, left_on,"
                                + " home_lat, home_lon, hourly_cost FROM technician ORDER BY external_ref, id");
                ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                String days = rs.getString(7);
                java.sql.Date hired = rs.getDate(8);
                java.sql.Date left = rs.getDate(9);
                boolean works = days == null || (days.length() > weekday && days.charAt(weekday) != '.');
                if (!works
                        || (hired != null && hired.toLocalDate().isAfter(date))
                        || (left != null && !left.toLocalDate().isAfter(date))) {
                    continue;
                }
                String name = rs.getString(3);
                double lat = rs.getDouble(10);
                boolean noLat = rs.wasNull();
                double lon = rs.getDouble(11);
                if (noLat || rs.wasNull()) {
                    notes.add(name + " has no home base position, so no route can be planned for them.");
                    continue;
                }
                Time start = rs.getTime(5);
                Time end = rs.getTime(6);
                Set<String> skills = new LinkedHashSet<>();
                String s = rs.getString(4);
                if (s != null) {
                    Arrays.stream(s.split("[;,|]"))
                            .map(String::strip)
                            .filter(x -> !x.isEmpty())
                            .forEach(skills::add);
                }
                double cost = rs.getDouble(12);
                out.add(new WorkDay.Technician(
                        rs.getLong(1),
                        rs.getString(2),
                        name,
                        skills,
                        start == null ? 8 * 60 : minutes(start),
                        end == null ? 17 * 60 : minutes(end),
                        lat,
                        lon,
                        cost));
            }
        }
        return out;
    }

    /** "12 Oak St, Springfield" from the parts that are there. */
    private static String address(String street, String city) {
        return java.util.stream.Stream.of(street, city)
                .filter(x -> x != null && !x.isBlank())
                .map(String::strip)
                .collect(Collectors.joining(", "));
    }

    private static double number(ResultSet rs, int column) throws SQLException {
        java.math.BigDecimal v = rs.getBigDecimal(column);
        return v == null ? 0 : v.doubleValue();
    }

    private static int minutes(Time t) {
        java.time.LocalTime l = t.toLocalTime();
        return l.getHour() * 60 + l.getMinute();
    }

    /** Minutes since midnight of {@code date}; -1 for null; clamped to the day. */
    private static int minute(Timestamp t, LocalDate date) {
        if (t == null) {
            return -1;
        }
        LocalDateTime l = t.toLocalDateTime();
        if (l.toLocalDate().isBefore(date)) {
            return 0;
        }
        if (l.toLocalDate().isAfter(date)) {
            return 24 * 60;
        }
        return l.getHour() * 60 + l.getMinute();
    }
}
