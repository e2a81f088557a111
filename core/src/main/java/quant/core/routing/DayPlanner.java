package quant.core.routing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import quant.core.analysis.InvalidSpecException;
import quant.core.job.JobMonitor;
import quant.core.routing.RoutingProblem.Priority;
import quant.core.routing.RoutingProblem.Stop;
import quant.core.routing.RoutingProblem.Travel;
import quant.core.routing.RoutingProblem.Vehicle;

/**
 * Turns a {@link WorkDay} into a {@link RoutingProblem}, plans it with {@link RouteSearch} and, for a
 * past day, compares the plan with the recorded travel.
 *
 * <p>Places: each technician's home base, then each located job, then (when days do not end at home)
 * a "day end" place that every drive to costs nothing, so the shift end bounds the end of the last
 * job. Travel between two places is {@code minutesPerTrip + minutesPerKm × roadFactor × great-circle
 * km} (the sample company's own rule: 8 + 1.6 × 1.3 × km); a place to itself is 0. When a travel-time matrix
 * is imported ({@link TravelTimes}), a pair it gives (or the reverse pair, when only that is given) takes its
 * minutes, and its km when the file has them.
 */
public final class DayPlanner {

    private DayPlanner() {}

    /** Plans the day. */
    public static DayPlan plan(WorkDay day, RouteSettings s, RouteSearch.Limits limits, JobMonitor monitor) {
        Built b = build(day, s);
        RoutePlan plan = RouteSearch.solve(b.problem(), Map.of(), limits, monitor);
        return new DayPlan(day.date(), plan, day, b.unplannable(), compare(day, plan, s), s);
    }

    /**
     * A job added to a day being re-planned: an emergency call at a customer's position.
     *
     * @param ref how it is shown (a new reference, "NEW1")
     * @param customer the customer's name
     * @param customerRef the customer's reference (for the travel-time matrix; may be empty)
     * @param address the customer's address (may be empty)
     * @param lat the customer's latitude
     * @param lon the customer's longitude
     * @param line the service line: the skill it needs
     * @param priority low, normal, high or emergency
     * @param hours hours on site
     * @param windowStart earliest arrival, minutes since midnight
     * @param windowEnd latest arrival, minutes since midnight
     */
    public record Addition(
            String ref,
            String customer,
            String customerRef,
            String address,
            double lat,
            double lon,
            String line,
            String priority,
            double hours,
            int windowStart,
            int windowEnd) {
        public Addition {
            if (!(hours > 0) || hours > 24) {
                throw new InvalidSpecException(
                        "A job needs more than 0 and at most 24 hours on site; not " + hours + ".");
            }
            if (windowEnd < windowStart) {
                throw new InvalidSpecException("The arrival window of " + ref + " ends before it starts.");
            }
            if (Double.isNaN(lat) || Double.isNaN(lon)) {
                throw new InvalidSpecException("The customer " + customer + " has no map position to drive to.");
            }
        }
    }

    /**
     * Re-plans a planned day at {@code now} (minutes since midnight) with {@link Replanning}: work started by
     * then stays, {@code cancelled} job ids leave the day, {@code added} jobs join it, and the search starts
     * from the previous plan. The comparison with recorded travel is redone for the jobs that remain.
     *
     * @throws InvalidSpecException when a cancelled job is not in the day or its work has started
     */
    public static DayPlan replan(
            DayPlan previous,
            int now,
            Set<String> cancelled,
            List<Addition> added,
            RouteSearch.Limits limits,
            JobMonitor monitor) {
        WorkDay day = previous.day();
        long nextId = -1;
        for (WorkDay.Job j : day.jobs()) {
            nextId = Math.min(nextId, j.id() - 1);
        }
        List<WorkDay.Job> jobs = new ArrayList<>(day.jobs());
        for (Addition a : added) {
            jobs.add(new WorkDay.Job(
                    nextId--,
                    a.ref(),
                    a.customer(),
                    a.customerRef(),
                    a.address(),
                    a.lat(),
                    a.lon(),
                    a.line(),
                    a.priority(),
                    a.hours(),
                    a.windowStart(),
                    a.windowEnd(),
                    0,
                    0,
                    now,
                    false,
                    -1));
        }
        WorkDay withAdded = new WorkDay(day.date(), day.technicians(), jobs, day.cancelled(), day.notes(), day.legs());
        Built b = build(withAdded, previous.settings());
        RoutePlan plan = Replanning.replan(b.problem(), previous.plan(), now, cancelled, List.of(), limits, monitor);
        List<WorkDay.Job> remaining = new ArrayList<>();
        List<WorkDay.Job> gone = new ArrayList<>(day.cancelled());
        for (WorkDay.Job j : jobs) {
            (cancelled.contains(String.valueOf(j.id())) ? gone : remaining).add(j);
        }
        WorkDay after = new WorkDay(day.date(), day.technicians(), remaining, gone, day.notes(), day.legs());
        return new DayPlan(
                day.date(),
                plan,
                after,
                b.unplannable(),
                compare(after, plan, previous.settings()),
                previous.settings());
    }

    /**
     * A kept plan shown on the day as the data has it now: its routes and times as they were kept, its
     * left-out jobs with their reasons, and the comparison with recorded travel redone. Stops whose job is
     * no longer in the data stay in the routes (they have no position to draw).
     */
    public static DayPlan fromKept(KeptPlans.Kept kept, WorkDay day, RouteSettings s) {
        List<RoutePlan.Route> routes = new ArrayList<>();
        for (KeptPlans.Route r : kept.routes()) {
            double rWork = 0;
            double rIdle = 0;
            for (RoutePlan.Visit v : r.stops()) {
                rWork += v.end() - v.start();
                rIdle += Math.max(0, v.start() - v.arrival());
            }
            routes.add(new RoutePlan.Route(
                    String.valueOf(r.technicianId()),
                    r.technician(),
                    r.depart(),
                    r.back(),
                    r.travelMinutes(),
                    r.distanceKm(),
                    rWork,
                    rIdle,
                    0,
                    r.cost(),
                    r.stops()));
        }
        RoutePlan plan = new RoutePlan(
                kept.header().label(), routes, kept.leftOut(), RoutePlan.Totals.of(routes), "kept", false, 0);
        java.util.Set<String> inPlan = new java.util.HashSet<>();
        routes.forEach(r -> r.stops().forEach(v -> inPlan.add(v.stopId())));
        kept.leftOut().forEach(u -> inPlan.add(u.stopId()));
        List<RoutePlan.Unassigned> missing = new ArrayList<>();
        for (WorkDay.Job j : day.jobs()) {
            if (!inPlan.contains(String.valueOf(j.id()))) {
                missing.add(new RoutePlan.Unassigned(
                        String.valueOf(j.id()),
                        label(j),
                        j.priority(),
                        "Not in this kept plan: cancelled when it was re-planned, or booked after it was kept."));
            }
        }
        return new DayPlan(day.date(), plan, day, missing, compare(day, plan, s), s);
    }

    /** The problem and the jobs left out of it. */
    record Built(RoutingProblem problem, List<RoutePlan.Unassigned> unplannable) {}

    static Built build(WorkDay day, RouteSettings s) {
        List<double[]> points = new ArrayList<>();
        List<String> refs = new ArrayList<>();
        for (WorkDay.Technician t : day.technicians()) {
            points.add(new double[] {t.lat(), t.lon()});
            refs.add(t.ref());
        }
        List<WorkDay.Job> located = new ArrayList<>();
        List<RoutePlan.Unassigned> unplannable = new ArrayList<>();
        for (WorkDay.Job j : day.jobs()) {
            if (j.located()) {
                located.add(j);
                points.add(new double[] {j.lat(), j.lon()});
                refs.add(j.customerRef());
            } else {
                unplannable.add(new RoutePlan.Unassigned(
                        String.valueOf(j.id()),
                        label(j),
                        j.priority(),
                        "The customer " + j.customer() + " has no map position."));
            }
        }
        Map<String, TravelTimes.Leg> matrix = new HashMap<>();
        for (TravelTimes.Leg l : day.legs()) {
            matrix.put(l.from() + "→" + l.to(), l);
        }
        int n = points.size() + (s.returnHome() ? 0 : 1);
        double[][] time = new double[n][n];
        double[][] km = new double[n][n];
        for (int a = 0; a < points.size(); a++) {
            for (int b = 0; b < points.size(); b++) {
                if (a != b) {
                    double[] p = points.get(a);
                    double[] q = points.get(b);
                    km[a][b] = s.roadKm(p[0], p[1], q[0], q[1]);
                    time[a][b] = s.minutes(km[a][b]);
                    TravelTimes.Leg leg = matrix.get(refs.get(a) + "→" + refs.get(b));
                    if (leg == null) {
                        leg = matrix.get(refs.get(b) + "→" + refs.get(a));
                    }
                    if (leg != null) {
                        time[a][b] = leg.minutes();
                        km[a][b] = Double.isNaN(leg.km()) ? km[a][b] : leg.km();
                    }
                }
            }
        }
        int dayEnd = s.returnHome() ? -1 : n - 1;
        List<Vehicle> vehicles = new ArrayList<>();
        for (int i = 0; i < day.technicians().size(); i++) {
            WorkDay.Technician t = day.technicians().get(i);
            vehicles.add(new Vehicle(
                    String.valueOf(t.id()),
                    t.name(),
                    i,
                    s.returnHome() ? i : dayEnd,
                    t.shiftStart(),
                    t.shiftEnd(),
                    Integer.MAX_VALUE,
                    t.skills(),
                    false,
                    t.hourlyCost(),
                    List.of()));
        }
        List<Stop> stops = new ArrayList<>();
        int place = day.technicians().size();
        for (WorkDay.Job j : located) {
            int open = j.windowStart() < 0 ? 0 : j.windowStart();
            int close = j.windowEnd() < 0 ? 24 * 60 : Math.max(open, j.windowEnd());
            stops.add(new Stop(
                    String.valueOf(j.id()),
                    label(j),
                    place++,
                    0,
                    j.hours() * 60,
                    open,
                    close,
                    j.line(),
                    Priority.of(j.priority()),
                    j.value(),
                    Double.NaN));
        }
        RoutingProblem problem =
                new RoutingProblem(day.date().toString(), vehicles, stops, new Travel(time, km), s.objective());
        return new Built(problem, unplannable);
    }

    static String label(WorkDay.Job j) {
        return j.ref() + " " + j.customer();
    }

    /** The comparison with recorded travel, or null when nothing of the day has recorded travel. */
    static DayPlan.Comparison compare(WorkDay day, RoutePlan plan, RouteSettings s) {
        Map<String, RoutePlan.Visit> planned = new HashMap<>();
        Map<String, String> plannedBy = new HashMap<>();
        for (RoutePlan.Route r : plan.routes()) {
            for (RoutePlan.Visit v : r.stops()) {
                planned.put(v.stopId(), v);
                plannedBy.put(v.stopId(), r.vehicleId());
            }
        }
        Map<Long, List<WorkDay.Job>> byTech = new HashMap<>();
        int recorded = 0;
        for (WorkDay.Job j : day.jobs()) {
            if (j.travelMinutes() >= 0) {
                recorded++;
                byTech.computeIfAbsent(j.technicianId(), k -> new ArrayList<>()).add(j);
            }
        }
        if (recorded == 0) {
            return null;
        }
        double rMinutes = 0;
        double rKm = 0;
        double rCost = 0;
        for (Map.Entry<Long, List<WorkDay.Job>> e : byTech.entrySet()) {
            WorkDay.Technician t = day.technician(e.getKey());
            double hourly = t == null ? 0 : t.hourlyCost();
            double lat = t == null ? Double.NaN : t.lat();
            double lon = t == null ? Double.NaN : t.lon();
            for (WorkDay.Job j : e.getValue()) {
                double km = Double.isNaN(lat) || !j.located() ? 0 : s.roadKm(lat, lon, j.lat(), j.lon());
                rMinutes += j.travelMinutes();
                rKm += km;
                rCost += j.travelMinutes() / 60.0 * hourly + km * s.costPerKm();
                lat = j.lat();
                lon = j.lon();
            }
        }
        double pMinutes = 0;
        double pKm = 0;
        double pCost = 0;
        int plannedJobs = 0;
        int servedButUnplanned = 0;
        for (WorkDay.Job j : day.jobs()) {
            if (j.travelMinutes() < 0) {
                continue;
            }
            RoutePlan.Visit v = planned.get(String.valueOf(j.id()));
            if (v == null) {
                servedButUnplanned++;
                continue;
            }
            plannedJobs++;
            WorkDay.Technician t = day.technician(Long.parseLong(plannedBy.get(v.stopId())));
            pMinutes += v.travelTime();
            pKm += v.distance();
            pCost += v.travelTime() / 60.0 * (t == null ? 0 : t.hourlyCost()) + v.distance() * s.costPerKm();
        }
        return new DayPlan.Comparison(
                recorded,
                plannedJobs,
                servedButUnplanned,
                rMinutes,
                pMinutes,
                rKm,
                pKm,
                rCost,
                pCost,
                rMinutes - pMinutes,
                rCost - pCost);
    }
}
