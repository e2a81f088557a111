package quant.core.routing;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import quant.core.routing.RoutingProblem.Mode;
import quant.core.routing.RoutingProblem.Objective;
import quant.core.routing.RoutingProblem.Stop;
import quant.core.routing.RoutingProblem.Vehicle;

/** A {@link RoutingProblem} flattened into arrays for {@link RouteSearch}: stops and vehicles by number. */
final class SearchModel {

    /** Cost of one unassigned unit of priority weight: above any route cost. */
    static final double UNASSIGNED = 1e8;

    /** Cost of a used vehicle in literature mode: above any total distance. */
    static final double VEHICLE = 1e5;

    final RoutingProblem problem;
    final int stops;
    final int vehicles;
    final int[] place;
    final int[] demand;
    final double[] duration;
    final double[] windowStart;
    final double[] windowEnd;
    final boolean[] fixed;
    final double[] fixedStart;
    final double[] unassignedCost;
    final int[] startPlace;
    final int[] endPlace;
    final double[] shiftStart;
    final double[] shiftEnd;
    final int[] capacity;
    final int[] pinned;
    final boolean[][] canServe;
    final double[][] time;
    final double[][] legCost;
    final boolean hardWindows;
    final boolean literature;
    final double latenessWeight;
    final double balanceWeight;
    /** For each stop, all stops by distance from it, itself first. */
    final int[][] neighbours;

    SearchModel(RoutingProblem p) {
        this.problem = p;
        List<Stop> ss = p.stops();
        List<Vehicle> vs = p.vehicles();
        stops = ss.size();
        vehicles = vs.size();
        place = new int[stops];
        demand = new int[stops];
        duration = new double[stops];
        windowStart = new double[stops];
        windowEnd = new double[stops];
        fixed = new boolean[stops];
        fixedStart = new double[stops];
        unassignedCost = new double[stops];
        Objective o = p.objective();
        for (int i = 0; i < stops; i++) {
            Stop s = ss.get(i);
            place[i] = s.place();
            demand[i] = s.demand();
            duration[i] = s.duration();
            windowStart[i] = s.windowStart();
            windowEnd[i] = s.windowEnd();
            fixed[i] = s.fixed();
            fixedStart[i] = s.fixedStart();
            unassignedCost[i] = UNASSIGNED * o.unassignedWeight(s.priority());
        }
        startPlace = new int[vehicles];
        endPlace = new int[vehicles];
        shiftStart = new double[vehicles];
        shiftEnd = new double[vehicles];
        capacity = new int[vehicles];
        pinned = new int[vehicles];
        canServe = new boolean[vehicles][stops];
        for (int v = 0; v < vehicles; v++) {
            Vehicle ve = vs.get(v);
            startPlace[v] = ve.start();
            endPlace[v] = ve.end();
            shiftStart[v] = ve.shiftStart();
            shiftEnd[v] = ve.shiftEnd();
            capacity[v] = ve.capacity();
            pinned[v] = ve.fixedStops().size();
            for (int i = 0; i < stops; i++) {
                canServe[v][i] = ve.canServe(ss.get(i));
            }
        }
        time = p.travel().time();
        double[][] distance = p.travel().distance();
        int places = p.travel().places();
        literature = o.mode() == Mode.LITERATURE;
        legCost = new double[places][places];
        for (int a = 0; a < places; a++) {
            for (int b = 0; b < places; b++) {
                legCost[a][b] = literature
                        ? distance[a][b]
                        : o.travelPerMinute() * time[a][b] + o.fuelWeight() * o.costPerKm() * distance[a][b];
            }
        }
        hardWindows = o.hardWindows();
        latenessWeight = o.latenessPerMinute();
        balanceWeight = literature ? 0 : o.balancePerMinute();
        neighbours = new int[stops][];
        for (int i = 0; i < stops; i++) {
            final int from = place[i];
            Integer[] order = new Integer[stops];
            for (int j = 0; j < stops; j++) {
                order[j] = j;
            }
            final int self = i;
            Arrays.sort(
                    order,
                    Comparator.<Integer>comparingInt(j -> j == self ? 0 : 1)
                            .thenComparingDouble(j -> distance[from][place[j]])
                            .thenComparingInt(j -> j));
            neighbours[i] = Arrays.stream(order).mapToInt(Integer::intValue).toArray();
        }
    }
}
