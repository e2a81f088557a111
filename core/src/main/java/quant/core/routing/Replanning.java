package quant.core.routing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import quant.core.analysis.InvalidSpecException;
import quant.core.job.JobMonitor;
import quant.core.routing.RoutingProblem.Stop;
import quant.core.routing.RoutingProblem.Vehicle;

/**
 * Re-plans a day in progress. At time {@code now}, every stop of the previous plan whose work has
 * started (done or under way), or that the technician has set off for (its start minus the drive to it is
 * not after {@code now}), stays where it is, at its planned start; a technician whose last such
 * stop is finished waits there until {@code now}; a technician who has not left yet leaves no earlier
 * than {@code now}. Cancelled stops leave the problem, new ones (an emergency) join it, and the search
 * starts from the previous plan, so a short time limit is enough.
 */
public final class Replanning {

    private Replanning() {}

    /**
     * The problem as it stands at {@code now}, and the previous orders without the stops that left.
     *
     * @param problem the day's problem with the stops it now has (cancelled ones removed, new ones added)
     * @param previous the plan being changed
     * @param now the time of the change, in the problem's time unit
     */
    public record Situation(RoutingProblem problem, Map<String, List<String>> start) {}

    public static Situation at(RoutingProblem problem, RoutePlan previous, double now) {
        Map<String, Stop> stops = new LinkedHashMap<>();
        for (Stop s : problem.stops()) {
            stops.put(s.id(), s);
        }
        Map<String, List<String>> keep = new HashMap<>();
        Map<String, List<String>> rest = new LinkedHashMap<>();
        for (RoutePlan.Route r : previous.routes()) {
            List<String> fixed = new ArrayList<>();
            List<String> later = new ArrayList<>();
            RoutePlan.Visit lastFixed = null;
            for (RoutePlan.Visit v : r.stops()) {
                Stop s = stops.get(v.stopId());
                if (s == null) {
                    continue; // cancelled
                }
                // committed: work has started, or the technician has had to leave for it to start on time
                if (v.start() - v.travelTime() <= now && later.isEmpty()) {
                    fixed.add(v.stopId());
                    lastFixed = v;
                    stops.put(v.stopId(), s.startedAt(v.start()));
                } else {
                    later.add(v.stopId());
                }
            }
            if (lastFixed != null && lastFixed.end() < now) {
                Stop s = stops.get(lastFixed.stopId());
                stops.put(
                        s.id(),
                        new Stop(
                                s.id(),
                                s.label(),
                                s.place(),
                                s.demand(),
                                now - lastFixed.start(),
                                s.windowStart(),
                                s.windowEnd(),
                                s.skill(),
                                s.priority(),
                                s.value(),
                                s.fixedStart()));
            }
            keep.put(r.vehicleId(), fixed);
            rest.put(r.vehicleId(), later);
        }
        List<Vehicle> vehicles = new ArrayList<>();
        for (Vehicle v : problem.vehicles()) {
            List<String> fixed = keep.getOrDefault(v.id(), List.of());
            double leave = fixed.isEmpty() ? Math.max(v.shiftStart(), Math.min(now, v.shiftEnd())) : v.shiftStart();
            vehicles.add(new Vehicle(
                    v.id(),
                    v.label(),
                    v.start(),
                    v.end(),
                    leave,
                    v.shiftEnd(),
                    v.capacity(),
                    v.skills(),
                    v.anySkill(),
                    v.costPerHour(),
                    fixed));
        }
        return new Situation(problem.withStops(new ArrayList<>(stops.values()), vehicles), rest);
    }

    /**
     * Re-plans: {@code cancelled} stop ids leave, {@code added} stops join, and the rest is solved again
     * from the previous plan.
     *
     * @throws InvalidSpecException when a cancelled stop has already started or is not in the plan's problem
     */
    public static RoutePlan replan(
            RoutingProblem problem,
            RoutePlan previous,
            double now,
            Set<String> cancelled,
            List<Stop> added,
            RouteSearch.Limits limits,
            JobMonitor monitor) {
        for (String id : cancelled) {
            if (problem.stop(id) == null) {
                throw new InvalidSpecException("There is no stop " + id + " to cancel.");
            }
            for (RoutePlan.Route r : previous.routes()) {
                for (RoutePlan.Visit v : r.stops()) {
                    if (v.stopId().equals(id) && v.start() <= now) {
                        throw new InvalidSpecException(v.label() + " cannot be cancelled: work there started at "
                                + UnassignedReasons.time(v.start(), true) + ".");
                    }
                }
            }
        }
        List<Stop> stops = new ArrayList<>();
        for (Stop s : problem.stops()) {
            if (!cancelled.contains(s.id())) {
                stops.add(s);
            }
        }
        stops.addAll(added);
        Situation at = at(problem.withStops(stops, problem.vehicles()), previous, now);
        return RouteSearch.solve(at.problem(), at.start(), limits, monitor);
    }
}
