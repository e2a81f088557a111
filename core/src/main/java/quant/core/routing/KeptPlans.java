package quant.core.routing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import quant.core.store.Store;
import quant.core.store.repo.RoutePlanRows;

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
        List<RoutePlanRows.Route> routes = new ArrayList<>();
        for (RoutePlan.Route r : p.routes()) {
            if (r.used()) {
                routes.add(new RoutePlanRows.Route(
                        Long.parseLong(r.vehicleId()),
                        r.label(),
                        r.depart(),
                        r.back(),
                        r.travelTime(),
                        r.distance(),
                        r.workTime(),
                        r.idleTime(),
                        money(r.cost()),
                        r.stops().stream()
                                .map(v -> new RoutePlanRows.Stop(
                                        Long.parseLong(v.stopId()),
                                        v.label(),
                                        priorityOf(d, v.stopId()),
                                        v.arrival(),
                                        v.start(),
                                        v.end(),
                                        v.travelTime(),
                                        v.distance(),
                                        v.late(),
                                        null))
                                .toList()));
            }
        }
        return RoutePlanRows.save(
                store,
                new RoutePlanRows.Plan(
                        0,
                        d.date(),
                        name,
                        OffsetDateTime.now(ZoneOffset.UTC),
                        p.seconds(),
                        seed,
                        p.totals().stops(),
                        leftOut.size(),
                        p.totals().travelTime(),
                        p.totals().distance(),
                        money(p.totals().cost()),
                        String.valueOf(d.settings())),
                routes,
                leftOut.stream()
                        .map(u -> new RoutePlanRows.Stop(
                                Long.parseLong(u.stopId()),
                                u.label(),
                                u.priority(),
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                u.reason()))
                        .toList());
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
        return RoutePlanRows.list(store, date).stream().map(KeptPlans::header).toList();
    }

    private static Header header(RoutePlanRows.Plan p) {
        return new Header(
                p.id(),
                p.date(),
                p.label(),
                p.savedAt(),
                p.planned(),
                p.leftOut(),
                p.travelMinutes(),
                p.distanceKm(),
                p.cost().doubleValue());
    }

    /** The kept plan with this id, or null when there is none. */
    public static Kept read(Store store, long id) {
        return RoutePlanRows.read(store, id)
                .map(w -> new Kept(
                        header(w.plan()),
                        w.routes().stream()
                                .map(r -> new Route(
                                        r.technicianId(),
                                        r.technician(),
                                        r.depart(),
                                        r.back(),
                                        r.travelMinutes(),
                                        r.distanceKm(),
                                        r.cost().doubleValue(),
                                        new ArrayList<>(r.stops().stream()
                                                .map(s -> new RoutePlan.Visit(
                                                        String.valueOf(s.jobId()),
                                                        s.label(),
                                                        s.arrival(),
                                                        s.start(),
                                                        s.end(),
                                                        s.travelMinutes(),
                                                        s.distanceKm(),
                                                        s.late(),
                                                        false))
                                                .toList())))
                                .toList(),
                        w.leftOut().stream()
                                .map(s -> new RoutePlan.Unassigned(
                                        String.valueOf(s.jobId()), s.label(), s.priority(), s.reason()))
                                .toList()))
                .orElse(null);
    }

    /** Deletes a kept plan; returns whether there was one. */
    public static boolean delete(Store store, long id) {
        return RoutePlanRows.delete(store, id);
    }
}
