package quant.core.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static quant.core.routing.Problems.business;
import static quant.core.routing.Problems.plane;
import static quant.core.routing.Problems.stop;
import static quant.core.routing.Problems.tech;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import quant.core.analysis.InvalidSpecException;
import quant.core.job.JobMonitor;
import quant.core.routing.RoutingProblem.Priority;
import quant.core.routing.RoutingProblem.Stop;

/** Re-planning a day in progress: after a cancellation, and after an emergency comes in. */
class ReplanningTest {

    static final double NOW = 11 * 60;
    static final RouteSearch.Limits MORNING = new RouteSearch.Limits(Duration.ofSeconds(30), 5, 4_000);
    static final RouteSearch.Limits REPLAN = new RouteSearch.Limits(Duration.ofSeconds(30), 5, 1_500);

    /** 48 jobs for 6 technicians around a depot; the last place is kept free for an emergency. */
    static RoutingProblem day() {
        java.util.Random r = new java.util.Random(17);
        int jobs = 48;
        double[][] xy = new double[jobs + 2][2];
        for (int i = 1; i < xy.length; i++) {
            xy[i][0] = r.nextDouble() * 50 - 25;
            xy[i][1] = r.nextDouble() * 50 - 25;
        }
        List<Stop> stops = new ArrayList<>();
        for (int i = 1; i <= jobs; i++) {
            double open = 480 + 60 * r.nextInt(7);
            stops.add(stop("j" + i, i, 30 + 15 * r.nextInt(4), open, open + 180, null));
        }
        List<RoutingProblem.Vehicle> techs = new ArrayList<>();
        for (int t = 0; t < 6; t++) {
            techs.add(tech("t" + t, 480, 1080));
        }
        return new RoutingProblem("day", techs, stops, plane(xy), business());
    }

    static Map<String, RoutePlan.Visit> visits(RoutePlan p) {
        Map<String, RoutePlan.Visit> out = new HashMap<>();
        p.routes().forEach(r -> r.stops().forEach(v -> out.put(v.stopId(), v)));
        return out;
    }

    static Map<String, String> owners(RoutePlan p) {
        Map<String, String> out = new HashMap<>();
        p.routes().forEach(r -> r.stops().forEach(v -> out.put(v.stopId(), r.vehicleId())));
        return out;
    }

    @Test
    void afterACancellationTheStartedStopsStayAndTheRestIsPlannedAgain() {
        RoutingProblem problem = day();
        RoutePlan morning = RouteSearch.solve(problem, Map.of(), MORNING, JobMonitor.NONE);
        assertThat(morning.unassigned()).isEmpty();
        String cancelled = laterStop(morning);

        RoutePlan after =
                Replanning.replan(problem, morning, NOW, Set.of(cancelled), List.of(), REPLAN, JobMonitor.NONE);

        assertKeptWhatHadStarted(morning, after);
        assertThat(visits(after)).doesNotContainKey(cancelled);
        assertThat(after.unassigned()).isEmpty();
        assertThat(after.totals().stops()).isEqualTo(47);
        assertThat(after.totals().late()).isZero();
        assertThat(after.seconds()).isLessThan(30);
        // a cancellation frees time: the re-plan drives no more than the morning plan did
        assertThat(after.totals().travelTime())
                .isLessThanOrEqualTo(morning.totals().travelTime() + 1e-9);
    }

    @Test
    void anEmergencyIsFittedInWithoutMovingWorkThatStarted() {
        RoutingProblem problem = day();
        RoutePlan morning = RouteSearch.solve(problem, Map.of(), MORNING, JobMonitor.NONE);
        Stop emergency = new Stop(
                "burst-pipe", "Burst pipe", 49, 0, 60, NOW, NOW + 90, null, Priority.EMERGENCY, 400, Double.NaN);

        RoutePlan after =
                Replanning.replan(problem, morning, NOW, Set.of(), List.of(emergency), REPLAN, JobMonitor.NONE);

        assertKeptWhatHadStarted(morning, after);
        RoutePlan.Visit e = visits(after).get("burst-pipe");
        assertThat(e).as("the emergency is planned").isNotNull();
        assertThat(e.start()).isBetween(NOW, NOW + 90);
        assertThat(after.unassigned())
                .extracting(RoutePlan.Unassigned::priority)
                .doesNotContain("emergency");
        assertThat(after.totals().late()).isZero();
        assertThat(after.seconds()).isLessThan(30);
    }

    @Test
    void workThatStartedCannotBeCancelled() {
        RoutingProblem problem = day();
        RoutePlan morning = RouteSearch.solve(problem, Map.of(), MORNING, JobMonitor.NONE);
        String started = morning.routes().stream()
                .flatMap(r -> r.stops().stream())
                .filter(v -> v.start() <= NOW)
                .findFirst()
                .orElseThrow()
                .stopId();
        assertThatThrownBy(() ->
                        Replanning.replan(problem, morning, NOW, Set.of(started), List.of(), REPLAN, JobMonitor.NONE))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessageContaining("cannot be cancelled: work there started at");
    }

    /** A stop that starts after {@link #NOW}. */
    static String laterStop(RoutePlan p) {
        return p.routes().stream()
                .flatMap(r -> r.stops().stream())
                .filter(v -> v.start() > NOW + 60)
                .findFirst()
                .orElseThrow()
                .stopId();
    }

    /** Stops that started by {@link #NOW} keep their technician, their place in line and their start. */
    static void assertKeptWhatHadStarted(RoutePlan before, RoutePlan after) {
        Map<String, String> ownerBefore = owners(before);
        Map<String, String> ownerAfter = owners(after);
        Map<String, RoutePlan.Visit> now = visits(after);
        int started = 0;
        for (RoutePlan.Route r : before.routes()) {
            List<RoutePlan.Visit> kept =
                    r.stops().stream().filter(v -> v.start() <= NOW).toList();
            List<RoutePlan.Visit> first = after.route(r.vehicleId()).stops().subList(0, kept.size());
            for (int i = 0; i < kept.size(); i++) {
                started++;
                RoutePlan.Visit v = kept.get(i);
                assertThat(first.get(i).stopId()).isEqualTo(v.stopId());
                assertThat(first.get(i).fixed()).isTrue();
                assertThat(now.get(v.stopId()).start()).isEqualTo(v.start());
                assertThat(ownerAfter.get(v.stopId())).isEqualTo(ownerBefore.get(v.stopId()));
            }
        }
        assertThat(started).as("some work had started by 11:00").isPositive();
        for (RoutePlan.Visit v : now.values()) {
            if (!v.fixed()) {
                assertThat(v.start())
                        .as(v.stopId() + " starts after the change")
                        .isGreaterThanOrEqualTo(NOW);
            }
        }
    }
}
