package quant.core.store.repo;

import static org.jooq.impl.DSL.lower;
import static org.jooq.impl.DSL.max;
import static quant.core.store.generated.Tables.REPORT_RUN;
import static quant.core.store.generated.Tables.REPORT_SCHEDULE;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Field;
import quant.core.store.Store;
import quant.core.store.generated.tables.records.ReportScheduleRecord;

/**
 * The report schedules' rows ({@code report_schedule}, migration V12) and their runs ({@code report_run}).
 */
public final class ScheduleRows {
    private ScheduleRows() {}

    /** One schedule as stored, its columns in table order; a delivery's other columns are null. */
    public record Row(
            long id,
            String name,
            String definition,
            String period,
            String frequency,
            int runDay,
            int runHour,
            String formats,
            String delivery,
            String folder,
            String smtpHost,
            Integer smtpPort,
            String smtpUser,
            String mailFrom,
            String mailTo,
            boolean enabled,
            OffsetDateTime createdAt) {}

    /** One run as stored. */
    public record RunRow(
            long id,
            Long scheduleId,
            String scheduleName,
            OffsetDateTime dueAt,
            OffsetDateTime startedAt,
            OffsetDateTime finishedAt,
            String outcome,
            String message) {}

    /** Every schedule, by name whatever its case. */
    public static List<Row> list(Store store) {
        return store.read("the report schedules", dsl -> dsl.selectFrom(REPORT_SCHEDULE)
                .orderBy(lower(REPORT_SCHEDULE.NAME))
                .fetch(ScheduleRows::row));
    }

    private static Row row(ReportScheduleRecord r) {
        return new Row(
                r.getId(),
                r.getName(),
                r.getDefinition(),
                r.getPeriod(),
                r.getFrequency(),
                r.getRunDay(),
                r.getRunHour(),
                r.getFormats(),
                r.getDelivery(),
                r.getFolder(),
                r.getSmtpHost(),
                r.getSmtpPort(),
                r.getSmtpUser(),
                r.getMailFrom(),
                r.getMailTo(),
                r.getEnabled(),
                r.getCreatedAt());
    }

    /**
     * Adds {@code s} (id 0) and returns its new id, or replaces the row with its id and returns it;
     * empty when that row is no longer there.
     */
    public static Optional<Long> save(Store store, Row s) {
        return store.inTransaction(c -> {
            DSLContext tx = Store.dsl(c);
            if (s.id() == 0) {
                return Optional.of(tx.insertInto(REPORT_SCHEDULE)
                        .set(values(s))
                        .returningResult(REPORT_SCHEDULE.ID)
                        .fetchOne()
                        .value1());
            }
            int n = tx.update(REPORT_SCHEDULE)
                    .set(values(s))
                    .where(REPORT_SCHEDULE.ID.eq(s.id()))
                    .execute();
            return n == 1 ? Optional.of(s.id()) : Optional.empty();
        });
    }

    /** The columns of {@code s} but its id. */
    private static Map<Field<?>, Object> values(Row s) {
        Map<Field<?>, Object> v = new LinkedHashMap<>();
        v.put(REPORT_SCHEDULE.NAME, s.name());
        v.put(REPORT_SCHEDULE.DEFINITION, s.definition());
        v.put(REPORT_SCHEDULE.PERIOD, s.period());
        v.put(REPORT_SCHEDULE.FREQUENCY, s.frequency());
        v.put(REPORT_SCHEDULE.RUN_DAY, s.runDay());
        v.put(REPORT_SCHEDULE.RUN_HOUR, s.runHour());
        v.put(REPORT_SCHEDULE.FORMATS, s.formats());
        v.put(REPORT_SCHEDULE.DELIVERY, s.delivery());
        v.put(REPORT_SCHEDULE.FOLDER, s.folder());
        v.put(REPORT_SCHEDULE.SMTP_HOST, s.smtpHost());
        v.put(REPORT_SCHEDULE.SMTP_PORT, s.smtpPort());
        v.put(REPORT_SCHEDULE.SMTP_USER, s.smtpUser());
        v.put(REPORT_SCHEDULE.MAIL_FROM, s.mailFrom());
        v.put(REPORT_SCHEDULE.MAIL_TO, s.mailTo());
        v.put(REPORT_SCHEDULE.ENABLED, s.enabled());
        v.put(REPORT_SCHEDULE.CREATED_AT, s.createdAt());
        return v;
    }

    /** Deletes schedule {@code id}; its runs stay under its name. */
    public static void delete(Store store, long id) {
        store.inTransaction(c -> Store.dsl(c)
                .deleteFrom(REPORT_SCHEDULE)
                .where(REPORT_SCHEDULE.ID.eq(id))
                .execute());
    }

    /** Records a run. */
    public static void recordRun(Store store, RunRow r) {
        store.inTransaction(c -> Store.dsl(c)
                .insertInto(REPORT_RUN)
                .set(REPORT_RUN.SCHEDULE_ID, r.scheduleId())
                .set(REPORT_RUN.SCHEDULE_NAME, r.scheduleName())
                .set(REPORT_RUN.DUE_AT, r.dueAt())
                .set(REPORT_RUN.STARTED_AT, r.startedAt())
                .set(REPORT_RUN.FINISHED_AT, r.finishedAt())
                .set(REPORT_RUN.OUTCOME, r.outcome())
                .set(REPORT_RUN.MESSAGE, r.message())
                .execute());
    }

    /** The latest {@code limit} runs, newest first. */
    public static List<RunRow> runs(Store store, int limit) {
        return store.read("the report runs", dsl -> dsl.selectFrom(REPORT_RUN)
                .orderBy(REPORT_RUN.STARTED_AT.desc(), REPORT_RUN.ID.desc())
                .limit(limit)
                .fetch(r -> new RunRow(
                        r.getId(),
                        r.getScheduleId(),
                        r.getScheduleName(),
                        r.getDueAt(),
                        r.getStartedAt(),
                        r.getFinishedAt(),
                        r.getOutcome(),
                        r.getMessage())));
    }

    /** When the latest run of schedule {@code id} was due, if it ran. */
    public static Optional<OffsetDateTime> lastDue(Store store, long id) {
        return store.read(
                "the report runs",
                dsl -> Optional.ofNullable(dsl.select(max(REPORT_RUN.DUE_AT))
                        .from(REPORT_RUN)
                        .where(REPORT_RUN.SCHEDULE_ID.eq(id))
                        .fetchOne()
                        .value1()));
    }
}
