package quant.core.delivery;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import quant.core.analysis.InvalidSpecException;
import quant.core.delivery.Schedule.ByEmail;
import quant.core.delivery.Schedule.Delivery;
import quant.core.delivery.Schedule.Format;
import quant.core.delivery.Schedule.Frequency;
import quant.core.delivery.Schedule.ToFolder;
import quant.core.store.Store;
import quant.core.store.StoreException;

/**
 * The report schedules kept in the database ({@code report_schedule}) and the history of their runs
 * ({@code report_run}).
 */
public final class Schedules {
    private Schedules() {}

    /** One run of a schedule: when it was due, when it ran, and how it ended, in a sentence. */
    public record Run(
            long id,
            Long scheduleId,
            String schedule,
            Instant due,
            Instant started,
            Instant finished,
            boolean delivered,
            String message) {}

    private static final String COLUMNS =
            "id, name, definition, period, frequency, run_day, run_hour, formats, delivery,"
                    + " folder, smtp_host, smtp_port, smtp_user, mail_from, mail_to, enabled, created_at";

    /** Every schedule, by name. */
    public static List<Schedule> list(Store store) {
        List<Schedule> out = new ArrayList<>();
        try (Connection c = store.readConnection();
                PreparedStatement st =
                        c.prepareStatement("SELECT " + COLUMNS + " FROM report_schedule ORDER BY LOWER(name)");
                ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                out.add(read(rs));
            }
        } catch (SQLException e) {
            throw new StoreException(
                    StoreException.Kind.IO, "Could not read the report schedules: " + e.getMessage(), e);
        }
        return out;
    }

    private static Schedule read(ResultSet rs) throws SQLException {
        Delivery delivery = rs.getString("delivery").equals("folder")
                ? new ToFolder(Path.of(rs.getString("folder")))
                : new ByEmail(
                        rs.getString("smtp_host"),
                        rs.getInt("smtp_port"),
                        rs.getString("smtp_user"),
                        rs.getString("mail_from"),
                        Arrays.stream(rs.getString("mail_to").split(","))
                                .map(String::strip)
                                .filter(s -> !s.isEmpty())
                                .toList());
        Set<Format> formats = EnumSet.noneOf(Format.class);
        for (String f : rs.getString("formats").split(",")) {
            formats.add(Format.valueOf(f.strip().toUpperCase(Locale.ROOT)));
        }
        return new Schedule(
                rs.getLong("id"),
                rs.getString("name"),
                rs.getString("definition"),
                rs.getString("period"),
                Frequency.valueOf(rs.getString("frequency").toUpperCase(Locale.ROOT)),
                rs.getInt("run_day"),
                rs.getInt("run_hour"),
                formats,
                delivery,
                rs.getBoolean("enabled"),
                rs.getTimestamp("created_at").toInstant());
    }

    /**
     * Saves a schedule after checking it: a new one (id 0) is added, another replaces the row with its id.
     *
     * @return the schedule with its id
     * @throws InvalidSpecException for a mistake, or a name another schedule has
     */
    public static Schedule save(Store store, Schedule schedule) {
        schedule.checked();
        for (Schedule other : list(store)) {
            if (other.id() != schedule.id() && other.name().equalsIgnoreCase(schedule.name())) {
                throw new InvalidSpecException("There is a schedule called \"" + other.name() + "\" already; give this"
                        + " one another name.");
            }
        }
        return store.inTransaction(c -> {
            boolean insert = schedule.id() == 0;
            String sql = insert
                    ? "INSERT INTO report_schedule (name, definition, period, frequency, run_day, run_hour, formats, delivery,"
                            + " folder, smtp_host, smtp_port, smtp_user, mail_from, mail_to, enabled, created_at)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                    : "UPDATE report_schedule SET name = ?, definition = ?, period = ?, frequency = ?, run_day = ?,"
                            + " run_hour = ?, formats = ?, delivery = ?, folder = ?, smtp_host = ?, smtp_port = ?,"
                            + " smtp_user = ?, mail_from = ?, mail_to = ?, enabled = ?, created_at = ? WHERE id = ?";
            try (PreparedStatement st = insert ? c.prepareStatement(sql, Store.idColumn(c)) : c.prepareStatement(sql)) {
                bind(st, schedule);
                if (!insert) {
                    st.setLong(17, schedule.id());
                }
                if (st.executeUpdate() != 1) {
                    throw new InvalidSpecException("The schedule \"" + schedule.name() + "\" is no longer there.");
                }
                if (!insert) {
                    return schedule;
                }
                try (ResultSet keys = st.getGeneratedKeys()) {
                    keys.next();
                    return schedule.withId(keys.getLong(1));
                }
            }
        });
    }

    private static void bind(PreparedStatement st, Schedule s) throws SQLException {
        st.setString(1, s.name().strip());
        st.setString(2, s.definition().strip());
        if (s.period().isEmpty()) {
            st.setNull(3, Types.VARCHAR);
        } else {
            st.setString(3, s.period());
        }
        st.setString(4, s.frequency().key());
        st.setInt(5, s.day());
        st.setInt(6, s.hour());
        st.setString(
                7,
                s.formats().stream()
                        .sorted()
                        .map(f -> f.name().toLowerCase(Locale.ROOT))
                        .collect(Collectors.joining(",")));
        for (int i = 9; i <= 14; i++) {
            st.setNull(i, i == 11 ? Types.INTEGER : Types.VARCHAR);
        }
        switch (s.delivery()) {
            case ToFolder f -> {
                st.setString(8, "folder");
                st.setString(9, f.folder().toString());
            }
            case ByEmail m -> {
                st.setString(8, "email");
                st.setString(10, m.host().strip());
                st.setInt(11, m.port());
                st.setString(12, m.user());
                st.setString(13, m.from().strip());
                st.setString(14, String.join(",", m.to()));
            }
        }
        st.setBoolean(15, s.enabled());
        st.setTimestamp(16, Timestamp.from(s.createdAt()));
    }

    /** Deletes a schedule; its runs stay in the history under its name. */
    public static void delete(Store store, long id) {
        store.inTransaction(c -> {
            try (PreparedStatement st = c.prepareStatement("DELETE FROM report_schedule WHERE id = ?")) {
                st.setLong(1, id);
                st.executeUpdate();
            }
            return null;
        });
    }

    /** Records a run. */
    public static void recordRun(
            Store store, Schedule s, Instant due, Instant started, boolean delivered, String message) {
        store.inTransaction(c -> {
            try (PreparedStatement st = c.prepareStatement("INSERT INTO report_run (schedule_id, schedule_name, due_at,"
                    + " started_at, finished_at, outcome, message) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                st.setLong(1, s.id());
                st.setString(2, s.name());
                st.setTimestamp(3, Timestamp.from(due));
                st.setTimestamp(4, Timestamp.from(started));
                st.setTimestamp(5, Timestamp.from(Instant.now()));
                st.setString(6, delivered ? "delivered" : "failed");
                st.setString(7, message.length() > 4000 ? message.substring(0, 3999) + "…" : message);
                st.executeUpdate();
            }
            return null;
        });
    }

    /** The latest runs, newest first. */
    public static List<Run> runs(Store store, int limit) {
        List<Run> out = new ArrayList<>();
        try (Connection c = store.readConnection();
                PreparedStatement st = c.prepareStatement("SELECT id, schedule_id, schedule_name, due_at, started_at,"
                        + " finished_at, outcome, message FROM report_run ORDER BY started_at DESC, id DESC LIMIT ?")) {
            st.setInt(1, limit);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    long sid = rs.getLong(2);
                    out.add(new Run(
                            rs.getLong(1),
                            rs.wasNull() ? null : sid,
                            rs.getString(3),
                            rs.getTimestamp(4).toInstant(),
                            rs.getTimestamp(5).toInstant(),
                            rs.getTimestamp(6).toInstant(),
                            rs.getString(7).equals("delivered"),
                            rs.getString(8)));
                }
            }
        } catch (SQLException e) {
            throw new StoreException(StoreException.Kind.IO, "Could not read the report runs: " + e.getMessage(), e);
        }
        return out;
    }

    /** The due time of the schedule's latest run, if it ran. */
    public static Optional<Instant> lastDue(Store store, long scheduleId) {
        try (Connection c = store.readConnection();
                PreparedStatement st = c.prepareStatement("SELECT MAX(due_at) FROM report_run WHERE schedule_id = ?")) {
            st.setLong(1, scheduleId);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                Timestamp t = rs.getTimestamp(1);
                return t == null ? Optional.empty() : Optional.of(t.toInstant());
            }
        } catch (SQLException e) {
            throw new StoreException(StoreException.Kind.IO, "Could not read the report runs: " + e.getMessage(), e);
        }
    }
}
