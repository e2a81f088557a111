package quant.core.routing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import quant.core.routing.RoutingProblem.Stop;
import quant.core.routing.RoutingProblem.Vehicle;

/**
 * A solved plan: each vehicle's stops with their times, what was left out and why, and totals. The
 * times are recomputed from the stop order alone ({@link #of}), not taken from the solver, so the plan
 * shown, stored and exported is always the one the order implies.
 *
 * @param name the problem's name
 * @param routes one per vehicle, in the problem's vehicle order, used or not
 * @param unassigned stops left out, each with the reason in words
 * @param totals sums over the used routes
 * @param score the solver's score ({@code hard/medium/soft}), for diagnosis
 * @param stoppedEarly whether the user stopped the search before its time limit
 * @param seconds wall time spent solving
 */
public record RoutePlan(
        String name,
        List<Route> routes,
        List<Unassigned> unassigned,
        Totals totals,
        String score,
        boolean stoppedEarly,
        double seconds) {

    public RoutePlan {
        routes = List.copyOf(routes);
        unassigned = List.copyOf(unassigned);
    }

    /**
     * One vehicle's day.
     *
     * @param vehicleId the vehicle or technician
     * @param label its name
     * @param depart leaving the start place
     * @param back arriving at the end place
     * @param travelTime time spent driving
     * @param distance distance driven
     * @param workTime time on site
     * @param idleTime time waiting for windows to open
     * @param load load carried
     * @param cost {@code costPerHour × (back − depart) / 60 + costPerKm × distance} in business mode, 0
     *     for benchmarks
     * @param stops in visiting order
     */
    public record Route(
            String vehicleId,
            String label,
            double depart,
            double back,
            double travelTime,
            double distance,
            double workTime,
            double idleTime,
            int load,
            double cost,
            List<Visit> stops) {
        public Route {
            stops = List.copyOf(stops);
        }

        public boolean used() {
            return !stops.isEmpty();
        }
    }

    /**
     * A stop in a route.
     *
     * @param stopId the stop
     * @param label its label
     * @param arrival arriving there
     * @param start starting work (after waiting for the window if early)
     * @param end finishing work
     * @param travelTime driving to it from the previous place
     * @param distance distance from the previous place
     * @param late how long after the window closed work started, 0 when on time
     * @param fixed whether it was done or under way when the day was re-planned
     */
    public record Visit(
            String stopId,
            String label,
            double arrival,
            double start,
            double end,
            double travelTime,
            double distance,
            double late,
            boolean fixed) {}

    /** A stop left out of the plan and why. */
    public record Unassigned(String stopId, String label, String priority, String reason) {}

    /**
     * Sums over used routes.
     *
     * @param vehicles routes with at least one stop
     * @param stops stops planned
     * @param travelTime total driving time
     * @param distance total distance
     * @param workTime total time on site
     * @param idleTime total waiting
     * @param late total lateness
     * @param cost total cost (business mode)
     */
    public record Totals(
            int vehicles,
            int stops,
            double travelTime,
            double distance,
            double workTime,
            double idleTime,
            double late,
            double cost) {

        /** The sums over {@code routes}; lateness is summed over their visits. */
        public static Totals of(List<Route> routes) {
            int used = 0;
            int stops = 0;
            double travel = 0;
            double distance = 0;
            double work = 0;
            double idle = 0;
            double late = 0;
            double cost = 0;
            for (Route r : routes) {
                if (r.used()) {
                    used++;
                    stops += r.stops().size();
                }
                for (Visit v : r.stops()) {
                    late += v.late();
                }
                travel += r.travelTime();
                distance += r.distance();
                work += r.workTime();
                idle += r.idleTime();
                cost += r.cost();
            }
            return new Totals(used, stops, travel, distance, work, idle, late, cost);
        }
    }

    /** The stop ids in visiting order, per vehicle id, for re-planning and storage. */
    public Map<String, List<String>> orders() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Route r : routes) {
            out.put(r.vehicleId(), r.stops().stream().map(Visit::stopId).toList());
        }
        return out;
    }

    /** The route of a vehicle, or null. */
    public Route route(String vehicleId) {
        for (Route r : routes) {
            if (r.vehicleId().equals(vehicleId)) {
                return r;
            }
        }
        return null;
    }

    /**
     * Builds the plan implied by the stop orders: each vehicle leaves at its shift start, drives, waits
     * for windows, works the stop's duration (a fixed stop starts when it actually started) and drives
     * back.
     */
    public static RoutePlan of(
            RoutingProblem p,
            Map<String, List<String>> orders,
            List<Unassigned> unassigned,
            String score,
            boolean stoppedEarly,
            double seconds) {
        List<Route> routes = new ArrayList<>();
        boolean business = p.objective().mode() == RoutingProblem.Mode.BUSINESS;
        for (Vehicle v : p.vehicles()) {
            List<String> ids = orders.getOrDefault(v.id(), List.of());
            List<Visit> visits = new ArrayList<>(ids.size());
            int place = v.start();
            double clock = v.shiftStart();
            double rTravel = 0;
            double rDistance = 0;
            double rWork = 0;
            double rIdle = 0;
            int load = 0;
            for (Stop s : p.stops(ids)) {
                double t = p.travel().time(place, s.place());
                double d = p.travel().distance(place, s.place());
                double arrival = clock + t;
                double start = s.fixed() ? s.fixedStart() : Math.max(arrival, s.windowStart());
                double lateBy = s.fixed() ? 0 : Math.max(0, start - s.windowEnd());
                rIdle += Math.max(0, start - arrival);
                clock = start + s.duration();
                rTravel += t;
                rDistance += d;
                rWork += s.duration();
                load += s.demand();
                visits.add(new Visit(s.id(), s.label(), arrival, start, clock, t, d, lateBy, s.fixed()));
                place = s.place();
            }
            double back = v.shiftStart();
            if (!visits.isEmpty()) {
                rTravel += p.travel().time(place, v.end());
                rDistance += p.travel().distance(place, v.end());
                back = clock + p.travel().time(place, v.end());
            }
            double rCost = business && !visits.isEmpty()
                    ? v.costPerHour() * (back - v.shiftStart()) / 60.0
                            + p.objective().costPerKm() * rDistance
                    : 0;
            routes.add(new Route(
                    v.id(), v.label(), v.shiftStart(), back, rTravel, rDistance, rWork, rIdle, load, rCost, visits));
        }
        return new RoutePlan(p.name(), routes, unassigned, Totals.of(routes), score, stoppedEarly, seconds);
    }
}
