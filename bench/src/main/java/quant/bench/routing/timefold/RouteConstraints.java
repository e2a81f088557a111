package quant.bench.routing.timefold;

import ai.timefold.solver.core.api.score.HardMediumSoftScore;
import ai.timefold.solver.core.api.score.stream.Constraint;
import ai.timefold.solver.core.api.score.stream.ConstraintCollectors;
import ai.timefold.solver.core.api.score.stream.ConstraintFactory;
import ai.timefold.solver.core.api.score.stream.ConstraintProvider;
import quant.core.routing.RoutingProblem.Mode;

/**
 * The plan's score, lexicographic in three levels.
 *
 * <ul>
 *   <li><b>Hard</b> (a plan that breaks one cannot be driven): a technician without the stop's skill;
 *       work starting after the window closes when windows are hard; load over capacity; back after
 *       the shift ends.
 *   <li><b>Medium</b>: the priority weight of every stop left unassigned.
 *   <li><b>Soft</b>, business mode: {@code travelPerMinute · travel minutes + fuelWeight · costPerKm
 *       · road km + latenessPerMinute · minutes late (soft windows) + balancePerMinute · unfairness of
 *       working minutes} (Timefold's load-balance unfairness, the square root of the summed squared
 *       deviations from the mean). Literature mode (Solomon): {@code 10^12 · vehicles used +
 *       distance}, so fewer vehicles always win and distance breaks ties.
 * </ul>
 *
 * Quantities are scaled by {@link #SCALE} and rounded per term so the score is an exact long.
 */
public final class RouteConstraints implements ConstraintProvider {

    /** Fixed-point scale of times, distances and money in the score. */
    public static final double SCALE = 1_000_000;

    /** Soft penalty of one vehicle in literature mode: more than any total distance. */
    public static final long VEHICLE = 1_000_000_000_000L;

    /** Hard penalty of one stop on a technician without its skill. */
    static final long SKILL = 1_000L * (long) SCALE;

    @Override
    public Constraint[] defineConstraints(ConstraintFactory f) {
        return new Constraint[] {
            skill(f),
            hardWindow(f),
            capacity(f),
            shiftEnd(f),
            unassigned(f),
            vehicles(f),
            distance(f),
            returnDistance(f),
            travel(f),
            returnTravel(f),
            softWindow(f),
            balance(f)
        };
    }

    static long scaled(double x) {
        return Math.round(x * SCALE);
    }

    private static long late(double minutes) {
        return minutes <= 0 ? 0 : Math.max(1, scaled(minutes));
    }

    Constraint skill(ConstraintFactory f) {
        return f.forEach(PlanVisit.class)
                .filter(v -> !v.getRoute().vehicle().canServe(v.stop()))
                .penalize(HardMediumSoftScore.ONE_HARD, v -> SKILL)
                .asConstraint("Skill");
    }

    Constraint hardWindow(ConstraintFactory f) {
        return f.forEach(PlanVisit.class)
                .filter(v -> v.objective().hardWindows()
                        && v.lateness() > 0
                        && !v.stop().fixed())
                .penalize(HardMediumSoftScore.ONE_HARD, v -> late(v.lateness()))
                .asConstraint("Window");
    }

    Constraint capacity(ConstraintFactory f) {
        return f.forEach(PlanRoute.class)
                .filter(r -> r.load() > r.vehicle().capacity())
                .penalize(
                        HardMediumSoftScore.ONE_HARD,
                        r -> (long) (r.load() - r.vehicle().capacity()) * 1000)
                .asConstraint("Capacity");
    }

    Constraint shiftEnd(ConstraintFactory f) {
        return f.forEach(PlanRoute.class)
                .filter(r -> r.overtime() > 0)
                .penalize(HardMediumSoftScore.ONE_HARD, r -> late(r.overtime()))
                .asConstraint("Shift end");
    }

    Constraint unassigned(ConstraintFactory f) {
        return f.forEachIncludingUnassigned(PlanVisit.class)
                .filter(v -> v.getRoute() == null)
                .penalize(
                        HardMediumSoftScore.ONE_MEDIUM,
                        v -> Math.round(
                                1000 * v.objective().unassignedWeight(v.stop().priority())))
                .asConstraint("Unassigned");
    }

    Constraint vehicles(ConstraintFactory f) {
        return f.forEach(PlanRoute.class)
                .filter(r -> r.used() && r.objective().mode() == Mode.LITERATURE)
                .penalize(HardMediumSoftScore.ONE_SOFT, r -> VEHICLE)
                .asConstraint("Vehicles");
    }

    Constraint distance(ConstraintFactory f) {
        return f.forEach(PlanVisit.class)
                .filter(v -> v.objective().mode() == Mode.LITERATURE)
                .penalize(HardMediumSoftScore.ONE_SOFT, v -> scaled(v.distanceHere()))
                .asConstraint("Distance");
    }

    Constraint returnDistance(ConstraintFactory f) {
        return f.forEach(PlanRoute.class)
                .filter(r -> r.used() && r.objective().mode() == Mode.LITERATURE)
                .penalize(HardMediumSoftScore.ONE_SOFT, r -> scaled(r.returnDistance()))
                .asConstraint("Return distance");
    }

    Constraint travel(ConstraintFactory f) {
        return f.forEach(PlanVisit.class)
                .filter(v -> v.objective().mode() == Mode.BUSINESS)
                .penalize(
                        HardMediumSoftScore.ONE_SOFT, v -> legCost(v.objective(), v.travelTimeHere(), v.distanceHere()))
                .asConstraint("Travel");
    }

    Constraint returnTravel(ConstraintFactory f) {
        return f.forEach(PlanRoute.class)
                .filter(r -> r.used() && r.objective().mode() == Mode.BUSINESS)
                .penalize(
                        HardMediumSoftScore.ONE_SOFT,
                        r -> legCost(r.objective(), r.returnTravelTime(), r.returnDistance()))
                .asConstraint("Return travel");
    }

    private static long legCost(quant.core.routing.RoutingProblem.Objective o, double minutes, double km) {
        return scaled(o.travelPerMinute() * minutes + o.fuelWeight() * o.costPerKm() * km);
    }

    Constraint softWindow(ConstraintFactory f) {
        return f.forEach(PlanVisit.class)
                .filter(v -> !v.objective().hardWindows()
                        && v.lateness() > 0
                        && !v.stop().fixed())
                .penalize(HardMediumSoftScore.ONE_SOFT, v -> late(v.objective().latenessPerMinute() * v.lateness()))
                .asConstraint("Lateness");
    }

    Constraint balance(ConstraintFactory f) {
        return f.forEach(PlanRoute.class)
                .filter(r ->
                        r.objective().mode() == Mode.BUSINESS && r.objective().balancePerMinute() > 0)
                .groupBy(ConstraintCollectors.loadBalance(r -> r, r -> Math.round(r.workingTime())))
                .penalize(
                        HardMediumSoftScore.ONE_SOFT, b -> scaled(b.unfairness().doubleValue() * weightOf(b)))
                .asConstraint("Balance");
    }

    private static double weightOf(ai.timefold.solver.core.api.score.stream.common.LoadBalance<PlanRoute> b) {
        return b.loads().keySet().iterator().next().objective().balancePerMinute();
    }
}
