package quant.core.store.repo;

import static quant.core.store.generated.Tables.ROUTE_PLAN;
import static quant.core.store.generated.Tables.ROUTE_PLAN_ROUTE;
import static quant.core.store.generated.Tables.ROUTE_PLAN_STOP;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import quant.core.store.Store;
import quant.core.store.generated.tables.records.RoutePlanRecord;

/**
 * The kept route plans' rows ({@code route_plan}, {@code route_plan_route}, {@code route_plan_stop},
 * migration V8): a plan is saved whole in one transaction, and read back whole as of one moment.
 */
public final class RoutePlanRows {
    private RoutePlanRows() {}

    /** A plan's header (the id is 0 before it is saved). */
    public record Plan(
            long id,
            LocalDate date,
            String label,
            OffsetDateTime savedAt,
            double seconds,
            long seed,
            int planned,
            int leftOut,
            double travelMinutes,
            double distanceKm,
            BigDecimal cost,
            String settings) {}

    /** A technician's route, with its stops in order. */
    public record Route(
            long technicianId,
            String technician,
            double depart,
            double back,
            double travelMinutes,
            double distanceKm,
            double workMinutes,
            double idleMinutes,
            BigDecimal cost,
            List<Stop> stops) {}

    /** A stop of a route, or a job left out (times null, a reason given). */
    public record Stop(
            long jobId,
            String label,
            String priority,
            Double arrival,
            Double start,
            Double end,
            Double travelMinutes,
            Double distanceKm,
            Double late,
            String reason) {}

    /** A kept plan read back: its header, routes and the jobs it left out. */
    public record Whole(Plan plan, List<Route> routes, List<Stop> leftOut) {}

    /** Saves a plan with its routes and left-out jobs in one transaction; its id. */
    public static long save(Store store, Plan p, List<Route> routes, List<Stop> leftOut) {
        return store.inTransaction(c -> {
            DSLContext tx = Store.dsl(c);
            long id = tx.insertInto(ROUTE_PLAN)
                    .set(ROUTE_PLAN.PLAN_DATE, p.date())
                    .set(ROUTE_PLAN.LABEL, p.label())
                    .set(ROUTE_PLAN.SAVED_AT, p.savedAt())
                    .set(ROUTE_PLAN.SECONDS, p.seconds())
                    .set(ROUTE_PLAN.SEED, p.seed())
                    .set(ROUTE_PLAN.JOBS_PLANNED, p.planned())
                    .set(ROUTE_PLAN.JOBS_LEFT_OUT, p.leftOut())
                    .set(ROUTE_PLAN.TRAVEL_MINUTES, p.travelMinutes())
                    .set(ROUTE_PLAN.DISTANCE_KM, p.distanceKm())
                    .set(ROUTE_PLAN.COST, p.cost())
                    .set(ROUTE_PLAN.SETTINGS, p.settings())
                    .returningResult(ROUTE_PLAN.ID)
                    .fetchOne()
                    .value1();
            for (Route r : routes) {
                long routeId = tx.insertInto(ROUTE_PLAN_ROUTE)
                        .set(ROUTE_PLAN_ROUTE.PLAN_ID, id)
                        .set(ROUTE_PLAN_ROUTE.TECHNICIAN_ID, r.technicianId())
                        .set(ROUTE_PLAN_ROUTE.TECHNICIAN_NAME, r.technician())
                        .set(ROUTE_PLAN_ROUTE.DEPART_MINUTE, r.depart())
                        .set(ROUTE_PLAN_ROUTE.BACK_MINUTE, r.back())
                        .set(ROUTE_PLAN_ROUTE.TRAVEL_MINUTES, r.travelMinutes())
                        .set(ROUTE_PLAN_ROUTE.DISTANCE_KM, r.distanceKm())
                        .set(ROUTE_PLAN_ROUTE.WORK_MINUTES, r.workMinutes())
                        .set(ROUTE_PLAN_ROUTE.IDLE_MINUTES, r.idleMinutes())
                        .set(ROUTE_PLAN_ROUTE.COST, r.cost())
                        .returningResult(ROUTE_PLAN_ROUTE.ID)
                        .fetchOne()
                        .value1();
                insertStops(tx, id, routeId, r.stops());
            }
            insertStops(tx, id, null, leftOut);
            return id;
        });
    }

    private static void insertStops(DSLContext tx, long plan, Long route, List<Stop> stops) {
        if (stops.isEmpty()) {
            return;
        }
        var insert = tx.insertInto(
                ROUTE_PLAN_STOP,
                ROUTE_PLAN_STOP.PLAN_ID,
                ROUTE_PLAN_STOP.ROUTE_ID,
                ROUTE_PLAN_STOP.POSITION,
                ROUTE_PLAN_STOP.JOB_ID,
                ROUTE_PLAN_STOP.LABEL,
                ROUTE_PLAN_STOP.PRIORITY,
                ROUTE_PLAN_STOP.ARRIVAL_MINUTE,
                ROUTE_PLAN_STOP.START_MINUTE,
                ROUTE_PLAN_STOP.END_MINUTE,
                ROUTE_PLAN_STOP.TRAVEL_MINUTES,
                ROUTE_PLAN_STOP.DISTANCE_KM,
                ROUTE_PLAN_STOP.LATE_MINUTES,
                ROUTE_PLAN_STOP.REASON);
        int position = 0;
        for (Stop s : stops) {
            insert = insert.values(
                    plan,
                    route,
                    position++,
                    s.jobId(),
                    s.label(),
                    s.priority(),
                    s.arrival(),
                    s.start(),
                    s.end(),
                    s.travelMinutes(),
                    s.distanceKm(),
                    s.late(),
                    s.reason());
        }
        insert.execute();
    }

    /** The plans kept for {@code date}, newest first. */
    public static List<Plan> list(Store store, LocalDate date) {
        return store.read("the plans kept for " + date, dsl -> dsl.selectFrom(ROUTE_PLAN)
                .where(ROUTE_PLAN.PLAN_DATE.eq(date))
                .orderBy(ROUTE_PLAN.SAVED_AT.desc(), ROUTE_PLAN.ID.desc())
                .fetch(RoutePlanRows::plan));
    }

    private static Plan plan(RoutePlanRecord r) {
        return new Plan(
                r.getId(),
                r.getPlanDate(),
                r.getLabel(),
                r.getSavedAt(),
                r.getSeconds(),
                r.getSeed(),
                r.getJobsPlanned(),
                r.getJobsLeftOut(),
                r.getTravelMinutes(),
                r.getDistanceKm(),
                r.getCost(),
                r.getSettings());
    }

    /** The kept plan {@code id}, whole, or empty when there is none. */
    public static Optional<Whole> read(Store store, long id) {
        return store.read(
                "kept plan " + id,
                dsl -> dsl.transactionResult(cfg -> {
                    DSLContext tx = cfg.dsl();
                    RoutePlanRecord header = tx.selectFrom(ROUTE_PLAN)
                            .where(ROUTE_PLAN.ID.eq(id))
                            .fetchOne();
                    if (header == null) {
                        return Optional.<Whole>empty();
                    }
                    var stops = tx.selectFrom(ROUTE_PLAN_STOP)
                            .where(ROUTE_PLAN_STOP.PLAN_ID.eq(id))
                            .orderBy(ROUTE_PLAN_STOP.POSITION)
                            .fetch();
                    List<Route> routes = tx.selectFrom(ROUTE_PLAN_ROUTE)
                            .where(ROUTE_PLAN_ROUTE.PLAN_ID.eq(id))
                            .orderBy(ROUTE_PLAN_ROUTE.ID)
                            .fetch(r -> new Route(
                                    r.getTechnicianId(),
                                    r.getTechnicianName(),
                                    r.getDepartMinute(),
                                    r.getBackMinute(),
                                    r.getTravelMinutes(),
                                    r.getDistanceKm(),
                                    r.getWorkMinutes(),
                                    r.getIdleMinutes(),
                                    r.getCost(),
                                    stops.stream()
                                            .filter(s -> r.getId().equals(s.getRouteId()))
                                            .map(RoutePlanRows::stop)
                                            .toList()));
                    List<Stop> leftOut = stops.stream()
                            .filter(s -> s.getRouteId() == null)
                            .map(RoutePlanRows::stop)
                            .toList();
                    return Optional.of(new Whole(plan(header), routes, leftOut));
                }));
    }

    private static Stop stop(quant.core.store.generated.tables.records.RoutePlanStopRecord s) {
        return new Stop(
                s.getJobId(),
                s.getLabel(),
                s.getPriority(),
                s.getArrivalMinute(),
                s.getStartMinute(),
                s.getEndMinute(),
                s.getTravelMinutes(),
                s.getDistanceKm(),
                s.getLateMinutes(),
                s.getReason());
    }

    /** Deletes kept plan {@code id} with its routes and stops; whether there was one. */
    public static boolean delete(Store store, long id) {
        return store.inTransaction(c ->
                Store.dsl(c).deleteFrom(ROUTE_PLAN).where(ROUTE_PLAN.ID.eq(id)).execute() > 0);
    }
}
