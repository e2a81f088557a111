package quant.core.routing.solomon;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import quant.core.routing.solomon.SolomonInstance.Customer;

/**
 * Checks a Solomon solution from the instance's own table, without the solver's model or score:
 * every customer served exactly once, load within capacity, service started by each due date (waiting
 * when early), back at the depot by its due date, and no more vehicles than available. Distance is the
 * unrounded Euclidean sum.
 *
 * @param feasible whether no rule is broken
 * @param problems each broken rule, in words
 * @param vehicles non-empty routes
 * @param distance total distance
 */
public record SolomonCheck(boolean feasible, List<String> problems, int vehicles, double distance) {

    /** Tolerance on times: float sums may differ in the last bits. */
    static final double EPSILON = 1e-6;

    public static SolomonCheck of(SolomonInstance instance, List<List<Integer>> routes) {
        List<String> problems = new ArrayList<>();
        Map<Integer, Integer> rowOf = new HashMap<>();
        for (int i = 1; i < instance.customers().size(); i++) {
            rowOf.put(instance.customers().get(i).id(), i);
        }
        Map<Integer, Integer> seen = new HashMap<>();
        Customer depot = instance.depot();
        int used = 0;
        double total = 0;
        for (int r = 0; r < routes.size(); r++) {
            List<Integer> route = routes.get(r);
            if (route.isEmpty()) {
                continue;
            }
            used++;
            int at = 0;
            double clock = depot.ready();
            int load = 0;
            for (int id : route) {
                Integer row = rowOf.get(id);
                if (row == null) {
                    problems.add("Route " + (r + 1) + " visits customer " + id + ", who is not in the instance.");
                    continue;
                }
                seen.merge(id, 1, Integer::sum);
                Customer c = instance.customers().get(row);
                double leg = instance.distance(at, row);
                total += leg;
                clock = Math.max(clock + leg, c.ready());
                if (clock > c.due() + EPSILON) {
                    problems.add(String.format(
                            "Route %d starts customer %d at %.4f, after its due date %.0f.",
                            r + 1, id, clock, c.due()));
                }
                clock += c.service();
                load += c.demand();
                at = row;
            }
            double back = instance.distance(at, 0);
            total += back;
            clock += back;
            if (clock > depot.due() + EPSILON) {
                problems.add(String.format(
                        "Route %d is back at the depot at %.4f, after its due date %.0f.", r + 1, clock, depot.due()));
            }
            if (load > instance.capacity()) {
                problems.add("Route " + (r + 1) + " carries " + load + ", over the capacity of " + instance.capacity()
                        + ".");
            }
        }
        for (int i = 1; i < instance.customers().size(); i++) {
            int id = instance.customers().get(i).id();
            int times = seen.getOrDefault(id, 0);
            if (times != 1) {
                problems.add("Customer " + id + " is served " + times + " times.");
            }
        }
        if (used > instance.vehicles()) {
            problems.add("The solution uses " + used + " vehicles, over the " + instance.vehicles() + " available.");
        }
        return new SolomonCheck(problems.isEmpty(), problems, used, total);
    }
}
