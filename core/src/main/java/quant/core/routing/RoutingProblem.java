package quant.core.routing;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One day's routing problem in plain values, independent of the solver: who can drive, what must be
 * visited, how long it takes to get from one place to another, and what a good plan is.
 *
 * <p>Times are in one unit throughout: minutes since midnight for the store, the instance's own
 * time unit for Solomon benchmarks. Places are rows of the {@link Travel} matrices.
 *
 * @param name a label for logs and results
 * @param vehicles the technicians or vehicles available, in a stable order
 * @param stops the visits to plan, in a stable order; ids are unique
 * @param travel travel times and distances between places
 * @param objective how plans are compared
 */
public record RoutingProblem(
        String name, List<Vehicle> vehicles, List<Stop> stops, Travel travel, Objective objective) {

    public RoutingProblem {
        Objects.requireNonNull(name, "name");
        vehicles = List.copyOf(vehicles);
        stops = List.copyOf(stops);
        Objects.requireNonNull(travel, "travel");
        Objects.requireNonNull(objective, "objective");
        Set<String> ids = new HashSet<>();
        for (Stop s : stops) {
            if (!ids.add(s.id())) {
                throw new IllegalArgumentException("Stop " + s.id() + " appears twice in " + name + ".");
            }
            checkPlace(s.place(), travel, "stop " + s.id());
        }
        Set<String> vehicleIds = new HashSet<>();
        for (Vehicle v : vehicles) {
            if (!vehicleIds.add(v.id())) {
                throw new IllegalArgumentException("Vehicle " + v.id() + " appears twice in " + name + ".");
            }
            checkPlace(v.start(), travel, "vehicle " + v.id());
            checkPlace(v.end(), travel, "vehicle " + v.id());
            for (String fixed : v.fixedStops()) {
                if (!ids.contains(fixed)) {
                    throw new IllegalArgumentException(
                            "Vehicle " + v.id() + " keeps stop " + fixed + ", which is not in " + name + ".");
                }
            }
        }
    }

    private static void checkPlace(int place, Travel travel, String what) {
        if (place < 0 || place >= travel.places()) {
            throw new IllegalArgumentException("The place of " + what + " is " + place
                    + ", outside the travel matrix of " + travel.places() + " places.");
        }
    }

    /** The same problem with other stops (re-planning: a cancelled job removed, an emergency added). */
    public RoutingProblem withStops(List<Stop> newStops, List<Vehicle> newVehicles) {
        return new RoutingProblem(name, newVehicles, newStops, travel, objective);
    }

    /** The stop with this id, or null. */
    public Stop stop(String id) {
        for (Stop s : stops) {
            if (s.id().equals(id)) {
                return s;
            }
        }
        return null;
    }

    /** The vehicle with this id, or null. */
    public Vehicle vehicle(String id) {
        for (Vehicle v : vehicles) {
            if (v.id().equals(id)) {
                return v;
            }
        }
        return null;
    }

    /**
     * A technician or vehicle.
     *
     * @param id stable id (technician id, or the vehicle number)
     * @param label what people call it
     * @param start the place the day starts from
     * @param end the place the day ends at
     * @param shiftStart earliest departure
     * @param shiftEnd latest return
     * @param capacity load limit, {@link Integer#MAX_VALUE} when there is none
     * @param skills skills held (service-line codes); empty with {@code anySkill} for benchmarks
     * @param anySkill whether every stop can be served regardless of skill
     * @param costPerHour paid per hour of the working day (start to return)
     * @param fixedStops stops already done or under way, in order, which re-planning keeps first
     */
    public record Vehicle(
            String id,
            String label,
            int start,
            int end,
            double shiftStart,
            double shiftEnd,
            int capacity,
            Set<String> skills,
            boolean anySkill,
            double costPerHour,
            List<String> fixedStops) {
        public Vehicle {
            skills = Set.copyOf(skills);
            fixedStops = List.copyOf(fixedStops);
            if (!(shiftEnd >= shiftStart)) {
                throw new IllegalArgumentException("Vehicle " + id + " ends its shift before it starts.");
            }
        }

        public boolean canServe(Stop stop) {
            return anySkill || stop.skill() == null || skills.contains(stop.skill());
        }

        /** The same vehicle keeping these stops first. */
        public Vehicle keeping(List<String> stops) {
            return new Vehicle(
                    id, label, start, end, shiftStart, shiftEnd, capacity, skills, anySkill, costPerHour, stops);
        }
    }

    /**
     * A visit to make.
     *
     * @param id stable id (job id, or the Solomon customer number)
     * @param label what people call it
     * @param place row in the travel matrices
     * @param demand load taken (benchmarks); 0 for technicians
     * @param duration time spent on site
     * @param windowStart earliest start of work; arriving earlier means waiting
     * @param windowEnd latest start of work (hard or soft, see {@link Objective#hardWindows()})
     * @param skill skill required, or null
     * @param priority how much leaving it undone costs, see {@link Objective#unassignedWeight(Priority)}
     * @param value what the visit earns, for reporting
     * @param fixedStart when work actually started, for stops kept by re-planning; NaN otherwise
     */
    public record Stop(
            String id,
            String label,
            int place,
            int demand,
            double duration,
            double windowStart,
            double windowEnd,
            String skill,
            Priority priority,
            double value,
            double fixedStart) {
        public Stop {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(priority, "priority");
            if (!(duration >= 0)) {
                throw new IllegalArgumentException("Stop " + id + " has a negative duration.");
            }
            if (!(windowEnd >= windowStart)) {
                throw new IllegalArgumentException("Stop " + id + " has a window that ends before it starts.");
            }
        }

        /** The same stop, marked as started at {@code start}. */
        public Stop startedAt(double start) {
            return new Stop(id, label, place, demand, duration, windowStart, windowEnd, skill, priority, value, start);
        }

        public boolean fixed() {
            return !Double.isNaN(fixedStart);
        }
    }

    /** Job priorities as the store spells them. */
    public enum Priority {
        LOW,
        NORMAL,
        HIGH,
        EMERGENCY;

        public static Priority of(String code) {
            return code == null ? NORMAL : valueOf(code.trim().toUpperCase(java.util.Locale.ROOT));
        }

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * Travel between places: {@code time[i][j]} in the problem's time unit and {@code distance[i][j]} in
     * km (or the benchmark's distance unit).
     */
    public record Travel(double[][] time, double[][] distance) {
        public Travel {
            if (time.length != distance.length) {
                throw new IllegalArgumentException("Travel times and distances cover different places.");
            }
            for (int i = 0; i < time.length; i++) {
                if (time[i].length != time.length || distance[i].length != time.length) {
                    throw new IllegalArgumentException("Travel row " + i + " is not square.");
                }
            }
        }

        public int places() {
            return time.length;
        }

        public double time(int from, int to) {
            return time[from][to];
        }

        public double distance(int from, int to) {
            return distance[from][to];
        }
    }

    /**
     * How plans are compared. Hard: skills, capacity, hard windows, shift end. Medium: the priority
     * weight of unassigned stops. Soft: the weighted costs below, or for {@link Mode#LITERATURE} the
     * benchmark convention (vehicles used first, then distance).
     *
     * @param mode business weights or the benchmark convention
     * @param hardWindows whether a late start is forbidden (true) or costs {@code latenessPerMinute}
     * @param travelPerMinute weight of one minute of travel
     * @param costPerKm fuel and wear per road km, in money
     * @param fuelWeight weight of one unit of money spent on fuel
     * @param balancePerMinute weight of one minute of workload imbalance between technicians
     * @param latenessPerMinute weight of one minute late when windows are soft
     * @param priorityWeights weight of leaving a low, normal, high and emergency stop undone
     */
    public record Objective(
            Mode mode,
            boolean hardWindows,
            double travelPerMinute,
            double costPerKm,
            double fuelWeight,
            double balancePerMinute,
            double latenessPerMinute,
            List<Double> priorityWeights) {
        public Objective {
            priorityWeights = List.copyOf(priorityWeights);
            if (priorityWeights.size() != Priority.values().length) {
                throw new IllegalArgumentException("There must be one weight per priority.");
            }
            for (double w : priorityWeights) {
                if (!(w >= 0)) {
                    throw new IllegalArgumentException("Priority weights must be zero or more.");
                }
            }
            for (double w :
                    new double[] {travelPerMinute, costPerKm, fuelWeight, balancePerMinute, latenessPerMinute}) {
                if (!(w >= 0)) {
                    throw new IllegalArgumentException("Objective weights must be zero or more.");
                }
            }
        }

        /** The literature's objective for benchmarks: every customer, fewest vehicles, then distance. */
        public static Objective literature() {
            return new Objective(Mode.LITERATURE, true, 0, 0, 0, 0, 0, List.of(1.0, 1.0, 1.0, 1.0));
        }

        public double unassignedWeight(Priority p) {
            return priorityWeights.get(p.ordinal());
        }
    }

    /** Which soft objective applies. */
    public enum Mode {
        /** Weighted travel, fuel, balance and lateness. */
        BUSINESS,
        /** Fewest vehicles, then total distance (Solomon benchmarks). */
        LITERATURE
    }

    /** Stops by id, for lookups in order. */
    public List<Stop> stops(List<String> ids) {
        List<Stop> out = new ArrayList<>(ids.size());
        for (String id : ids) {
            out.add(Objects.requireNonNull(stop(id), id));
        }
        return out;
    }
}
