package quant.core.store.repo;

import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.min;
import static quant.core.store.generated.Tables.CUSTOMER;
import static quant.core.store.generated.Tables.JOB;
import static quant.core.store.generated.Tables.SERVICE_LINE;
import static quant.core.store.generated.Tables.TECHNICIAN;
import static quant.core.store.generated.Tables.TRAVEL_TIME;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.jooq.Condition;
import org.jooq.DSLContext;
import quant.core.store.Store;

/**
 * What route planning reads for one day: the service lines, the technicians, the jobs booked that day
 * with their customers, and the travel times between the day's places — read as of one moment — and
 * the dates a plan may open on.
 */
public final class WorkDayRows {
    private WorkDayRows() {}

    /** A technician as stored. */
    public record TechnicianRow(
            long id,
            String ref,
            String name,
            String skills,
            LocalTime shiftStart,
            LocalTime shiftEnd,
            String workDays,
            LocalDate hired,
            LocalDate left,
            Double lat,
            Double lon,
            BigDecimal hourlyCost) {}

    /** A job booked on the day, its line as the line's code. */
    public record JobRow(
            long id,
            String ref,
            long customer,
            String line,
            long technician,
            String status,
            String priority,
            LocalDateTime windowStart,
            LocalDateTime windowEnd,
            LocalDateTime scheduled,
            BigDecimal estimatedHours,
            BigDecimal actualHours,
            Integer travelMinutes,
            BigDecimal revenue) {}

    /** A customer: reference, name, address parts and map position (null when unknown). */
    public record CustomerRow(long id, String ref, String name, String address, String city, Double lat, Double lon) {}

    /** The day's rows and the travel times between the places the caller picked from them. */
    public record Day(
            List<TechnicianRow> technicians,
            List<JobRow> jobs,
            Map<Long, CustomerRow> customers,
            List<TravelTimeRows.Row> legs) {}

    /**
     * The rows of {@code date} (jobs booked from its midnight to the next); {@code places} picks, from
     * them, the references whose travel times are read.
     */
    public static Day day(Store store, LocalDate date, Function<Day, Set<String>> places) {
        return store.read(
                "the jobs of " + date,
                dsl -> dsl.transactionResult(cfg -> {
                    DSLContext tx = cfg.dsl();
                    Map<Long, String> codes = new LinkedHashMap<>();
                    tx.select(SERVICE_LINE.ID, SERVICE_LINE.CODE)
                            .from(SERVICE_LINE)
                            .forEach(r -> codes.put(r.value1(), r.value2()));
                    List<TechnicianRow> techs = tx.selectFrom(TECHNICIAN)
                            .orderBy(TECHNICIAN.EXTERNAL_REF, TECHNICIAN.ID)
                            .fetch(t -> new TechnicianRow(
                                    t.getId(),
                                    t.getExternalRef(),
                                    t.getName(),
                                    t.getSkills(),
                                    t.getShiftStart(),
                                    t.getShiftEnd(),
                                    t.getWorkDays(),
                                    t.getHiredOn(),
                                    t.getLeftOn(),
                                    t.getHomeLat(),
                                    t.getHomeLon(),
                                    t.getHourlyCost()));
                    List<JobRow> jobs = tx.selectFrom(JOB)
                            .where(JOB.SCHEDULED_AT.ge(date.atStartOfDay()))
                            .and(JOB.SCHEDULED_AT.lt(date.plusDays(1).atStartOfDay()))
                            .fetch(j -> new JobRow(
                                    j.getId(),
                                    j.getExternalRef(),
                                    j.getCustomerId(),
                                    codes.get(j.getServiceLineId()),
                                    j.getTechnicianId() == null ? 0 : j.getTechnicianId(),
                                    j.getStatus(),
                                    j.getPriority(),
                                    j.getWindowStart(),
                                    j.getWindowEnd(),
                                    j.getScheduledAt(),
                                    j.getEstimatedHours(),
                                    j.getActualHours(),
                                    j.getTravelMinutes(),
                                    j.getRevenue()));
                    Map<Long, CustomerRow> customers = new LinkedHashMap<>();
                    if (!jobs.isEmpty()) {
                        tx.select(
                                        CUSTOMER.ID,
                                        CUSTOMER.EXTERNAL_REF,
                                        CUSTOMER.NAME,
                                        CUSTOMER.ADDRESS,
                                        CUSTOMER.CITY,
                                        CUSTOMER.LAT,
                                        CUSTOMER.LON)
                                .from(CUSTOMER)
                                .where(CUSTOMER.ID.in(jobs.stream()
                                        .map(JobRow::customer)
                                        .distinct()
                                        .toList()))
                                .forEach(r -> customers.put(
                                        r.value1(),
                                        new CustomerRow(
                                                r.value1(),
                                                r.value2(),
                                                r.value3(),
                                                r.value4(),
                                                r.value5(),
                                                r.value6(),
                                                r.value7())));
                    }
                    Day rows = new Day(techs, jobs, customers, List.of());
                    Set<String> at = places.apply(rows);
                    List<TravelTimeRows.Row> legs = at.isEmpty()
                            ? List.of()
                            : tx.select(TRAVEL_TIME.FROM_REF, TRAVEL_TIME.TO_REF, TRAVEL_TIME.MINUTES, TRAVEL_TIME.KM)
                                    .from(TRAVEL_TIME)
                                    .where(TRAVEL_TIME.FROM_REF.in(at))
                                    .and(TRAVEL_TIME.TO_REF.in(at))
                                    .fetch(r -> new TravelTimeRows.Row(r.value1(), r.value2(), r.value3(), r.value4()));
                    return new Day(techs, jobs, customers, legs);
                }));
    }

    /** The last day a job was requested, and the last day one was completed (null when none). */
    public static LocalDate[] lastActivity(Store store) {
        return store.read("the jobs' dates", dsl -> new LocalDate[] {
            day(dsl.select(max(JOB.REQUESTED_AT)).from(JOB).fetchOne().value1()),
            day(dsl.select(max(JOB.COMPLETED_AT)).from(JOB).fetchOne().value1())
        });
    }

    /** The first day on or after {@code from} with a job booked that is not cancelled. */
    public static Optional<LocalDate> firstBookedFrom(Store store, LocalDate from) {
        return store.read(
                "the jobs' dates",
                dsl -> Optional.ofNullable(day(dsl.select(min(JOB.SCHEDULED_AT))
                        .from(JOB)
                        .where(JOB.SCHEDULED_AT.ge(from.atStartOfDay()))
                        .and(notCancelled())
                        .fetchOne()
                        .value1())));
    }

    /** The last day with a job booked that is not cancelled. */
    public static Optional<LocalDate> lastBooked(Store store) {
        return store.read(
                "the jobs' dates",
                dsl -> Optional.ofNullable(day(dsl.select(max(JOB.SCHEDULED_AT))
                        .from(JOB)
                        .where(notCancelled())
                        .fetchOne()
                        .value1())));
    }

    private static Condition notCancelled() {
        return JOB.STATUS.isNull().or(JOB.STATUS.ne("cancelled"));
    }

    /** The service lines' names by code, in their order; a line without a name by its code. */
    public static Map<String, String> lineNames(Store store) {
        return store.read("the service lines", dsl -> {
            Map<String, String> out = new LinkedHashMap<>();
            dsl.select(SERVICE_LINE.CODE, SERVICE_LINE.NAME)
                    .from(SERVICE_LINE)
                    .orderBy(SERVICE_LINE.ID)
                    .forEach(r ->
                            out.put(r.value1(), r.value2() == null || r.value2().isBlank() ? r.value1() : r.value2()));
            return out;
        });
    }

    /** The customers with a map position, by name. */
    public static List<CustomerRow> locatedCustomers(Store store) {
        return store.read("the customers", dsl -> dsl.select(
                        CUSTOMER.ID,
                        CUSTOMER.EXTERNAL_REF,
                        CUSTOMER.NAME,
                        CUSTOMER.ADDRESS,
                        CUSTOMER.CITY,
                        CUSTOMER.LAT,
                        CUSTOMER.LON)
                .from(CUSTOMER)
                .where(CUSTOMER.LAT.isNotNull())
                .and(CUSTOMER.LON.isNotNull())
                .orderBy(CUSTOMER.NAME, CUSTOMER.ID)
                .fetch(r -> new CustomerRow(
                        r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(), r.value7())));
    }

    private static LocalDate day(LocalDateTime t) {
        return t == null ? null : t.toLocalDate();
    }
}
