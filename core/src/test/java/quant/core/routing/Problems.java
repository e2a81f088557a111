package quant.core.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import quant.core.routing.RoutingProblem.Mode;
import quant.core.routing.RoutingProblem.Objective;
import quant.core.routing.RoutingProblem.Priority;
import quant.core.routing.RoutingProblem.Stop;
import quant.core.routing.RoutingProblem.Travel;
import quant.core.routing.RoutingProblem.Vehicle;

/** Small routing problems on a plane, written out by hand for tests: place 0 is the depot. */
final class Problems {

    private Problems() {}

    /** Travel where time equals Euclidean distance between the points. */
    static Travel plane(double[][] xy) {
        int n = xy.length;
        double[][] d = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                d[i][j] = Math.hypot(xy[i][0] - xy[j][0], xy[i][1] - xy[j][1]);
            }
        }
        return new Travel(d, d);
    }

    static Objective business() {
        return new Objective(Mode.BUSINESS, true, 1, 0, 0, 0, 0, List.of(1.0, 10.0, 100.0, 1000.0));
    }

    static Vehicle tech(String id, double from, double to, String... skills) {
        return new Vehicle(id, "Tech " + id, 0, 0, from, to, Integer.MAX_VALUE, Set.of(skills), false, 30, List.of());
    }

    static Stop stop(String id, int place, double duration, double from, double to, String skill) {
        return new Stop(id, "Job " + id, place, 0, duration, from, to, skill, Priority.NORMAL, 100, Double.NaN);
    }

    static List<Stop> stops(Stop... s) {
        return new ArrayList<>(List.of(s));
    }
}
