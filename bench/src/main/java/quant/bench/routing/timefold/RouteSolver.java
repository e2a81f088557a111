package quant.bench.routing.timefold;

import ai.timefold.solver.core.api.score.HardMediumSoftScore;
import ai.timefold.solver.core.api.solver.Solver;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.constructionheuristic.ConstructionHeuristicPhaseConfig;
import ai.timefold.solver.core.config.localsearch.LocalSearchPhaseConfig;
import ai.timefold.solver.core.config.solver.EnvironmentMode;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import quant.core.job.JobMonitor;
import quant.core.routing.RoutePlan;
import quant.core.routing.RoutingProblem;
import quant.core.routing.RoutingProblem.Mode;
import quant.core.routing.RoutingProblem.Stop;
import quant.core.routing.RoutingProblem.Vehicle;
import quant.core.routing.UnassignedReasons;

/**
 * Solves a {@link RoutingProblem} with Timefold Solver: a construction heuristic places every stop it
 * can, then local search (Timefold's default for list variables: late acceptance over change, swap,
 * sub-list and 2-opt moves) improves the plan until the time limit, the step limit or the user's Stop.
 * With a step limit and the same seed, the same problem gives the same plan.
 */
public final class RouteSolver {

    private RouteSolver() {}

    /**
     * When to stop searching.
     *
     * @param time wall-clock limit for the whole solve
     * @param seed random seed
     * @param steps local-search step limit, 0 for none (then only time stops the search)
     */
    public record Limits(Duration time, long seed, int steps) {
        public Limits {
            if (time.isNegative() || time.isZero()) {
                throw new IllegalArgumentException("The time limit must be positive.");
            }
            if (steps < 0) {
                throw new IllegalArgumentException("The step limit must be zero or more.");
            }
        }

        public static Limits seconds(double seconds, long seed) {
            return new Limits(Duration.ofMillis(Math.round(seconds * 1000)), seed, 0);
        }
    }

    /**
     * Plans the problem. Stops a vehicle keeps ({@link Vehicle#fixedStops()}) stay first on it and do
     * not move; {@code initial} (vehicle id to stop ids, may be empty) is where the search starts, so a
     * re-plan begins from the plan it changes. The monitor's cancel stops the search and keeps the best
     * plan found so far.
     */
    public static RoutePlan solve(
            RoutingProblem problem, Map<String, List<String>> initial, Limits limits, JobMonitor monitor) {
        long started = System.nanoTime();
        PlanSolution start = build(problem, initial);
        Solver<PlanSolution> solver =
                SolverFactory.<PlanSolution>create(config(limits)).buildSolver();
        long totalMillis = limits.time().toMillis();
        solver.addEventListener(event -> monitor.progress(
                Math.min(event.getTimeMillisSpent(), totalMillis),
                totalMillis,
                describe(event.getNewBestSolution(), problem.objective().mode())));
        AtomicBoolean stopped = new AtomicBoolean();
        Thread watcher = Thread.ofVirtual().start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                if (monitor.isCancelled()) {
                    stopped.set(solver.terminateEarly());
                    return;
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        PlanSolution best;
        try {
            best = solver.solve(start);
        } finally {
            watcher.interrupt();
        }
        Map<String, List<String>> orders = orders(best);
        double seconds = (System.nanoTime() - started) / 1e9;
        List<RoutePlan.Unassigned> unassigned = UnassignedReasons.explain(problem, orders);
        return RoutePlan.of(problem, orders, unassigned, String.valueOf(best.getScore()), stopped.get(), seconds);
    }

    static SolverConfig config(Limits limits) {
        LocalSearchPhaseConfig localSearch = new LocalSearchPhaseConfig();
        if (limits.steps() > 0) {
            localSearch.setTerminationConfig(new TerminationConfig().withStepCountLimit(limits.steps()));
        }
        return new SolverConfig()
                .withSolutionClass(PlanSolution.class)
                .withEntityClasses(PlanRoute.class, PlanVisit.class)
                .withConstraintProviderClass(RouteConstraints.class)
                .withEnvironmentMode(EnvironmentMode.NO_ASSERT)
                .withRandomSeed(limits.seed())
                .withTerminationConfig(new TerminationConfig().withSpentLimit(limits.time()))
                .withPhases(new ConstructionHeuristicPhaseConfig(), localSearch);
    }

    static PlanSolution build(RoutingProblem problem, Map<String, List<String>> initial) {
        List<PlanVisit> visits = new ArrayList<>();
        Map<String, PlanVisit> byId = new HashMap<>();
        for (Stop s : problem.stops()) {
            PlanVisit v = new PlanVisit(visits.size(), s, problem.travel(), problem.objective());
            visits.add(v);
            byId.put(s.id(), v);
        }
        Set<String> placed = new HashSet<>();
        List<PlanRoute> routes = new ArrayList<>();
        for (Vehicle vehicle : problem.vehicles()) {
            PlanRoute route = new PlanRoute(routes.size(), vehicle, problem.travel(), problem.objective());
            for (String id : vehicle.fixedStops()) {
                if (!placed.add(id)) {
                    throw new IllegalArgumentException("Stop " + id + " is kept by two vehicles.");
                }
                route.getVisits().add(byId.get(id));
            }
            route.setPinned(vehicle.fixedStops().size());
            routes.add(route);
        }
        for (PlanRoute route : routes) {
            for (String id : initial.getOrDefault(route.vehicle().id(), List.of())) {
                PlanVisit v = byId.get(id);
                if (v != null && placed.add(id)) {
                    route.getVisits().add(v);
                }
            }
        }
        return new PlanSolution(routes, visits);
    }

    static Map<String, List<String>> orders(PlanSolution solution) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (PlanRoute r : solution.getRoutes()) {
            out.put(
                    r.vehicle().id(),
                    r.getVisits().stream().map(v -> v.stop().id()).toList());
        }
        return out;
    }

    static String describe(PlanSolution s, Mode mode) {
        long unassigned =
                s.getVisits().stream().filter(v -> v.getRoute() == null).count();
        HardMediumSoftScore score = s.getScore();
        String feasibility = score != null && score.hardScore() < 0 ? "not yet feasible, " : "";
        if (mode == Mode.LITERATURE) {
            long vehicles = s.getRoutes().stream().filter(PlanRoute::used).count();
            double distance = 0;
            for (PlanRoute r : s.getRoutes()) {
                for (PlanVisit v : r.getVisits()) {
                    distance += v.distanceHere();
                }
                distance += r.returnDistance();
            }
            return String.format(
                    "Best so far: %s%d vehicles, distance %.2f, %d unassigned",
                    feasibility, vehicles, distance, unassigned);
        }
        double minutes = 0;
        for (PlanRoute r : s.getRoutes()) {
            for (PlanVisit v : r.getVisits()) {
                minutes += v.travelTimeHere();
            }
            minutes += r.returnTravelTime();
        }
        return String.format("Best so far: %s%d unassigned, %.0f min driving", feasibility, unassigned, minutes);
    }
}
