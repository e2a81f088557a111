package quant.core.delivery;

import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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
import quant.core.store.repo.ScheduleRows;

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

    /** Every schedule, by name. */
    public static List<Schedule> list(Store store) {
        return ScheduleRows.list(store).stream().map(Schedules::schedule).toList();
    }

    private static Schedule schedule(ScheduleRows.Row r) {
        Delivery delivery = r.delivery().equals("folder")
                ? new ToFolder(Path.of(r.folder()))
                : new ByEmail(
                        r.smtpHost(),
                        r.smtpPort() == null ? 0 : r.smtpPort(),
                        r.smtpUser(),
                        r.mailFrom(),
                        Arrays.stream(r.mailTo().split(","))
                                .map(String::strip)
                                .filter(s -> !s.isEmpty())
                                .toList());
        Set<Format> formats = EnumSet.noneOf(Format.class);
        for (String f : r.formats().split(",")) {
            formats.add(Format.valueOf(f.strip().toUpperCase(Locale.ROOT)));
        }
        return new Schedule(
                r.id(),
                r.name(),
                r.definition(),
                r.period(),
                Frequency.valueOf(r.frequency().toUpperCase(Locale.ROOT)),
                r.runDay(),
                r.runHour(),
                formats,
                delivery,
                r.enabled(),
                r.createdAt().toInstant());
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
        long id = ScheduleRows.save(store, row(schedule))
                .orElseThrow(
                        () -> new InvalidSpecException("The schedule \"" + schedule.name() + "\" is no longer there."));
        return schedule.id() == 0 ? schedule.withId(id) : schedule;
    }

    private static ScheduleRows.Row row(Schedule s) {
        String formats = s.formats().stream()
                .sorted()
                .map(f -> f.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(","));
        OffsetDateTime created = s.createdAt().atOffset(ZoneOffset.UTC);
        String period = s.period().isEmpty() ? null : s.period();
        // the delivery's own columns: a folder, or the mail server and addresses
        String[] mail = new String[4];
        Integer port = null;
        String folder = null;
        switch (s.delivery()) {
            case ToFolder f -> folder = f.folder().toString();
            case ByEmail m -> {
                mail = new String[] {m.host().strip(), m.user(), m.from().strip(), String.join(",", m.to())};
                port = m.port();
            }
        }
        return new ScheduleRows.Row(
                s.id(),
                s.name().strip(),
                s.definition().strip(),
                period,
                s.frequency().key(),
                s.day(),
                s.hour(),
                formats,
                folder != null ? "folder" : "email",
                folder,
                mail[0],
                port,
                mail[1],
                mail[2],
                mail[3],
                s.enabled(),
                created);
    }

    /** Deletes a schedule; its runs stay in the history under its name. */
    public static void delete(Store store, long id) {
        ScheduleRows.delete(store, id);
    }

    /** Records a run. */
    public static void recordRun(
            Store store, Schedule s, Instant due, Instant started, boolean delivered, String message) {
        ScheduleRows.recordRun(
                store,
                new ScheduleRows.RunRow(
                        0,
                        s.id(),
                        s.name(),
                        due.atOffset(ZoneOffset.UTC),
                        started.atOffset(ZoneOffset.UTC),
                        OffsetDateTime.now(ZoneOffset.UTC),
                        delivered ? "delivered" : "failed",
                        message.length() > 4000 ? message.substring(0, 3999) + "…" : message));
    }

    /** The latest runs, newest first. */
    public static List<Run> runs(Store store, int limit) {
        return ScheduleRows.runs(store, limit).stream()
                .map(r -> new Run(
                        r.id(),
                        r.scheduleId(),
                        r.scheduleName(),
                        r.dueAt().toInstant(),
                        r.startedAt().toInstant(),
                        r.finishedAt().toInstant(),
                        r.outcome().equals("delivered"),
                        r.message()))
                .toList();
    }

    /** The due time of the schedule's latest run, if it ran. */
    public static Optional<Instant> lastDue(Store store, long scheduleId) {
        return ScheduleRows.lastDue(store, scheduleId).map(OffsetDateTime::toInstant);
    }
}
