package quant.core.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static quant.core.routing.Problems.business;
import static quant.core.routing.Problems.plane;
import static quant.core.routing.Problems.stop;
import static quant.core.routing.Problems.tech;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import quant.core.job.JobMonitor;
import quant.core.routing.RoutingProblem.Mode;
import quant.core.routing.RoutingProblem.Objective;
import quant.core.routing.RoutingProblem.Priority;
import quant.core.routing.RoutingProblem.Stop;

class RouteSearchTest {

    static final RouteSearch.Limits QUICK = new RouteSearch.Limits(Duration.ofSeconds(20), 7, 3_000);

    static RoutePlan solve(RoutingProblem p) {
        return RouteSearch.solve(p, Map.of(), QUICK, JobMonitor.NONE);
    }

    @Test
    void visitsFourCornersInTheShortestLoop() {
        // depot at (0,0), stops at (0,10), (10,10) and (10,0): the perimeter is 40; any order that
        // crosses the square is 10 + 14.14 + 10 + 14.14 = 48.28
        RoutingProblem p = new RoutingProblem(
                "square",
                List.of(tech("A", 0, 1000)),
                List.of(
                        stop("n", 1, 0, 0, 1000, null),
                        stop("ne", 2, 0, 0, 1000, null),
                        stop("e", 3, 0, 0, 1000, null)),
                plane(new double[][] {{0, 0}, {0, 10}, {10, 10}, {10, 0}}),
                business());
        RoutePlan plan = solve(p);
        assertThat(plan.totals().distance()).isCloseTo(40, within(1e-9));
        assertThat(plan.route("A").stops())
                .extracting(RoutePlan.Visit::stopId)
                .isIn(List.of("n", "ne", "e"), List.of("e", "ne", "n"));
        assertThat(plan.unassigned()).isEmpty();
    }

    @Test
    void waitsForWindowsAndReportsTheTimes() {
        // one stop 10 away with a window opening at 30: leave at 0, arrive 10, wait 20, work 15 → 45,
        // back at 55. Cost to the business: 30 per hour for 55 minutes = 27.50.
        RoutingProblem p = new RoutingProblem(
                "wait",
                List.of(tech("A", 0, 100)),
                List.of(stop("j", 1, 15, 30, 40, null)),
                plane(new double[][] {{0, 0}, {10, 0}}),
                business());
        RoutePlan.Route r = solve(p).route("A");
        RoutePlan.Visit v = r.stops().getFirst();
        assertThat(v.arrival()).isEqualTo(10);
        assertThat(v.start()).isEqualTo(30);
        assertThat(v.end()).isEqualTo(45);
        assertThat(r.back()).isEqualTo(55);
        assertThat(r.idleTime()).isEqualTo(20);
        assertThat(r.travelTime()).isEqualTo(20);
        assertThat(r.cost()).isCloseTo(27.5, within(1e-9));
    }

    @Test
    void windowsDecideTheOrderEvenWhenItDrivesFurther() {
        // b is nearer, but its window opens only after a's closes
        RoutingProblem p = new RoutingProblem(
                "order",
                List.of(tech("A", 0, 500)),
                List.of(stop("a", 2, 5, 0, 25, null), stop("b", 1, 5, 40, 60, null)),
                plane(new double[][] {{0, 0}, {5, 0}, {20, 0}}),
                business());
        RoutePlan plan = solve(p);
        assertThat(plan.route("A").stops()).extracting(RoutePlan.Visit::stopId).containsExactly("a", "b");
        for (RoutePlan.Visit v : plan.route("A").stops()) {
            assertThat(v.late()).isZero();
        }
    }

    @Test
    void givesEachJobToATechnicianWithItsSkill() {
        RoutingProblem p = new RoutingProblem(
                "skills",
                List.of(tech("H", 0, 600, "HVAC"), tech("P", 0, 600, "PLUMB")),
                List.of(
                        stop("h1", 1, 30, 0, 600, "HVAC"),
                        stop("p1", 2, 30, 0, 600, "PLUMB"),
                        stop("h2", 3, 30, 0, 600, "HVAC")),
                plane(new double[][] {{0, 0}, {5, 5}, {6, 5}, {5, 6}}),
                business());
        RoutePlan plan = solve(p);
        assertThat(plan.route("H").stops()).extracting(RoutePlan.Visit::stopId).containsExactlyInAnyOrder("h1", "h2");
        assertThat(plan.route("P").stops()).extracting(RoutePlan.Visit::stopId).containsExactly("p1");
    }

    @Test
    void saysWhyAJobIsLeftOut() {
        RoutingProblem p = new RoutingProblem(
                "reasons",
                List.of(tech("A", 480, 1020, "HVAC")),
                List.of(
                        stop("skill", 1, 30, 480, 1020, "ROOF"),
                        stop("window", 2, 30, 480, 500, "HVAC"),
                        stop("long", 1, 600, 480, 1020, "HVAC"),
                        stop("ok", 1, 60, 480, 1020, "HVAC")),
                plane(new double[][] {{0, 0}, {10, 0}, {60, 0}}),
                business());
        RoutePlan plan = solve(p);
        assertThat(plan.route("A").stops()).extracting(RoutePlan.Visit::stopId).containsExactly("ok");
        Map<String, String> why = plan.unassigned().stream()
                .collect(java.util.stream.Collectors.toMap(RoutePlan.Unassigned::stopId, RoutePlan.Unassigned::reason));
        assertThat(why.get("skill")).isEqualTo("No technician working that day has the skill ROOF.");
        assertThat(why.get("window"))
                .isEqualTo("Its window (08:00–08:20) closes before the only technician with the skill can get there.");
        assertThat(why.get("long"))
                .startsWith("No shift of the only technician with the skill is long enough")
                .contains("10 h 20 min");
    }

    @Test
    void leavesOutTheLowerPriorityWhenTheDayIsFull() {
        // room for one 4-hour job in a 5-hour day: the emergency wins although it is further away
        Stop low = new Stop("low", "low", 1, 0, 240, 0, 300, null, Priority.LOW, 500, Double.NaN);
        Stop urgent = new Stop("urgent", "urgent", 2, 0, 240, 0, 300, null, Priority.EMERGENCY, 100, Double.NaN);
        RoutingProblem p = new RoutingProblem(
                "priority",
                List.of(tech("A", 0, 300)),
                List.of(low, urgent),
                plane(new double[][] {{0, 0}, {5, 0}, {20, 0}}),
                business());
        RoutePlan plan = solve(p);
        assertThat(plan.route("A").stops()).extracting(RoutePlan.Visit::stopId).containsExactly("urgent");
        assertThat(plan.unassigned()).extracting(RoutePlan.Unassigned::stopId).containsExactly("low");
        assertThat(plan.unassigned().getFirst().reason()).startsWith("The days of the only technician");
    }

    @Test
    void softWindowsAllowLatenessAtItsCost() {
        // the only way to serve both is to be 10 late at b; with hard windows b is left out
        List<Stop> stops = List.of(stop("a", 1, 20, 0, 10, null), stop("b", 2, 10, 0, 20, null));
        double[][] xy = {{0, 0}, {10, 0}, {10, 0}};
        RoutingProblem hard = new RoutingProblem("hard", List.of(tech("A", 0, 200)), stops, plane(xy), business());
        assertThat(solve(hard).unassigned()).hasSize(1);
        Objective soft = new Objective(Mode.BUSINESS, false, 1, 0, 0, 0, 2, List.of(1.0, 10.0, 100.0, 1000.0));
        RoutePlan plan = solve(new RoutingProblem("soft", List.of(tech("A", 0, 200)), stops, plane(xy), soft));
        assertThat(plan.unassigned()).isEmpty();
        assertThat(plan.totals().late()).isCloseTo(10, within(1e-9));
    }

    @Test
    void theSameSeedAndIterationsGiveTheSamePlan() throws Exception {
        RoutingProblem p = randomDay(60, 6, 11);
        RouteSearch.Limits limits = new RouteSearch.Limits(Duration.ofSeconds(60), 3, 2_000);
        RoutePlan one = RouteSearch.solve(p, Map.of(), limits, JobMonitor.NONE);
        RoutePlan two = RouteSearch.solve(p, Map.of(), limits, JobMonitor.NONE);
        assertThat(two.orders()).isEqualTo(one.orders());
        assertThat(two.totals()).isEqualTo(one.totals());
    }

    @Test
    void stopKeepsTheBestPlanSoFarAndReportsProgress() {
        RoutingProblem p = randomDay(80, 8, 5);
        AtomicInteger reports = new AtomicInteger();
        long began = System.nanoTime();
        JobMonitor stopAfterASecond = new JobMonitor() {
            @Override
            public void progress(long done, long total, String stage) {
                assertThat(stage).startsWith("Best so far: ");
                reports.incrementAndGet();
            }

            @Override
            public boolean isCancelled() {
                return System.nanoTime() - began > 1_000_000_000L;
            }
        };
        RoutePlan plan = RouteSearch.solve(p, Map.of(), RouteSearch.Limits.seconds(60, 1), stopAfterASecond);
        assertThat(plan.stoppedEarly()).isTrue();
        assertThat(plan.seconds()).isLessThan(30);
        assertThat(reports.get()).isPositive();
        assertThat(plan.totals().stops() + plan.unassigned().size()).isEqualTo(80);
    }

    /** A day of {@code jobs} jobs around a depot for {@code techs} technicians, from a seed. */
    static RoutingProblem randomDay(int jobs, int techs, long seed) {
        java.util.Random r = new java.util.Random(seed);
        double[][] xy = new double[jobs + 1][2];
        for (int i = 1; i <= jobs; i++) {
            xy[i][0] = r.nextDouble() * 60 - 30;
            xy[i][1] = r.nextDouble() * 60 - 30;
        }
        List<Stop> stops = new java.util.ArrayList<>();
        for (int i = 1; i <= jobs; i++) {
            double open = 480 + 60 * r.nextInt(6);
            stops.add(stop("j" + i, i, 30 + 15 * r.nextInt(6), open, open + 180, null));
        }
        List<RoutingProblem.Vehicle> vehicles = new java.util.ArrayList<>();
        for (int t = 0; t < techs; t++) {
            vehicles.add(tech("t" + t, 480, 1020));
        }
        return new RoutingProblem("random", vehicles, stops, plane(xy), business());
    }
}
