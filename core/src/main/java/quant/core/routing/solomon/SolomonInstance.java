package quant.core.routing.solomon;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import quant.core.importing.ImportException;
import quant.core.routing.RoutingProblem;
import quant.core.routing.RoutingProblem.Objective;
import quant.core.routing.RoutingProblem.Priority;
import quant.core.routing.RoutingProblem.Stop;
import quant.core.routing.RoutingProblem.Travel;
import quant.core.routing.RoutingProblem.Vehicle;

/**
 * A Solomon (1987) VRPTW instance in the standard text format: the name, a {@code VEHICLE} block with
 * the number and capacity, and a {@code CUSTOMER} table whose first row is the depot.
 *
 * <p>The literature's conventions: distance is Euclidean and not rounded, travel time equals
 * distance, service must start by the due date and the vehicle must be back by the depot's due date.
 *
 * @param name the instance name (first line)
 * @param vehicles vehicles available
 * @param capacity capacity of each
 * @param customers the depot first, then the customers in file order
 */
public record SolomonInstance(String name, int vehicles, int capacity, List<Customer> customers) {

    public SolomonInstance {
        customers = List.copyOf(customers);
    }

    /** A row of the customer table. */
    public record Customer(int id, double x, double y, int demand, double ready, double due, double service) {}

    public Customer depot() {
        return customers.getFirst();
    }

    /** Euclidean distance between rows {@code i} and {@code j}, unrounded. */
    public double distance(int i, int j) {
        Customer a = customers.get(i);
        Customer b = customers.get(j);
        return Math.hypot(a.x() - b.x(), a.y() - b.y());
    }

    /**
     * Reads a file. Errors name the file and line: a row that is not numbers, a customer number used
     * twice, a negative demand or service time, a window that closes before it opens, coordinates or
     * times that are not finite, a fleet without vehicles or capacity.
     *
     * @throws IOException when the file cannot be read
     * @throws ImportException when it is not in the format
     */
    public static SolomonInstance read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        String name = null;
        int vehicles = -1;
        int capacity = -1;
        List<Customer> customers = new ArrayList<>();
        boolean inVehicles = false;
        boolean inCustomers = false;
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n).trim();
            if (line.isEmpty()) {
                continue;
            }
            if (name == null) {
                name = line;
                continue;
            }
            if (line.startsWith("VEHICLE")) {
                inVehicles = true;
                continue;
            }
            if (line.startsWith("CUSTOMER")) {
                inVehicles = false;
                inCustomers = true;
                continue;
            }
            String[] f = line.split("\\s+");
            if (!Character.isDigit(f[0].charAt(0))) {
                continue; // a column header
            }
            try {
                if (inVehicles && vehicles < 0) {
                    vehicles = Integer.parseInt(f[0]);
                    capacity = Integer.parseInt(f[1]);
                } else if (inCustomers) {
                    Customer c = new Customer(
                            Integer.parseInt(f[0]),
                            Double.parseDouble(f[1]),
                            Double.parseDouble(f[2]),
                            Integer.parseInt(f[3]),
                            Double.parseDouble(f[4]),
                            Double.parseDouble(f[5]),
                            Double.parseDouble(f[6]));
                    String wrong = wrong(c, customers);
                    if (wrong != null) {
                        throw new ImportException(
                                ImportException.Kind.INVALID_DATA,
                                file.getFileName() + " line " + (n + 1) + ": " + wrong + ".");
                    }
                    customers.add(c);
                }
            } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
                throw new ImportException(
                        ImportException.Kind.INVALID_DATA,
                        file.getFileName() + " line " + (n + 1) + " is not a Solomon row: \"" + line + "\".");
            }
        }
        if (vehicles < 0 || customers.size() < 2) {
            throw new ImportException(
                    ImportException.Kind.INVALID_DATA,
                    file.getFileName() + " is not a Solomon instance: it needs a VEHICLE block and a CUSTOMER table.");
        }
        if (vehicles < 1 || capacity < 1) {
            throw new ImportException(
                    ImportException.Kind.INVALID_DATA,
                    file.getFileName() + " has " + vehicles + " vehicles of capacity " + capacity
                            + "; a fleet needs at least one vehicle with a capacity of at least 1.");
        }
        return new SolomonInstance(name, vehicles, capacity, customers);
    }

    /** What is wrong with row {@code c} after {@code before}, in words, or null. */
    private static String wrong(Customer c, List<Customer> before) {
        String who = "customer " + c.id();
        if (before.stream().anyMatch(b -> b.id() == c.id())) {
            return who + " appears twice";
        }
        if (!Double.isFinite(c.x()) || !Double.isFinite(c.y())) {
            return who + "'s coordinates are not finite numbers";
        }
        if (c.demand() < 0) {
            return who + " has a negative demand (" + c.demand() + ")";
        }
        if (!Double.isFinite(c.ready()) || !Double.isFinite(c.due()) || !Double.isFinite(c.service())) {
            return who + "'s times are not finite numbers";
        }
        if (c.service() < 0) {
            return who + " has a negative service time (" + c.service() + ")";
        }
        if (c.due() < c.ready()) {
            return who + "'s time window closes (" + c.due() + ") before it opens (" + c.ready() + ")";
        }
        return null;
    }

    /** The instance as a routing problem with the literature's objective. */
    public RoutingProblem problem() {
        int n = customers.size();
        double[][] d = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                d[i][j] = distance(i, j);
            }
        }
        Travel travel = new Travel(d, d);
        Customer depot = depot();
        List<Vehicle> fleet = new ArrayList<>();
        for (int v = 1; v <= vehicles; v++) {
            fleet.add(new Vehicle(
                    String.valueOf(v),
                    "Vehicle " + v,
                    0,
                    0,
                    depot.ready(),
                    depot.due(),
                    capacity,
                    Set.of(),
                    true,
                    0,
                    List.of()));
        }
        List<Stop> stops = new ArrayList<>();
        for (int i = 1; i < n; i++) {
            Customer c = customers.get(i);
            stops.add(new Stop(
                    String.valueOf(c.id()),
                    "Customer " + c.id(),
                    i,
                    c.demand(),
                    c.service(),
                    c.ready(),
                    c.due(),
                    null,
                    Priority.NORMAL,
                    0,
                    Double.NaN));
        }
        return new RoutingProblem(name, fleet, stops, travel, Objective.literature());
    }
}
