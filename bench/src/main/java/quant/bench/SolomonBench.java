package quant.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import quant.bench.routing.timefold.RouteSolver;
import quant.core.job.JobMonitor;
import quant.core.routing.RoutePlan;
import quant.core.routing.RouteSearch;
import quant.core.routing.solomon.SolomonCheck;
import quant.core.routing.solomon.SolomonInstance;

/**
 * Solves the Solomon (1987) VRPTW instances in {@code ../shared/benchdata/solomon_vrptw} at a fixed
 * time limit each and prints vehicles, distance and the gap to the best-known solution ({@code
 * BKS.csv}), per instance and on average. Each answer is checked by {@link SolomonCheck}. With {@code
 * --timefold} the same instances are also solved by the Timefold Solver model in {@code
 * quant.bench.routing.timefold} (ADR 0015), side by side.
 *
 * <p>Arguments: seconds per instance, then instance names (default: all 56), then optionally {@code
 * --timefold}.
 */
public final class SolomonBench {

    private SolomonBench() {}

    record Row(String name, int vehicles, double distance, boolean feasible) {}

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(System.getProperty("quant.benchdata", "../shared/benchdata"))
                .resolve("solomon_vrptw");
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 30;
        boolean timefold = List.of(args).contains("--timefold");
        Map<String, double[]> best = new LinkedHashMap<>();
        for (String line : Files.readAllLines(dir.resolve("BKS.csv"))) {
            String[] f = line.split(",");
            if (!f[0].equals("instance")) {
                best.put(f[0], new double[] {Double.parseDouble(f[1]), Double.parseDouble(f[2])});
            }
        }
        List<String> names = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                names.add(args[i]);
            }
        }
        if (names.isEmpty()) {
            names.addAll(best.keySet());
        }
        System.out.printf(
                Locale.ROOT,
                "Solomon VRPTW, %d instances, %.0f s each, seed 1, %d processors%n",
                names.size(),
                seconds,
                Runtime.getRuntime().availableProcessors());
        System.out.printf(
                Locale.ROOT,
                "%-7s %8s %8s %10s %10s %7s %9s%s%n",
                "",
                "vehicles",
                "best",
                "distance",
                "best",
                "gap %",
                "feasible",
                timefold ? "   timefold: vehicles  distance   gap %  feasible" : "");
        List<Row> ours = new ArrayList<>();
        List<Row> theirs = new ArrayList<>();
        for (String name : names) {
            SolomonInstance instance = SolomonInstance.read(dir.resolve(name + ".txt"));
            double[] b = best.get(name);
            Row o = row(
                    instance,
                    RouteSearch.solve(
                            instance.problem(), Map.of(), RouteSearch.Limits.seconds(seconds, 1), JobMonitor.NONE));
            ours.add(o);
            String extra = "";
            if (timefold) {
                Row t = row(
                        instance,
                        RouteSolver.solve(
                                instance.problem(), Map.of(), RouteSolver.Limits.seconds(seconds, 1), JobMonitor.NONE));
                theirs.add(t);
                extra = String.format(
                        Locale.ROOT,
                        "   %18d %9.2f %7.2f  %s",
                        t.vehicles(),
                        t.distance(),
                        gap(t, b),
                        t.feasible() ? "yes" : "NO");
            }
            System.out.printf(
                    Locale.ROOT,
                    "%-7s %8d %8.0f %10.2f %10.2f %7.2f %9s%s%n",
                    name,
                    o.vehicles(),
                    b[0],
                    o.distance(),
                    b[1],
                    gap(o, b),
                    o.feasible() ? "yes" : "NO",
                    extra);
        }
        summary("ours", ours, best);
        if (timefold) {
            summary("timefold", theirs, best);
        }
    }

    private static Row row(SolomonInstance instance, RoutePlan plan) {
        List<List<Integer>> routes = plan.routes().stream()
                .filter(RoutePlan.Route::used)
                .map(r -> r.stops().stream()
                        .map(v -> Integer.parseInt(v.stopId()))
                        .toList())
                .toList();
        SolomonCheck c = SolomonCheck.of(instance, routes);
        return new Row(instance.name(), c.vehicles(), c.distance(), c.feasible());
    }

    private static double gap(Row r, double[] best) {
        return 100 * (r.distance() / best[1] - 1);
    }

    private static void summary(String who, List<Row> rows, Map<String, double[]> best) {
        int feasible = 0;
        int atBest = 0;
        int overByMore = 0;
        int maxOver = Integer.MIN_VALUE;
        double gapSum = 0;
        double gapSameFleet = 0;
        int sameFleet = 0;
        for (Row r : rows) {
            double[] b = best.get(r.name());
            int over = r.vehicles() - (int) b[0];
            feasible += r.feasible() ? 1 : 0;
            atBest += over <= 0 ? 1 : 0;
            overByMore += over > 1 ? 1 : 0;
            maxOver = Math.max(maxOver, over);
            gapSum += gap(r, b);
            if (over == 0) {
                gapSameFleet += gap(r, b);
                sameFleet++;
            }
        }
        System.out.printf(
                Locale.ROOT,
                "%n%s: %d of %d feasible (target: all); vehicles at best known on %d, at most %+d over (target:"
                        + " +1), over by more than 1 on %d; mean distance gap %.2f %% (target: 3 %%), %.2f %% on the %d"
                        + " with the best-known fleet%n",
                who,
                feasible,
                rows.size(),
                atBest,
                maxOver,
                overByMore,
                gapSum / rows.size(),
                sameFleet == 0 ? Double.NaN : gapSameFleet / sameFleet,
                sameFleet);
    }
}
