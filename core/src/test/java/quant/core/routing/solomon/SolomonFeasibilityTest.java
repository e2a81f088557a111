package quant.core.routing.solomon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import quant.core.importing.ImportException;
import quant.core.job.JobMonitor;
import quant.core.routing.RoutePlan;
import quant.core.routing.RouteSearch;

/**
 * Solves a few Solomon instances briefly and checks the answers with a checker written here from the
 * literature's rules, reading the file on its own: not the solver's cost, not {@link SolomonCheck}.
 */
class SolomonFeasibilityTest {

    static final Path DIR = Path.of("..", "..", "shared", "benchdata", "solomon_vrptw");

    @ParameterizedTest
    @ValueSource(strings = {"C101", "R101", "RC105", "R202", "C204", "RC208"})
    void solutionsAreFeasible(String name) throws IOException {
        assumeTrue(
                Files.exists(DIR.resolve(name + ".txt")),
                "../shared/benchdata/solomon_vrptw is absent: the Solomon feasibility test is skipped (see"
                        + " ../shared/benchdata/SOURCES.md)");
        Path file = DIR.resolve(name + ".txt");
        SolomonInstance instance = SolomonInstance.read(file);
        RoutePlan plan =
                RouteSearch.solve(instance.problem(), Map.of(), RouteSearch.Limits.seconds(2, 1), JobMonitor.NONE);
        List<List<Integer>> routes = plan.routes().stream()
                .filter(RoutePlan.Route::used)
                .map(r -> r.stops().stream()
                        .map(v -> Integer.parseInt(v.stopId()))
                        .toList())
                .toList();

        Checked mine = check(file, routes);
        assertThat(mine.problems).as(name).isEmpty();
        assertThat(plan.unassigned()).isEmpty();
        assertThat(routes).hasSizeLessThanOrEqualTo(25);
        // the plan's own totals and SolomonCheck agree with this checker
        assertThat(plan.totals().distance()).isCloseTo(mine.distance, within(1e-6));
        SolomonCheck theirs = SolomonCheck.of(instance, routes);
        assertThat(theirs.feasible()).isTrue();
        assertThat(theirs.distance()).isCloseTo(mine.distance, within(1e-9));
        assertThat(theirs.vehicles()).isEqualTo(routes.size());
    }

    @Test
    void theCheckersCatchBrokenSolutions() throws IOException {
        Path file = DIR.resolve("C101.txt");
        assumeTrue(Files.exists(file), "../shared/benchdata/solomon_vrptw is absent: skipped");
        SolomonInstance instance = SolomonInstance.read(file);
        // everyone on one vehicle in number order: over capacity and late
        List<Integer> all = new ArrayList<>();
        for (int i = 1; i <= 100; i++) {
            all.add(i);
        }
        assertThat(check(file, List.of(all)).problems).anyMatch(p -> p.contains("capacity"));
        assertThat(check(file, List.of(all)).problems).anyMatch(p -> p.contains("late"));
        SolomonCheck c = SolomonCheck.of(instance, List.of(all));
        assertThat(c.feasible()).isFalse();
        assertThat(c.problems()).anyMatch(p -> p.contains("over the capacity of 200"));
        // a customer left out and one served twice
        List<List<Integer>> oneEach = new ArrayList<>();
        for (int i = 1; i <= 100; i++) {
            oneEach.add(List.of(i == 100 ? 1 : i));
        }
        assertThat(check(file, oneEach).problems).contains("customer 100 served 0 times", "customer 1 served 2 times");
        assertThat(SolomonCheck.of(instance, oneEach).problems())
                .contains("Customer 100 is served 0 times.", "Customer 1 is served 2 times.");
    }

    @Test
    void aFileThatIsNotAnInstanceIsRefusedWithItsLine(@TempDir Path dir) throws IOException {
        Path bad = dir.resolve("BAD.txt");
        Files.writeString(bad, "BAD\n\nVEHICLE\nNUMBER CAPACITY\n 25 200\n\nCUSTOMER\nCUST NO.\n 0 40 50 0 0 x 0\n");
        assertThatThrownBy(() -> SolomonInstance.read(bad))
                .isInstanceOf(ImportException.class)
                .hasMessage("BAD.txt line 9 is not a Solomon row: \"0 40 50 0 0 x 0\".");
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(
            delimiter = '|',
            value = {
                " 1 45 68 10 967 912 90 | line 11: customer 1's time window closes (912.0) before it opens (967.0).",
                " 0 45 68 10 912 967 90 | line 11: customer 0 appears twice.",
                " 1 45 68 -10 912 967 90 | line 11: customer 1 has a negative demand (-10).",
                " 1 45 68 10 912 967 -5 | line 11: customer 1 has a negative service time (-5.0).",
                " 1 NaN 68 10 912 967 90 | line 11: customer 1's coordinates are not finite numbers.",
                " 1 45 68 10 912 Infinity 90 | line 11: customer 1's times are not finite numbers."
            })
    void aRowThatCannotBeRoutedIsRefusedWithItsLine(String row, String said, @TempDir Path dir) throws IOException {
        Path bad = dir.resolve("BAD.txt");
        Files.writeString(
                bad,
                "BAD\n\nVEHICLE\nNUMBER CAPACITY\n 25 200\n\nCUSTOMER\nCUST NO.\n\n 0 40 50 0 0 1236 0\n" + row + "\n");
        assertThatThrownBy(() -> SolomonInstance.read(bad))
                .isInstanceOf(ImportException.class)
                .hasMessage("BAD.txt " + said);
    }

    @Test
    void aFleetWithoutVehiclesIsRefused(@TempDir Path dir) throws IOException {
        Path bad = dir.resolve("BAD.txt");
        Files.writeString(
                bad,
                "BAD\n\nVEHICLE\nNUMBER CAPACITY\n 0 200\n\nCUSTOMER\n 0 40 50 0 0 1236 0\n 1 45 68 10 0 967 90\n");
        assertThatThrownBy(() -> SolomonInstance.read(bad))
                .hasMessage("BAD.txt has 0 vehicles of capacity 200; a fleet needs at least one vehicle with a capacity"
                        + " of at least 1.");
    }

    record Checked(List<String> problems, double distance) {}

    /**
     * The rules as the literature states them: Euclidean distance, travel time equal to distance,
     * service starting between ready time and due date (waiting when early), capacity per vehicle,
     * back at the depot by its due date, every customer once.
     */
    static Checked check(Path file, List<List<Integer>> routes) throws IOException {
        Map<Integer, double[]> rows = new HashMap<>();
        int capacity = 0;
        boolean fleetLine = false;
        for (String line : Files.readAllLines(file)) {
            String t = line.trim();
            if (t.startsWith("NUMBER")) {
                fleetLine = true;
                continue;
            }
            String[] f = t.split("\\s+");
            if (f.length == 2 && fleetLine) {
                capacity = Integer.parseInt(f[1]);
                fleetLine = false;
            } else if (f.length == 7 && Character.isDigit(f[0].charAt(0))) {
                double[] row = new double[7];
                for (int i = 0; i < 7; i++) {
                    row[i] = Double.parseDouble(f[i]);
                }
                rows.put((int) row[0], row);
            }
        }
        List<String> problems = new ArrayList<>();
        Map<Integer, Integer> served = new HashMap<>();
        double total = 0;
        double[] depot = rows.get(0);
        for (List<Integer> route : routes) {
            double[] here = depot;
            double clock = 0;
            double load = 0;
            for (int id : route) {
                double[] c = rows.get(id);
                served.merge(id, 1, Integer::sum);
                double leg = Math.sqrt(Math.pow(c[1] - here[1], 2) + Math.pow(c[2] - here[2], 2));
                total += leg;
                clock = Math.max(clock + leg, c[4]);
                if (clock > c[5] + 1e-7) {
                    problems.add("customer " + id + " started late");
                }
                clock += c[6];
                load += c[3];
                here = c;
            }
            double leg = Math.sqrt(Math.pow(depot[1] - here[1], 2) + Math.pow(depot[2] - here[2], 2));
            total += leg;
            if (clock + leg > depot[5] + 1e-7) {
                problems.add("back at the depot late");
            }
            if (load > capacity) {
                problems.add("load " + load + " over capacity " + capacity);
            }
        }
        for (int id : rows.keySet()) {
            if (id != 0 && served.getOrDefault(id, 0) != 1) {
                problems.add("customer " + id + " served " + served.getOrDefault(id, 0) + " times");
            }
        }
        return new Checked(problems, total);
    }
}
