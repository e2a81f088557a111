package quant.core.routing;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import quant.core.routing.RoutingProblem.Mode;
import quant.core.routing.RoutingProblem.Stop;
import quant.core.routing.RoutingProblem.Vehicle;

/**
 * Says in words why each stop a plan leaves out could not be placed. The checks go from the most
 * basic to the most specific: nobody has the skill; the window cannot be reached even on a trip from
 * the start straight to the stop; no shift is long enough for that trip; it is too heavy; the
 * qualified vehicles' days are full; or a place existed but the search stopped first.
 */
public final class UnassignedReasons {

    private UnassignedReasons() {}

    /** The stops missing from {@code orders}, each with its reason, in the problem's stop order. */
    public static List<RoutePlan.Unassigned> explain(RoutingProblem p, Map<String, List<String>> orders) {
        Set<String> placed = new HashSet<>();
        orders.values().forEach(placed::addAll);
        List<RoutePlan.Unassigned> out = new ArrayList<>();
        for (Stop s : p.stops()) {
            if (!placed.contains(s.id())) {
                out.add(new RoutePlan.Unassigned(s.id(), s.label(), s.priority().code(), reason(p, s, orders)));
            }
        }
        return out;
    }

    static String reason(RoutingProblem p, Stop s, Map<String, List<String>> orders) {
        boolean business = p.objective().mode() == Mode.BUSINESS;
        String who = business ? "technician" : "vehicle";
        List<Vehicle> able = p.vehicles().stream().filter(v -> v.canServe(s)).toList();
        if (able.isEmpty()) {
            return business
                    ? "No technician working that day has the skill " + s.skill() + "."
                    : "No vehicle can serve it.";
        }
        int windowMissed = 0;
        int shiftShort = 0;
        int tooHeavy = 0;
        double shortestTrip = Double.POSITIVE_INFINITY;
        for (Vehicle v : able) {
            double arrival = v.shiftStart() + p.travel().time(v.start(), s.place());
            double start = Math.max(arrival, s.windowStart());
            double back = start + s.duration() + p.travel().time(s.place(), v.end());
            shortestTrip = Math.min(shortestTrip, back - v.shiftStart());
            if (s.demand() > v.capacity()) {
                tooHeavy++;
            } else if (p.objective().hardWindows() && start > s.windowEnd()) {
                windowMissed++;
            } else if (back > v.shiftEnd()) {
                shiftShort++;
            }
        }
        String withSkill = s.skill() == null ? "" : " with the skill";
        String qualified = able.size() == 1
                ? "the only " + who + withSkill
                : "any of the " + able.size() + " " + who + "s" + withSkill;
        if (windowMissed == able.size()) {
            return "Its window (" + time(s.windowStart(), business) + "–" + time(s.windowEnd(), business)
                    + ") closes before " + qualified + " can get there.";
        }
        if (tooHeavy == able.size()) {
            return "Its load of " + s.demand() + " is more than " + qualified + " can carry.";
        }
        if (windowMissed + shiftShort + tooHeavy == able.size()) {
            return "No shift of " + qualified + " is long enough: the trip there, the work and the way back take "
                    + duration(shortestTrip, business) + ".";
        }
        for (Vehicle v : able) {
            if (fitsSomewhere(p, v, s, orders.getOrDefault(v.id(), List.of()))) {
                return "It fits into the day of " + v.label() + ", but the search stopped before placing it.";
            }
        }
        return "The days of " + qualified.replace("any of the", "all")
                + " are full: fitting it in would make another stop late, run past a"
                + " shift end or push out work with a higher priority.";
    }

    /** Whether inserting the stop anywhere after the kept stops keeps every window, the load and the shift. */
    static boolean fitsSomewhere(RoutingProblem p, Vehicle v, Stop s, List<String> order) {
        List<Stop> stops = p.stops(order);
        for (int at = v.fixedStops().size(); at <= stops.size(); at++) {
            List<Stop> trial = new ArrayList<>(stops);
            trial.add(at, s);
            if (feasible(p, v, trial)) {
                return true;
            }
        }
        return false;
    }

    static boolean feasible(RoutingProblem p, Vehicle v, List<Stop> stops) {
        int place = v.start();
        double clock = v.shiftStart();
        int load = 0;
        for (Stop s : stops) {
            double arrival = clock + p.travel().time(place, s.place());
            double start = s.fixed() ? s.fixedStart() : Math.max(arrival, s.windowStart());
            if (!s.fixed() && p.objective().hardWindows() && start > s.windowEnd()) {
                return false;
            }
            clock = start + s.duration();
            load += s.demand();
            place = s.place();
        }
        return load <= v.capacity() && clock + p.travel().time(place, v.end()) <= v.shiftEnd();
    }

    static String time(double t, boolean clock) {
        if (!clock) {
            return String.format(Locale.ROOT, "%.0f", t);
        }
        long m = Math.round(t);
        return String.format(Locale.ROOT, "%02d:%02d", m / 60, m % 60);
    }

    static String duration(double t, boolean minutes) {
        if (!minutes) {
            return String.format(Locale.ROOT, "%.0f", t);
        }
        long m = Math.round(t);
        return m >= 60 ? String.format(Locale.ROOT, "%d h %02d min", m / 60, m % 60) : m + " min";
    }
}
